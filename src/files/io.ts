// The browser's side of files, for either host: File objects in (name, bytes, modification time), downloads
// out (a blob URL: nothing leaves the machine). The views get these through HostFilesContext
// (src/taskpane/host-files.ts) and never touch Blob, FileReader or URLs themselves.
import type { ReturnFile } from "../host/types";
import type { HostFiles, PickedFile } from "../taskpane/host-files";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Saves bytes as a file through the browser's download. */
export function saveFile(fileName: string, bytes: Uint8Array, type = XLSX_MIME): void {
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

/** Blob.arrayBuffer where the browser has it, FileReader elsewhere (older WebViews). */
function readBytes(f: Blob): Promise<ArrayBuffer> {
  if (typeof f.arrayBuffer === "function") return f.arrayBuffer();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(f);
  });
}

/** A picked file as the core reads it: its name, bytes and ISO modification time (null when unknown). */
export async function toReturnFile(f: PickedFile): Promise<ReturnFile> {
  const modified =
    Number.isFinite(f.lastModified) && f.lastModified > 0 ? new Date(f.lastModified).toISOString() : null;
  return { name: f.name, bytes: new Uint8Array(await readBytes(f)), modified };
}

export const browserFiles: HostFiles = { save: saveFile, read: toReturnFile };
