// One worksheet part -> SheetSnapshot, scanned byte by byte (read-scan.ts). Same values as the htmlparser2
// reader kept as test oracle (tests/xlsx/read/legacy/read-sheet.ts); what differs is cost and bounds: a
// cell tag is read in one pass (XmlScanner.cell), an empty formatted cell (<c r=".." s=".."/>, most of a
// template) is passed over without decoding anything; cells are kept only when they hold a value, and
// every cap counts those, so a sparse sheet costs what it holds; merges are applied through a per-row
// index, never a scan per merge over the sheet.
import { address, parseRange, rangeAddress, type RangeRef } from "../core/a1";
import { shown } from "../core/catalogue";
import type { ErrorValue, SheetSnapshot, SnapshotValue } from "../core/snapshot";
import type { ReadLimits } from "./limits";
import type { SheetEntry } from "./read-book";
import { unescapeXstring } from "./read-book";
import { WorkbookReadError } from "./read-error";
import { slideFormula } from "./read-formula";
import { CELL_EMPTY, CELL_NONE, CELL_VALUE, END, OPEN, TEXT, XmlScanner } from "./read-scan";

export interface CellsContext {
  shared: string[];
  formats: (string | undefined)[];
  date1904: boolean;
  limits: ReadLimits;
  /** Cells with a value read so far in the workbook (the cap counts them all). */
  cellCount: number;
  /** Dense grid cells handed out so far in the workbook. */
  gridCells: number;
  /** Merges read so far in the workbook. */
  mergeCount: number;
}

const MS_PER_DAY = 86400000;
const EPOCH_SERIAL = 25569;
/** Excel's sheet: 1,048,576 rows × 16,384 columns. */
const EXCEL_ROWS = 1048576;
const EXCEL_COLS = 16384;

/** A time of day alone (ISO 8601 "13:45", "13:45:10.5", "T13:45:10"): the fraction of a day, else null. */
function timeOfDay(t: string): number | null {
  // Anchored, one optional fraction: no backtracking (and t is at most a cell's length).
  const m = /^T?(\d\d):(\d\d)(?::(\d\d(?:\.\d+)?))?$/.exec(t);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] === undefined ? 0 : Number(m[3]);
  if (min > 59 || sec >= 60 || h > 24 || (h === 24 && (min > 0 || sec > 0))) return null;
  return (h * 3600 + min * 60 + sec) / 86400;
}

/**
 * A t="d" cell (ISO 8601) as Excel's serial. A time alone is a fraction of a day. In the 1900 system
 * Excel counts 29 February 1900, a day that never was, so its serials from 1 March 1900 are one more than
 * the days since 31 December 1899: dates before then are one less than the count from 1970 gives.
 */
function isoSerial(text: string, date1904: boolean): number | ErrorValue {
  const t = text.trim();
  const time = timeOfDay(t);
  if (time !== null) return time;
  const zoned = !t.includes("T") || /(?:Z|[+-]\d\d:?\d\d)$/i.test(t);
  const ms = Date.parse(zoned ? t : `${t}Z`);
  if (Number.isNaN(ms)) return { error: "#VALUE!" };
  const serial = EPOCH_SERIAL + ms / MS_PER_DAY;
  if (date1904) return serial - 1462;
  return serial < 61 ? serial - 1 : serial;
}

/** A plain integer of up to 15 digits read from its bytes without a string; NaN for anything else. */
function numberAt(b: Uint8Array, start: number, end: number): number {
  const len = end - start;
  if (len > 0 && len <= 15) {
    let i = start;
    const neg = b[i] === 45;
    if (neg) i++;
    if (i < end) {
      let v = 0;
      for (; i < end; i++) {
        const d = b[i] - 48;
        if (d < 0 || d > 9) return NaN;
        v = v * 10 + d;
      }
      return neg ? (v === 0 ? -0 : -v) : v;
    }
  }
  return NaN;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isXmlSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Whether a <v> is one whole number as SpreadsheetML writes it (xsd:double without INF/NaN): a sign,
 * digits with at most one point, an exponent, XML whitespace around. "1,5", "12kg" or "abc" are not: read
 * as text, so the field's rule refuses them with the value quoted, never as the digits in front (what
 * parseFloat gives). One pass, no regex.
 */
