// The plan's own sheets of the plan workbook: 规划 (one row, like XLSForm's settings), 单位, 产业链, 层级,
// 指标 and 目标 (long format: one row per indicator and year, so new years need no new columns).
import type { SheetSpec } from "./table";

export const PLAN_SHEET: SheetSpec = {
  name: "规划",
  aliases: ["plan", "settings", "计划"],
  nonEmpty: true,
  columns: [
    { key: "id", header: "规划编号", aliases: ["plan_id", "编号"], required: true, text: true, width: 20 },
    { key: "title", header: "规划名称", aliases: ["title", "标题", "名称"], required: true, width: 40 },
    { key: "document", header: "发文字号", aliases: ["document", "文号"], width: 20 },
    { key: "city", header: "地区", aliases: ["city", "城市", "市"], required: true, width: 10 },
    {
      key: "start",
      header: "开始日期",
      aliases: ["start", "起始日期"],
      required: true,
      text: true,
      width: 12,
    },
    { key: "end", header: "结束日期", aliases: ["end", "截止日期"], required: true, text: true, width: 12 },
    {
      key: "baseDate",
      header: "基期日期",
      aliases: ["base_date", "基期"],
      required: true,
      text: true,
      width: 12,
    },
    { key: "chainsNote", header: "产业链清单说明", aliases: ["chains_note", "产业链说明"], width: 60 },
    // The words of the place (plan/words.ts); blank: derived from 地区 and the units' kinds.
    { key: "issuer", header: "发文机关", aliases: ["issuer"], width: 30 },
    { key: "bureau", header: "主管部门", aliases: ["bureau"], width: 24 },
    { key: "bureauShort", header: "主管部门简称", aliases: ["bureau_short"], width: 12 },
    { key: "whole", header: "全域称谓", aliases: ["whole", "全域"], width: 10 },
    { key: "level", header: "本级称谓", aliases: ["level", "本级"], width: 10 },
    { key: "units", header: "单位统称", aliases: ["units_word"], width: 20 },
    { key: "unitsShort", header: "单位简称", aliases: ["units_short"], width: 12 },
  ],
};

export const UNITS_SHEET: SheetSpec = {
  name: "单位",
  aliases: ["units", "填报单位"],
  nonEmpty: true,
  columns: [
    { key: "code", header: "单位代码", aliases: ["code", "代码"], required: true, text: true, width: 12 },
    { key: "name", header: "单位名称", aliases: ["name", "名称"], required: true, width: 28 },
    { key: "kind", header: "类型", aliases: ["kind", "单位类型"], required: true, width: 10 },
  ],
};

export const CHAINS_SHEET: SheetSpec = {
  name: "产业链",
  aliases: ["chains", "重点产业链"],
  // Empty is allowed when no form field takes its options from the 产业链 list (checked in read-plan).
  columns: [
    { key: "name", header: "产业链", aliases: ["name", "名称", "产业链名称"], required: true, width: 30 },
  ],
};

export const TIERS_SHEET: SheetSpec = {
  name: "层级",
  aliases: ["tiers", "梯度层级"],
  nonEmpty: true,
  why: "规划须列出自己的认定层级(层级代码、年份字段、有效期、名称)，不会默认采用内置的层级",
  columns: [
    {
      key: "tier",
      header: "层级代码",
      aliases: ["tier", "key", "层级"],
      required: true,
      text: true,
      width: 16,
    },
    { key: "yearField", header: "年份字段", aliases: ["year_field"], text: true, width: 22 },
    { key: "validity", header: "有效期(年)", aliases: ["validity_years", "有效期"], width: 10 },
    { key: "name", header: "名称", aliases: ["name", "层级名称"], required: true, width: 28 },
    { key: "from", header: "名称启用年份", aliases: ["from", "启用年份"], width: 12 },
  ],
};

export const POPULATIONS_SHEET: SheetSpec = {
  name: "人群",
  aliases: ["populations", "企业范围"],
  nonEmpty: true,
  why: "规划须列出指标统计的人群(人群代码、名称、筛选条件)，不会默认采用内置的人群",
  columns: [
    { key: "name", header: "人群代码", aliases: ["name", "代码"], required: true, text: true, width: 12 },
    { key: "label", header: "名称", aliases: ["label", "人群名称"], required: true, width: 20 },
    { key: "filter", header: "筛选条件", aliases: ["filter", "条件"], text: true, width: 60 },
  ],
};

/** Region figures only the bureau supplies (typed each round in the targets workbook's 区域数据), for a
 * computation's region(键): e.g. 规上工业应税销售增速 for a target relative to it. */
export const REGION_FIGURES_SHEET: SheetSpec = {
  name: "区域数据",
  aliases: ["region_figures", "市局区域数据"],
  optional: true,
  columns: [
    { key: "key", header: "键", aliases: ["key", "name", "字段键"], required: true, text: true, width: 28 },
    { key: "label", header: "名称", aliases: ["label", "列名"], required: true, width: 30 },
    { key: "type", header: "类型", aliases: ["type"], required: true, width: 10 },
  ],
};

