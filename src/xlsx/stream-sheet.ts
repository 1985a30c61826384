// One SheetDescription as SpreadsheetML, row by row: the sheet's XML is produced in pieces (a generator),
// so a 200,000-row sheet never exists as one string or as cell objects. Cells present, their styles and
// the sheet's settings are those the ExcelJS writer (write-sheet.ts) gives the same description: every
// cell of a styled range, every cell of a merge (styled as its top-left cell), every value.
import { address, columnLetter, parseRange, type RangeRef } from "../core/a1";
import type { CellStyle, CellValue, SheetDescription } from "../core/sheet/types";
import { xmlEscape } from "./chart-xml";
import { protectionXml, validationsXml } from "./stream-extras";
import { mergeStyle, type StyleTable } from "./stream-styles";
import { CELL_TEXT_MAX, xmlSafe } from "./write-value";

/** Shared strings of the workbook, numbered in order of first use. */
export class SharedStrings {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  count = 0;
  id(s: string): number {
    this.count++;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(s);
      this.ids.set(s, id);
    }
    return id;
  }
}

const text = (s: string) => xmlEscape(s);

/** A cell's content: `<c>` attributes after r and s, and its children. */
function cellXml(v: CellValue | undefined, strings: SharedStrings): [string, string] | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string")
    return [
      ' t="s"',
      `<v>${strings.id(xmlSafe(v.length > CELL_TEXT_MAX ? v.slice(0, CELL_TEXT_MAX) : v))}</v>`,
    ];
  if (typeof v === "number") return Number.isFinite(v) ? ["", `<v>${v}</v>`] : null;
  if (typeof v === "boolean") return [' t="b"', `<v>${v ? 1 : 0}</v>`];
  const f = `<f>${text(v.formula.replace(/^=/, ""))}</f>`;
  const r = v.result;
  if (r === undefined) return ["", f];
  if (typeof r === "string") return [' t="str"', `${f}<v>${text(xmlSafe(r))}</v>`];
  if (typeof r === "boolean") return [' t="b"', `${f}<v>${r ? 1 : 0}</v>`];
  return Number.isFinite(r) ? ["", `${f}<v>${r}</v>`] : ["", f];
}

interface Span {
  ref: RangeRef;
  index: number;
}

/** Ranges sorted by top row, handed out as a sweep down the rows reaches them. */
class Sweep {
  private next = 0;
  private readonly sorted: Span[];
  active: Span[] = [];
  /** Changes whenever the active ranges do. */
  version = 0;
  constructor(ranges: string[]) {
    this.sorted = ranges
      .map((r, index) => ({ ref: parseRange(r), index }))
      .sort((a, b) => a.ref.top - b.ref.top);
  }
  /** The ranges that hold row `r` (rows visited in increasing order), in their original order. */
  at(r: number): Span[] {
    let changed = false;
    if (this.active.some((s) => s.ref.bottom < r)) {
      this.active = this.active.filter((s) => s.ref.bottom >= r);
      changed = true;
    }
    while (this.next < this.sorted.length && this.sorted[this.next].ref.top <= r) {
      const s = this.sorted[this.next++];
      if (s.ref.bottom >= r) {
        this.active.push(s);
        changed = true;
      }
    }
    if (changed) {
      this.active.sort((a, b) => a.index - b.index);
      this.version++;
    }
    return this.active;
  }
  get lastRow(): number {
    return this.sorted.reduce((m, s) => Math.max(m, s.ref.bottom), -1);
  }
  get lastCol(): number {
    return this.sorted.reduce((m, s) => Math.max(m, s.ref.right), -1);
  }
}

