// Runs tests/python/inspect_xlsx.py (openpyxl) on written bytes. A missing python or openpyxl FAILS the
// test: CI installs them, and a round trip that silently skips proves nothing.
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

export const PYTHON = "/usr/bin/python3";
const SCRIPT = path.join(__dirname, "..", "..", "python", "inspect_xlsx.py");

export interface CellInfo {
  value: string | number | boolean | null;
  dataType: string;
  locked: boolean;
  numFmt: string;
  bold: boolean;
  fill: string | null;
  wrap: boolean;
  hAlign: string | null;
  note: string | null;
}
export interface ValidationInfo {
  type: string;
  operator: string | null;
  formula1: string | null;
  formula2: string | null;
  sqref: string;
  allowBlank: boolean;
  promptTitle: string | null;
  prompt: string | null;
  showInputMessage: boolean;
  errorTitle: string | null;
  error: string | null;
  errorStyle: string | null;
  showErrorMessage: boolean;
}
export interface SheetInfo {
  state: string;
  protected: boolean;
  password: string | null;
  selectLockedCells: boolean;
  freeze: string | null;
  paperSize: number | null;
  orientation: string | null;
  fitToPage: boolean;
  fitToWidth: number | null;
  fitToHeight: number | null;
  scale: number | null;
  printTitleCols: string | null;
  printTitleRows: string | null;
  horizontalCentered: boolean;
  merges: string[];
  tabColor: string | null;
  widths: Record<string, number>;
  validations: ValidationInfo[];
  conditional: { range: string; rules: { type: string; operator: string | null; formula: string[] }[] }[];
  maxRow: number;
  maxColumn: number;
}
export interface Inspection {
  sheets: string[];
  info: Record<string, SheetInfo>;
  names: Record<string, string>;
  cells: Record<string, CellInfo>;
  cached: Record<string, unknown>;
  title: string | null;
}

export function writeTemp(bytes: Uint8Array, name = "book.xlsx"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "srdi-write-"));
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

export function inspectXlsx(file: string, cells: string[] = []): Inspection {
  const r = spawnSync(PYTHON, [SCRIPT, file, ...cells], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`cannot run ${PYTHON}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`inspect_xlsx.py failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Inspection;
}

/** Writes the bytes to a temporary file, inspects it and removes it. */
export function inspectBytes(bytes: Uint8Array, cells: string[] = []): Inspection {
  const file = writeTemp(bytes);
  try {
    return inspectXlsx(file, cells);
  } finally {
    rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