function isNumberText(s: string): boolean {
  let i = 0;
  let n = s.length;
  while (i < n && isXmlSpace(s.charCodeAt(i))) i++;
  while (n > i && isXmlSpace(s.charCodeAt(n - 1))) n--;
  let c = s.charCodeAt(i);
  if (c === 43 || c === 45) c = s.charCodeAt(++i);
  let digits = 0;
  for (; i < n && isDigit(c); c = s.charCodeAt(++i)) digits++;
  if (c === 46 /* . */) for (c = s.charCodeAt(++i); i < n && isDigit(c); c = s.charCodeAt(++i)) digits++;
  if (digits === 0) return false;
  if (i < n && (c === 101 || c === 69) /* e E */) {
    c = s.charCodeAt(++i);
    if (c === 43 || c === 45) c = s.charCodeAt(++i);
    let exp = 0;
    for (; i < n && isDigit(c); c = s.charCodeAt(++i)) exp++;
    if (exp === 0) return false;
  }
  return i === n;
}

/** 1-based column of the letters an r attribute starts with; 0 when none. */
function columnAt(b: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = b[i] | 0x20;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
    if (n > 1e9) break;
  }
  return n;
}

/** A number in a cell whose format is a percent one, for the snapshot's numFmts. */
interface PercentCell {
  r: number;
  c: number;
  v: SnapshotValue;
  fmt: string;
}

/**
 * One worksheet's scan. A class, not a function of closures: closures made anew for every sheet made the
 * optimising compiler throw away its code at each sheet ("wrong call target") and compile it again.
 */
class SheetScan {
  private readonly sc: XmlScanner;
  private readonly b: Uint8Array;
  private readonly limits: ReadLimits;
  // The cells with a value, straight into their rows (index row - 1; a row is filled to the grid's width
  // at the end); the grid's area is checked against the cap each time it grows, so it never outgrows it.
  readonly grid: SnapshotValue[][] = [];
  readonly percent: PercentCell[] = [];
  readonly merges: string[] = [];
  private readonly masters = new Map<string, { f: string; r: number; c: number }>();
  lastRow = 0;
  lastCol = 0;
  private row = 0;
  private col = 0;
  private inCell = false;
  private t: string | undefined = undefined;
  private s = 0;
  private hasV = false;
  private v = "";
  /** A <v> that is one plain text range: its bytes, decoded only if needed (-1: none). */
  private vStart = -1;
  private vEnd = -1;
  private f = "";
  private fType: string | undefined = undefined;
  private fSi: string | undefined = undefined;
  private fRef: string | undefined = undefined;
  private inline: string | undefined = undefined;
  private tBuf = "";
  /** The text being read: 1 a value, 2 a formula, 3 an inline string's text. */
  private into: 0 | 1 | 2 | 3 = 0;
  private inIs = false;
  private phonetic = 0;

  constructor(
    xml: Uint8Array,
    private readonly entry: SheetEntry,
    private readonly part: string,
    private readonly ctx: CellsContext,
  ) {
    this.limits = ctx.limits;
    this.sc = new XmlScanner(xml, part, ctx.limits.maxDepth);
    this.b = xml;
  }

  private where(): string {
    return address(this.row - 1, this.col - 1);
  }

  private tooLong(what: string): WorkbookReadError {
    return new WorkbookReadError("file.corrupt", {
      detail: `工作表\u201c${this.entry.name}\u201d${this.where()}：${what}超过 ${this.limits.maxTextLength} 个字符`,
    });
  }

  private vText(): string {
    if (this.vStart >= 0) {
      this.v = this.sc.decode(this.vStart, this.vEnd);
      this.vStart = -1;
    }
    return this.v;
  }

  private vEmpty(): boolean {
    return this.vStart < 0 && this.v === "";
  }

  /** A number cell's value: the number, without a string for plain integers; text when not a number. */
  private vNumber(): number | string {
    if (this.vStart >= 0) {
      const n = numberAt(this.b, this.vStart, this.vEnd);
      if (n === n) return n;
    }
    const text = this.vText();
    return isNumberText(text) ? Number(text) : text;
  }

  private sharedString(): string {
    let i: number;
    if (this.vStart >= 0) {
      i = numberAt(this.b, this.vStart, this.vEnd);
      if (i !== i) i = parseFloat(this.vText());
    } else i = parseInt(this.vText(), 10);
    const str = this.ctx.shared[i];
    if (str === undefined)
      throw new WorkbookReadError("file.corrupt", {
        detail: `${this.part}: 共享字符串序号 ${this.vText()} 不存在`,
      });
    return str;
  }

