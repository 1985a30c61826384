// sum(字段, 企业范围[, 条件]): Σ of the filled cells. A blank cell adds nothing; when rows are in scope but
// not one of them filled the field (a column nobody filled, or a form version without it) the sum is no
// data (—), not a 0 that would read as a figure; with no row in scope it is 0 (nothing to add up).
import { isBlank, type Row, type RowFilter, type RowRuntime } from "../runtime";
import { traceOf, type IndicatorFunction } from "./types";

export function sumRows(
  rows: readonly Row[],
  key: string,
  filter: RowFilter | null,
  rt: RowRuntime,
): number | null {
  let s = 0;
  let inScope = 0;
  let filled = 0;
  for (const r of rows) {
    if (filter && !filter(r, rt)) continue;
    inScope++;
    const v = (r as Record<string, unknown>)[key];
    if (isBlank(v)) continue;
    filled++;
    s = s + (v as number);
  }
  return inScope > 0 && filled === 0 ? null : s;
}

export const sum: IndicatorFunction = {
  name: "sum",
  context: "indicator",
  params: ["numField", "pop"],
  optional: ["filter"],
  usage: "sum(字段, 企业范围[, 条件])",
  compile(c, n) {
    const key = c.fieldKey(n.args[0], n.name, true);
    const pop = c.population(n.args[1]);
    const filter = n.args[2] ? c.condition(n.args[2], "enterprise") : null;
    if (pop === null) return null;
    return {
      fn: (rt) => sumRows(rt.population(pop), key, filter, rt),
      parts: null,
      trace: traceOf(n, pop, filter, [key]),
    };
  },
};
