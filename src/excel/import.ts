// Keeps accepted returns in the bureau's workbook (ExcelApi 1.13 insertWorksheetsFromBase64): the data
// sheets of each file are inserted, renamed with the unit prefix, and a metadata sheet is written beside
// them. An older kept return of the same unit is replaced. Three syncs however many files and rows.
import type { ReturnMeta } from "../core/read/types";
import { Batch } from "./batch";
import { ExcelActionError, runExcel } from "./errors";
import { keptMetaSheet, keptNames, keptSheetNames } from "./kept-returns";
import { detectSupport, type HostSupport } from "./support";
import { queueSheet } from "./write";

export interface KeepItem {
  /** The return file, base64. */
  base64: string;
  prefix: string;
  meta: ReturnMeta;
  file: string;
  modified: string | null;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = "";
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) bin += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(bin);
}

export async function keepReturnSheets(
  items: KeepItem[],
  support: HostSupport = detectSupport(),
): Promise<string[]> {
  if (items.length === 0) return [];
  if (!support.insertSheets) throw new ExcelActionError("unsupported", "ExcelApi 1.13");
  const kept: string[] = [];
  await runExcel(async (context) => {
    const wb = context.workbook;
    wb.worksheets.load("items/name");
    await context.sync();

    const have = new Set(wb.worksheets.items.map((w) => w.name));
    const olds: string[] = [];
    const inserted = items.map((it, i) => {
      // Rename what an earlier import of the unit left, so the new sheets can take the names.
      for (const name of keptNames(it.prefix)) {
        if (!have.has(name)) continue;
        const temp = `~srdi旧${i}-${olds.length}`;
        wb.worksheets.getItem(name).name = temp;
        olds.push(temp);
      }
      return wb.insertWorksheetsFromBase64(it.base64, {
        sheetNamesToInsert: keptSheetNames(),
        positionType: "End",
      });
    });
    await context.sync();

    const batch = new Batch();
    const names = keptSheetNames();
    items.forEach((it, i) => {
      const ids = inserted[i].value;
      ids.forEach((id, k) => {
        const name = `${it.prefix}${names[k]}`;
        kept.push(name);
        batch.add(80, () => (wb.worksheets.getItem(id).name = name));
      });
      const meta = keptMetaSheet(it.prefix, it.meta, it.file, it.modified);
      let ws: Excel.Worksheet | null = null;
      batch.add(60, () => (ws = wb.worksheets.add(meta.name)));
      queueSheet(batch, wb, () => ws!, meta, support, new Set());
      batch.add(60, () => {
        ws!.visibility = "VeryHidden" as Excel.SheetVisibility;
        ws!.protection.protect();
      });
    });
    for (const t of olds) batch.add(40, () => wb.worksheets.getItem(t).delete());
    await batch.flush(context);
  });
  return kept;
}
