// Shared formulas: Excel stores the text once, on the master cell (<f t="shared" ref=".." si="0">B2*2</f>),
// and dependents carry only <f t="shared" si="0"/>. A dependent's formula is the master's with relative
// references moved by the offset between the two cells (what Excel shows, and what ExcelJS reported).
import { columnIndex, columnLetter } from "../core/a1";

// Same candidates and rules as ExcelJS's slideFormula, so formula texts do not change with the reader.
const CANDIDATE_RE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const REF_RE = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** Moves the relative references of `formula` (written for the cell at row0/col0) by dRow/dCol. */
export function slideFormula(formula: string, dRow: number, dCol: number): string {
  return formula.replace(CANDIDATE_RE, (match, sheet: string | undefined, _s, part: string, paren) => {
    if (paren) return match; // a function name such as LOG10(
    const m = REF_RE.exec(part);
    if (!m) return match;
    const [, colAbs, colStr, rowAbs, rowStr] = m;
    const letters = colStr.toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return match; // a name, not a cell
    const col = columnIndex(letters) + (colAbs ? 0 : dCol);
    const row = parseInt(rowStr, 10) + (rowAbs ? 0 : dRow);
    return `${sheet ?? ""}${colAbs ?? ""}${columnLetter(col)}${rowAbs ?? ""}${row}`;
  });
}
