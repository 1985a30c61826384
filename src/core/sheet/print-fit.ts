// Paper as a client of every sheet we write: A4, nothing printed under the legible size, wrapped text
// given the row height it needs (Excel does not grow a row on open), page numbers, header rows (and the
// frozen key columns) repeated on every page. Applied by the adapters just before writing, so every
// workbook — template, targets, bulletin, annotated return — gets the same rules.
import { columnLetter, parseRange } from "../a1";
import type { PrintSetup, SheetDescription } from "./types";

/** The smallest font size a printed page may show; one point above the 8 pt floor, because the font
 * that stands in on a machine without ours may run wider than the one the width is measured for. */
export const MIN_PRINT_POINTS = 8.5;
/** Excel's default font size (Calibri 11) and column width in characters. */
export const DEFAULT_FONT_POINTS = 11;
export const DEFAULT_COLUMN_WIDTH = 8.43;
export const PAGE_FOOTER = "第 &P 页，共 &N 页";
const A4_INCHES = { portrait: [8.27, 11.69], landscape: [11.69, 8.27] } as const;
const DEFAULT_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 };
/** A cap that counts data: styles are resolved only on cells that hold text, at most this many. */
const MAX_CELLS_MEASURED = 200_000;

/** A column's width is counted in digit widths of the workbook's default font: 7 px at 96 dpi in
 * Excel's Calibri, about 10 px where LibreOffice stands DejaVu Sans in for it. */
export const DIGIT_PX = 7;
export const WIDE_DIGIT_PX = 10;

/** Width of a column on paper, in points: digit widths plus 5 px of padding. */
export function columnPoints(widthChars: number | undefined, digitPx = DIGIT_PX): number {
  const w = widthChars && widthChars > 0 ? widthChars : DEFAULT_COLUMN_WIDTH;
  return Math.trunc(w * digitPx + 5) * 0.75;
}

/** Printed width of text at `fontSize` points: a CJK character is one em, other characters about 0.6. */
export function textPoints(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += ch.charCodeAt(0) >= 0x2e80 ? 1 : 0.6;
  return ems * fontSize;
}

/** Height in points of `text` wrapped into `widthPts` at `fontSize`: line breaks and wrapping. */
export function wrappedHeight(text: string, widthPts: number, fontSize: number): number {
  const usable = Math.max(fontSize, widthPts - 6);
  let lines = 0;
  for (const part of text.split("\n"))
    lines += Math.max(1, Math.ceil((textPoints(part, fontSize) * 1.04) / usable));
  return Math.ceil(lines * fontSize * 1.36 + 5);
}

interface CellLook {
  wrap: boolean;
  fontSize: number;
}

/** The text cells' looks: the wrapped ones (for row heights) and the smallest font of any (for the scale). */
interface TextLooks {
  wrapped: Map<number, CellLook>;
  minFont: number;
}

/**
 * The wrap flag and font size of every cell that holds text, resolved from the styled ranges in order.
 * A sweep down the rows with the ranges that hold each row: no object per cell (a Map entry for each of
 * a bulletin's 300,000 text cells was a fifth of its writing), only the wrapped cells are kept.
 */
function textCellLooks(d: SheetDescription): TextLooks {
  const spans = (d.styles ?? [])
    .map((s, index) => ({ s: s.style, g: parseRange(s.range), index }))
    .filter((x) => x.s.wrap !== undefined || x.s.fontSize !== undefined)
    .sort((a, b) => a.g.top - b.g.top || a.index - b.index);
  const width = usedColumns(d);
  const wrap = new Uint8Array(width);
  const font = new Float64Array(width);
  const wrapped = new Map<number, CellLook>();
  let minFont = Infinity;
  let active: typeof spans = [];
  let next = 0;
  let n = 0;
  for (let r = 0; r < d.rows.length && n < MAX_CELLS_MEASURED; r++) {
    const row = d.rows[r];
    if (!row || row.length === 0) continue;
    let changed = false;
    if (active.some((x) => x.g.bottom < r)) {
      active = active.filter((x) => x.g.bottom >= r);
      changed = true;
    }
    while (next < spans.length && spans[next].g.top <= r) {
      if (spans[next].g.bottom >= r) active.push(spans[next]);
      next++;
      changed = true;
    }
    if (changed) active.sort((a, b) => a.index - b.index);
    wrap.fill(0);
    font.fill(DEFAULT_FONT_POINTS);
    for (const x of active) {
      const right = Math.min(x.g.right, width - 1);
      for (let c = x.g.left; c <= right; c++) {
        if (x.s.wrap !== undefined) wrap[c] = x.s.wrap ? 1 : 0;
        if (x.s.fontSize !== undefined) font[c] = x.s.fontSize;
      }
    }
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || v === "" || n++ >= MAX_CELLS_MEASURED) continue;
      if (font[c] < minFont) minFont = font[c];
      if (wrap[c]) wrapped.set(r * 16384 + c, { wrap: true, fontSize: font[c] });
    }
  }
  return { wrapped, minFont };
}

