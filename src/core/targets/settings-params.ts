// The 评分设置 parameters: one table drives both the sheet the bureau edits and reading it back, so a
// knob added here is written, validated in the file and read without touching either side.
import { POLICY_LABELS, type Band, type ScoringSettings } from "./types";
import {
  BASIS_LABELS,
  COMPLETION_BASIS_LABELS,
  DEFAULT_SETTINGS,
  LATE_MODE_LABELS,
  NO_TARGET_LABELS,
  SENT_BACK_TEMPLATE_LABELS,
} from "./types";

/** Stands in a note for the plan's whole (全市, 全省): the targets workbook writes the plan's word there. */
export const WHOLE = "{全域}";

type ParamValue = string | number;

export interface ParamDef {
  key: string;
  label: string;
  note: string;
  kind: "number" | "percent" | "list" | "text";
  min?: number;
  max?: number;
  list?: string[];
  /** The value written to the sheet. */
  get(s: ScoringSettings): ParamValue;
  /** Applies a cell's value; false when refused (the default stays). */
  set(s: ScoringSettings, v: { num: number | null; text: string }): boolean;
  /** The default as shown in a refusal message. */
  shownDefault: string;
}

function labelled<K extends keyof ScoringSettings>(
  key: string,
  field: K,
  label: string,
  note: string,
  labels: Record<string, string>,
): ParamDef {
  return {
    key,
    label,
    note,
    kind: "list",
    list: Object.values(labels),
    get: (s) => labels[s[field] as string],
    set: (s, v) => {
      const hit = Object.entries(labels).find(([code, text]) => v.text === text || v.text === code);
      if (!hit) return false;
      (s as unknown as Record<string, unknown>)[field] = hit[0];
      return true;
    },
    shownDefault: labels[DEFAULT_SETTINGS[field] as string],
  };
}

function numeric<K extends keyof ScoringSettings>(
  key: string,
  field: K,
  label: string,
  note: string,
  kind: "number" | "percent",
  min: number,
  max: number,
): ParamDef {
  const d = DEFAULT_SETTINGS[field] as number;
  return {
    key,
    label,
    note,
    kind,
    min,
    max,
    get: (s) => s[field] as number,
    set: (s, v) => {
      if (v.num === null || v.num < min || v.num > max) return false;
      (s as unknown as Record<string, unknown>)[field] = v.num;
      return true;
    },
    shownDefault: kind === "percent" ? `${Math.round(d * 1000) / 10}%` : String(d),
  };
}

export function bandsText(bands: Band[]): string {
  return bands.map((b) => `${b.label}:${b.min}`).join("；");
}

const MAX_BANDS = 10;