  private typed(): Exclude<SnapshotValue, { formula: string }> {
    switch (this.t) {
      case "s":
        return this.sharedString();
      case "str":
        return this.vText();
      case "b":
        return parseInt(this.vText(), 10) !== 0;
      case "e":
        return { error: this.vText() };
      case "d":
        return isoSerial(this.vText(), this.ctx.date1904);
      case undefined:
      case "n":
        return this.vNumber();
      default:
        // A type the reader does not know (a cached result written t="inlineStr", say): its text as is.
        return this.vText();
    }
  }

  private result(): Exclude<SnapshotValue, { formula: string }> | undefined {
    if (!this.hasV) return undefined;
    if (this.vEmpty()) return this.t === "str" ? "" : undefined;
    return this.typed();
  }

  private value(): SnapshotValue {
    if (this.f !== "" || this.fType !== undefined) {
      let formula = this.f;
      if (this.fType === "shared" && this.fSi !== undefined) {
        if (this.fRef) this.masters.set(this.fSi, { f: this.f, r: this.row, c: this.col });
        else if (this.f === "") {
          const m = this.masters.get(this.fSi);
          formula = m ? slideFormula(m.f, this.row - m.r, this.col - m.c) : "";
        }
      }
      return { formula, result: this.result() };
    }
    if (this.t === "inlineStr") return this.inline ?? (!this.vEmpty() ? this.vText() : null);
    if (this.vEmpty()) return null;
    return this.typed();
  }

  /** The r, s and t attributes of a <c> that next() read (XmlScanner.cell() finds them itself). */
  private cellAttrs(): void {
    const { sc, b } = this;
    sc.rAt = sc.sAt = sc.tAt = -1;
    let i = sc.attrStart;
    const end = sc.attrEnd;
    while (i < end) {
      while (i < end && (b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13)) i++;
      const ns = i;
      while (i < end && b[i] !== 61 && b[i] !== 32 && b[i] !== 9 && b[i] !== 10 && b[i] !== 13) i++;
      const ne = i;
      while (i < end && b[i] !== 34 && b[i] !== 39) i++;
      if (i >= end) return;
      const ve = b.indexOf(b[i], i + 1);
      if (ve < 0 || ve > end) return;
      if (ne - ns === 1) {
        const k = b[ns];
        if (k === 114 /* r */ && sc.rAt < 0) ((sc.rAt = i + 1), (sc.rEnd = ve));
        else if (k === 115 /* s */ && sc.sAt < 0) ((sc.sAt = i + 1), (sc.sEnd = ve));
        else if (k === 116 /* t */ && sc.tAt < 0) ((sc.tAt = i + 1), (sc.tEnd = ve));
      }
      i = ve + 1;
    }
  }

  /** The cell's column: the letters of its r, else the one after the previous cell's. */
  private cellColumn(): void {
    const sc = this.sc;
    const c = sc.rAt < 0 ? 0 : columnAt(this.b, sc.rAt, sc.rEnd);
    this.col = c > 0 ? c : this.col + 1;
  }

  /** The cell type without a string built for the usual ones. */
  private cellType(): string | undefined {
    const { sc, b } = this;
    const tAt = sc.tAt;
    const tEnd = sc.tEnd;
    if (tAt < 0) return undefined;
    const len = tEnd - tAt;
    const c = b[tAt];
    if (len === 1) {
      if (c === 115) return "s";
      if (c === 110) return "n";
      if (c === 98) return "b";
      if (c === 101) return "e";
      if (c === 100) return "d";
    } else if (len === 3 && c === 115 && b[tAt + 1] === 116 && b[tAt + 2] === 114) return "str";
    return sc.decode(tAt, tEnd);
  }

  private cellStyle(): number {
    const { sc, b } = this;
    const sAt = sc.sAt;
    const sEnd = sc.sEnd;
    if (sAt < 0) return 0;
    let v = 0;
    for (let i = sAt; i < sEnd; i++) {
      const d = b[i] - 48;
      if (d < 0 || d > 9 || v > 1e9) return parseInt(sc.decode(sAt, sEnd), 10) || 0;
      v = v * 10 + d;
    }
    return sEnd > sAt ? v : 0;
  }

