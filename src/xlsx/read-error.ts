// Why a file could not be read as a workbook: a stable issue code and the zh-CN message for it.
import { issueMessage, type IssueCode, type MessageArgs } from "../core/catalogue";

export type ReadErrorCode =
  | "file.empty"
  | "file.not_workbook"
  | "file.corrupt"
  | "file.encrypted"
  | "file.xls"
  | "file.too_large"
  | "file.over_limit"
  | "file.too_many_rows";

export class WorkbookReadError extends Error {
  readonly code: ReadErrorCode;
  /** The sheet concerned (too many rows, the merge past the cap), else null. */
  readonly sheet: string | null;
  constructor(code: ReadErrorCode, args: MessageArgs = {}) {
    super(issueMessage(code as IssueCode, args));
    this.name = "WorkbookReadError";
    this.code = code;
    this.sheet = args.sheet ?? null;
  }
}
