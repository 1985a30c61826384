// Keeps accepted returns in the bureau's workbook (ExcelApi 1.13 insertWorksheetsFromBase64): the data
// sheets of each file are inserted, renamed with the unit prefix, and a metadata sheet is written beside
// them. An older kept return of the same unit is replaced. Three syncs for a round whose files fit in one
// request together; past that, one more per request-full of file bytes (measured: the base64 sent), never
// per row. A return too large for a request on its own is written from its cells in row blocks.
import type { FormDef } from "../core/form/types";
import type { ReturnMeta } from "../core/read/types";
import type { SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import type { SheetDescription, StyledRange } from "../core/sheet/types";
import { address } from "../core/a1";
import { Batch, CALL_BYTES } from "./batch";
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
  /** The workbook's saved time (docProps/core.xml), kept so 汇总 times the return as the list did. */
  savedAt?: string | null;
  /** The plan's form version the return uses: which sheets are inserted, the metadata sheet's name. */
  form: FormDef;
  /** All the plan's form versions: the unit's older kept return is replaced whichever it used. */
  forms: readonly FormDef[];
  /** The file's cells, read again only when the file is too large to insert in one request. */
  cells?: () => Promise<WorkbookSnapshot>;
}

export { bytesToBase64 } from "../host/base64";

/** What an insert call weighs in the request: the base64 string (ASCII, one byte a character) and its options. */
export function insertBytes(it: KeepItem): number {
  return it.base64.length + JSON.stringify(keptSheetNames([it.form])).length + CALL_BYTES;
}

/** Groups of items whose inserts fit one request together, in order; `large` are those that fit none. */
export function insertGroups(items: KeepItem[], budget: number): { groups: number[][]; large: number[] } {
  const groups: number[][] = [];
  const large: number[] = [];
  let used = 0;
  items.forEach((it, i) => {
    const bytes = insertBytes(it);
    if (bytes > budget) {
      large.push(i);
      return;
    }
    if (groups.length === 0 || used + bytes > budget) {
      groups.push([]);
      used = 0;
    }
    groups[groups.length - 1].push(i);
    used += bytes;
  });
  return { groups, large };
}

/** Percent (and other) number formats of a snapshot as styles: one range per run of a column's rows. */
function formatRuns(s: SheetSnapshot): StyledRange[] {
  const byCol = new Map<number, { row: number; fmt: string }[]>();
  for (const [a, fmt] of Object.entries(s.numFmts ?? {})) {
    const m = /^([A-Z]+)(\d+)$/.exec(a);
    if (!m) continue;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    const list = byCol.get(col - 1) ?? [];
    list.push({ row: Number(m[2]) - 1, fmt });
    byCol.set(col - 1, list);
  }
  const out: StyledRange[] = [];
  for (const [col, list] of byCol) {
    list.sort((x, y) => x.row - y.row);
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      const run = list[start];
      if (i < list.length && list[i].fmt === run.fmt && list[i].row === list[i - 1].row + 1) continue;
      out.push({
        range: `${address(run.row, col)}:${address(list[i - 1].row, col)}`,
        style: { numFmt: run.fmt },
      });
      start = i;
    }
  }
  return out;
}

/** A kept sheet written from its cells: values and formulas, merges and number formats. */
export function sheetFromCells(name: string, s: SheetSnapshot): SheetDescription {
  return {
    name,
    state: s.state,
    rows: s.cells.map((row) =>
      (row ?? []).map((v) => {
        if (v === null || typeof v !== "object") return v;
        if ("formula" in v) {
          const r = v.result;
          return r === null || r === undefined || typeof r === "object"
            ? { formula: v.formula }
            : { formula: v.formula, result: r };
        }
        return v.error;
      }),
    ),
    merges: s.merges,
    styles: formatRuns(s),
  };
}

export async function keepReturnSheets(
  items: KeepItem[],
  support: HostSupport = detectSupport(),
  budget?: number,
): Promise<string[]> {
  if (items.length === 0) return [];
  if (!support.insertSheets) throw new ExcelActionError("unsupported", "ExcelApi 1.13");
  const batch = new Batch(budget);
  const { groups, large } = insertGroups(items, batch.budget);
  // Read before any change to the workbook: a file that cannot be read leaves the workbook as it was.
  const cells = new Map<number, WorkbookSnapshot>();
  for (const i of large) {
    const read = items[i].cells;
    if (!read) throw new ExcelActionError("payloadTooLarge", items[i].file);
    cells.set(i, await read());
  }
  const kept: string[] = [];
  await runExcel(async (context) => {
    const wb = context.workbook;
    wb.worksheets.load("items/name");
    await context.sync();

    const have = new Set(wb.worksheets.items.map((w) => w.name));
    const olds: string[] = [];
    // Rename what an earlier import of the unit left, so the new sheets can take the names.
    items.forEach((it, i) => {
      for (const name of keptNames(it.prefix, it.forms)) {
        if (!have.has(name)) continue;
        const temp = `~srdi旧${i}-${olds.length}`;
        wb.worksheets.getItem(name).name = temp;
        olds.push(temp);
      }
    });
    const inserted = new Map<number, OfficeExtension.ClientResult<string[]>>();
    for (const [g, group] of groups.entries()) {
      // One request per group of files: the renames above ride with the first.
      if (g > 0) await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop
      for (const i of group)
        inserted.set(
          i,
          wb.insertWorksheetsFromBase64(items[i].base64, {
            sheetNamesToInsert: keptSheetNames([items[i].form]),
            positionType: "End",
          }),
        );
    }
    await context.sync();

    items.forEach((it, i) => {
      const names = keptSheetNames([it.form]);
      const ids = inserted.get(i)?.value;
      if (ids)
        ids.forEach((id, k) => {
          const name = `${it.prefix}${names[k]}`;
          kept.push(name);
          batch.add(80, () => (wb.worksheets.getItem(id).name = name));
        });
      else {
        // Too large for one request: the sheets are written from their cells, in row blocks.
        const snap = cells.get(i)!;
        for (const n of names) {
          const s = snap.sheets.find((x) => x.name === n);
          if (!s) continue;
          const d = sheetFromCells(`${it.prefix}${n}`, s);
          kept.push(d.name);
          let ws: Excel.Worksheet | null = null;
          batch.add(60, () => (ws = wb.worksheets.add(d.name)));
          queueSheet(batch, wb, () => ws!, d, support, new Set());
          if (d.state !== "visible")
            batch.add(
              40,
              () =>
                (ws!.visibility = (d.state === "hidden" ? "Hidden" : "VeryHidden") as Excel.SheetVisibility),
            );
        }
      }
      const meta = keptMetaSheet(it.prefix, it.meta, it.file, it.modified, it.savedAt ?? null, it.form);
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
