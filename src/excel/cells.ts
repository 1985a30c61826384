// Pure translations from the sheet description to what Office.js takes: entered values, number formats,
// widths, colours, validation rules. No Office.js calls here, so these are tested on their own.
import { columnLetter, parseRange, type RangeRef } from "../core/a1";
import type {
  CellValue,
  ConditionalFormat,
  DataValidation,
  SheetDescription,
  ValidationOperator,
} from "../core/sheet/types";

export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

/**
 * True when Excel could read the string as something other than the same text: a formula (= + - @),
 * a number, date, percent, boolean or error literal, or a quote-prefixed string. Office.js parses a
 * written value as if it were typed, so such a string is written into a text-formatted cell.
 * Strings starting with a CJK ideograph are never converted and keep their format.
 */
export function needsTextFormat(s: string): boolean {
  if (s === "") return false;
  return !/^\p{Script=Han}/u.test(s);
}

export function isFormula(
  v: CellValue | undefined,
): v is { formula: string; result?: string | number | boolean } {
  return typeof v === "object" && v !== null && "formula" in v;
}

/** The element to put in a `formulas` matrix: formulas with "=", blanks as "" (null would mean "unchanged"). */
export function entryOf(v: CellValue | undefined): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (isFormula(v)) return `=${v.formula.replace(/^=/, "")}`;
  return v;
}

export function sheetWidth(rows: CellValue[][]): number {
  return rows.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
}

/** Number format of each cell from the description's styles (later styles win), column-indexed for speed. */
export class FormatIndex {
  private readonly byColumn = new Map<number, { ref: RangeRef; fmt: string }[]>();

  constructor(d: SheetDescription) {
    for (const s of d.styles ?? []) {
      if (!s.style.numFmt) continue;
      const ref = parseRange(s.range);
      for (let c = ref.left; c <= ref.right; c++) {
        const list = this.byColumn.get(c) ?? [];
        list.push({ ref, fmt: s.style.numFmt });
        this.byColumn.set(c, list);
      }
    }
  }

  at(row: number, col: number): string {
    const list = this.byColumn.get(col);
    if (!list) return GENERAL_FORMAT;
    let fmt = GENERAL_FORMAT;
    for (const x of list) if (row >= x.ref.top && row <= x.ref.bottom) fmt = x.fmt;
    return fmt;
  }
}

export interface ValueChunk {
  /** 0-based first row of the chunk. */
  top: number;
  /** A1 address of the chunk, `width` columns wide. */
  address: string;
  entries: (string | number | boolean)[][];
  /** Ranges (vertical runs) of strings to format as text before the values are entered. */
  text: string[];
  /** Estimated request size in bytes (UTF-8 JSON). */
  bytes: number;
}

/** UTF-8 length of a string: what it weighs in the JSON request. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x800) n += 2;
    else if (c >= 0x80) n += 1;
  }
  return n;
}

export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "");
}

/** Bytes of one range address in the request (object path and address). */
const RANGE_BYTES = 160;

/**
 * The sheet's values as row chunks of at most `budget` estimated bytes each. A sheet under the budget
 * is one chunk, so the number of syncs does not grow with rows, only with bytes.
 */
export function valueChunks(d: SheetDescription, budget: number): ValueChunk[] {
  const width = sheetWidth(d.rows);
  if (width === 0) return [];
  const fmts = new FormatIndex(d);
  const chunks: ValueChunk[] = [];
  type Open = {
    top: number;
    entries: (string | number | boolean)[][];
    runs: Map<number, [number, number][]>;
    bytes: number;
  };
  let cur: Open | null = null;
  const close = () => {
    if (!cur) return;
    const bottom = cur.top + cur.entries.length - 1;
    const text: string[] = [];
    for (const [c, runs] of cur.runs)
      for (const [a, b] of runs)
        text.push(
          a === b ? `${columnLetter(c)}${a + 1}` : `${columnLetter(c)}${a + 1}:${columnLetter(c)}${b + 1}`,
        );
    chunks.push({
      top: cur.top,
      address: `A${cur.top + 1}:${columnLetter(width - 1)}${bottom + 1}`,
      entries: cur.entries,
      text,
      bytes: cur.bytes,
    });
    cur = null;
  };
  d.rows.forEach((row, r) => {
    const entries: (string | number | boolean)[] = [];
    const risky: number[] = [];
    for (let c = 0; c < width; c++) {
      const v = row?.[c];
      if (typeof v === "string" && needsTextFormat(v) && fmts.at(r, c) !== TEXT_FORMAT) risky.push(c);
      entries.push(entryOf(v));
    }
    const bytes = jsonBytes(entries);
    if (cur && cur.bytes + bytes + risky.length * RANGE_BYTES > budget) close();
    if (!cur) cur = { top: r, entries: [], runs: new Map(), bytes: 0 };
    cur.entries.push(entries);
    cur.bytes += bytes;
    for (const c of risky) {
      const runs = cur.runs.get(c) ?? [];
      const last = runs[runs.length - 1];
      if (last && last[1] === r - 1) last[1] = r;
      else {
        runs.push([r, r]);
        cur.bytes += RANGE_BYTES;
      }
      cur.runs.set(c, runs);
    }
  });
  close();
  return chunks;
}