/** Row heights that fit every wrapped text (the given height where it is already enough). */
export function fitRowHeights(
  d: SheetDescription,
  looks: TextLooks = textCellLooks(d),
): Record<number, number> {
  const heights: Record<number, number> = { ...(d.rowHeights ?? {}) };
  const widths = d.columnWidths ?? [];
  const mergeAt = new Map<number, { cols: number[]; rows: number }>();
  const inMerge = new Set<number>();
  for (const m of d.merges ?? []) {
    const g = parseRange(m);
    const cols: number[] = [];
    for (let c = g.left; c <= g.right; c++) cols.push(c);
    mergeAt.set(g.top * 16384 + g.left, { cols, rows: g.bottom - g.top + 1 });
    for (let r = g.top; r <= g.bottom; r++)
      for (let c = g.left; c <= g.right; c++) if (r !== g.top || c !== g.left) inMerge.add(r * 16384 + c);
  }
  for (const [k, look] of looks.wrapped) {
    if (!look.wrap || inMerge.has(k)) continue;
    const r = Math.floor(k / 16384);
    const c = k % 16384;
    const merge = mergeAt.get(k);
    if (merge && merge.rows > 1) continue;
    const width = (merge?.cols ?? [c]).reduce((s, i) => s + columnPoints(widths[i]), 0);
    const need = wrappedHeight(String(d.rows[r][c]), width, look.fontSize);
    if (need > (heights[r] ?? 0)) heights[r] = need;
  }
  return heights;
}

function usedColumns(d: SheetDescription): number {
  let n = d.columnWidths?.length ?? 0;
  for (const row of d.rows) n = Math.max(n, row?.length ?? 0);
  return Math.max(1, n);
}

/** The smallest font size of any text in the print area (Excel's default where none is set). */
function smallestFont(looks: TextLooks): number {
  return Number.isFinite(looks.minFont) ? looks.minFont : DEFAULT_FONT_POINTS;
}

/** A4 setup that keeps the smallest text at MIN_PRINT_POINTS: fit to one page wide when that scale
 * allows it, else print at the smallest legible scale across several pages wide, repeating the frozen
 * key columns; header rows repeat on every page; page numbers in the footer. */
export function fitPrint(d: SheetDescription, looks: TextLooks = textCellLooks(d)): PrintSetup {
  const given = d.print;
  const p: PrintSetup = {
    orientation: given?.orientation ?? "portrait",
    paperSize: "A4",
    fitToWidth: given?.fitToWidth ?? true,
    ...given,
  };
  p.margins ??= DEFAULT_MARGINS;
  p.footer ??= PAGE_FOOTER;
  if (!p.printTitleRows && d.freeze && d.freeze.rows > 0) p.printTitleRows = `1:${d.freeze.rows}`;
  const [pageW] = A4_INCHES[p.orientation];
  const printable = (pageW - p.margins.left - p.margins.right) * 72;
  let left = 0;
  let right = usedColumns(d) - 1;
  if (p.printArea) {
    const g = parseRange(p.printArea);
    left = g.left;
    right = g.right;
  }
  // Measured with the wide digit: fitted to width where columns come out wider, text must stay legible.
  let total = 0;
  for (let c = left; c <= right; c++) total += columnPoints(d.columnWidths?.[c], WIDE_DIGIT_PX);
  const fit = Math.min(1, printable / total);
  const floor = Math.min(1, MIN_PRINT_POINTS / smallestFont(looks));
  if (p.fitToWidth && fit < floor) {
    p.fitToWidth = false;
    p.scale = Math.ceil(floor * 100);
    if (!p.printTitleColumns && d.freeze && d.freeze.columns > 0)
      p.printTitleColumns = `A:${columnLetter(d.freeze.columns - 1)}`;
  }
  return p;
}

