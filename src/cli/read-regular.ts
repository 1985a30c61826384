// Reading a file named on the command line: only a regular file, and only up to a size cap. A FIFO would
// block for ever and /dev/zero never ends; both are refused before a byte is read. The file is opened
// non-blocking and checked on the open descriptor, so what is checked is what is read.
import { closeSync, constants, fstatSync, openSync, readSync } from "fs";

/** Far above any return (a few MB); the reader refuses anything that inflates past 200 MB anyway. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export class FileRefusal extends Error {
  constructor(
    readonly detail: string,
    readonly code: "file.unreadable" | "file.too_large",
  ) {
    super(detail);
  }
}

export interface RegularFile {
  bytes: Uint8Array;
  /** Modification time, ISO. */
  modified: string;
}

/** Throws FileRefusal (not a regular file, too large) or the system error (missing, no permission). */
export function readRegularFile(file: string, maxBytes = MAX_FILE_BYTES): RegularFile {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new FileRefusal("不是普通文件", "file.unreadable");
    if (st.size > maxBytes)
      throw new FileRefusal(`文件大于 ${Math.round(maxBytes / 1024 / 1024)} MB`, "file.too_large");
    const bytes = new Uint8Array(st.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, null);
      if (n === 0) break;
      at += n;
    }
    return { bytes: at === bytes.length ? bytes : bytes.subarray(0, at), modified: st.mtime.toISOString() };
  } finally {
    closeSync(fd);
  }
}
