// The one shape of every issue code's entry, and the one grammar of its message (pyxform's errors.py is
// the model: one template per code, filled from the same few arguments).
//
// Grammar: a message says, in zh-CN and in this order, WHAT (the column as the workbook names it, in
// “”), the VALUE the cell holds (in “”, sanitised and clipped), the RULE it breaks, then WHAT TO DO or
// what was done instead (已按…读取, 本行不予计入, 请…). It never says WHERE: the location travels as the
// issue's sheet and cell and each view puts it first, once (where(), issueText): "企业名录!B7 …".

/** What an issue is about. file: the workbook as a whole (its form, sheets and columns); an error of this
 * scope rejects the whole file. row: one data row as a whole (a repeated row, a cross-field rule, merged
 * cells). cell: one cell's value. An error in a data row, of row or cell scope, rejects that row. */
export type IssueScope = "file" | "row" | "cell";

/** Who reads and acts on the issue: the clerk filling a return, or the bureau (plan, targets, roster). */
export type Audience = "clerk" | "bureau";

/** The arguments a template fills; each message uses the parts it needs. */
export interface MessageArgs {
  /** Where: never put in the text (the issue carries it); a reader error keeps its sheet here. */
  sheet?: string | null;
  cell?: string | null;
  /** The field's header or the cell's label as the workbook names it, e.g. 统一社会信用代码, 年份. */
  label?: string;
  /** The value as read (untrusted: shown sanitised and clipped). */
  value?: string | null;
  expected?: string;
  actual?: string;
  min?: number | string;
  max?: number | string;
  /** Free detail: the read value after normalisation, a reason, a list of options. */
  detail?: string;
  /** Another cell the issue refers to (e.g. the first occurrence of a duplicate). */
  other?: string;
  /** For rule.*: the rule's own text. */
  ruleText?: string;
  /** For an expression: the 1-based character the error points at, as officers count them in the cell. */
  char?: number;
}

export interface CatalogueEntry {
  severity: "error" | "warning";
  scope: IssueScope;
  audience: Audience;
  text: (a: MessageArgs) => string;
  /** A cell-scope message that does not show the cell's value says why here (the cell is blank, showing it
   * would mislead); every other cell-scope message shows it (tests/catalogue checks). */
  noValue?: string;
}

/** Untrusted text for display: control characters made visible, long text clipped. */
export function shown(s: string | null | undefined, max = 40): string {
  if (s === null || s === undefined) return "";
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, "\uFFFD");
  const chars = Array.from(clean);
  return chars.length > max ? chars.slice(0, max).join("") + "…" : clean;
}

/** A value or name in Chinese quotes: “2028”. */
export const q = (s: string | null | undefined): string => `\u201c${shown(s)}\u201d`;
/** The label in Chinese quotes, or nothing. */
export const label = (a: MessageArgs): string => (a.label ? `\u201c${a.label}\u201d` : "");

/** "企业名录!B7 " or "工作表“企业名录”：" or "": the location as plain text shows it, before the message. */
export function where(sheet: string | null | undefined, cell: string | null | undefined): string {
  if (sheet && cell) return `${sheet}!${cell} `;
  if (sheet) return `工作表\u201c${sheet}\u201d：`;
  return "";
}
