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

export const browserFiles: HostFiles = {
  save: saveFile,
  read: toReturnFile,
  dropped: (dt) => filesFromDrop(dt),
};

/** Files taken from one drop at most (a dropped folder is walked; anything beyond is left out and said). */
export const MAX_DROPPED = 2000;

interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?(ok: (f: File) => void, err: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (e: Entry[]) => void, err: (e: unknown) => void): void };
}

/**
 * The files of a drop: files as they are, folders walked (their .xlsx files only: a folder holds other
 * things too). Breadth first, bounded by MAX_DROPPED; `more` says files were left out.
 */
export async function filesFromDrop(dt: DataTransfer): Promise<{ files: PickedFile[]; more: boolean }> {
  const entries: Entry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dt.items ?? [])) {
    const e = (item as DataTransferItem & { webkitGetAsEntry?(): Entry | null }).webkitGetAsEntry?.();
    if (e) entries.push(e);
    else {
      const f = item.getAsFile();
      if (f) loose.push(f);
    }
  }
  if (!entries.length && !loose.length) loose.push(...Array.from(dt.files ?? []));
  const out: PickedFile[] = [...loose];
  let more = false;
  const queue: { e: Entry; top: boolean }[] = entries.map((e) => ({ e, top: true }));
  while (queue.length) {
    const { e, top } = queue.shift()!;
    if (out.length >= MAX_DROPPED) {
      more = true;
      break;
    }
    if (e.isFile && e.file) {
      if (!top && !/\.xlsx$/i.test(e.name)) continue;
      out.push(await new Promise<File>((ok, err) => e.file!(ok, err)));
    } else if (e.isDirectory && e.createReader) {
      const reader = e.createReader();
      // readEntries gives a batch at a time (100 in Chromium) until an empty one.
      for (;;) {
        const batch = await new Promise<Entry[]>((ok, err) => reader.readEntries(ok, err));
        if (!batch.length) break;
        for (const b of batch) queue.push({ e: b, top: false });
        if (queue.length > MAX_DROPPED * 2) break;
      }
    }
  }
  return { files: out, more };
}
