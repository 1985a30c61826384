// Saves bytes as a file through the browser (a blob URL: nothing leaves the machine).
export function saveFile(
  fileName: string,
  bytes: Uint8Array,
  type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export type SaveFile = typeof saveFile;
