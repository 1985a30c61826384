// A file that could not be read as a workbook is still a return that was handed in: it is listed,
// rejected, with one whole-file error, and no rows.
import type { IssueCode, MessageArgs } from "../catalogue";
import { makeIssue } from "./issue";
import type { ReturnResult } from "./types";

export function unreadableReturn(
  file: string,
  code: IssueCode,
  opts: { message?: string; sheet?: string | null; args?: MessageArgs; modified?: string | null } = {},
): ReturnResult {
  const issue = makeIssue(code, { sheet: opts.sheet ?? null, args: opts.args });
  if (opts.message) issue.message = opts.message;
  return {
    file,
    unit: null,
    unitName: null,
    period: null,
    formVersion: null,
    meta: null,
    rejected: true,
    errors: [issue],
    warnings: [],
    rows: { read: 0, accepted: 0, rejected: 0 },
    enterprises: [],
    platforms: [],
    region: null,
    rejectedRows: [],
    modified: opts.modified ?? null,
  };
}

/**
 * True when the return is a file that could not be read as a workbook at all (its error is one of the
 * file.* codes), as opposed to a workbook that is not the right form: `srdi check` exits 2 for it and
 * no annotated copy can be made of it.
 */
export function isUnreadable(r: ReturnResult): boolean {
  return r.errors.some((i) => i.code.startsWith("file."));
}