/** Excel's default row height in points (Calibri 11), for rows given none. */
const DEFAULT_ROW_POINTS = 15;
/** Part of the printable height counted as usable: the renderer's header and footer and rounding. */
const PAGE_SAFETY = 0.94;
/** Tables of at most this many pages are balanced; a long list's short last page is normal. */
const MAX_BALANCED_PAGES = 6;

/**
 * Manual page breaks that cut a short table into pages of about equal height, where breaking only when
 * a page is full would leave a few rows (the 29th indicator of 附件1) alone on the last page. The header
 * rows repeat on every page (printTitleRows). None when the sheet has breaks of its own, when it fits one
 * page, or when its last page would hold at least a third of a page.
 */
export function balancedBreaks(
  d: SheetDescription,
  p: PrintSetup,
  heights: Record<number, number>,
): number[] {
  if (d.pageBreaks?.length || !p.printTitleRows) return [];
  const m = /^\$?(\d+):\$?(\d+)$/.exec(p.printTitleRows);
  if (!m) return [];
  const titleTop = Number(m[1]) - 1;
  const titleBottom = Number(m[2]) - 1;
  let last = d.rows.length - 1;
  if (p.printArea) last = Math.min(last, parseRange(p.printArea).bottom);
  const first = titleBottom + 1;
  if (last < first + 1) return [];
  const [pageW, pageH] = A4_INCHES[p.orientation];
  const margins = p.margins ?? DEFAULT_MARGINS;
  // The scale the page is printed at: the one set, or fitted to width as Excel measures the columns
  // (the narrower digit, so the larger scale: fewer rows a page, the safe side).
  let scale = (p.scale ?? 100) / 100;
  if (p.fitToWidth) {
    let total = 0;
    for (let c = 0; c < usedColumns(d); c++) total += columnPoints(d.columnWidths?.[c]);
    scale = Math.min(1, ((pageW - margins.left - margins.right) * 72) / total);
  }
  const capacity = (((pageH - margins.top - margins.bottom) * 72) / scale) * PAGE_SAFETY;
  const h = (r: number) => heights[r] ?? DEFAULT_ROW_POINTS;
  let titles = 0;
  for (let r = titleTop; r <= titleBottom; r++) titles += h(r);
  let lead = 0; // what page 1 holds above the table's rows (title block and header)
  for (let r = 0; r < first; r++) lead += h(r);
  // Pages when breaking only where a page is full.
  const pages: number[][] = [[]];
  let used = lead;
  for (let r = first; r <= last; r++) {
    if (used + h(r) > capacity && pages[pages.length - 1].length > 0) {
      pages.push([]);
      used = titles;
    }
    pages[pages.length - 1].push(r);
    used += h(r);
  }
  const n = pages.length;
  if (n < 2 || n > MAX_BALANCED_PAGES) return [];
  const body = capacity - titles;
  let tail = 0;
  for (const r of pages[n - 1]) tail += h(r);
  if (tail >= body / 3) return [];
  // The same number of pages, the rows shared out by height: page k ends near k/n of the table's height.
  let all = 0;
  for (let r = first; r <= last; r++) all += h(r);
  const out: number[] = [];
  let acc = 0;
  let k = 1;
  for (let r = first; r <= last && k < n; r++) {
    if (acc + h(r) / 2 > (all * k) / n) {
      out.push(r);
      k++;
    }
    acc += h(r);
  }
  return out;
}

/** The sheet as it should be written: print setup and row heights fitted to paper. Hidden sheets are
 * not printed and are returned as they are. */
export function fitForPrint(d: SheetDescription): SheetDescription {
  if (d.state !== "visible") return d;
  // The text cells' looks are resolved once for both (they were twice: a third of a bulletin's writing).
  const looks = textCellLooks(d);
  const print = fitPrint(d, looks);
  const rowHeights = fitRowHeights(d, looks);
  const breaks = balancedBreaks(d, print, rowHeights);
  return { ...d, print, rowHeights, ...(breaks.length ? { pageBreaks: breaks } : {}) };
}
