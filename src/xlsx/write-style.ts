// CellStyle -> ExcelJS style parts. Overlapping styled ranges merge: a later range overrides only the
// properties it sets.
import type ExcelJS from "exceljs";
import type { CellStyle } from "../core/sheet/types";

export interface XlStyle {
  font?: Partial<ExcelJS.Font>;
  fill?: ExcelJS.Fill;
  numFmt?: string;
  alignment?: Partial<ExcelJS.Alignment>;
  border?: Partial<ExcelJS.Borders>;
  protection?: Partial<ExcelJS.Protection>;
}

export const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };

export function toXlStyle(s: CellStyle): XlStyle {
  const x: XlStyle = {};
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.fontSize !== undefined) font.size = s.fontSize;
  if (s.fontName !== undefined) font.name = s.fontName;
  if (s.fontColor !== undefined) font.color = { argb: argb(s.fontColor) };
  if (Object.keys(font).length) x.font = font;
  if (s.fill !== undefined) x.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.numFmt !== undefined) x.numFmt = s.numFmt;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.hAlign !== undefined) alignment.horizontal = s.hAlign;
  if (s.vAlign !== undefined) alignment.vertical = s.vAlign;
  if (s.wrap !== undefined) alignment.wrapText = s.wrap;
  if (Object.keys(alignment).length) x.alignment = alignment;
  if (s.border) x.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.locked !== undefined) x.protection = { locked: s.locked };
  return x;
}

/** Merges `x` into the cell's current style. */
export function applyXlStyle(cell: ExcelJS.Cell, x: XlStyle): void {
  if (x.font) cell.font = { ...cell.font, ...x.font };
  if (x.fill) cell.fill = x.fill;
  if (x.numFmt !== undefined) cell.numFmt = x.numFmt;
  if (x.alignment) cell.alignment = { ...cell.alignment, ...x.alignment };
  if (x.border) cell.border = { ...cell.border, ...x.border };
  if (x.protection) cell.protection = { ...cell.protection, ...x.protection };
}
