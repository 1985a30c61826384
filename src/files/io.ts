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

/** The legacy entries API (Firefox, Safari; Chromium too, but not on a file:// page: EncodingError). */
interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?(ok: (f: File) => void, err: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (e: Entry[]) => void, err: (e: unknown) => void): void };
}

/** The File System Access API's handles (Chromium 86+): what works on the page opened from disk. */
interface Handle {
  kind: "file" | "directory";
  name: string;
  getFile?(): Promise<File>;
  values?(): AsyncIterable<Handle>;
}

/** One dropped thing, walked: a file, or a folder whose files and sub-folders come next. */
type Node =
  | { kind: "file"; name: string; file: () => Promise<File> }
  | { kind: "dir"; children: () => Promise<Node[]> };

const fromHandle = (h: Handle): Node =>
  h.kind === "file"
    ? { kind: "file", name: h.name, file: () => h.getFile!() }
    : {
        kind: "dir",
        async children() {
          const out: Node[] = [];
          for await (const c of h.values!()) {
            out.push(fromHandle(c));
            if (out.length > MAX_DROPPED) break;
          }
          return out;
        },
      };

const fromEntry = (e: Entry): Node | null =>
  e.isFile && e.file
    ? { kind: "file", name: e.name, file: () => new Promise<File>((ok, err) => e.file!(ok, err)) }
    : e.isDirectory && e.createReader
      ? {
          kind: "dir",
          async children() {
            const reader = e.createReader!();
            const out: Node[] = [];
            // readEntries gives a batch at a time (100 in Chromium) until an empty one.
            for (;;) {
              const batch = await new Promise<Entry[]>((ok, err) => reader.readEntries(ok, err));
              if (!batch.length || out.length > MAX_DROPPED) break;
              for (const b of batch) {
                const n = fromEntry(b);
                if (n) out.push(n);
              }
            }
            return out;
          },
        }
      : null;

type Item = DataTransferItem & {
  webkitGetAsEntry?(): Entry | null;
  getAsFileSystemHandle?(): Promise<Handle | null>;
};

/**
 * The files of a drop: files as they are, folders walked (their .xlsx files only: a folder holds other
 * things too). Breadth first, bounded by MAX_DROPPED; `more` says files were left out; `unread` counts
 * folders the browser would not let the page open.
 */
export async function filesFromDrop(
  dt: DataTransfer,
): Promise<{ files: PickedFile[]; more: boolean; unread: number }> {
  // Everything a drop gives must be taken before the first await: the DataTransfer is emptied after.
  const taken = Array.from(dt.items ?? []).map((it) => {
    const item = it as Item;
    let handle: Promise<Handle | null> | null = null;
    try {
      handle = item.getAsFileSystemHandle?.() ?? null;
    } catch {
      handle = null;
    }
    return { handle, entry: item.webkitGetAsEntry?.() ?? null, file: item.getAsFile() };
  });
  const out: PickedFile[] = [];
  const top: { node: Node | null; file: File | null }[] = [];
  for (const t of taken) {
    const h = t.handle ? await t.handle.catch(() => null) : null;
    top.push({ node: h ? fromHandle(h) : t.entry ? fromEntry(t.entry) : null, file: t.file });
  }
  if (!taken.length) out.push(...Array.from(dt.files ?? []));
  let more = false;
  let unread = 0;
  const queue: { node: Node; top: boolean; file: File | null }[] = [];
  for (const t of top) {
    if (t.node) queue.push({ node: t.node, top: true, file: t.file });
    else if (t.file) out.push(t.file);
  }
  // Nodes visited at most: a tree of empty folders ends the walk too.
  let visits = 0;
  while (queue.length) {
    const { node, top: isTop, file } = queue.shift()!;
    if (out.length >= MAX_DROPPED || ++visits > MAX_DROPPED * 4) {
      more = true;
      break;
    }
    if (node.kind === "file") {
      if (!isTop && !/\.xlsx$/i.test(node.name)) continue;
      out.push(await node.file().catch(() => file ?? Promise.reject(new Error(`无法读取 ${node.name}`))));
    } else {
      const children = await node.children().catch(() => null);
      if (!children) {
        unread++;
        continue;
      }
      for (const c of children)
        if (queue.length < MAX_DROPPED * 2) queue.push({ node: c, top: false, file: null });
        else more = true;
    }
  }
  return { files: out, more, unread };
}
