// The words a plan's place speaks in: who issues the bulletin, who collects the returns, what its whole
// and its units are called and the level words (市级 / 省级, 市局 / 省厅). The plan states any of them
// (规划 sheet, plan JSON `words`); what it leaves blank is derived from its 地区 and its units' kinds, so
// a city plan says 全市 and 各县区、功能板块 and a provincial one 全省 and 各州（市）. Pure.
import type { PlaceWords, Plan, Unit } from "./types";

export type { PlaceWords };

export type WordKey = keyof PlaceWords;
export const WORD_KEYS: readonly WordKey[] = [
  "issuer",
  "bureau",
  "bureauShort",
  "whole",
  "level",
  "units",
  "unitsShort",
];

/** Longest a stated word may be: it is printed inside sentences and titles. */
export const MAX_WORD_CHARS = 40;
/** Characters a sheet name may not hold (本级称谓 and 单位简称 name sheets). */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
/** Longest each sheet-naming word may be: with 目标完成情况 / 完成情况 it fits Excel's 31 characters. */
const SHEET_WORD_CHARS: Partial<Record<WordKey, number>> = { level: 25, unitsShort: 27 };

/** The one character naming the level of a place: 连云港市 → 市, 云南省 → 省, 广西壮族自治区 → 区. */
export function levelChar(place: string): string {
  const last = place.trim().slice(-1);
  return "省市县区州旗盟".includes(last) && last !== "" ? last : "市";
}

/** A provincial-level place's bureau is a 厅, any other a 局. */
function bureauSuffix(place: string): string {
  return levelChar(place) === "省" || place.endsWith("自治区") ? "厅" : "局";
}

/** 单位统称 from the units' kinds: 各州（市）, 各设区市, 各县区、功能板块, 各县区, 各区, 各县, 各功能板块. */
export function unitsWordOf(units: readonly Pick<Unit, "kind">[]): string {
  const kinds = new Set(units.map((u) => u.kind));
  if (kinds.has("prefecture")) return "各州（市）";
  if (kinds.has("city")) return "各设区市";
  const d = kinds.has("district");
  const c = kinds.has("county");
  const base = d && c ? "县区" : d ? "区" : c ? "县" : "";
  if (kinds.has("zone")) return base ? `各${base}、功能板块` : "各功能板块";
  return base ? `各${base}` : "各单位";
}

/** 单位简称 from 单位统称: without the leading 各, up to the first 、 outside brackets
 * (各县区、功能板块 → 县区; 各县（市、区） → 县（市、区）). */
export function unitsShortOf(units: string): string {
  const s = units.replace(/^各/, "");
  let depth = 0;
  let out = "";
  for (const ch of s) {
    if (ch === "（" || ch === "(") depth++;
    else if ((ch === "）" || ch === ")") && depth > 0) depth--;
    else if (ch === "、" && depth === 0 && out) break;
    out += ch;
  }
  return out || "单位";
}

/** Every word of the plan's place: what the plan states, else derived from 地区 and the units' kinds. */
export function placeWords(plan: Pick<Plan, "city" | "units" | "words">): PlaceWords {
  const stated = plan.words ?? {};
  const given = (k: WordKey): string | undefined => {
    const w = stated[k];
    return typeof w === "string" && w.trim() !== "" ? w.trim() : undefined;
  };
  const L = levelChar(plan.city);
  const dept = bureauSuffix(plan.city);
  const units = given("units") ?? unitsWordOf(plan.units);
  return {
    issuer: given("issuer") ?? `${plan.city}促进中小企业发展工作领导小组办公室`,
    bureau: given("bureau") ?? `${plan.city}工业和信息化${dept}`,
    bureauShort: given("bureauShort") ?? `${L}${dept}`,
    whole: given("whole") ?? `全${L}`,
    level: given("level") ?? `${L}级`,
    units,
    unitsShort: given("unitsShort") ?? unitsShortOf(units),
  };
}

/** The bureau as its own units say it: 连云港市工业和信息化局 → 市工业和信息化局 (the place left out). */
export function bureauLocal(plan: Pick<Plan, "city" | "units" | "words">): string {
  const { bureau } = placeWords(plan);
  const city = plan.city.trim();
  return city && bureau.startsWith(city) && bureau.length > city.length
    ? levelChar(city) + bureau.slice(city.length)
    : bureau;
}

/** 单位统称 without 各, for counts: 本期10个县区、功能板块中. */
export function unitsNoun(w: PlaceWords): string {
  return w.units.replace(/^各/, "") || w.unitsShort;
}

/** What is wrong with a stated word (null when it is fine): too long, control characters, and for
 * 单位简称 a character a sheet name cannot hold. */
export function wordProblem(key: WordKey, value: string): string | null {
  if (value.length > MAX_WORD_CHARS) return `不能超过${MAX_WORD_CHARS}个字符`;
  for (const ch of value) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x20 || c === 0x7f) return "不能含换行或控制字符";
  }
  const sheetMax = SHEET_WORD_CHARS[key];
  if (sheetMax !== undefined) {
    if (SHEET_NAME_FORBIDDEN.test(value)) return "用于工作表名，不能含 [ ] : * ? / \\";
    if (value.length > sheetMax) return `用于工作表名，不能超过${sheetMax}个字符`;
  }
  return null;
}

/** Whether the plan measures platforms, bases and clusters (an indicator calls platforms()): only then
 * does the bulletin speak of them. */
export function measuresPlatforms(plan: Pick<Plan, "indicators">): boolean {
  return plan.indicators.some((i) => /\bplatforms\s*[(（]/.test(i.expr ?? ""));
}
