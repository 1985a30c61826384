// One worksheet part -> SheetSnapshot, straight from <sheetData> and <mergeCells>. Values follow what the
// ExcelJS reader gave the core (see tests/xlsx/read/equivalence.test.ts for the few deliberate differences).
import { address, parseRange, rangeAddress, type RangeRef } from "../../../../src/core/a1";
import type { ErrorValue, SheetSnapshot, SnapshotValue } from "../../../../src/core/snapshot";
import type { ReadLimits } from "../../../../src/xlsx/limits";
import { WorkbookReadError } from "../../../../src/xlsx/read-error";
import { slideFormula } from "../../../../src/xlsx/read-formula";
import type { SheetEntry } from "./read-parts";
import { unescapeXstring } from "./read-parts";
import { parseXml } from "./read-xml";

export interface SheetContext {
  shared: string[];
  /** Number format code per cell style index. */
  formats: (string | undefined)[];
  date1904: boolean;
  limits: ReadLimits;
}

const MS_PER_DAY = 86400000;
/** Excel serial of 1970-01-01 (1900 date system); the 1904 system is 1462 days less. */
const EPOCH_SERIAL = 25569;

/** A t="d" cell (ISO 8601) as a serial. Excel dates have no time zone: a time without one is taken as UTC. */
function isoSerial(text: string, date1904: boolean): number | ErrorValue {
  const t = text.trim();
  const zoned = !t.includes("T") || /(?:Z|[+-]\d\d:?\d\d)$/i.test(t);
  const ms = Date.parse(zoned ? t : `${t}Z`);
  return Number.isNaN(ms) ? { error: "#VALUE!" } : EPOCH_SERIAL + ms / MS_PER_DAY - (date1904 ? 1462 : 0);
}

/** 1-based column of an A1 reference ("AB12" -> 28); 0 when it has no letters. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return n;
}

interface Found {
  r: number; // 1-based
  c: number; // 1-based
  v: SnapshotValue;
  s: number;
}

/** Parses the part; `found` holds the cells that have a value, in document order. */
function scan(xml: string, part: string, ctx: SheetContext): { found: Found[]; merges: string[] } {
  const found: Found[] = [];
  const merges: string[] = [];
  const masters = new Map<string, { f: string; r: number; c: number }>();
  let row = 0;
  let col = 0;
  // The open <c>.
  let inCell = false;
  let t: string | undefined;
  let s = 0;
  let hasV = false;
  let v = "";
  let f = "";
  let fType: string | undefined;
  let fSi: string | undefined;
  let fRef: string | undefined;
  let inline: string | undefined;
  let tBuf = "";
  let into: 0 | 1 | 2 | 3 = 0; // text goes to: nothing, <v>, <f>, an inline <t>
  let inIs = false;
  let phonetic = 0;

  const sharedString = (text: string): string => {
    const i = parseInt(text, 10);
    const str = ctx.shared[i];
    if (str === undefined)
      throw new WorkbookReadError("file.corrupt", { detail: `${part}: 共享字符串序号 ${text} 不存在` });
    return str;
  };

  /** The <v> text as its cell type says (a value or a formula's cached result alike). */
  const typed = (): Exclude<SnapshotValue, { formula: string }> => {
    switch (t) {
      case "s":
        return sharedString(v);
      case "str":
        return v;
      case "b":
        return parseInt(v, 10) !== 0;
      case "e":
        return { error: v };
      case "d":
        return isoSerial(v, ctx.date1904);
      default:
        return parseFloat(v);
    }
  };

  /** The cached value of a formula; undefined when the file holds none. */
  const result = (): Exclude<SnapshotValue, { formula: string }> | undefined => {
    if (!hasV) return undefined;
    // An empty <v> is a cached empty text for a string formula (=IF(A1,"",..)); elsewhere it holds nothing.
    if (v === "") return t === "str" ? "" : undefined;
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
    if (t === "inlineStr") return inline ?? (v !== "" ? v : null);
    if (v === "") return null; // no value: an empty or merely styled cell
    return typed();
  };

  parseXml(xml, part, {
    open(name, a) {
      if (inCell) {
        switch (name) {
          case "v":
            hasV = true;
            into = 1;
            return;
          case "f":
            into = 2;
            fType = a.t;
            fSi = a.si;
            fRef = a.ref;
            return;
          case "is":
            inIs = true;
            return;
          case "rPh":
            phonetic++;
            return;
          case "t":
            if (inIs && phonetic === 0) {
              into = 3;
              tBuf = "";
            }
            return;
        }
        return;
      }
      switch (name) {
        case "row": {
          const r = a.r === undefined ? NaN : parseInt(a.r, 10);
          row = r > 0 ? r : row + 1; // rows without r follow the previous one
          col = 0;
          return;
        }
        case "c": {
          inCell = true;
          const c = a.r === undefined ? 0 : columnOf(a.r);
          col = c > 0 ? c : col + 1; // cells without r follow the previous one
          t = a.t;
          s = a.s === undefined ? 0 : parseInt(a.s, 10) || 0;
          hasV = inIs = false;
          v = f = "";
          fType = fSi = fRef = inline = undefined;
          phonetic = 0;
          into = 0;
          return;
        }
        case "mergeCell":
          if (a.ref) merges.push(a.ref);
          return;
      }
    },
    text(x) {
      if (into === 1) v += x;
      else if (into === 2) f += x;
      else if (into === 3) tBuf += x;
    },
    close(name) {
      if (!inCell) return;
      switch (name) {
        case "c": {
          inCell = false;
          const val = value();
          if (val !== null) found.push({ r: row, c: col, v: val, s });
          return;
        }
        case "t":
          if (into === 3) {
            into = 0;
            if (tBuf !== "") inline = (inline ?? "") + unescapeXstring(tBuf);
          }
          return;
        case "v":
        case "f":
          into = 0;
          return;
        case "is":
          inIs = false;
          return;
        case "rPh":
          phonetic--;
          return;
      }
    },
  });
  return { found, merges };
}

