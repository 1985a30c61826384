// Issues of the roster workbook (认定名单) the bureau checks claimed recognitions against (core/roster).
import { label, q, type CatalogueEntry } from "./entry";

export const ROSTER = {
  "roster.no_sheet": {
    severity: "error",
    scope: "file",
    audience: "bureau",
    text: () =>
      "没有找到认定名单：需要一张表头含\u201c企业名称\u201d\u201c层级\u201d\u201c年份\u201d\u201c状态\u201d的工作表(可用 srdi roster 生成空白名单)",
  },
  "roster.missing_column": {
    severity: "error",
    scope: "file",
    audience: "bureau",
    text: (a) => `认定名单缺少列\u201c${a.expected}\u201d；请补上该列(列的先后不限)`,
  },
  "roster.too_many_rows": {
    severity: "error",
    scope: "file",
    audience: "bureau",
    text: (a) => `认定名单超过 ${a.max} 行，未读取；请按层级或年份拆分`,
  },
  "roster.required": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    noValue: "the cell is blank",
    text: (a) => `${label(a)}未填写，本行未计入名单`,
  },
  "roster.name_long": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `企业名称超过 ${a.max} 个字符，本行未计入名单：${q(a.value)}`,
  },
  "roster.tier_unknown": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `层级 ${q(a.value)} 不是本计划的层级(应为${a.detail})，本行未计入名单`,
  },
  "roster.year": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `年份须为 ${a.min} 至 ${a.max} 之间的年份，实为 ${q(a.value)}，本行未计入名单`,
  },
  "roster.status": {
    severity: "error",
    scope: "cell",
    audience: "bureau",
    text: (a) => `状态须为${a.detail}之一，实为 ${q(a.value)}，本行未计入名单`,
  },
  "roster.uscc": {
    severity: "warning",
    scope: "cell",
    audience: "bureau",
    text: (a) => `统一社会信用代码 ${q(a.value)} 不正确(${a.detail})，本行按企业名称核对`,
  },
  "roster.duplicate": {
    severity: "error",
    scope: "row",
    audience: "bureau",
    text: (a) => `与第 ${a.other} 行重复(同一企业、层级、年份和状态)，以第一次出现的为准`,
  },
} satisfies Record<string, CatalogueEntry>;
