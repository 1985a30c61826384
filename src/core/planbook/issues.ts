// Problems of a plan workbook (规划配置.xlsx), pyxform style: each a stable code with a zh-CN template,
// located to the sheet and cell. All are collected in one pass; any error refuses the whole workbook.
import { shown, where } from "../form/messages";

export type PlanIssueCode =
  | "plan.sheet_missing"
  | "plan.header_missing"
  | "plan.header_duplicate"
  | "plan.header_unknown"
  | "plan.too_many_rows"
  | "plan.cell_error"
  | "plan.required"
  | "plan.invalid"
  | "plan.duplicate"
  | "plan.ref_unknown"
  | "plan.target_missing"
  | "plan.expr"
  | "plan.rows_missing"
  | "plan.normalised"
  | "plan.base_missing"
  | "plan.region_unknown"
  | "plan.region_bureau_only";

export interface PlanIssue {
  code: PlanIssueCode;
  severity: "error" | "warning";
  sheet: string | null;
  /** A1 address, or a header range ("A1:K1") for a missing column; null for a missing sheet. */
  cell: string | null;
  /** The column's key (e.g. "code") or null. */
  column: string | null;
  /** The value as read, clipped; null when blank. */
  value: string | null;
  message: string;
}

export interface PlanIssueArgs {
  /** Column header as the workbook names it (the schema's main header). */
  header?: string;
  value?: string | null;
  detail?: string;
  /** Another cell the issue refers to (the first occurrence of a duplicate). */
  other?: string;
  expected?: string;
}

const q = (s: string | null | undefined) => `\u201c${shown(s ?? "")}\u201d`;

const TEXT: Record<PlanIssueCode, (a: PlanIssueArgs) => string> = {
  "plan.sheet_missing": (a) =>
    `缺少工作表${a.expected ? q(a.expected) : ""}${a.detail ? `(${a.detail})` : ""}`,
  "plan.header_missing": (a) => `第1行缺少列${q(a.header)}${a.detail ? `(${a.detail})` : ""}`,
  "plan.header_duplicate": (a) => `列${q(a.header)}出现两次(另一处在${a.other})，无法确定用哪一列`,
  "plan.header_unknown": (a) => `不认识的列${q(a.value)}，已忽略${a.detail ? `(${a.detail})` : ""}`,
  "plan.too_many_rows": (a) => `行数超过上限${a.detail ?? ""}，拒绝读取`,
  "plan.cell_error": (a) => `${a.header ? q(a.header) : "单元格"}是错误值${q(a.value)}`,
  "plan.required": (a) => `${q(a.header)}不能为空`,
  "plan.invalid": (a) => `${q(a.header)}的值${q(a.value)}无效：${a.detail ?? ""}`,
  "plan.duplicate": (a) => `${a.header ? q(a.header) : ""}${q(a.value)}重复(首次出现在${a.other})`,
  "plan.ref_unknown": (a) => `${q(a.header)}引用的${q(a.value)}不存在${a.detail ? `：${a.detail}` : ""}`,
  "plan.target_missing": (a) => `指标${q(a.value)}缺少${a.detail ?? "目标"}`,
  "plan.expr": (a) => `${q(a.header)}的表达式有误：${a.detail ?? ""}`,
  "plan.rows_missing": (a) => `工作表没有数据行${a.detail ? `(${a.detail})` : ""}`,
  "plan.base_missing": (a) =>
    `${q(a.header)}为空：口径为\u201c${a.detail ?? "新增"}\u201d的指标按当前值减基期值计算，` +
    `须在目标分解表\u201c全市\u201d一行填写基期值，否则该指标显示为\u2014；请在此填写规划的基期值`,
  "plan.region_unknown": (a) =>
    `${q(a.header)}读取的区域数据${q(a.detail)}无人能填报：各版表单的区域指标和规划的\u201c区域数据\u201d工作表中都没有它；` +
    `请在\u201c字段\u201d工作表把它加为区域指标(各地填报)，或在\u201c区域数据\u201d工作表列出(主管部门每期录入)`,
  "plan.region_bureau_only": (a) =>
    `${q(a.header)}读取的区域数据${q(a.detail)}不在各地报表中，须由主管部门每期在目标分解表\u201c区域数据\u201d表录入，` +
    `未录入时该指标显示为\u2014`,
  "plan.normalised": (a) =>
    `${q(a.header)}中的全角符号或弯引号已按半角读取${a.detail ? `：${a.detail}` : ""}`,
};

const WARNINGS: ReadonlySet<PlanIssueCode> = new Set([
  "plan.header_unknown",
  "plan.normalised",
  "plan.base_missing",
  "plan.region_bureau_only",
]);

export function planIssue(
  code: PlanIssueCode,
  at: { sheet?: string | null; cell?: string | null; column?: string | null },
  args: PlanIssueArgs = {},
): PlanIssue {
  const raw = args.value ?? null;
  return {
    code,
    severity: WARNINGS.has(code) ? "warning" : "error",
    sheet: at.sheet ?? null,
    cell: at.cell ?? null,
    column: at.column ?? null,
    value: raw === null || raw === "" ? null : raw.length > 200 ? raw.slice(0, 200) + "…" : raw,
    message: TEXT[code](args),
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
