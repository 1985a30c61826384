// One return file on disk -> ReturnResult, through the core's one path (readReturnBytes) that the pane
// uses too. Only the disk is the CLI's own: a file that cannot be read from disk is a rejected return
// with a file.unreadable error, never a crash; its modification time is the submission time.
import * as path from "path";
import type { Plan } from "../core/plan/types";
import type { Expectation } from "../core/read/identify";
import { readReturnBytes, type WorkbookReader } from "../core/read/read-bytes";
import type { ReturnResult } from "../core/read/types";
import { unreadableReturn } from "../core/read/unreadable";
import { readWorkbook } from "../xlsx/read";
import { zlibCrc32, zlibInflater } from "../xlsx/read-inflate-node";
import { FileRefusal, readRegularFile } from "./read-regular";

export interface ReadFileOptions {
  expect?: Expectation;
  /** The name the return is listed under; default: the file's base name. */
  name?: string;
}

export interface LoadedReturn {
  result: ReturnResult;
  /** The bytes, when the file could be read from disk (to annotate). */
  bytes: Uint8Array | null;
}

/** The .xlsx reader given to the core; the snapshot's source name is the file's base name. */
const reader: WorkbookReader = (bytes, source) =>
  readWorkbook(bytes, {
    ...source,
    name: path.basename(source.name),
    inflate: zlibInflater,
    crc32: zlibCrc32,
  });

export async function loadReturnFile(
  file: string,
  plan: Plan,
  o: ReadFileOptions = {},
): Promise<LoadedReturn> {
  const name = o.name ?? path.basename(file);
  let bytes: Uint8Array;
  let modified: string | null = null;
  try {
    ({ bytes, modified } = readRegularFile(file));
  } catch (e) {
    // Not a regular file (a FIFO, a device), too large, missing or not permitted: a listed return.
    const refused = e instanceof FileRefusal;
    const detail = refused ? e.detail : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    return {
      result: unreadableReturn(name, refused ? e.code : "file.unreadable", { args: { detail }, modified }),
      bytes: null,
    };
  }
  const result = await readReturnBytes({ name, bytes, modified }, reader, { plan, expect: o.expect });
  return { result, bytes };
}

export async function readReturnFile(
  file: string,
  plan: Plan,
  o: ReadFileOptions = {},
): Promise<ReturnResult> {
  return (await loadReturnFile(file, plan, o)).result;
}
