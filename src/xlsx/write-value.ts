// Cell values: strings are always text (a string starting with "=" stays a string: no formula
// injection from untrusted returns); only a Formula object becomes a formula, with its cached result.
import type ExcelJS from "exceljs";
import type { CellValue } from "../core/sheet/types";

/** Excel's limit on the characters of one cell. */
export const CELL_TEXT_MAX = 32767;

export function toXlValue(v: CellValue | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v.length > CELL_TEXT_MAX ? v.slice(0, CELL_TEXT_MAX) : v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  const formula = v.formula.replace(/^=/, "");
  return v.result === undefined
    ? { formula, date1904: false }
    : { formula, result: v.result, date1904: false };
}
