// One SheetDescription -> one ExcelJS worksheet, piece by piece (each piece is its own small module).
import type ExcelJS from "exceljs";
import { parseRange } from "../core/a1";
import { fitForPrint } from "../core/sheet/print-fit";
import type { SheetDescription } from "../core/sheet/types";
import { toXlConditional } from "./write-conditional";
import { toXlHeaderFooter, toXlPageSetup } from "./write-print";
import { argb, SharedStyles, toXlStyle } from "./write-style";
import { toXlValidation } from "./write-validation";
import { toXlValue, xmlSafe } from "./write-value";

export function writeValues(ws: ExcelJS.Worksheet, rows: SheetDescription["rows"]): void {
  rows.forEach((values, r) => {
    if (!values || values.length === 0) return;
    const row = ws.getRow(r + 1);
    values.forEach((v, c) => {
      if (v === null || v === undefined) return;
      row.getCell(c + 1).value = toXlValue(v);
    });
  });
}

export function writeStyles(
  ws: ExcelJS.Worksheet,
  styles: SheetDescription["styles"],
  shared = new SharedStyles(),
): void {
  for (const s of styles ?? []) {
    const x = toXlStyle(s.style);
    const r = parseRange(s.range);
    for (let row = r.top; row <= r.bottom; row++) {
      const xr = ws.getRow(row + 1);
      for (let col = r.left; col <= r.right; col++) shared.apply(xr.getCell(col + 1), x);
    }
  }
}

export function writeLayout(ws: ExcelJS.Worksheet, d: SheetDescription): void {
  d.columnWidths?.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const c of d.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  for (const [r, h] of Object.entries(d.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;
  for (const m of d.merges ?? []) ws.mergeCells(m);
  if (d.freeze && (d.freeze.rows > 0 || d.freeze.columns > 0)) {
    ws.views = [{ state: "frozen", xSplit: d.freeze.columns, ySplit: d.freeze.rows }];
  }
  if (d.autoFilter) ws.autoFilter = d.autoFilter;
  for (const r of d.pageBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();
  if (d.tabColor) ws.properties.tabColor = { argb: argb(d.tabColor) };
}

export function writeValidations(ws: ExcelJS.Worksheet, d: SheetDescription): void {
  // ExcelJS keys validations by address; a range key is written as one sqref.
  const dv = (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const v of d.validations ?? []) dv.add(v.range, toXlValidation(v));
  (d.conditionalFormats ?? []).forEach((cf, i) => ws.addConditionalFormatting(toXlConditional(cf, i + 1)));
}

export function writeNotes(ws: ExcelJS.Worksheet, d: SheetDescription): void {
  for (const n of d.notes ?? []) ws.getCell(n.cell).note = xmlSafe(n.text);
}

export function writePrint(ws: ExcelJS.Worksheet, d: SheetDescription): void {
  if (!d.print) return;
  Object.assign(ws.pageSetup, toXlPageSetup(d.print));
  const hf = toXlHeaderFooter(d.print);
  if (hf) Object.assign(ws.headerFooter, hf);
}

/** No password: the protection guards the structure against slips, not against a determined user. */
export async function writeProtection(ws: ExcelJS.Worksheet, d: SheetDescription): Promise<void> {
  const p = d.protection;
  if (!p?.protected) return;
  await ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: !!p.allowFormatColumns,
    sort: !!p.allowSort,
    autoFilter: !!p.allowAutoFilter,
  });
}

export async function writeSheet(
  wb: ExcelJS.Workbook,
  described: SheetDescription,
): Promise<ExcelJS.Worksheet> {
  // Every visible sheet is fitted to A4 the same way, whoever described it.
  const d = fitForPrint(described);
  const ws = wb.addWorksheet(d.name, { state: d.state });
  writeValues(ws, d.rows);
  writeStyles(ws, d.styles);
  writeLayout(ws, d);
  writeValidations(ws, d);
  writeNotes(ws, d);
  writePrint(ws, d);
  await writeProtection(ws, d);
  return ws;
}
