// A description read back as if from a file: what a test needs to round-trip the core without ExcelJS.
import type { WorkbookDescription } from "../../src/core/sheet/types";
import type { SnapshotValue, WorkbookSnapshot } from "../../src/core/snapshot";

export function snapshotOf(desc: WorkbookDescription): WorkbookSnapshot {
  return {
    sheets: desc.sheets.map((s) => ({
      name: s.name,
      state: s.state,
      merges: s.merges ?? [],
      cells: s.rows.map((r) =>
        r.map((v): SnapshotValue =>
          v !== null && typeof v === "object" ? { formula: v.formula, result: v.result } : v,
        ),
      ),
    })),
  };
}

export function setCell(
  snap: WorkbookSnapshot,
  sheet: string,
  row0: number,
  col0: number,
  v: SnapshotValue,
): void {
  const s = snap.sheets.find((x) => x.name === sheet)!;
  while (s.cells.length <= row0) s.cells.push([]);
  const r = s.cells[row0];
  while (r.length <= col0) r.push(null);
  r[col0] = v;
}
