// Showing self-check results in the workbook: select a cell, highlight bad cells, clear the highlights.
// Highlights are conditional formats with a marker formula, so a cell's own fill is never touched and
// clearing removes exactly what the add-in added. Each operation makes a fixed number of syncs whatever
// the number of cells (tests/excel/syncs.test.ts pins them).
import { parseAddress, parseRange, rangeAddress, type RangeRef } from "../core/a1";
import { color } from "./cells";
import { runExcel } from "./errors";

/** Always TRUE; its text identifies the add-in's highlights among the sheet's conditional formats. */
export const MARK_FORMULA = '=N("srdi-check")=0';
export const MARK_FILL = "FFC7CE";
export const MARK_FONT = "9C0006";
/** More highlights than this make Excel slow; the pane lists every issue anyway. */
export const MAX_MARK_RANGES = 1000;

export interface CellMark {
  sheet: string;
  cell: string;
}

/** Marks grouped per sheet into vertical runs of adjacent cells (one conditional format per run). */
export function markRanges(marks: CellMark[]): Map<string, string[]> {
  const bySheet = new Map<string, Map<number, Set<number>>>();
  for (const m of marks) {
    let ref: { row: number; col: number };
    try {
      ref = parseAddress(m.cell);
    } catch {
      continue;
    }
    const cols = bySheet.get(m.sheet) ?? new Map<number, Set<number>>();
    const rows = cols.get(ref.col) ?? new Set<number>();
    rows.add(ref.row);
    cols.set(ref.col, rows);
    bySheet.set(m.sheet, cols);
  }
  const out = new Map<string, string[]>();
  for (const [sheet, cols] of bySheet) {
    const ranges: string[] = [];
    for (const [col, rowSet] of [...cols].sort((a, b) => a[0] - b[0])) {
      const rows = [...rowSet].sort((a, b) => a - b);
      let run: RangeRef | null = null;
      for (const r of rows) {
        if (run && r === run.bottom + 1) run.bottom = r;
        else {
          if (run) ranges.push(rangeAddress(run));
          run = { top: r, bottom: r, left: col, right: col };
        }
      }
      if (run) ranges.push(rangeAddress(run));
    }
    out.set(sheet, ranges);
  }
  return out;
}

export async function selectCell(sheet: string, cell: string): Promise<void> {
  await runExcel(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(parseRange(cell) ? cell : "A1").select();
    await context.sync();
  });
}

interface SheetMarks {
  ws: Excel.Worksheet;
  formats: Excel.ConditionalFormatCollection;
}

function cellCount(range: string): number {
  const r = parseRange(range);
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/**
 * Removes the add-in's highlights on every sheet and, when `marks` is given, adds new ones. Returns the
 * number of cells highlighted (at most MAX_MARK_RANGES ranges of them). Four syncs: the sheets, their
 * conditional formats and protection, the custom formats' rules, then the writes.
 */
export async function setHighlights(marks: CellMark[] = []): Promise<number> {
  const wanted = markRanges(marks);
  let budget = MAX_MARK_RANGES;
  let added = 0;
  await runExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    await context.sync();

    const all: SheetMarks[] = sheets.items.map((ws) => {
      const formats = ws.getRange().conditionalFormats;
      formats.load("items/type");
      ws.protection.load("protected,options");
      return { ws, formats };
    });
    await context.sync();

    // Only custom formats can carry the marker; their rule is loaded in a second, constant step.
    const customs = all.map(({ formats }) =>
      formats.items
        .filter((f) => f.type === "Custom")
        .map((f) => {
          f.custom.rule.load("formula");
          return f;
        }),
    );
    await context.sync();

    all.forEach(({ ws }, i) => {
      const old = customs[i].filter((f) => f.custom.rule.formula === MARK_FORMULA);
      const ranges = (wanted.get(ws.name) ?? []).slice(0, budget);
      if (ws.visibility !== "Visible" || (old.length === 0 && ranges.length === 0)) return;
      budget -= ranges.length;
      added += ranges.reduce((n, r) => n + cellCount(r), 0);
      const wasProtected = ws.protection.protected;
      const options = ws.protection.options;
      if (wasProtected) ws.protection.unprotect();
      for (const f of old) f.delete();
      for (const r of ranges) {
        const cf = ws.getRange(r).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        cf.custom.rule.formula = MARK_FORMULA;
        cf.custom.format.fill.color = color(MARK_FILL);
        cf.custom.format.font.color = color(MARK_FONT);
      }
      if (wasProtected) ws.protection.protect(options);
    });
    await context.sync();
  });
  return added;
}

export function clearHighlights(): Promise<number> {
  return setHighlights([]);
}