/** "好:90；较好:80；一般:60；较差:0": labels with their lowest score, highest first. */
export function parseBands(text: string): Band[] | null {
  if (text.length > 300) return null;
  const items = text
    .split(/[;；,，、\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
  if (items.length === 0 || items.length > MAX_BANDS) return null;
  const bands: Band[] = [];
  for (const it of items) {
    const sep = Math.max(it.lastIndexOf(":"), it.lastIndexOf("："), it.lastIndexOf("≥"));
    if (sep <= 0) return null;
    const label = it.slice(0, sep).replace(/[≥>=\s]+$/, "");
    const min = Number(it.slice(sep + 1).trim());
    if (label === "" || Array.from(label).length > 10 || !Number.isFinite(min)) return null;
    if (bands.length && min >= bands[bands.length - 1].min) return null;
    bands.push({ label, min });
  }
  return bands;
}

export const SETTING_PARAMS: ParamDef[] = [
  numeric("cap", "cap", "完成率上限", "展示的完成率及超额加分按此封顶(120%即1.2)", "number", 1, 10),
  labelled(
    "basis",
    "basis",
    "序时进度口径",
    "按日：已过天数÷计划总天数；按月：已过整月÷总月数",
    BASIS_LABELS,
  ),
  numeric(
    "yellow_threshold",
    "yellowThreshold",
    "黄色预警阈值",
    "完成率低于序时进度应达完成率不超过该值的为黄色，超过的为红色",
    "percent",
    0,
    1,
  ),
  numeric(
    "approx_share",
    "approxShare",
    "\u201c左右\u201d类目标达标比例",
    "如上市企业5家左右：达到目标的该比例即视为完成",
    "percent",
    0,
    1,
  ),
  labelled(
    "completion_basis",
    "completionBasis",
    "完成率口径",
    "增量：(实际值−基期值)÷(目标−基期值)，无基期值或目标不高于基期值的按存量；存量：实际值÷目标",
    COMPLETION_BASIS_LABELS,
  ),
  numeric(
    "bonus_cap",
    "bonusCap",
    "超额加分上限(分)",
    "各指标完成率超过100%的部分加权计分，合计不超过此分数，单列展示",
    "number",
    0,
    100,
  ),
  labelled(
    "late_mode",
    "lateMode",
    "迟报扣分方式",
    "按工作日：每迟一个工作日扣一次；一次性：迟报即扣一次",
    LATE_MODE_LABELS,
  ),
  numeric(
    "late_points",
    "latePoints",
    "迟报扣分(分)",
    "按工作日时为每个工作日扣分，一次性时为迟报扣分；填0不扣",
    "number",
    0,
    100,
  ),
  numeric("late_cap", "lateCap", "迟报扣分上限(分)", "迟报最多扣的分数", "number", 0, 100),
  numeric(
    "missing_points",
    "missingPoints",
    "未报送扣分(分)",
    "未报送(或报表整份退回)的单位指标得分为0，再扣此分数，排名列于最后",
    "number",
    0,
    100,
  ),
  numeric(
    "rejected_share",
    "rejectedShare",
    "退回数据行比例阈值",
    "一份报表中退回的数据行超过该比例的扣分",
    "percent",
    0,
    1,
  ),
  numeric(
    "rejected_points",
    "rejectedPoints",
    "退回数据行扣分(分)",
    "超过阈值时扣的分数；填0不扣",
    "number",
    0,
    100,
  ),
  labelled(
    "no_target",
    "noTarget",
    "无分解目标的计数类指标",
    `按份额折算：按该单位基期值占${WHOLE}基期值的比重(无基期值的按单位数平均)折算${WHOLE}目标后计分；全部不计：任一单位无分解目标的，所有单位均不计该指标`,
    NO_TARGET_LABELS,
  ),
  labelled(
    "roster_policy",
    "rosterPolicy",
    "名单核验计数",
    "汇总时给了认定名单的：只计核实的认定(名单中未找到、已撤销或复核未通过的不计，年份不符的按名单年份计)；或按填报计、在通报中列出未核实的。未给名单的均按填报计",
    POLICY_LABELS,
  ),
  numeric(
    "outlier_threshold",
    "outlierThreshold",
    "异常值提示阈值",
    "同一数值字段、同类企业(规上/规下)中偏离中位数的程度(稳健Z值，按中位数绝对偏差计，对数尺度)超过此值的提示核实；填0不检查",
    "number",
    0,
    100,
  ),
  numeric(
    "unexplained_points",
    "unexplainedPoints",
    "未说明的核实提示扣分(分)",
    "与上期相比变化较大、与同类企业明显偏离等提示，填报单位未在\u201c说明\u201d中解释的，每条扣分；填0不扣",
    "number",
    0,
    100,
  ),
  numeric(
    "unexplained_cap",
    "unexplainedCap",
    "未说明提示扣分上限(分)",
    "未说明的核实提示最多扣的分数",
    "number",
    0,
    100,
  ),
  labelled(
    "sent_back_template",
    "sentBackTemplate",
    "退回单位模板",
    "上期报表经审核退回的单位，下期模板：按退回报表预填(填报说明中写明退回原因和有错误的行)；或空白模板",
    SENT_BACK_TEMPLATE_LABELS,
  ),
  {
    key: "bands",
    label: "评价等次",
    note: "等次名称:最低分，从高到低，用分号分隔；低于最后一档最低分的也归入最后一档。如 一档:90；二档:75；三档:0",
    kind: "text",
    get: (s) => bandsText(s.bands),
    set: (s, v) => {
      const b = parseBands(v.text);
      if (!b) return false;
      s.bands = b;
      return true;
    },
    shownDefault: bandsText(DEFAULT_SETTINGS.bands),
  },
];
