// A plan sheet as a sheet description: the spec's headers in row 1 (frozen), one row per record, widths
// from the spec, and text format on the columns an Excel cell would otherwise reinterpret (an expression
// starting with "=", a code like 2025-1 that Excel would take for a date).
import { columnLetter } from "../a1";
import type { CellValue, SheetDescription, StyledRange } from "../sheet/types";
import { TABLE_HEADER } from "../sheet/styles";
import type { SheetSpec } from "./table";

export type Record_ = Record<string, CellValue | undefined>;

/** Rows formatted as text below the data, so that rows the bureau adds keep the text format too. */
const SPARE_ROWS = 200;

export function tableSheet(spec: SheetSpec, records: Record_[], note?: string): SheetDescription {
  const cols = spec.columns;
  const rows: CellValue[][] = [cols.map((c) => c.header)];
  for (const rec of records) rows.push(cols.map((c) => rec[c.key] ?? null));
  const last = rows.length + SPARE_ROWS;
  const styles: StyledRange[] = [{ range: `A1:${columnLetter(cols.length - 1)}1`, style: TABLE_HEADER }];
  cols.forEach((c, i) => {
    if (c.text)
      styles.push({ range: `${columnLetter(i)}2:${columnLetter(i)}${last}`, style: { numFmt: "@" } });
  });
  const wrapCols = cols.map((c, i) => ((c.width ?? 10) >= 30 ? i : -1)).filter((i) => i >= 0);
  for (const i of wrapCols)
    styles.push({
      range: `${columnLetter(i)}2:${columnLetter(i)}${rows.length}`,
      style: { wrap: true, vAlign: "top" },
    });
  return {
    name: spec.name,
    state: "visible",
    rows,
    columnWidths: cols.map((c) => c.width ?? 10),
    styles,
    freeze: { rows: 1, columns: 0 },
    ...(note ? { notes: [{ cell: "A1", text: note }] } : {}),
  };
}
