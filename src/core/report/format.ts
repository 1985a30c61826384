// How values read in the bulletin: number formats for cells and text for the drafted paragraphs.
import { chineseDate } from "../china-date";
import type { Indicator } from "../plan/types";
import type { Status } from "../score/score";
import type { CellStyle } from "../sheet/types";

export const NO_DATA = "—";
// In workbooks one font name per cell: the faces every Chinese Windows has (the .docx names the
// 公文 faces with these as fallbacks).
export const FONT_TEXT = "仿宋";
export const FONT_TITLE = "黑体";
export const FONT_MASTHEAD = "宋体";
export const FONT_KAI = "楷体";
export const FONT_TABLE = "宋体";

export const STATUS_LABEL: Record<Status, string> = { green: "正常", yellow: "略滞后", red: "滞后" };
export const STATUS_STYLE: Record<Status, Pick<CellStyle, "fill" | "fontColor">> = {
  green: { fill: "C6EFCE", fontColor: "006100" },
  yellow: { fill: "FFEB9C", fontColor: "9C5700" },
  red: { fill: "FFC7CE", fontColor: "9C0006" },
};
export const UNSCORED_STYLE: Pick<CellStyle, "fill" | "fontColor"> = { fill: "EDEDED", fontColor: "595959" };

export function statusLabel(s: Status | null): string {
  return s ? STATUS_LABEL[s] : "无数据";
}

/** 百分点: a gap between two rates (a relative target), printed as such. */
const POINTS = "百分点";

export function valueNumFmt(ind: Indicator): string {
  if (ind.unit === "%") return "0.0%";
  if (ind.unit === POINTS) return '0.0"个百分点"';
  if (ind.kind === "rate") return "0.00";
  return "#,##0";
}

/** A fractional count (expected values) keeps one decimal. */
export function expectedNumFmt(ind: Indicator): string {
  if (ind.unit === "%") return "0.0%";
  if (ind.unit === POINTS) return '0.0"个百分点"';
  return ind.kind === "rate" ? "0.00" : "0.0";
}

function trim(n: number, digits: number): string {
  return String(Math.round(n * 10 ** digits) / 10 ** digits);
}

/** "62.5%", "1,234家", "3.2件", "0.45". */
export function valueText(ind: Indicator, v: number | null, digits = 1): string {
  if (v === null) return NO_DATA;
  if (ind.unit === "%") return `${trim(v * 100, digits)}%`;
  if (ind.unit === POINTS) return `${trim(v, digits)}个百分点`;
  if (ind.kind === "rate") return `${trim(v, 2)}${ind.unit}`;
  return `${trim(v, digits)}${ind.unit}`;
}

export function percentText(v: number | null, digits = 1): string {
  return v === null ? NO_DATA : `${trim(v * 100, digits)}%`;
}

/** The date line of a bulletin (defined with the other calendar helpers). */
export { chineseDate };

/**
 * 顿号-joined list, shortened beyond `max` to "A、B等N" + `counted`, the measure word and the noun the
 * sentence needs after the count ("个单位", "家企业", "项指标"): "连云区5项等10个" named nothing.
 */
export function listText(items: string[], max = 6, counted = "个"): string {
  if (items.length <= max) return items.join("、");
  return `${items.slice(0, max).join("、")}等${items.length}${counted}`;
}

/** A count on paper is a whole number: an expected 56.7 家 is written 57家. */
export function countText(n: number, unit: string): string {
  return `${Math.round(n)}${unit}`;
}

/** An ISO time as a Beijing date and time for paper: 2025年10月8日 9:00. */
export function beijingDateTime(iso: string | null): string {
  const ms = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return NO_DATA;
  const d = new Date(ms + 8 * 3600 * 1000);
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${d.getUTCHours()}:${mm}`;
}

/** An ISO date (or null) as a Chinese date, "—" when absent. */
export function chineseDateOrNone(iso: string | null): string {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? chineseDate(iso) : NO_DATA;
}

/** "增加3家" / "减少1.2个百分点" / "持平". */
export function changeText(delta: number, unit: string): string {
  if (Math.abs(delta) < 1e-9) return "持平";
  const up = delta > 0 ? "增加" : "减少";
  if (unit === "%") return `${up}${(Math.round(Math.abs(delta) * 1000) / 10).toString()}个百分点`;
  if (unit === POINTS) return `${up}${Math.round(Math.abs(delta) * 10) / 10}个百分点`;
  if (unit === "") return `${up}${Math.round(Math.abs(delta) * 100) / 100}`;
  return `${up}${Math.round(Math.abs(delta) * 10) / 10}${unit}`;
}
