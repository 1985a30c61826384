// WorkbookDescription -> .xlsx bytes with ExcelJS. Works in Node and in the browser bundle: no fs here.
// Charts, which ExcelJS cannot write, are added afterwards to the zip by chart-part.ts.
import ExcelJS from "exceljs";
import type { WorkbookDescription } from "../core/sheet/types";
import { addCharts } from "./chart-part";
import { writeSheet } from "./write-sheet";

export function writeDefinedNames(wb: ExcelJS.Workbook, desc: WorkbookDescription): void {
  for (const n of desc.names ?? []) wb.definedNames.add(n.ref, n.name);
}

export async function writeWorkbook(desc: WorkbookDescription): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const p = desc.properties;
  wb.creator = p?.creator ?? "srdi";
  if (p?.title) wb.title = p.title;
  const created = p?.created ? new Date(p.created) : undefined;
  if (created && !Number.isNaN(created.getTime())) {
    wb.created = created;
    wb.modified = created;
  }
  const modified = p?.modified ? new Date(p.modified) : undefined;
  if (modified && !Number.isNaN(modified.getTime())) wb.modified = modified;
  for (const s of desc.sheets) await writeSheet(wb, s);
  writeDefinedNames(wb, desc);
  const buf = await wb.xlsx.writeBuffer();
  const bytes = new Uint8Array(buf as ArrayBuffer);
  return desc.sheets.some((s) => s.charts && s.charts.length > 0) ? addCharts(bytes, desc) : bytes;
}