/** Cells covered by a merge but not its top-left one hold nothing (Excel shows the top-left value only). */
function clearMerged(found: Found[], ranges: RangeRef[]): void {
  const KEY = 20000; // > 16384 columns
  let at: Map<number, number> | null = null;
  for (const m of ranges) {
    const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (area <= 4096) {
      at ??= new Map(found.map((x, i) => [x.r * KEY + x.c, i]));
      for (let r = m.top + 1; r <= m.bottom + 1; r++)
        for (let c = m.left + 1; c <= m.right + 1; c++) {
          if (r === m.top + 1 && c === m.left + 1) continue;
          const i = at.get(r * KEY + c);
          if (i !== undefined) found[i].v = null;
        }
    } else {
      for (const x of found)
        if (x.r - 1 >= m.top && x.r - 1 <= m.bottom && x.c - 1 >= m.left && x.c - 1 <= m.right)
          if (x.r - 1 !== m.top || x.c - 1 !== m.left) x.v = null;
    }
  }
}

export function readSheet(xml: string, entry: SheetEntry, ctx: SheetContext): SheetSnapshot {
  const { name, path } = entry;
  const { found, merges: refs } = scan(xml, path ?? name, ctx);
  const ranges = refs
    .map((ref) => {
      try {
        return parseRange(ref.replace(/^.*!/, ""));
      } catch {
        return null;
      }
    })
    .filter((m): m is RangeRef => m !== null);
  if (ranges.length > 0) clearMerged(found, ranges);

  // Sparse first: only cells with a value count for the grid's extent (styled empty rows do not).
  let lastRow = 0;
  let lastCol = 0;
  for (const x of found) {
    if (x.v === null) continue;
    if (x.r > lastRow) lastRow = x.r;
    if (x.c > lastCol) lastCol = x.c;
  }
  const { limits } = ctx;
  if (lastRow > limits.maxRows || lastRow * lastCol > limits.maxCells * 4)
    throw new WorkbookReadError("file.too_many_rows", {
      sheet: name,
      max: `${limits.maxRows} 行或 ${limits.maxCells * 4} 个单元格的区域`,
      detail: `数据区域为 ${lastRow} 行 × ${lastCol} 列`,
    });
  const cells: SnapshotValue[][] = [];
  for (let r = 0; r < lastRow; r++) cells.push(new Array<SnapshotValue>(lastCol).fill(null));
  const numFmts: Record<string, string> = {};
  for (const x of found) {
    if (x.v === null) continue;
    cells[x.r - 1][x.c - 1] = x.v;
    const numeric =
      typeof x.v === "number" ||
      (typeof x.v === "object" && "formula" in x.v && typeof x.v.result === "number");
    const fmt = numeric ? ctx.formats[x.s] : undefined;
    if (fmt !== undefined && fmt.includes("%")) numFmts[address(x.r - 1, x.c - 1)] = fmt;
  }
  return {
    name,
    state: entry.state,
    cells,
    merges: ranges.map(rangeAddress),
    ...(Object.keys(numFmts).length > 0 ? { numFmts } : {}),
  };
}
