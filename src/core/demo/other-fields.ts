// The demo fills every column the plan's form has, not only the fields it knows by name: a plan that adds
// a column (江苏's 高价值发明专利, a 新增 year, a yes/no status) gets figures its new indicators can count,
// not blanks that print 0 and 明显滞后 (issue 25). Values follow what the form accepts: numbers within
// min/max (and the form's cross-field rules), years between the field's earliest and the period's, list
// values from the field's options, text within its lengths.
import type { FieldDef, FormDef, LabelCellDef } from "../form/types";
import type { CellValue } from "../sheet/types";
import type { Rng } from "./prng";

type Row = Record<string, CellValue>;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A value the field accepts, drawn for a firm that is (or is not) a 专精特新 enterprise. */
function valueFor(
  r: Rng,
  f: FieldDef | LabelCellDef,
  year: number,
  planStart: number,
  srdi: boolean,
): CellValue {
  const lo = f.min ?? 0;
  const within = (x: number) => Math.min(f.max ?? Infinity, Math.max(lo, x));
  switch (f.type) {
    case "whole":
      return within(lo + (srdi ? r.int(2, 16) : r.int(0, 5)));
    case "decimal":
      return round2(within(lo + (srdi ? 50 + r.next() ** 2 * 3000 : r.next() ** 2 * 800)));
    case "percent":
      return round2(within(srdi ? 40 + 50 * r.next() : 10 + 60 * r.next()));
    case "yesno":
      return r.chance(srdi ? 0.7 : 0.3) ? "是" : "否";
    case "list": {
      const options = f.options ?? [];
      return options.length ? r.pick(options) : null;
    }
    case "year": {
      // A year of something most firms have not (yet) got; of those that have, most got it during the plan.
      if (!r.chance(srdi ? 0.45 : 0.12)) return null;
      const earliest = Math.max(f.yearMin ?? year - 10, Math.min(planStart, year) - 4);
      return r.chance(0.75)
        ? r.int(Math.max(earliest, Math.min(planStart, year)), year)
        : r.int(earliest, year);
    }
    case "text": {
      if (!f.required) return null;
      const s = "示例";
      return s.length >= (f.minLength ?? 0) ? s : s.padEnd(f.minLength ?? 0, "例");
    }
    default:
      return null;
  }
}

/**
 * Fills the fields of `form`'s enterprise sheet that `row` does not have yet (undefined: the demo does not
 * know them), then holds every cross-field rule whose left side was filled here (`a <= b`: a is lowered).
 */
export function fillOtherFields(
  r: Rng,
  row: Row,
  form: FormDef,
  year: number,
  planStart: number,
  srdi: boolean,
): void {
  const filled = new Set<string>();
  for (const f of form.enterprises.fields) {
    if (row[f.key] !== undefined) continue;
    row[f.key] = valueFor(r, f, year, planStart, srdi);
    filled.add(f.key);
  }
  for (const rule of form.enterprises.crossRules) {
    if (!filled.has(rule.left)) continue;
    const a = row[rule.left];
    const b = row[rule.right];
    if (typeof a !== "number" || typeof b !== "number") continue;
    const strict = rule.op === "<" || rule.op === ">";
    if ((rule.op === "<=" || rule.op === "<") && !(strict ? a < b : a <= b))
      row[rule.left] = strict ? Math.max(0, Math.floor(b) - 1) : Math.floor(b);
    if ((rule.op === ">=" || rule.op === ">") && !(strict ? a > b : a >= b))
      row[rule.left] = strict ? Math.ceil(b) + 1 : Math.ceil(b);
  }
}

/** The form's region cells the demo does not know, filled the same way (a unit's own figures). */
export function fillOtherRegionCells(
  r: Rng,
  region: Row,
  form: FormDef,
  year: number,
  planStart: number,
): void {
  for (const c of form.region.cells) {
    if (region[c.key] !== undefined) continue;
    const v = valueFor(r, c, year, planStart, true);
    if (v !== null) region[c.key] = typeof v === "number" && c.type === "decimal" ? round2(v * 100) : v;
  }
}
