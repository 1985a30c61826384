// Cell values: strings are always text (a string starting with "=" stays a string: no formula
// injection from untrusted returns); only a Formula object becomes a formula, with its cached result.
import type ExcelJS from "exceljs";
import type { CellValue } from "../core/sheet/types";

/** Excel's limit on the characters of one cell. */
export const CELL_TEXT_MAX = 32767;

// Characters XML 1.0 cannot hold (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; lone surrogates): a text
// from a return holding one would make the written part not well formed (openpyxl and Excel refuse it).
const XML_FORBIDDEN_RE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe to write: XML-forbidden characters replaced by U+FFFD. */
export function xmlSafe(s: string): string {
  return s.replace(XML_FORBIDDEN_RE, "\ufffd");
}

export function toXlValue(v: CellValue | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return xmlSafe(v.length > CELL_TEXT_MAX ? v.slice(0, CELL_TEXT_MAX) : v);
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  const formula = v.formula.replace(/^=/, "");
  return v.result === undefined
    ? { formula, date1904: false }
    : { formula, result: typeof v.result === "string" ? xmlSafe(v.result) : v.result, date1904: false };
}