function colsXml(d: SheetDescription): string {
  const n = Math.max(d.columnWidths?.length ?? 0, ...(d.hiddenColumns ?? []).map((c) => c + 1));
  const hidden = new Set(d.hiddenColumns ?? []);
  const out: string[] = [];
  for (let c = 0; c < n;) {
    const w = d.columnWidths?.[c];
    const width = w !== undefined && w > 0 ? w : undefined;
    const h = hidden.has(c);
    let e = c;
    while (e + 1 < n) {
      const w2 = d.columnWidths?.[e + 1];
      if ((w2 !== undefined && w2 > 0 ? w2 : undefined) !== width || hidden.has(e + 1) !== h) break;
      e++;
    }
    if (width !== undefined || h)
      out.push(
        `<col min="${c + 1}" max="${e + 1}"${width !== undefined ? ` width="${width}" customWidth="1"` : ""}${h ? ' hidden="1"' : ""}/>`,
      );
    c = e + 1;
  }
  return out.length ? `<cols>${out.join("")}</cols>` : "";
}

function viewsXml(d: SheetDescription): string {
  const f = d.freeze;
  if (!f || (f.rows <= 0 && f.columns <= 0)) return "";
  const x = f.columns > 0 ? ` xSplit="${f.columns}"` : "";
  const y = f.rows > 0 ? ` ySplit="${f.rows}"` : "";
  const pane = f.rows > 0 && f.columns > 0 ? "bottomRight" : f.rows > 0 ? "bottomLeft" : "topRight";
  const top = address(Math.max(f.rows, 0), Math.max(f.columns, 0));
  return `<sheetViews><sheetView workbookViewId="0"><pane${x}${y} topLeftCell="${top}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`;
}

