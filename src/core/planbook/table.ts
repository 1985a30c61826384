// One sheet of the plan workbook as a table (XLSForm style): headers in row 1 found through an alias table
// (Chinese and English names, any column order), unknown columns warned, missing or doubled ones errors,
// data rows from row 2 with Excel's own row numbers (blank rows skipped, never renumbered).
import { address, columnLetter } from "../a1";
import {
  isErrorValue,
  isFormulaValue,
  type SheetSnapshot,
  type SnapshotValue,
  type WorkbookSnapshot,
} from "../snapshot";
import { planIssue, type PlanIssue } from "./issues";

export interface ColumnSpec {
  key: string;
  /** The header the writer puts in row 1 (zh-CN). */
  header: string;
  /** Other names accepted for it (English keys, short forms). */
  aliases?: string[];
  required?: boolean;
  /** Written as text format ("@"): expressions and codes an Excel cell would otherwise reinterpret. */
  text?: boolean;
  width?: number;
}

export interface SheetSpec {
  name: string;
  aliases?: string[];
  columns: ColumnSpec[];
  /** A sheet that may be left out (its rows then default). */
  optional?: boolean;
  /** A sheet that must have at least one data row. */
  nonEmpty?: boolean;
  /** Why the sheet is needed, said when it is missing. */
  why?: string;
}

export interface Cell {
  /** Trimmed text of the cell: numbers as JavaScript prints them, formulas by their cached result. */
  text: string;
  raw: SnapshotValue;
  at: string;
}

export interface TableRow {
  /** Excel's row number (1-based). */
  row: number;
  cells: Record<string, Cell | undefined>;
}

export interface Table {
  spec: SheetSpec;
  /** The sheet's name as found in the workbook. */
  sheet: string;
  rows: TableRow[];
  /** Header cell of each column found, by key. */
  headers: Record<string, string>;
}

/** Plan sheets hold tens or hundreds of rows; a sheet beyond this is refused, not walked. */
export const MAX_PLAN_ROWS = 20_000;
/** Columns looked at in row 1 (the schema's widest sheet has about 20). */
export const MAX_PLAN_COLUMNS = 200;

/** Header text as compared: NFKC (full-width folded), no spaces, lower case, a trailing * dropped. */
export function headerKey(s: string): string {
  let t = s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  if (t.endsWith("*")) t = t.slice(0, -1);
  return t;
}

export function cellText(v: SnapshotValue | undefined): string {
  if (v === undefined || v === null) return "";
  if (isFormulaValue(v)) {
    const r = v.result;
    return r === undefined || r === null || isErrorValue(r) ? "" : String(r).trim();
  }
  if (isErrorValue(v)) return "";
  return String(v).trim();
}

function errorOf(v: SnapshotValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (isErrorValue(v)) return v.error;
  if (isFormulaValue(v) && v.result !== undefined && v.result !== null && isErrorValue(v.result))
    return v.result.error;
  return null;
}

