// What every 附件 sheet of the bulletin shares: the 附件N / title / note block, the table styles, the
// landscape A4 print setup and the few cell helpers. Each 附件 lives in its own file beside this one.
import type { Indicator } from "../../plan/types";
import type { UnitScore } from "../../score/score";
import { TABLE_HEADER } from "../../sheet/styles";
import type { CellStyle, CellValue, PrintSetup, StyledRange } from "../../sheet/types";
import { FONT_TABLE, FONT_TITLE, NO_DATA, valueNumFmt } from "../format";

export const HEAD: CellStyle = { ...TABLE_HEADER, fontName: FONT_TITLE, fontSize: 10 };
export const TITLE: CellStyle = {
  bold: true,
  fontSize: 16,
  fontName: FONT_TITLE,
  hAlign: "center",
  vAlign: "middle",
  wrap: true,
};
export const LABEL: CellStyle = { fontName: FONT_TITLE, fontSize: 14, vAlign: "middle" };
export const NOTE: CellStyle = { fontName: FONT_TABLE, wrap: true, vAlign: "top", fontSize: 10 };
export const BODY: CellStyle = { border: true, fontName: FONT_TABLE, fontSize: 10, vAlign: "middle" };

export function landscape(titleRows: string): PrintSetup {
  return {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: true,
    printTitleRows: titleRows,
    centerHorizontally: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 },
    footer: "第 &P 页，共 &N 页",
  };
}

export const v = (x: number | null): CellValue => (x === null ? NO_DATA : x);
/** A scoring completion: a value below the base is said in words, never a negative percentage. */
export const completionCell = (x: number | null): CellValue => (x !== null && x < 0 ? "低于基期" : v(x));

/** Counts are whole on paper, even where the value is fractional (序时进度应达值 56.7 → 57). */
export function expectedFmt(ind: Indicator): string {
  return ind.kind === "count" && ind.unit !== "%" ? "#,##0" : valueNumFmt(ind);
}

/** 较上期 as a signed figure: +3, −1.2个百分点 for shares. */
export function deltaCell(ind: Indicator, d: number | null | undefined): CellValue {
  if (d === null || d === undefined) return NO_DATA;
  if (ind.unit === "%")
    return Math.abs(d) < 0.0005 ? "持平" : `${d > 0 ? "+" : "−"}${(Math.abs(d) * 100).toFixed(1)}个百分点`;
  const digits = ind.kind === "rate" ? 2 : 0;
  const r = Math.abs(d).toFixed(digits);
  return Number(r) === 0 ? "持平" : `${d > 0 ? "+" : "−"}${r}`;
}

/** Title block shared by the 附件 sheets: 附件N, the title, a note; returns the header row (1-based). */
export function titleBlock(
  rows: CellValue[][],
  styles: StyledRange[],
  merges: string[],
  heights: Record<number, number>,
  n: number,
  title: string,
  note: string,
  lastCol: string,
): void {
  rows.push([`附件${n}`], [title], [note]);
  styles.push({ range: "A1", style: LABEL }, { range: "A2", style: TITLE }, { range: "A3", style: NOTE });
  merges.push(`A1:${lastCol}1`, `A2:${lastCol}2`, `A3:${lastCol}3`);
  heights[0] = 22;
  heights[1] = 30;
}

/** Units in rank order; those without a rank last. */
export const order = (units: UnitScore[]) =>
  [...units].sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity));