function printXml(d: SheetDescription): string {
  const p = d.print;
  let x = "";
  if (p?.centerHorizontally) x += '<printOptions horizontalCentered="1"/>';
  const m = p?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 };
  x += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="0.3" footer="0.3"/>`;
  const paper = p ? ' paperSize="9"' : "";
  const orientation = p?.orientation ?? "portrait";
  const fitW = p?.fitToWidth ? 1 : 1;
  const fitH = p?.fitToWidth ? 0 : 1;
  x += `<pageSetup${paper} orientation="${orientation}" horizontalDpi="4294967295" verticalDpi="4294967295" scale="${p?.scale ?? 100}" fitToWidth="${fitW}" fitToHeight="${fitH}"/>`;
  if (p?.footer) x += `<headerFooter><oddFooter>${text(`&C${p.footer}`)}</oddFooter></headerFooter>`;
  return x;
}

/**
 * The worksheet part of `d` (already fitted for print), in pieces. `drawingRel`: the relationship id of
 * its drawing, if it has charts; `notesRel`: of its notes' VML drawing, if it has notes.
 */
export function* sheetXml(
  d: SheetDescription,
  styles: StyleTable,
  strings: SharedStrings,
  drawingRel?: string,
  notesRel?: string,
): Generator<string> {
  const styled = new Sweep((d.styles ?? []).map((s) => s.range));
  const merged = new Sweep(d.merges ?? []);
  const rowsEnd = Math.max(
    d.rows.length,
    styled.lastRow + 1,
    merged.lastRow + 1,
    ...Object.keys(d.rowHeights ?? {}).map((r) => Number(r) + 1),
  );
  const width = Math.max(
    d.rows.reduce((w, r) => Math.max(w, r ? r.length : 0), 0),
    styled.lastCol + 1,
    merged.lastCol + 1,
  );
  const ranges = d.styles ?? [];
  const xfByKey = new Map<string, number>();
  const xfOf = (key: string, list: number[]): number => {
    let id = xfByKey.get(key);
    if (id === undefined) {
      let s: CellStyle = {};
      for (const i of list) s = mergeStyle(s, ranges[i].style);
      id = styles.id(s);
      xfByKey.set(key, id);
    }
    return id;
  };

  let head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  head +=
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
  const fit = d.print?.fitToWidth;
  if (d.tabColor || fit)
    head += `<sheetPr>${d.tabColor ? `<tabColor rgb="FF${d.tabColor.toUpperCase()}"/>` : ""}${fit ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`;
  head += `<dimension ref="${rowsEnd > 0 && width > 0 ? `A1:${address(rowsEnd - 1, width - 1)}` : "A1"}"/>`;
  head += viewsXml(d);
  head += '<sheetFormatPr defaultRowHeight="15"/>';
  head += colsXml(d);
  head += "<sheetData>";
  yield head;

  const heights = d.rowHeights ?? {};
  const letters = Array.from({ length: width }, (_, c) => columnLetter(c));
  // Per row: the style (xf) of each column from the styled ranges (recomputed only when the ranges that
  // hold the row change), then merged cells given their top-left cell's style.
  const keys: string[] = new Array(width);
  const lists: number[][] = Array.from({ length: width }, () => []);
  const base = new Int32Array(width).fill(-1);
  const row = new Int32Array(width);
  let version = -1;
  const masters = new Map<Span, number>();
  let buf = "";
  for (let r = 0; r < rowsEnd; r++) {
    const values = d.rows[r];
    const spans = styled.at(r);
    const merges = merged.at(r);
    let touched = false;
    if (styled.version !== version) {
      version = styled.version;
      for (let c = 0; c < width; c++) {
        keys[c] = "";
        lists[c].length = 0;
      }
      for (const s of spans)
        for (let c = s.ref.left; c <= s.ref.right; c++) {
          keys[c] += `${s.index},`;
          lists[c].push(s.index);
        }
      for (let c = 0; c < width; c++) base[c] = keys[c] ? xfOf(keys[c], lists[c]) : -1;
    }
    let xfs = base;
    if (merges.length) {
      row.set(base);
      xfs = row;
      for (const m of merges) {
        let master = masters.get(m);
        if (master === undefined) {
          master = m.ref.top === r ? base[m.ref.left] : masterXf(m.ref, d, xfOf);
          masters.set(m, master);
        }
        for (let c = m.ref.left; c <= m.ref.right; c++) {
          if (c === m.ref.left && m.ref.top === r) continue;
          xfs[c] = master < 0 ? 0 : master;
        }
      }
    }
    let cells = "";
    for (let c = 0; c < width; c++) {
      const v = cellXml(values?.[c], strings);
      const xf = xfs[c];
      if (!v && xf < 0) continue;
      touched = true;
      const s = xf > 0 ? ` s="${xf}"` : "";
      cells += v
        ? `<c r="${letters[c]}${r + 1}"${s}${v[0]}>${v[1]}</c>`
        : `<c r="${letters[c]}${r + 1}"${s}/>`;
    }
    const h = heights[r];
    if (!touched && h === undefined) continue;
    buf += `<row r="${r + 1}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ""}>${cells}</row>`;
    if (buf.length > 1 << 16) {
      yield buf;
      buf = "";
    }
  }
  let tail = `${buf}</sheetData>`;
  tail += protectionXml(d);
  if (d.autoFilter) tail += `<autoFilter ref="${d.autoFilter}"/>`;
  if (d.merges?.length)
    tail += `<mergeCells count="${d.merges.length}">${d.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
  tail += validationsXml(d);
  tail += printXml(d);
  const breaks = (d.pageBreaks ?? []).filter((r) => r > 0);
  if (breaks.length)
    tail += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
  if (drawingRel) tail += `<drawing r:id="${drawingRel}"/>`;
  if (notesRel) tail += `<legacyDrawing r:id="${notesRel}"/>`;
  yield `${tail}</worksheet>`;
}

/** The style of a merge's top-left cell, for the rows below it. */
function masterXf(ref: RangeRef, d: SheetDescription, xfOf: (key: string, list: number[]) => number): number {
  const list: number[] = [];
  (d.styles ?? []).forEach((s, i) => {
    const r = parseRange(s.range);
    if (ref.top >= r.top && ref.top <= r.bottom && ref.left >= r.left && ref.left <= r.right) list.push(i);
  });
  return list.length ? xfOf(`${list.join(",")},`, list) : -1;
}