  /** The cell just closed: kept if it holds a value, every cap counted. */
  private closeCell(): void {
    const val = this.value();
    if (val === null) return;
    const { row, col, limits, ctx } = this;
    if (row > limits.maxRows || col > EXCEL_COLS || row > EXCEL_ROWS)
      throw new WorkbookReadError("file.too_many_rows", {
        sheet: this.entry.name,
        max: `${limits.maxRows} 行`,
        detail: `${this.where()} 有数据`,
      });
    if (++ctx.cellCount > limits.maxCells)
      throw new WorkbookReadError("file.too_many_rows", {
        sheet: this.entry.name,
        max: `全部工作表共 ${limits.maxCells} 个有数据的单元格`,
      });
    if (typeof val === "string" && val.length > limits.maxTextLength) throw this.tooLong("文本");
    if (row > this.lastRow || col > this.lastCol) {
      const rows = row > this.lastRow ? row : this.lastRow;
      const cols = col > this.lastCol ? col : this.lastCol;
      if (ctx.gridCells + rows * cols > limits.maxGridCells)
        throw new WorkbookReadError("file.too_many_rows", {
          sheet: this.entry.name,
          max: `${limits.maxRows} 行或全部工作表共 ${limits.maxGridCells} 个单元格的区域`,
          detail: `数据区域为 ${rows} 行 × ${cols} 列`,
        });
      this.lastRow = rows;
      this.lastCol = cols;
    }
    let line = this.grid[row - 1];
    if (line === undefined) this.grid[row - 1] = line = [];
    line[col - 1] = val;
    const fmt = ctx.formats[this.s];
    if (fmt !== undefined && fmt.includes("%")) this.percent.push({ r: row - 1, c: col - 1, v: val, fmt });
  }

  /** A cell opened: its type and style read, the state of the one before cleared. */
  private startCell(): void {
    this.inCell = true;
    this.t = this.cellType();
    this.s = this.cellStyle();
    this.hasV = this.inIs = false;
    this.v = this.f = "";
    this.vStart = -1;
    this.fType = this.fSi = this.fRef = this.inline = undefined;
    this.phonetic = 0;
    this.into = 0;
  }

  run(): this {
    const sc = this.sc;
    for (;;) {
      // Most tags of a sheet are cells in a row: read by XmlScanner.cell() in one pass each; next() reads
      // the rest (and any cell that cell() leaves to it).
      if (!this.inCell && this.row > 0) {
        const k = sc.cell();
        if (k !== CELL_NONE) {
          this.cellColumn();
          if (k === CELL_EMPTY) continue; // an empty or merely formatted cell: nothing to keep
          this.startCell();
          if (k === CELL_VALUE) {
            this.hasV = true;
            this.vStart = sc.textStart;
            this.vEnd = sc.textEnd;
            this.inCell = false;
            this.closeCell();
          }
          continue;
        }
      }
      const tok = sc.next();
      if (tok === END) break;
      if (tok === TEXT) this.text();
      else if (tok === OPEN) this.open();
      else if (this.inCell) this.close();
    }
    return this;
  }

  private text(): void {
    const { sc, limits } = this;
    if (this.into === 1) {
      if (this.vStart < 0 && this.v === "" && !sc.cdata) {
        this.vStart = sc.textStart;
        this.vEnd = sc.textEnd;
      } else {
        this.v = this.vText() + sc.text();
      }
    } else if (this.into === 2) {
      this.f += sc.text();
      if (this.f.length > limits.maxTextLength) throw this.tooLong("公式");
    } else if (this.into === 3) {
      this.tBuf += sc.text();
      if (this.tBuf.length > limits.maxTextLength) throw this.tooLong("文本");
    }
  }

  private open(): void {
    const { sc, limits } = this;
    const name = sc.name;
    if (this.inCell) {
      switch (name) {
        case "v":
          this.hasV = true;
          this.into = 1;
          break;
        case "f":
          this.into = 2;
          this.fType = sc.attr("t");
          this.fSi = sc.attr("si");
          this.fRef = sc.attr("ref");
          break;
        case "is":
          this.inIs = true;
          break;
        case "rPh":
          this.phonetic++;
          break;
        case "t":
          if (this.inIs && this.phonetic === 0) {
            this.into = 3;
            this.tBuf = "";
          }
          break;
      }
      return;
    }
    if (name === "c") {
      if (this.row === 0) throw sc.fail(`单元格不在任何行(<row>)内`);
      this.cellAttrs();
      this.cellColumn();
      if (sc.selfClosing) sc.skipClose();
      else this.startCell();
    } else if (name === "row") {
      let r = sc.attrInt("r");
      if (r < 0) {
        const a = sc.attr("r");
        r = a === undefined ? NaN : parseInt(a, 10);
      }
      this.row = r > 0 ? r : this.row + 1;
      this.col = 0;
      if (sc.selfClosing) sc.skipClose();
    } else if (name === "mergeCell") {
      const ref = sc.attr("ref");
      if (ref) {
        if (++this.ctx.mergeCount > limits.maxMerges)
          throw new WorkbookReadError("file.over_limit", {
            sheet: this.entry.name,
            label: "合并单元格区域个数",
            max: `全部工作表共 ${limits.maxMerges} 个`,
            detail: `超出上限的第一个为 ${shown(ref, 40)}`,
          });
        this.merges.push(ref.length > 40 ? "" : ref);
      }
    }
  }