/** Column width in characters (the description's unit) to points (Office.js): Excel's pixel rule. */
export function widthToPoints(chars: number): number {
  const px = Math.trunc(chars * 7 + 0.5) + 5;
  return px * 0.75;
}

export function pointsToWidth(points: number): number {
  return (points / 0.75 - 5) / 7;
}

export function color(hex: string): string {
  return `#${hex.replace(/^#/, "").toUpperCase()}`;
}

/** A matrix of one value with the range's dimensions (Office.js takes full matrices). */
export function filled<T>(range: string, v: T): T[][] {
  const r = parseRange(range);
  return Array.from({ length: r.bottom - r.top + 1 }, () =>
    Array.from({ length: r.right - r.left + 1 }, () => v),
  );
}

const DV_OPERATOR: Record<ValidationOperator, Excel.DataValidationOperator> = {
  between: "Between" as Excel.DataValidationOperator,
  notBetween: "NotBetween" as Excel.DataValidationOperator,
  equal: "EqualTo" as Excel.DataValidationOperator,
  notEqual: "NotEqualTo" as Excel.DataValidationOperator,
  greaterThan: "GreaterThan" as Excel.DataValidationOperator,
  lessThan: "LessThan" as Excel.DataValidationOperator,
  greaterThanOrEqual: "GreaterThanOrEqualTo" as Excel.DataValidationOperator,
  lessThanOrEqual: "LessThanOrEqualTo" as Excel.DataValidationOperator,
};

const CF_OPERATOR: Record<ValidationOperator, Excel.ConditionalCellValueOperator> = {
  between: "Between" as Excel.ConditionalCellValueOperator,
  notBetween: "NotBetween" as Excel.ConditionalCellValueOperator,
  equal: "EqualTo" as Excel.ConditionalCellValueOperator,
  notEqual: "NotEqualTo" as Excel.ConditionalCellValueOperator,
  greaterThan: "GreaterThan" as Excel.ConditionalCellValueOperator,
  lessThan: "LessThan" as Excel.ConditionalCellValueOperator,
  greaterThanOrEqual: "GreaterThanOrEqual" as Excel.ConditionalCellValueOperator,
  lessThanOrEqual: "LessThanOrEqual" as Excel.ConditionalCellValueOperator,
};

function boundFormula(v: number | string, type: DataValidation["type"]): string {
  if (type === "date" && typeof v === "string") {
    const [y, m, d] = v.split("-").map(Number);
    return `=DATE(${y},${m},${d})`;
  }
  return `=${v}`;
}

/** DataValidation -> Office.js DataValidationRule (one rule type per range, as Excel requires). */
export function validationRule(v: DataValidation): Excel.DataValidationRule {
  switch (v.type) {
    case "list": {
      const source = v.formula ? `=${v.formula.replace(/^=/, "")}` : (v.list ?? []).join(",");
      if (!v.formula && source.length > 255)
        throw new Error(`validation list too long for ${v.range} (${source.length})`);
      return { list: { inCellDropDown: true, source } };
    }
    case "custom":
      return { custom: { formula: `=${(v.formula ?? "").replace(/^=/, "")}` } };
    default: {
      const op = v.operator ?? "between";
      const two = op === "between" || op === "notBetween";
      const first = two
        ? v.min
        : op === "lessThan" || op === "lessThanOrEqual"
          ? (v.max ?? v.min)
          : (v.min ?? v.max);
      if (first === undefined || (two && v.max === undefined))
        throw new Error(`validation bounds missing for ${v.range}`);
      const basic = {
        operator: DV_OPERATOR[op],
        formula1: boundFormula(first, v.type),
        ...(two ? { formula2: boundFormula(v.max!, v.type) } : {}),
      };
      if (v.type === "whole") return { wholeNumber: basic };
      if (v.type === "decimal") return { decimal: basic };
      if (v.type === "textLength") return { textLength: basic };
      return { date: basic };
    }
  }
}

export function validationPrompt(v: DataValidation): Excel.DataValidationPrompt | null {
  return v.prompt ? { showPrompt: true, title: v.prompt.title, message: v.prompt.message } : null;
}

export function validationAlert(v: DataValidation): Excel.DataValidationErrorAlert {
  const style = { stop: "Stop", warning: "Warning", information: "Information" }[v.error.style ?? "stop"];
  return {
    showAlert: true,
    style: style as Excel.DataValidationAlertStyle,
    title: v.error.title,
    message: v.error.message,
  };
}

export function cellValueRule(cf: ConditionalFormat): Excel.ConditionalCellValueRule {
  return {
    operator: CF_OPERATOR[cf.operator ?? "equal"],
    formula1: `=${cf.formula.replace(/^=/, "")}`,
    ...(cf.formula2 !== undefined ? { formula2: `=${cf.formula2.replace(/^=/, "")}` } : {}),
  };
}

/** "A5" plus a size in cells -> the bottom-right cell of a chart's placement. */
export function anchorEnd(cell: string, widthCols: number, heightRows: number): string {
  const r = parseRange(cell);
  return `${columnLetter(r.left + Math.max(1, widthCols) - 1)}${r.top + Math.max(1, heightRows)}`;
}

/** "1:3" -> "$1:$3" as setPrintTitleRows expects. */
export function absoluteRows(rows: string): string {
  return rows
    .split(":")
    .map((x) => `$${x.replace(/\$/g, "")}`)
    .join(":");
}

export const INCHES_TO_POINTS = 72;
