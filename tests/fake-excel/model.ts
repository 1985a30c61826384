// The in-memory workbook behind the fake Excel host. It stores what Office.js would store, and parses
// entered values the way Excel parses typed input, so that tests can see formula injection happen when
// an adapter writes an untrusted string carelessly.
import { parseRange, rangeAddress, type RangeRef } from "../../src/core/a1";

export type Stored = string | number | boolean | null;

export interface FakeCell {
  value: Stored;
  /** Set when the cell holds a formula (with the leading "="). */
  formula?: string;
  /** An error value such as "#DIV/0!". */
  error?: string;
  numberFormat?: string;
  quotePrefix?: boolean;
  fill?: string;
  font?: { bold?: boolean; italic?: boolean; size?: number; color?: string; name?: string };
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  border?: boolean;
  locked?: boolean;
}

export interface FakeValidation {
  range: string;
  rule: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  ignoreBlanks?: boolean;
}

export interface FakeConditionalFormat {
  range: string;
  type: string;
  formula?: string;
  rule?: Record<string, unknown>;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface FakeChart {
  type: string;
  title?: string;
  source: string;
  series: { name?: string; values?: string; xValues?: string }[];
  position?: { start: string; end?: string };
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor?: string;
  cells: Map<string, FakeCell>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  merges: string[];
  validations: FakeValidation[];
  conditionalFormats: FakeConditionalFormat[];
  protection: { protected: boolean; options: Record<string, unknown> };
  freeze: { rows: number; columns: number };
  pageLayout: Record<string, unknown>;
  charts: FakeChart[];
  notes: { cell: string; text: string }[];
  autoFilter?: string;
}

export interface FakeName {
  name: string;
  formula: string;
}

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  comments: { cell: string; text: string }[] = [];
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /**
   * The add-in's settings saved in the document (Excel.SettingCollection, ExcelApi 1.4), as the file keeps
   * them: values round-trip through JSON.
   */
  settings = new Map<string, string>();
  private nextId = 1;

  constructor(initialSheet: string | null = "Sheet1") {
    if (initialSheet) this.addSheet(initialSheet);
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw hostError("ItemAlreadyExists", `工作表 ${name} 已存在`);
    checkSheetName(name);
    const s: FakeSheet = {
      id: `{SHEET-${this.nextId++}}`,
      name,
      visibility: "Visible",
      cells: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      merges: [],
      validations: [],
      conditionalFormats: [],
      protection: { protected: false, options: {} },
      freeze: { rows: 0, columns: 0 },
      pageLayout: {},
      charts: [],
      notes: [],
    };
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }

  sheet(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === key || s.id === key);
  }

  sheetOrThrow(key: string): FakeSheet {
    const s = this.sheet(key);
    if (!s) throw hostError("ItemNotFound", `找不到工作表 ${key}`);
    return s;
  }

  deleteSheet(key: string): void {
    const s = this.sheetOrThrow(key);
    const visible = this.sheets.filter((x) => x.visibility === "Visible" && x !== s);
    if (visible.length === 0) throw hostError("InvalidOperation", "不能删除最后一个可见工作表");
    this.sheets = this.sheets.filter((x) => x !== s);
    if (this.activeSheet === s.name) this.activeSheet = visible[0].name;
  }

  /** Values as a dense grid of the used area (what `getUsedRange(true).values` would show). */
  usedRef(s: FakeSheet): RangeRef | null {
    let bottom = -1;
    let right = -1;
    for (const [k, c] of s.cells) {
      if (c.value === null && !c.formula && !c.error) continue;
      const [r, col] = k.split(",").map(Number);
      if (r > bottom) bottom = r;
      if (col > right) right = col;
    }
    return bottom < 0 ? null : { top: 0, left: 0, bottom, right };
  }
}

export function key(r: number, c: number): string {
  return `${r},${c}`;
}

export function cellAt(s: FakeSheet, r: number, c: number): FakeCell {
  let cell = s.cells.get(key(r, c));
  if (!cell) {
    cell = { value: null };
    s.cells.set(key(r, c), cell);
  }
  return cell;
}

