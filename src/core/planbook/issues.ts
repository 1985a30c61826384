// Problems of a plan workbook (规划配置.xlsx), pyxform style: each a code of the one catalogue
// (src/core/catalogue/plan.ts holds their templates), located to the sheet and cell. All are collected in
// one pass; any error refuses the whole workbook.
import {
  defaultSeverity,
  issueMessage,
  issueScope,
  where,
  type IssueScope,
  type PlanIssueCode,
} from "../catalogue";

export type { PlanIssueCode };

/** A plan workbook's issue: the one shape of every issue (core/issues.ts), its field the column's key. */
export interface PlanIssue {
  code: PlanIssueCode;
  severity: "error" | "warning";
  sheet: string | null;
  /** A1 address, or a header range ("A1:K1") for a missing column; null for a missing sheet. */
  cell: string | null;
  /** The column's key (e.g. "code") or null: the issue's field. */
  field: string | null;
  /** The same key, under the name plan issues first had (the JSON shape only ever adds fields). */
  column: string | null;
  /** The value as read, clipped; null when blank. */
  value: string | null;
  message: string;
  scope: IssueScope;
}

export interface PlanIssueArgs {
  /** Column header as the workbook names it (the schema's main header): the message's label. */
  header?: string;
  value?: string | null;
  detail?: string;
  /** Another cell the issue refers to (the first occurrence of a duplicate). */
  other?: string;
  expected?: string;
}

export function planIssue(
  code: PlanIssueCode,
  at: { sheet?: string | null; cell?: string | null; column?: string | null },
  args: PlanIssueArgs = {},
): PlanIssue {
  const raw = args.value ?? null;
  const { header, ...rest } = args;
  return {
    code,
    severity: defaultSeverity(code),
    sheet: at.sheet ?? null,
    cell: at.cell ?? null,
    field: at.column ?? null,
    column: at.column ?? null,
    value: raw === null || raw === "" ? null : raw.length > 200 ? raw.slice(0, 200) + "…" : raw,
    message: issueMessage(code, { ...rest, label: header }),
    scope: issueScope(code),
  };
}

/** How many problems the error's own message lists (all are in `issues`). */
const MESSAGE_ISSUES = 20;

/** The workbook is refused whole: nothing of it is used. `issues` holds every problem found. */
export class PlanBookError extends Error {
  constructor(readonly issues: PlanIssue[]) {
    const errors = issues.filter((i) => i.severity === "error");
    const lines = errors.slice(0, MESSAGE_ISSUES).map((i) => where(i.sheet, i.cell) + i.message);
    const more = errors.length > MESSAGE_ISSUES ? `\n……共${errors.length}处错误` : "";
    super(`规划配置有${errors.length}处错误，未载入：\n${lines.join("\n")}${more}`);
  }
}