  /** A CLOSE inside a cell. */
  private close(): void {
    switch (this.sc.name) {
      case "c":
        this.inCell = false;
        this.closeCell();
        break;
      case "t":
        if (this.into === 3) {
          this.into = 0;
          if (this.tBuf !== "") this.inline = (this.inline ?? "") + unescapeXstring(this.tBuf);
          if (this.inline !== undefined && this.inline.length > this.limits.maxTextLength)
            throw this.tooLong("文本");
        }
        break;
      case "v":
      case "f":
        this.into = 0;
        break;
      case "is":
        this.inIs = false;
        break;
      case "rPh":
        this.phonetic--;
        break;
    }
  }
}

export function readCells(xml: Uint8Array, entry: SheetEntry, ctx: CellsContext): SheetSnapshot {
  const { name } = entry;
  const part = entry.path ?? name;
  const { grid, percent, merges: refs, lastRow, lastCol } = new SheetScan(xml, entry, part, ctx).run();
  const ranges: RangeRef[] = [];
  for (const ref of refs) {
    let m: RangeRef;
    try {
      m = parseRange(ref.replace(/^.*!/, ""));
    } catch {
      continue;
    }
    if (m.bottom >= EXCEL_ROWS || m.right >= EXCEL_COLS)
      throw new WorkbookReadError("file.corrupt", {
        detail: `工作表\u201c${name}\u201d的合并区域 ${ref} 超出工作表范围`,
      });
    ranges.push(m);
  }
  // The grid: every row as wide as the widest, blanks null (the scan kept the area under the cap).
  const { limits } = ctx;
  const cells: SnapshotValue[][] = new Array<SnapshotValue[]>(lastRow);
  for (let r = 0; r < lastRow; r++) {
    const line = grid[r];
    if (line === undefined) {
      cells[r] = new Array<SnapshotValue>(lastCol).fill(null);
      continue;
    }
    // Holes (cells without a value) become null, and the row is extended to the grid's width in place.
    const len = line.length;
    for (let c = 0; c < len; c++) if (line[c] === undefined) line[c] = null;
    for (let c = len; c < lastCol; c++) line.push(null);
    cells[r] = line;
  }
  // Cells under a merge but its top-left one hold nothing; only the part inside the grid can hold a value,
  // and the cells visited for all merges together are capped.
  let budget = 4 * limits.maxGridCells;
  for (const m of ranges) {
    const bottom = Math.min(m.bottom, lastRow - 1);
    const right = Math.min(m.right, lastCol - 1);
    if (bottom < m.top || right < m.left) continue;
    budget -= (bottom - m.top + 1) * (right - m.left + 1);
    if (budget < 0)
      throw new WorkbookReadError("file.over_limit", {
        sheet: name,
        label: "合并区域在数据区域内覆盖的单元格数",
        max: `每个工作表 ${4 * limits.maxGridCells} 个`,
        detail: `超出上限时的合并区域为 ${rangeAddress(m)}`,
      });
    for (let r = m.top; r <= bottom; r++) {
      const line = cells[r];
      for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) line[c] = null;
    }
  }
  // The extent stays that of the cells read, merged or not: a row whose values a merge hid is still in the
  // grid, so the core lists it (the htmlparser2 reader shrank the grid and such rows vanished).
  ctx.gridCells += lastRow * lastCol;
  // Percent formats, for numbers still in the grid (a merge or a later cell may have replaced one).
  const numFmts: Record<string, string> = {};
  for (const { r, c, v: x, fmt } of percent) {
    const numeric =
      typeof x === "number" ||
      (typeof x === "object" && x !== null && "formula" in x && typeof x.result === "number");
    if (numeric && cells[r][c] === x) numFmts[address(r, c)] = fmt;
  }
  return {
    name,
    state: entry.state,
    cells,
    merges: ranges.map(rangeAddress),
    ...(Object.keys(numFmts).length > 0 ? { numFmts } : {}),
  };
}