export function peek(s: FakeSheet, r: number, c: number): FakeCell | undefined {
  return s.cells.get(key(r, c));
}

export function eachCell(ref: RangeRef, fn: (r: number, c: number, i: number, j: number) => void): void {
  for (let r = ref.top; r <= ref.bottom; r++)
    for (let c = ref.left; c <= ref.right; c++) fn(r, c, r - ref.top, c - ref.left);
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

export function checkSheetName(name: string): void {
  if (!name || name.length > 31 || INVALID_SHEET_CHARS.test(name) || /^'|'$/.test(name))
    throw hostError("InvalidArgument", `工作表名称无效：${name}`);
}

export interface HostError extends Error {
  code: string;
}

export function hostError(code: string, message: string): HostError {
  const e = new Error(message) as HostError;
  e.name = "RichApi.Error";
  e.code = code;
  return e;
}

const ERROR_LITERALS = ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"];
const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Excel's reading of an entered value (a `values`/`formulas` element): what the UI would store had the
 * text been typed. Text-formatted ("@") cells keep the text as it is; elsewhere a leading apostrophe
 * marks text, "=", "+", "-" and "@" start a formula, and numbers, dates, TRUE/FALSE and error literals
 * are converted.
 */
export function enter(cell: FakeCell, input: unknown): void {
  delete cell.formula;
  delete cell.error;
  delete cell.quotePrefix;
  if (input === null || input === undefined) return; // null leaves the cell unchanged
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  const s = String(input);
  if (s === "") {
    cell.value = null;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = s;
    return;
  }
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    cell.quotePrefix = true;
    return;
  }
  const t = s.trim();
  if (/^[=+\-@]/.test(s) && !(NUMBER.test(t) && t !== "+" && t !== "-")) {
    cell.formula = s.startsWith("=") ? s : `=${s}`;
    cell.value = null;
    return;
  }
  if (t !== "" && NUMBER.test(t) && /\d/.test(t)) {
    cell.value = Number(t.replace(/,/g, ""));
    return;
  }
  if (/^\d+(\.\d+)?%$/.test(t)) {
    cell.value = Number(t.slice(0, -1)) / 100;
    return;
  }
  const d = ISO_DATE.exec(t);
  if (d) {
    cell.value = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])) / 86400000 + 25569;
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toUpperCase() === "TRUE";
    return;
  }
  if (ERROR_LITERALS.includes(t.toUpperCase())) {
    cell.value = null;
    cell.error = t.toUpperCase();
    return;
  }
  cell.value = s;
}

/** What `range.values` reads back for a cell. */
export function readValue(c: FakeCell | undefined): Stored {
  if (!c) return "";
  if (c.error) return c.error;
  if (c.formula) return c.value ?? 0;
  return c.value === null ? "" : c.value;
}

export function readFormula(c: FakeCell | undefined): Stored {
  if (c?.formula) return c.formula;
  return readValue(c);
}

export function readValueType(c: FakeCell | undefined): string {
  if (!c) return "Empty";
  if (c.error) return "Error";
  const v = c.formula ? (c.value ?? 0) : c.value;
  if (v === null) return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

export function normaliseRange(address: string): { sheet?: string; ref: RangeRef } {
  const bang = address.lastIndexOf("!");
  let sheet: string | undefined;
  let a = address;
  if (bang >= 0) {
    sheet = address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
    a = address.slice(bang + 1);
  }
  a = a.replace(/\$/g, "");
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows)
    return { sheet, ref: { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: 16383 } };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(a);
  if (cols) {
    const r = parseRange(`${cols[1]}1:${cols[2]}1`);
    return { sheet, ref: { top: 0, bottom: 1048575, left: r.left, right: r.right } };
  }
  return { sheet, ref: parseRange(a) };
}

export function addressOf(ref: RangeRef): string {
  return rangeAddress(ref);
}
