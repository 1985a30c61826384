// One flat list of problems (Frictionless style). The JSON shape of an Issue is a contract:
// {"code","severity","sheet","cell","field","value","message","scope"} (scope added later: fields are
// only ever added). The message says what is wrong; where it is travels in sheet and cell, and each view
// shows it once.
import { where, type IssueCode, type IssueScope } from "./catalogue";

export type Severity = "error" | "warning";

export interface Issue {
  /** Stable machine code, e.g. "uscc.checksum": a member of the catalogue (src/core/catalogue). */
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
  /** History and outlier warnings only (issue 26): last round's value of the cell as text, null when
   * none applies (a firm missing now, an outlier). Its presence marks a warning the clerk may explain. */
  previous?: string | null;
  /** The row's 说明 (the clerk's explanation) when the warning has one: it then counts as explained. */
  explanation?: string | null;
}

/** A history or outlier warning: explained by the row's 说明, listed for the bureau when not. */
export function isHistoryIssue(i: Issue): boolean {
  return i.previous !== undefined;
}

/** The issue as one line of plain text, the location first and once: "企业名录!B7 统一社会信用代码…". */
export function issueText(i: Pick<Issue, "sheet" | "cell" | "message">): string {
  return where(i.sheet, i.cell) + i.message;
}
