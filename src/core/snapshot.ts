// The "snapshot": what an adapter read from a workbook. The core reads returns only through it.

/** An error value such as "#DIV/0!" or "#REF!". */
export interface ErrorValue {
  error: string;
}

/** A formula cell. `result` undefined means the file holds no cached value (never calculated). */
export interface FormulaValue {
  formula: string;
  result?: string | number | boolean | ErrorValue | null;
}

/** Dates are given as Excel serial numbers by both adapters, so the core sees one representation. */
export type SnapshotValue = string | number | boolean | null | ErrorValue | FormulaValue;

export interface SheetSnapshot {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Row-major cells from A1, dense up to the last used row/column. Missing cells are null. */
  cells: SnapshotValue[][];
  /** Merged ranges, A1 ("B3:C3"). */
  merges: string[];
  /** Number formats, keyed by A1 address, only where the reader needs them (percent columns). Optional. */
  numFmts?: Record<string, string>;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /**
   * What the adapter knows of the source: file name, the file's modification time (ISO, which any copy
   * or e-mail changes) and the workbook's own saved time (docProps/core.xml dcterms:modified, ISO,
   * which copying does not change).
   */
  source?: { name?: string; modified?: string; savedAt?: string };
}

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === "object" && v !== null && "error" in v;
}

export function isFormulaValue(v: unknown): v is FormulaValue {
  return typeof v === "object" && v !== null && "formula" in v;
}
