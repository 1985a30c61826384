// Shared formulas: Excel stores the text once, on the master cell (<f t="shared" ref=".." si="0">B2*2</f>),
// and dependents carry only <f t="shared" si="0"/>. A dependent's formula is the master's with relative
// references moved by the offset between the two cells (what Excel shows, and what ExcelJS reported).
import { columnIndex, columnLetter } from "../core/a1";

// Cell references: same candidates and rules as ExcelJS's slideFormula, so formula texts do not change
// with the reader. Whole columns and rows (B:B, $A:C, 3:5), which ExcelJS left where they were (POI's
// 47804.xlsx), are moved too, outside string literals ("hh:mm" is text). The regular expressions are the
// definition (and the test oracle); slideFormula finds the same matches in linear time: the regex
// backtracks quadratically on a long run such as "a-a-a-…".
export const CANDIDATE_RE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const REF_RE = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;
/** A whole-column or whole-row range, not part of a longer name, number or reference. */
const LINE_RANGE_RE =
  /(?<![a-z0-9_.$:])(?:(\$?)([a-z]{1,3}):(\$?)([a-z]{1,3})|(\$?)([1-9][0-9]{0,6}):(\$?)([1-9][0-9]{0,6}))(?![a-z0-9_.$:!(])/gi;
/** A string literal ("" inside one reads as two literals, the same text either way). */
const STRING_RE = /("[^"]*"?)/;

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** A whole-column or whole-row range moved, "#REF!" when moved off the sheet; null when it is none. */
function slidLines(a1: string, a: string, a2: string, b: string, dRow: number, dCol: number): string | null {
  const letters = a.charCodeAt(0) > 57;
  const at = (abs: string, v: string) => {
    let n: number;
    if (letters) {
      const l = v.toUpperCase();
      if (l.length === 3 && l > "XFD") return null; // a name, not a column
      n = columnIndex(l) + (abs ? 0 : dCol);
      return n < 0 || n >= MAX_COL ? "#REF!" : `${abs}${columnLetter(n)}`;
    }
    n = parseInt(v, 10);
    if (n > MAX_ROW) return null;
    n += abs ? 0 : dRow;
    return n < 1 || n > MAX_ROW ? "#REF!" : `${abs}${n}`;
  };
  const x = at(a1, a);
  const y = at(a2, b);
  if (x === null || y === null) return null;
  return x === "#REF!" || y === "#REF!" ? "#REF!" : `${x}:${y}`;
}

function slid(
  match: string,
  sheet: string | undefined,
  part: string,
  paren: string | undefined,
  dRow: number,
  dCol: number,
) {
  if (paren) return match; // a function name such as LOG10(
  const m = REF_RE.exec(part);
  if (!m) return match;
  const [, colAbs, colStr, rowAbs, rowStr] = m;
  const letters = colStr.toUpperCase();
  if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return match; // a name, not a cell
  const col = columnIndex(letters) + (colAbs ? 0 : dCol);
  const row = parseInt(rowStr, 10) + (rowAbs ? 0 : dRow);
  return `${sheet ?? ""}${colAbs ?? ""}${columnLetter(col)}${rowAbs ?? ""}${row}`;
}

/** The regex version: the definition, kept for the equivalence test. */
export function slideFormulaRegex(formula: string, dRow: number, dCol: number): string {
  // Whole columns and rows outside string literals first: no candidate below is a reference in them.
  const lines = formula
    .split(STRING_RE)
    .map((seg, k) =>
      k % 2 === 1
        ? seg
        : seg.replace(LINE_RANGE_RE, (m, ...g: (string | undefined)[]) => {
            const [c1, c, c2, d, r1, r, r2, t] = g as string[];
            return (c ? slidLines(c1, c, c2, d, dRow, dCol) : slidLines(r1, r, r2, t, dRow, dCol)) ?? m;
          }),
    )
    .join("");
  return lines.replace(CANDIDATE_RE, (match, sheet: string | undefined, _s, part: string, paren) =>
    slid(match, sheet, part, paren, dRow, dCol),
  );
}

const lower = (c: number) => c | 0x20;
/** [a-z_\-0-9] ignoring case (the sheet prefix). */
const inSheet = (c: number) =>
  (lower(c) >= 97 && lower(c) <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45;
/** [a-z0-9_$] ignoring case (the candidate). */
const inPart = (c: number) =>
  (lower(c) >= 97 && lower(c) <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 36;
const isLetter = (c: number) => lower(c) >= 97 && lower(c) <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** What may not touch a whole-column or whole-row range: [a-z0-9_.$:] before it, and also ! ( after. */
const nearLine = (c: number) => inPart(c) || c === 46 || c === 58;

/** LINE_RANGE_RE at `i` (the character before already checked): its end and the text moved, or null. */
function linesAt(f: string, i: number, dRow: number, dCol: number): { end: number; text: string } | null {
  const n = f.length;
  const piece = (at: number): { abs: string; v: string; end: number } | null => {
    let k = at;
    const abs = f.charCodeAt(k) === 36 ? "$" : "";
    if (abs) k++;
    const start = k;
    if (isLetter(f.charCodeAt(k))) while (k < n && k - start < 4 && isLetter(f.charCodeAt(k))) k++;
    else if (isDigit(f.charCodeAt(k)) && f.charCodeAt(k) !== 48)
      while (k < n && k - start < 8 && isDigit(f.charCodeAt(k))) k++;
    const len = k - start;
    if (len === 0 || len > (isLetter(f.charCodeAt(start)) ? 3 : 7)) return null;
    return { abs, v: f.slice(start, k), end: k };
  };
  const a = piece(i);
  if (a === null || f.charCodeAt(a.end) !== 58) return null;
  const b = piece(a.end + 1);
  if (b === null || isLetter(a.v.charCodeAt(0)) !== isLetter(b.v.charCodeAt(0))) return null;
  const next = b.end < n ? f.charCodeAt(b.end) : -1;
  if (next >= 0 && (nearLine(next) || next === 33 || next === 40)) return null;
  const text = slidLines(a.abs, a.v, b.abs, b.v, dRow, dCol);
  return { end: b.end, text: text ?? f.slice(i, b.end) };
}

/** Moves the relative references of `formula` (written for the cell at row0/col0) by dRow/dCol. */
export function slideFormula(formula: string, dRow: number, dCol: number): string {
  const n = formula.length;
  // Where the run of each class starting at i ends (exclusive), from the right: O(n) in all.
  const sheetEnd = new Int32Array(n + 1);
  const partEnd = new Int32Array(n + 1);
  sheetEnd[n] = partEnd[n] = n;
  for (let i = n - 1; i >= 0; i--) {
    const c = formula.charCodeAt(i);
    sheetEnd[i] = inSheet(c) ? sheetEnd[i + 1] : i;
    partEnd[i] = inPart(c) ? partEnd[i + 1] : i;
  }
  let out = "";
  let last = 0;
  let i = 0;
  let inString = false;
  const lineAt = (at: number) =>
    !inString && (at === 0 || !nearLine(formula.charCodeAt(at - 1)))
      ? linesAt(formula, at, dRow, dCol)
      : null;
  while (i < n) {
    const c = formula.charCodeAt(i);
    if (c === 34 /* " */) inString = !inString;
    const line = lineAt(i);
    if (line !== null) {
      out += formula.slice(last, i) + line.text;
      last = i = line.end;
      continue;
    }
    // With a sheet prefix: the greedy run, then "!", then a candidate of two or more; else without one.
    let partStart = -1;
    const bang = sheetEnd[i];
    if (bang < n && formula.charCodeAt(bang) === 33 && partEnd[bang + 1] - (bang + 1) >= 2)
      partStart = bang + 1;
    else if (partEnd[i] - i >= 2) partStart = i;
    if (partStart < 0) {
      i++;
      continue;
    }
    if (partStart > i) {
      const after = lineAt(partStart); // Sheet1!AB:AB
      if (after !== null) {
        out += formula.slice(last, partStart) + after.text;
        last = i = after.end;
        continue;
      }
    }
    const pEnd = partEnd[partStart];
    const paren = pEnd < n && formula.charCodeAt(pEnd) === 40 ? "(" : undefined;
    const end = paren ? pEnd + 1 : pEnd;
    out +=
      formula.slice(last, i) +
      slid(
        formula.slice(i, end),
        partStart > i ? formula.slice(i, partStart) : undefined,
        formula.slice(partStart, pEnd),
        paren,
        dRow,
        dCol,
      );
    last = i = end;
  }
  return out + formula.slice(last);
}
