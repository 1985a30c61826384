// Reads sheets of the open workbook into a WorkbookSnapshot (the shape the core reads returns from).
// Three syncs whatever the size: the sheet list, the used areas, then values/formulas/types of each area.
import { address } from "../core/a1";
import type { SheetSnapshot, SnapshotValue, WorkbookSnapshot } from "../core/snapshot";
import { runExcel } from "./errors";

export interface ReadOptions {
  /** Which sheets to read (default: all). */
  include?: (name: string) => boolean;
  /** Columns (0-based) per sheet whose number formats the reader needs (percent columns). */
  numFmtColumns?: Record<string, number[]>;
  source?: WorkbookSnapshot["source"];
}

const STATE: Record<string, SheetSnapshot["state"]> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** One cell of the snapshot from what Office.js reports (dates stay Excel serial numbers). */
export function snapshotValue(value: unknown, formula: unknown, type: string): SnapshotValue {
  const plain = (): SnapshotValue => {
    if (type === "Error") return { error: String(value) };
    if (type === "Empty" || value === "" || value === null || value === undefined) return null;
    return value as string | number | boolean;
  };
  // A text cell holding "=..." reports the same text as its formula; a real formula shows its result.
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) {
    const result = plain();
    return {
      formula: formula.slice(1),
      result: result as SnapshotValue & (string | number | boolean | null),
    };
  }
  return plain();
}

/** The grid without trailing empty rows. */
function grid(values: unknown[][], formulas: unknown[][], types: string[][]): SnapshotValue[][] {
  const cells = values.map((row, r) => row.map((v, c) => snapshotValue(v, formulas[r][c], types[r][c])));
  while (cells.length && cells[cells.length - 1].every((v) => v === null)) cells.pop();
  return cells;
}

export async function readSheetsToSnapshot(opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  return runExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    await context.sync();

    const chosen = sheets.items.filter((w) => !opts.include || opts.include(w.name));
    const used = chosen.map((w) => {
      const r = w.getUsedRangeOrNullObject(true);
      r.load("rowIndex,columnIndex,rowCount,columnCount");
      return r;
    });
    await context.sync();

    const areas = chosen.map((w, i) => {
      const u = used[i];
      if (u.isNullObject) return null;
      // From A1, so that rows[0][0] is A1 as the snapshot requires.
      const rows = u.rowIndex + u.rowCount;
      const cols = u.columnIndex + u.columnCount;
      const range = w.getRangeByIndexes(0, 0, rows, cols);
      range.load("values,formulas,valueTypes");
      const fmts = (opts.numFmtColumns?.[w.name] ?? [])
        .filter((c) => c < cols)
        .map((c) => {
          const col = w.getRangeByIndexes(0, c, rows, 1);
          col.load("numberFormat");
          return { c, col };
        });
      return { range, fmts };
    });
    await context.sync();

    const out: SheetSnapshot[] = chosen.map((w, i) => {
      const a = areas[i];
      const snap: SheetSnapshot = {
        name: w.name,
        state: STATE[w.visibility] ?? "visible",
        cells: a ? grid(a.range.values, a.range.formulas, a.range.valueTypes as string[][]) : [],
        merges: [],
      };
      if (a && a.fmts.length) {
        const numFmts: Record<string, string> = {};
        for (const { c, col } of a.fmts)
          col.numberFormat.forEach((row, r) => {
            const f = String(row[0] ?? "");
            if (f && f !== "General") numFmts[address(r, c)] = f;
          });
        snap.numFmts = numFmts;
      }
      return snap;
    });
    return { sheets: out, ...(opts.source ? { source: opts.source } : {}) };
  });
}
