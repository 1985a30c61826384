// Issues of the targets workbook (目标分解表) the bureau fills and reads back each round.
import { q, shown, type CatalogueEntry } from "./entry";

export const TARGETS = {
  "targets.unknown_form": {
    severity: "error",
    scope: "file",
    audience: "bureau",
    text: () => "该文件不是目标分解表(缺少SRDI-TARGETS标识)，请使用 srdi targets 生成的目标分解表",
  },
  "targets.plan_mismatch": {
    severity: "warning",
    scope: "file",
    audience: "bureau",
    text: (a) => `目标分解表对应的计划为${shown(a.actual)}，与当前计划${a.expected}不一致，请核实`,
  },
  "targets.missing_sheet": {
    severity: "error",
    scope: "file",
    audience: "bureau",
    text: (a) => `缺少该工作表${a.detail ? `，${a.detail}` : ""}`,
  },
  "targets.not_number": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `${a.label ?? ""}${q(a.value)}不是数字，已按未填写处理`,
  },
  "targets.negative": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `${a.label ?? ""}为${q(a.value)}，不得小于0，已按未填写处理`,
  },
  "targets.percent_points": {
    severity: "warning",
    scope: "cell",
    audience: "bureau",
    text: (a) => `${a.label ?? ""}${q(a.value)}大于1，按百分数${a.detail}%读取`,
  },
  "targets.duplicate_row": {
    severity: "error",
    scope: "row",
    audience: "bureau",
    text: (a) => `${a.label ?? ""}重复出现，以第一次出现的为准`,
  },
  "targets.sum_mismatch": {
    severity: "warning",
    scope: "file",
    audience: "bureau",
    // detail: the plan's whole (全市, 全省).
    text: (a) => `${a.label ?? ""}各地分解目标合计${a.actual}，与${a.detail ?? ""}目标${a.expected}不符`,
  },
  "targets.partial": {
    severity: "warning",
    scope: "file",
    audience: "bureau",
    text: (a) => `${a.label ?? ""}有${a.actual}个单位未分解目标，这些单位该指标只展示、不计分`,
  },
  "targets.region_invalid": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    // detail: what the cell must hold (a percentage may be negative: a growth rate).
    text: (a) => `${a.label ?? ""}为${q(a.value)}，须为${a.detail ?? "不小于0的数字"}，已按未录入处理`,
  },
  "targets.region_column_missing": {
    severity: "warning",
    scope: "file",
    audience: "bureau",
    // label: the region field's header; detail: what is used instead.
    text: (a) => `区域数据缺少\u201c${a.label ?? ""}\u201d一列，${a.detail ?? ""}`,
  },
  "targets.region_column_unknown": {
    severity: "warning",
    scope: "cell",
    audience: "bureau",
    text: (a) => `不认识的列${q(a.value)}(本规划的指标不读取这项区域数据)，已忽略`,
  },
  "targets.receipt_invalid": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `${a.label ?? ""}${q(a.value)}不是日期(应如 2025-10-12)，已按未登记处理`,
  },
  "targets.review_invalid": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) =>
      `${a.label ?? ""}为${q(a.value)}，应为\u201c待审核\u201d\u201c接受\u201d或\u201c退回\u201d，已按待审核处理`,
  },
  "settings.invalid": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `${a.label ?? ""}取值${q(a.value)}不正确，已采用默认值${a.expected}`,
  },
} satisfies Record<string, CatalogueEntry>;