/** Edit distance, bounded by the (short) names compared: sheet names are at most 31 characters. */
function distance(a: string, b: string): number {
  const x = Array.from(a.slice(0, 40));
  const y = Array.from(b.slice(0, 40));
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** The closest of `names` to `want` within 2 edits (1 for a name of two or three characters: any two
 * two-character names are 2 edits apart, so 说明 is no guess for 层级), for "did you mean". */
export function closest(want: string, names: string[]): string | null {
  let best: string | null = null;
  let bestD = Math.min(2, Math.floor(Array.from(headerKey(want)).length / 2)) + 1;
  for (const n of names.slice(0, MAX_PLAN_COLUMNS)) {
    const d = distance(headerKey(want), headerKey(n));
    if (d < bestD) [best, bestD] = [n, d];
  }
  return best;
}

function findSheet(book: WorkbookSnapshot, spec: SheetSpec): SheetSnapshot | undefined {
  const keys = new Set([spec.name, ...(spec.aliases ?? [])].map(headerKey));
  return book.sheets.find((s) => keys.has(headerKey(s.name)));
}

/** Sheet names of the workbook no spec claims (for "did you mean" on a missing sheet). */
export function unclaimedSheets(book: WorkbookSnapshot, specs: SheetSpec[]): string[] {
  const keys = new Set(specs.flatMap((s) => [s.name, ...(s.aliases ?? [])]).map(headerKey));
  return book.sheets.map((s) => s.name).filter((n) => !keys.has(headerKey(n)));
}

/**
 * Reads one sheet by its spec. Returns null when the sheet is missing or a required column is: the rows
 * of such a sheet cannot be trusted, and the problems are in `issues`.
 */
export function readTable(
  book: WorkbookSnapshot,
  spec: SheetSpec,
  issues: PlanIssue[],
  unclaimed: string[] = [],
): Table | null {
  const sheet = findSheet(book, spec);
  if (!sheet) {
    if (spec.optional) return { spec, sheet: spec.name, rows: [], headers: {} };
    const near = closest(spec.name, unclaimed);
    issues.push(
      planIssue(
        "plan.sheet_missing",
        { sheet: spec.name },
        {
          expected: spec.name,
          detail: near ? `是否应把工作表\u201c${near}\u201d改名为\u201c${spec.name}\u201d？` : spec.why,
        },
      ),
    );
    return null;
  }
  const name = sheet.name;
  if (sheet.cells.length > MAX_PLAN_ROWS + 1) {
    issues.push(planIssue("plan.too_many_rows", { sheet: name }, { detail: `(${MAX_PLAN_ROWS}行)` }));
    return null;
  }
  const byAlias = new Map<string, { col: ColumnSpec; main: string }>();
  for (const c of spec.columns)
    for (const a of [c.header, c.key, ...(c.aliases ?? [])])
      byAlias.set(headerKey(a), { col: c, main: c.header });
  const head = (sheet.cells[0] ?? []).slice(0, MAX_PLAN_COLUMNS);
  const colOf = new Map<string, number>();
  const headers: Record<string, string> = {};
  let ok = true;
  head.forEach((v, i) => {
    const t = cellText(v);
    if (t === "") return;
    const hit = byAlias.get(headerKey(t));
    const at = address(0, i);
    if (!hit) {
      const near = closest(
        t,
        spec.columns.map((c) => c.header),
      );
      issues.push(
        planIssue(
          "plan.header_unknown",
          { sheet: name, cell: at },
          {
            value: t,
            detail: near ? `是否是\u201c${near}\u201d？` : undefined,
          },
        ),
      );
      return;
    }
    const prev = colOf.get(hit.col.key);
    if (prev !== undefined) {
      ok = false;
      issues.push(
        planIssue(
          "plan.header_duplicate",
          { sheet: name, cell: at, column: hit.col.key },
          {
            header: hit.main,
            other: address(0, prev),
          },
        ),
      );
      return;
    }
    colOf.set(hit.col.key, i);
    headers[hit.col.key] = at;
  });
  const width = Math.max(1, head.length);
  for (const c of spec.columns) {
    if (!c.required || colOf.has(c.key)) continue;
    ok = false;
    issues.push(
      planIssue(
        "plan.header_missing",
        { sheet: name, cell: `A1:${columnLetter(width - 1)}1`, column: c.key },
        {
          header: c.header,
        },
      ),
    );
  }
  if (!ok) return null;
  const rows: TableRow[] = [];
  for (let r = 1; r < sheet.cells.length; r++) {
    const line = sheet.cells[r] ?? [];
    const cells: Record<string, Cell | undefined> = {};
    let filled = false;
    for (const [key, i] of colOf) {
      const raw = line[i] ?? null;
      const at = address(r, i);
      const err = errorOf(raw);
      if (err !== null) {
        const col = spec.columns.find((c) => c.key === key)!;
        issues.push(
          planIssue(
            "plan.cell_error",
            { sheet: name, cell: at, column: key },
            { header: col.header, value: err },
          ),
        );
        filled = true;
        cells[key] = { text: "", raw: null, at };
        continue;
      }
      const text = cellText(raw);
      if (text !== "") filled = true;
      cells[key] = { text, raw, at };
    }
    if (filled) rows.push({ row: r + 1, cells });
  }
  if (spec.nonEmpty && rows.length === 0)
    issues.push(planIssue("plan.rows_missing", { sheet: name, cell: "A2" }, { detail: spec.why }));
  return { spec, sheet: name, rows, headers };
}
