// WorkbookDescription -> .xlsx bytes. Works in Node and in the browser bundle: no fs here. Workbooks the
// streaming writer takes (bulletins: no validation, notes or protection) are written by it
// (stream-write.ts); the others (templates) with ExcelJS, whose charts chart-part.ts adds to the zip.
import ExcelJS from "exceljs";
import type { WorkbookDescription } from "../core/sheet/types";
import { addCharts } from "./chart-part";
import { setNoteAuthors, type NoteAuthors } from "./note-authors";
import { NOTE_AUTHOR } from "./stream-extras";
import { canStream, writeWorkbookStreamBytes } from "./stream-write";
import { writeSheet } from "./write-sheet";

export function writeDefinedNames(wb: ExcelJS.Workbook, desc: WorkbookDescription): void {
  for (const n of desc.names ?? []) wb.definedNames.add(n.ref, n.name);
}

export async function writeWorkbook(desc: WorkbookDescription): Promise<Uint8Array> {
  return canStream(desc) ? writeWorkbookStreamBytes(desc) : writeWorkbookExcelJS(desc);
}

/** The ExcelJS writer, for every description (the streaming writer's outputs are compared with it). */
export async function writeWorkbookExcelJS(desc: WorkbookDescription): Promise<Uint8Array> {
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
  let bytes: Uint8Array = new Uint8Array(buf as ArrayBuffer);
  // Notes' authors as the description names them (ExcelJS writes "Author" for every note).
  const notes: NoteAuthors = new Map(
    desc.sheets
      .filter((s) => s.notes?.length)
      .map((s) => [s.name, new Map(s.notes!.map((n) => [n.cell.toUpperCase(), n.author ?? NOTE_AUTHOR]))]),
  );
  if (notes.size) bytes = await setNoteAuthors(bytes, notes);
  return desc.sheets.some((s) => s.charts && s.charts.length > 0) ? addCharts(bytes, desc) : bytes;
}
