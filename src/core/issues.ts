// One flat list of problems (Frictionless style). The JSON shape of an Issue is a contract:
// {"code","severity","sheet","cell","field","value","message"}.

export type Severity = "error" | "warning";

export interface Issue {
  /** Stable machine code, e.g. "uscc.checksum"; see ISSUE_CODES in form/messages.ts. */
  code: string;
  severity: Severity;
  sheet: string | null;
  /** A1 address of the cell, or null for a whole-file or whole-sheet issue. */
  cell: string | null;
  /** Field key (e.g. "uscc") or null. */
  field: string | null;
  /** The offending value as text (as read), or null. */
  value: string | null;
  /** Human message in zh-CN, saying where and why. */
  message: string;
}
