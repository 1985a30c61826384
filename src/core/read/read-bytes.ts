// Reading one return from its bytes: the one path the CLI (files on disk, worker threads) and the pane
// (files picked in the browser) share. The .xlsx reader is injected, so the core stays free of file
// formats; whatever it throws, the file is still a return that was handed in: listed, rejected, with one
// whole-file error (the reader's own code when it gives one, else file.corrupt), never a crash.
import { chinaToday } from "../china-date";
import { isIssueCode, issueScope } from "../catalogue";
import type { Plan } from "../plan/types";
import type { WorkbookSnapshot } from "../snapshot";
import type { Expectation } from "./identify";
import { readReturn } from "./read-return";
import type { ReturnResult } from "./types";
import { unreadableReturn } from "./unreadable";

/** What a return file is, wherever it came from. */
export interface ReturnBytes {
  /** The name the return is listed under (file name, or the path as the user gave it). */
  name: string;
  bytes: Uint8Array;
  /** ISO time the file was last modified, when known. */
  modified: string | null;
}

/** Bytes -> snapshot; throws an error with a `file.*` code when the bytes are not a usable workbook. */
export type WorkbookReader = (
  bytes: Uint8Array,
  source: { name: string; modified?: string },
) => Promise<WorkbookSnapshot>;

export interface ReadBytesOptions {
  plan: Plan;
  expect?: Expectation;
  /** Today in China (YYYY-MM-DD), the latest 填报日期 a version-2 return may carry; default: now. */
  today?: string;
}

/**
 * The reader's error as an issue: its code when that is a whole-file code of the catalogue, with its
 * message (the catalogue's text for that code, saying why) and its sheet; anything else is file.corrupt.
 */
function unreadable(file: ReturnBytes, e: unknown): ReturnResult {
  const err = (typeof e === "object" && e !== null ? e : {}) as { code?: unknown; sheet?: unknown };
  const code = typeof err.code === "string" && isIssueCode(err.code) ? err.code : null;
  const known = code !== null && issueScope(code) === "file";
  const detail = e instanceof Error ? e.message : String(e);
  return unreadableReturn(file.name, known ? code : "file.corrupt", {
    // A reader error's message is already the catalogue's text for its code; anything else is a detail.
    ...(known ? { message: detail } : { args: { detail } }),
    sheet: typeof err.sheet === "string" ? err.sheet : null,
    modified: file.modified,
  });
}

export async function readReturnBytes(
  file: ReturnBytes,
  read: WorkbookReader,
  opts: ReadBytesOptions,
): Promise<ReturnResult> {
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = await read(file.bytes, {
      name: file.name,
      ...(file.modified !== null ? { modified: file.modified } : {}),
    });
  } catch (e) {
    return unreadable(file, e);
  }
  return readReturn(snapshot, {
    plan: opts.plan,
    file: file.name,
    modified: file.modified,
    today: opts.today ?? chinaToday(new Date()),
    ...(opts.expect ? { expect: opts.expect } : {}),
  });
}
