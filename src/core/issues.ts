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

export function issueOrder(a: Issue, b: Issue): number {
  // Whole-file issues first, then by sheet, row, column.
  const sa = a.sheet ?? "";
  const sb = b.sheet ?? "";
  if (sa !== sb) return sa < sb ? -1 : 1;
  const ra = rowColKey(a.cell);
  const rb = rowColKey(b.cell);
  return ra - rb;
}

function rowColKey(cell: string | null): number {
  if (!cell) return -1;
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return -1;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return Number(m[2]) * 1000 + col;
}
