// Writers are loaded on the first write, not at start-up: `srdi check` and `srdi aggregate --json` never
// write a workbook and start ~0.1 s sooner without them. A bulletin is streamed to its file as its rows
// are produced (stream-write.ts) and never loads ExcelJS; templates are written with ExcelJS.
import { closeSync, openSync, renameSync, rmSync, writeSync } from "fs";
import type { WorkbookDescription } from "../core/sheet/types";

export async function writeWorkbookLazily(desc: WorkbookDescription): Promise<Uint8Array> {
  const { canStream, writeWorkbookStreamBytes } = await import("../xlsx/stream-write");
  if (canStream(desc)) return writeWorkbookStreamBytes(desc);
  const { writeWorkbookExcelJS } = await import("../xlsx/write");
  return writeWorkbookExcelJS(desc);
}

/**
 * Writes the workbook to `file`, streamed when the streaming writer takes it. The bytes go to a temporary
 * file beside it, renamed at the end: a failed write never leaves half a workbook under the name.
 */
export async function writeWorkbookFile(
  desc: WorkbookDescription,
  file: string,
  onSheet?: () => void,
): Promise<void> {
  const { canStream, writeWorkbookStream } = await import("../xlsx/stream-write");
  const temp = `${file}.${process.pid}.part`;
  const fd = openSync(temp, "w");
  const put = (chunk: Uint8Array) => {
    for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at);
  };
  try {
    if (canStream(desc)) {
      const { zlibDeflater } = await import("../xlsx/write-deflate-node");
      await writeWorkbookStream(desc, put, { deflate: zlibDeflater, onSheet });
    } else put(await writeWorkbookLazily(desc));
    closeSync(fd);
    renameSync(temp, file);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw e;
  }
}
