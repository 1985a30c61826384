// One worksheet part -> SheetSnapshot, scanned byte by byte (read-scan.ts). Same values as read-sheet.ts
// (the htmlparser2 reader kept as test oracle); what differs is cost and bounds: an empty formatted cell
// (<c r=".." s=".."/>, most of a template) is passed over without decoding anything; cells are kept only
// when they hold a value, and every cap counts those, so a sparse sheet costs what it holds; merges are
// applied through a per-row index, never a scan per merge over the sheet.
import { address, parseRange, rangeAddress, type RangeRef } from "../core/a1";
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

function isoSerial(text: string, date1904: boolean): number | ErrorValue {
  const t = text.trim();
  const zoned = !t.includes("T") || /(?:Z|[+-]\d\d:?\d\d)$/i.test(t);
  const ms = Date.parse(zoned ? t : `${t}Z`);
  return Number.isNaN(ms) ? { error: "#VALUE!" } : EPOCH_SERIAL + ms / MS_PER_DAY - (date1904 ? 1462 : 0);
}

/** A number as parseFloat reads it, without a string for plain integers of up to 15 digits. */
function numberAt(b: Uint8Array, start: number, end: number, text: () => string): number {
  const len = end - start;
  if (len > 0 && len <= 15) {
    let i = start;
    const neg = b[i] === 45;
    if (neg) i++;
    if (i < end) {
      let v = 0;
      for (; i < end; i++) {
        const d = b[i] - 48;
        if (d < 0 || d > 9) return parseFloat(text());
        v = v * 10 + d;
      }
      return neg ? (v === 0 ? -0 : -v) : v;
    }
  }
  return parseFloat(text());
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

function scan(xml: Uint8Array, entry: SheetEntry, part: string, ctx: CellsContext) {
  const { limits } = ctx;
  const sc = new XmlScanner(xml, part, limits.maxDepth);
  const b = xml;
  // The cells with a value, straight into their rows (index row - 1; a row is filled to the grid's width
  // at the end); the grid's area is checked against the cap each time it grows, so it never outgrows it.
  const grid: SnapshotValue[][] = [];
  const percent: PercentCell[] = [];
  const formats = ctx.formats;
  const merges: string[] = [];
  const masters = new Map<string, { f: string; r: number; c: number }>();
  let row = 0;
  let col = 0;
  let inCell = false;
  let t: string | undefined;
  let s = 0;
  let hasV = false;
  let v = "";
  let vStart = -1; // a <v> that is one plain text range: its bytes, decoded only if needed
  let vEnd = -1;
  let f = "";
  let fType: string | undefined;
  let fSi: string | undefined;
  let fRef: string | undefined;
  let inline: string | undefined;
  let tBuf = "";
  let into: 0 | 1 | 2 | 3 = 0;
  let inIs = false;
  let phonetic = 0;
  let lastRow = 0;
  let lastCol = 0;
  const where = () => address(row - 1, col - 1);
  const tooLong = (what: string) =>
    new WorkbookReadError("file.corrupt", {
      detail: `工作表\u201c${entry.name}\u201d${where()}：${what}超过 ${limits.maxTextLength} 个字符`,
    });

  const vText = (): string => {
    if (vStart >= 0) {
      v = sc.decode(vStart, vEnd);
      vStart = -1;
    }
    return v;
  };
  const vEmpty = () => vStart < 0 && v === "";

  const sharedString = (): string => {
    const i = vStart >= 0 ? numberAt(b, vStart, vEnd, vText) : parseInt(vText(), 10);
    const str = ctx.shared[i];
    if (str === undefined)
      throw new WorkbookReadError("file.corrupt", { detail: `${part}: 共享字符串序号 ${vText()} 不存在` });
    return str;
  };

  const typed = (): Exclude<SnapshotValue, { formula: string }> => {
    switch (t) {
      case "s":
        return sharedString();
      case "str":
        return vText();
      case "b":
        return parseInt(vText(), 10) !== 0;
      case "e":
        return { error: vText() };
      case "d":
        return isoSerial(vText(), ctx.date1904);
      default:
        return vStart >= 0 ? numberAt(b, vStart, vEnd, vText) : parseFloat(v);
    }
  };

  const result = (): Exclude<SnapshotValue, { formula: string }> | undefined => {
    if (!hasV) return undefined;
    if (vEmpty()) return t === "str" ? "" : undefined;
    return typed();
  };

  const value = (): SnapshotValue => {
    if (f !== "" || fType !== undefined) {
      let formula = f;
      if (fType === "shared" && fSi !== undefined) {
        if (fRef) masters.set(fSi, { f, r: row, c: col });
        else if (f === "") {
          const m = masters.get(fSi);
          formula = m ? slideFormula(m.f, row - m.r, col - m.c) : "";
        }
      }
      return { formula, result: result() };
    }
    if (t === "inlineStr") return inline ?? (!vEmpty() ? vText() : null);
    if (vEmpty()) return null;
    return typed();
  };

  /** The r, s and t attributes of a <c> that next() read (XmlScanner.cell() finds them itself). */
  const cellAttrs = () => {
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
  };
  /** The cell's column: the letters of its r, else the one after the previous cell's. */
  const cellColumn = () => {
    const c = sc.rAt < 0 ? 0 : columnAt(b, sc.rAt, sc.rEnd);
    col = c > 0 ? c : col + 1;
  };
  /** The cell type without a string built for the usual ones. */
  const cellType = (): string | undefined => {
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
  };
  const cellStyle = (): number => {
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
  };

  /** The cell just closed: kept if it holds a value, every cap counted. */
  const closeCell = () => {
    const val = value();
    if (val !== null) {
      if (row > limits.maxRows || col > EXCEL_COLS || row > EXCEL_ROWS)
        throw new WorkbookReadError("file.too_many_rows", {
          sheet: entry.name,
          max: `${limits.maxRows} 行`,
          detail: `${where()} 有数据`,
        });
      if (++ctx.cellCount > limits.maxCells)
        throw new WorkbookReadError("file.too_many_rows", {
          sheet: entry.name,
          max: `全部工作表共 ${limits.maxCells} 个有数据的单元格`,
        });
      if (typeof val === "string" && val.length > limits.maxTextLength) throw tooLong("文本");
      if (row > lastRow || col > lastCol) {
        const rows = row > lastRow ? row : lastRow;
        const cols = col > lastCol ? col : lastCol;
        if (ctx.gridCells + rows * cols > limits.maxGridCells)
          throw new WorkbookReadError("file.too_many_rows", {
            sheet: entry.name,
            max: `${limits.maxRows} 行或全部工作表共 ${limits.maxGridCells} 个单元格的区域`,
            detail: `数据区域为 ${rows} 行 × ${cols} 列`,
          });
        lastRow = rows;
        lastCol = cols;
      }
      let line = grid[row - 1];
      if (line === undefined) grid[row - 1] = line = [];
      line[col - 1] = val;
      const fmt = formats[s];
      if (fmt !== undefined && fmt.includes("%")) percent.push({ r: row - 1, c: col - 1, v: val, fmt });
    }
  };

  /** A cell opened: its type and style read, the state of the one before cleared. */
  const startCell = () => {
    inCell = true;
    t = cellType();
    s = cellStyle();
    hasV = inIs = false;
    v = f = "";
    vStart = -1;
    fType = fSi = fRef = inline = undefined;
    phonetic = 0;
    into = 0;
  };

  for (;;) {
    // Most tags of a sheet are cells in a row: read by XmlScanner.cell() in one pass each; next() reads
    // the rest (and any cell that cell() leaves to it).
    if (!inCell && row > 0) {
      const k = sc.cell();
      if (k !== CELL_NONE) {
        cellColumn();
        if (k === CELL_EMPTY) continue; // an empty or merely formatted cell: nothing to keep
        startCell();
        if (k === CELL_VALUE) {
          hasV = true;
          vStart = sc.textStart;
          vEnd = sc.textEnd;
          inCell = false;
          closeCell();
        }
        continue;
      }
    }
    const tok = sc.next();
    if (tok === END) break;
    if (tok === TEXT) {
      if (into === 1) {
        if (vStart < 0 && v === "" && !sc.cdata) {
          vStart = sc.textStart;
          vEnd = sc.textEnd;
        } else {
          v = vText() + sc.text();
        }
      } else if (into === 2) {
        f += sc.text();
        if (f.length > limits.maxTextLength) throw tooLong("公式");
      } else if (into === 3) {
        tBuf += sc.text();
        if (tBuf.length > limits.maxTextLength) throw tooLong("文本");
      }
      continue;
    }
    const name = sc.name;
    if (tok === OPEN) {
      if (inCell) {
        switch (name) {
          case "v":
            hasV = true;
            into = 1;
            break;
          case "f":
            into = 2;
            fType = sc.attr("t");
            fSi = sc.attr("si");
            fRef = sc.attr("ref");
            break;
          case "is":
            inIs = true;
            break;
          case "rPh":
            phonetic++;
            break;
          case "t":
            if (inIs && phonetic === 0) {
              into = 3;
              tBuf = "";
            }
            break;
        }
        continue;
      }
      if (name === "c") {
        if (row === 0) throw sc.fail(`单元格不在任何行(<row>)内`);
        cellAttrs();
        cellColumn();
        if (sc.selfClosing) sc.skipClose();
        else startCell();
      } else if (name === "row") {
        let r = sc.attrInt("r");
        if (r < 0) {
          const a = sc.attr("r");
          r = a === undefined ? NaN : parseInt(a, 10);
        }
        row = r > 0 ? r : row + 1;
        col = 0;
        if (sc.selfClosing) sc.skipClose();
      } else if (name === "mergeCell") {
        const ref = sc.attr("ref");
        if (ref) {
          if (++ctx.mergeCount > limits.maxMerges)
            throw new WorkbookReadError("file.too_large", {
              detail: `合并单元格超过 ${limits.maxMerges} 个(工作表\u201c${entry.name}\u201d)`,
            });
          merges.push(ref.length > 40 ? "" : ref);
        }
      }
      continue;
    }
    // CLOSE
    if (!inCell) continue;
    switch (name) {
      case "c":
        inCell = false;
        closeCell();
        break;
      case "t":
        if (into === 3) {
          into = 0;
          if (tBuf !== "") inline = (inline ?? "") + unescapeXstring(tBuf);
          if (inline !== undefined && inline.length > limits.maxTextLength) throw tooLong("文本");
        }
        break;
      case "v":
      case "f":
        into = 0;
        break;
      case "is":
        inIs = false;
        break;
      case "rPh":
        phonetic--;
        break;
    }
  }
  return { grid, percent, merges, lastRow, lastCol };
}

export function readCells(xml: Uint8Array, entry: SheetEntry, ctx: CellsContext): SheetSnapshot {
  const { name } = entry;
  const part = entry.path ?? name;
  const { grid, percent, merges: refs, lastRow, lastCol } = scan(xml, entry, part, ctx);
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
    if (line !== undefined && line.length === lastCol) {
      for (let c = 0; c < lastCol; c++) if (line[c] === undefined) line[c] = null;
      cells[r] = line;
    } else {
      const full = new Array<SnapshotValue>(lastCol).fill(null);
      if (line !== undefined)
        for (let c = 0; c < line.length; c++) if (line[c] !== undefined) full[c] = line[c];
      cells[r] = full;
    }
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
      throw new WorkbookReadError("file.too_large", {
        detail: `工作表\u201c${name}\u201d的合并区域合计过大`,
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