export const REGION_FIGURE_TYPES = {
  小数: "decimal",
  数值: "decimal",
  百分数: "percent",
  decimal: "decimal",
  percent: "percent",
} as const;
export const REGION_FIGURE_TYPE_NAMES = { decimal: "小数", percent: "百分数" } as const;

export const INDICATORS_SHEET: SheetSpec = {
  name: "指标",
  aliases: ["indicators"],
  nonEmpty: true,
  columns: [
    {
      key: "code",
      header: "指标代码",
      aliases: ["id", "code", "代码"],
      required: true,
      text: true,
      width: 24,
    },
    { key: "name", header: "指标名称", aliases: ["name", "名称"], required: true, width: 30 },
    { key: "section", header: "章节", aliases: ["section"], text: true, width: 8 },
    { key: "unit", header: "单位", aliases: ["unit", "计量单位"], width: 6 },
    {
      key: "cmp",
      header: "比较",
      aliases: ["cmp", "comparator", "direction", "达标条件"],
      required: true,
      text: true,
      width: 8,
    },
    { key: "kind", header: "类别", aliases: ["kind"], required: true, width: 8 },
    { key: "population", header: "人群", aliases: ["population", "统计对象"], required: true, width: 14 },
    { key: "basis", header: "口径", aliases: ["basis", "measure", "目标口径"], required: true, width: 10 },
    { key: "scope", header: "考核", aliases: ["scope", "评分范围"], required: true, width: 10 },
    {
      key: "expr",
      header: "计算",
      aliases: ["expression", "formula", "计算公式", "表达式"],
      required: true,
      text: true,
      width: 50,
    },
    {
      key: "computation",
      header: "口径说明",
      aliases: ["computation", "description", "计算说明"],
      width: 40,
    },
    { key: "base", header: "基期值", aliases: ["base", "基数"], width: 10 },
    { key: "annualIncrease", header: "年均增加", aliases: ["annual_increase"], width: 10 },
    // A target relative to a region figure: 计算 − 对比, in 百分点 (单位 百分点).
    { key: "relativeTo", header: "对比", aliases: ["relative_to", "对比数据"], text: true, width: 16 },
  ],
};

export const TARGETS_SHEET: SheetSpec = {
  name: "目标",
  aliases: ["targets"],
  nonEmpty: true,
  columns: [
    {
      key: "indicator",
      header: "指标代码",
      aliases: ["indicator", "指标", "code"],
      required: true,
      text: true,
      width: 24,
    },
    { key: "year", header: "年份", aliases: ["year"], required: true, width: 8 },
    { key: "target", header: "目标值", aliases: ["target", "目标"], required: true, width: 10 },
    { key: "source", header: "出处", aliases: ["source", "原文"], width: 60 },
  ],
};

export const UNIT_KINDS = {
  设区市: "city",
  "州（市）": "prefecture",
  "州(市)": "prefecture",
  city: "city",
  区: "district",
  县: "county",
  县级市: "county",
  功能区: "zone",
  州市: "prefecture",
  市: "prefecture",
  州: "prefecture",
  prefecture: "prefecture",
  district: "district",
  county: "county",
  zone: "zone",
} as const;
export const UNIT_KIND_NAMES = {
  district: "区",
  county: "县",
  zone: "功能区",
  prefecture: "州市",
  city: "设区市",
} as const;

export const CMPS = {
  "≥": ">=",
  ">=": ">=",
  不低于: ">=",
  不少于: ">=",
  ">": ">",
  超过: ">",
  高于: ">",
  左右: "~",
  "~": "~",
} as const;
export const CMP_NAMES = { ">=": "≥", ">": ">", "~": "左右" } as const;

export const KINDS = { 计数: "count", 比率: "rate", count: "count", rate: "rate" } as const;
export const KIND_NAMES = { count: "计数", rate: "比率" } as const;

export const BASES = {
  存量: "stock",
  新增: "increase",
  新培育: "increase",
  计划期内: "since_plan_start",
  stock: "stock",
  increase: "increase",
  since_plan_start: "since_plan_start",
} as const;
export const BASIS_NAMES = { stock: "存量", increase: "新增", since_plan_start: "计划期内" } as const;

/** 仅 + the plan's whole (仅全市, 仅全省, 仅全县; the reader also takes 仅 + the plan's 全域称谓) or 仅本级. */
export const SCOPES = {
  单位: "unit",
  仅全市: "city_only",
  仅全省: "city_only",
  仅全县: "city_only",
  仅本级: "city_only",
  unit: "unit",
  city_only: "city_only",
} as const;
export const SCOPE_NAMES = { unit: "单位", city_only: "仅本级" } as const;

/** The 考核 choices of a plan whose whole is `whole` (全市, 全省, 全州): 仅 + whole among them. */
export function scopesOf(whole: string): Record<string, "unit" | "city_only"> {
  return whole ? { ...SCOPES, [`仅${whole}`]: "city_only" } : SCOPES;
}
