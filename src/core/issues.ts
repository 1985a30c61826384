// One flat list of problems (Frictionless style). The JSON shape of an Issue is a contract:
// {"code","severity","sheet","cell","field","value","message","scope"} (scope added later: fields are
// only ever added). The message says what is wrong; where it is travels in sheet and cell, and each view
// shows it once.
import { where, type IssueCode, type IssueScope } from "./form/messages";

export type Severity = "error" | "warning";

export interface Issue {
  /** Stable machine code, e.g. "uscc.checksum": a member of the catalogue in form/messages.ts. */
  code: IssueCode;
  severity: Severity;
  sheet: string | null;
  /** A1 address of the cell, or null for a whole-file or whole-sheet issue. */
  cell: string | null;
  /** Field key (e.g. "uscc") or null. */
  field: string | null;
  /** The offending value as text (as read), or null. */
  value: string | null;
  /** Human message in zh-CN saying what is wrong and why, without the location. */
  message: string;
  /** What the issue is about (the catalogue's tag): the whole file, one data row, or one cell. */
  scope: IssueScope;
}

/** The issue as one line of plain text, the location first and once: "企业名录!B7 统一社会信用代码…". */
export function issueText(i: Pick<Issue, "sheet" | "cell" | "message">): string {
  return where(i.sheet, i.cell) + i.message;
}
