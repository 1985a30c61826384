// Shared formulas: Excel stores the text once, on the master cell (<f t="shared" ref=".." si="0">B2*2</f>),
// and dependents carry only <f t="shared" si="0"/>. A dependent's formula is the master's with relative
// references moved by the offset between the two cells (what Excel shows, and what ExcelJS reported).
import { columnIndex, columnLetter } from "../core/a1";

// Same candidates and rules as ExcelJS's slideFormula, so formula texts do not change with the reader. The
// regular expression is the definition (and the test oracle); slideFormula finds the same matches in
// linear time: the regex backtracks quadratically on a long run such as "a-a-a-…".
export const CANDIDATE_RE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const REF_RE = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

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
  return formula.replace(CANDIDATE_RE, (match, sheet: string | undefined, _s, part: string, paren) =>
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
  while (i < n) {
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
