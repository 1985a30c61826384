// Issues of a plan workbook (规划配置.xlsx), for the bureau that edits it: located to the sheet and cell,
// all collected in one pass; any error refuses the whole workbook. `label` is the column's header as the
// workbook names it (年份), `value` what the cell holds.
import { q, type CatalogueEntry } from "./entry";

export const PLAN = {
  "plan.sheet_missing": {
    severity: "error",
    scope: "file",
    audience: "bureau",
    text: (a) => `缺少工作表${a.expected ? q(a.expected) : ""}${a.detail ? `(${a.detail})` : ""}`,
  },
  "plan.header_missing": {
    severity: "error",
    scope: "file",
    audience: "bureau",
    text: (a) => `第1行缺少列${q(a.label)}${a.detail ? `(${a.detail})` : ""}`,
  },
  "plan.header_duplicate": {
    severity: "error",
    scope: "file",
    audience: "bureau",
    text: (a) => `列${q(a.label)}出现两次(另一处在${a.other})，无法确定用哪一列`,
  },
  "plan.header_unknown": {
    severity: "warning",
    scope: "file",
    audience: "bureau",
    text: (a) => `不认识的列${q(a.value)}，已忽略${a.detail ? `(${a.detail})` : ""}`,
  },
  "plan.too_many_rows": {
    severity: "error",
    scope: "file",
    audience: "bureau",
    text: (a) => `行数超过上限${a.detail ?? ""}，拒绝读取`,
  },
  "plan.cell_error": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `${a.label ? q(a.label) : "单元格"}是错误值${q(a.value)}`,
  },
  "plan.required": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `${q(a.label)}不能为空`,
    noValue: "the cell is blank",
  },
  "plan.invalid": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `${q(a.label)}的值${q(a.value)}无效：${a.detail ?? ""}`,
  },
  "plan.duplicate": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `${a.label ? q(a.label) : ""}${q(a.value)}重复(首次出现在${a.other})`,
  },
  "plan.ref_unknown": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `${q(a.label)}引用的${q(a.value)}不存在${a.detail ? `：${a.detail}` : ""}`,
  },
  "plan.target_missing": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `指标${q(a.value)}缺少${a.detail ?? "目标"}`,
  },
  "plan.expr": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `${q(a.label)}的表达式有误：${a.detail ?? ""}`,
    noValue: "the detail points at the character of the expression in the cell (第15个字符：…)",
  },
  "plan.rows_missing": {
    severity: "error",
    scope: "file",
    audience: "bureau",
    text: (a) => `工作表没有数据行${a.detail ? `(${a.detail})` : ""}`,
  },
  "plan.base_missing": {
    severity: "warning",
    scope: "cell",
    audience: "bureau",
    text: (a) =>
      `${q(a.label)}为空：口径为\u201c${a.detail ?? "新增"}\u201d的指标按当前值减基期值计算，` +
      `须在目标分解表的本级汇总行(全市、全省等)填写基期值，否则该指标显示为\u2014；请在此填写规划的基期值`,
    noValue: "the cell is blank",
  },
  "plan.region_unknown": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    // detail: the name given to region(); value: the 计算 cell.
    text: (a) =>
      `${q(a.label)}为${q(a.value)}，读取的区域数据${q(a.detail)}无人能填报：各版表单的区域指标和规划的\u201c区域数据\u201d` +
      `工作表中都没有它；请在\u201c字段\u201d工作表把它加为区域指标(各地填报)，或在\u201c区域数据\u201d工作表列出(主管部门每期录入)`,
  },
  "plan.region_bureau_only": {
    severity: "warning",
    scope: "cell",
    audience: "bureau",
    text: (a) =>
      `${q(a.label)}为${q(a.value)}，读取的区域数据${q(a.detail)}不在各地报表中，须由主管部门每期在目标分解表` +
      `\u201c区域数据\u201d表录入，未录入时该指标显示为\u2014`,
  },
  "plan.normalised": {
    severity: "warning",
    scope: "cell",
    audience: "bureau",
    text: (a) => `${q(a.label)}中的全角符号或弯引号已按半角读取${a.detail ? `：${a.detail}` : ""}`,
    noValue: "the detail shows the value as read",
  },
} satisfies Record<string, CatalogueEntry>;
