// Where two snapshots of one file differ, as readable lines ("sheet!B7: ours … ≠ oracle …"), so a test can
// assert the exact list of known differences rather than a bare deep-equal.
import { address } from "../../../src/core/a1";
import type { SnapshotValue, WorkbookSnapshot } from "../../../src/core/snapshot";

/**
 * ExcelJS turns a date-formatted number into a Date rounded to the millisecond and the oracle turns that
 * back into a serial; half a millisecond, in days, is the most the two can then differ by.
 */
const DATE_MS_TOLERANCE = 0.5 / 86400000 + 1e-12;

function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Object.is(a, b) || a === b || Math.abs(a - b) <= DATE_MS_TOLERANCE;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return Object.is(a, b);
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

const show = (v: unknown) => (v === undefined ? "undefined" : JSON.stringify(v));

export function snapshotDiff(ours: WorkbookSnapshot, oracle: WorkbookSnapshot): string[] {
  const out: string[] = [];
  const list = (s: WorkbookSnapshot) => s.sheets.map((x) => `${x.name}:${x.state}`).join(",");
  if (list(ours) !== list(oracle)) out.push(`sheets: ours ${list(ours)} ≠ oracle ${list(oracle)}`);
  for (const a of ours.sheets) {
    const b = oracle.sheets.find((x) => x.name === a.name);
    if (!b) continue;
    const rows = Math.max(a.cells.length, b.cells.length);
    const cols = Math.max(a.cells[0]?.length ?? 0, b.cells[0]?.length ?? 0);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const va: SnapshotValue = a.cells[r]?.[c] ?? null;
        const vb: SnapshotValue = b.cells[r]?.[c] ?? null;
        if (!same(va, vb)) out.push(`${a.name}!${address(r, c)}: ours ${show(va)} ≠ oracle ${show(vb)}`);
      }
    const extent = (s: typeof a) => `${s.cells.length}x${s.cells[0]?.length ?? 0}`;
    if (extent(a) !== extent(b)) out.push(`${a.name}: extent ours ${extent(a)} ≠ oracle ${extent(b)}`);
    if (show(a.merges) !== show(b.merges))
      out.push(`${a.name}: merges ours ${show(a.merges)} ≠ oracle ${show(b.merges)}`);
    if (!same(a.numFmts ?? {}, b.numFmts ?? {}) || "numFmts" in a !== "numFmts" in b)
      out.push(`${a.name}: numFmts ours ${show(a.numFmts)} ≠ oracle ${show(b.numFmts)}`);
  }
  return out;
}
