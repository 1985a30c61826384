// The open workbook as .xlsx bytes (Office.context.document.getFileAsync, compressed, in slices), so
// the pane can offer the clerk an annotated copy of it. Hosts without it return null.

const SLICE = 4 * 1024 * 1024;
/** A workbook larger than this is not copied in the pane (memory of the WebView). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

type OfficeFile = {
  size: number;
  sliceCount: number;
  getSliceAsync(
    i: number,
    cb: (r: { status: string; value: { data: ArrayLike<number> }; error?: Error }) => void,
  ): void;
  closeAsync(cb?: () => void): void;
};

export function canReadFile(): boolean {
  return (
    typeof Office !== "undefined" &&
    typeof Office.context?.document?.getFileAsync === "function" &&
    Office.context.requirements?.isSetSupported("File", "1.1") !== false
  );
}

export async function currentWorkbookBytes(): Promise<Uint8Array | null> {
  if (!canReadFile()) return null;
  const file = await new Promise<OfficeFile>((resolve, reject) =>
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE }, (r) =>
      r.status === Office.AsyncResultStatus.Succeeded
        ? resolve(r.value as unknown as OfficeFile)
        : reject(r.error),
    ),
  );
  try {
    if (file.size > MAX_FILE_BYTES) return null;
    const out = new Uint8Array(file.size);
    let at = 0;
    for (let i = 0; i < file.sliceCount; i++) {
      const data = await new Promise<ArrayLike<number>>((resolve, reject) =>
        file.getSliceAsync(i, (r) => (r.status === "succeeded" ? resolve(r.value.data) : reject(r.error))),
      );
      if (at + data.length > out.length) break;
      out.set(data, at);
      at += data.length;
    }
    return out.subarray(0, at);
  } finally {
    file.closeAsync();
  }
}
