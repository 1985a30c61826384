// ratio_of_sums(分子字段, 分母字段, 企业范围[, 条件]): Σ numerator over Σ denominator, over the firms that
// filled both (a firm with either blank is left out of both sums); a zero denominator: no data (—).
import { isBlank, ratioValue, type PartsFn } from "../runtime";
import { traceOf, type IndicatorFunction } from "./types";

export const ratioOfSums: IndicatorFunction = {
  name: "ratio_of_sums",
  context: "indicator",
  params: ["numField", "numField", "pop"],
  optional: ["filter"],
  ratio: true,
  usage: "ratio_of_sums(分子字段, 分母字段, 企业范围[, 条件])",
  compile(c, n) {
    const num = c.fieldKey(n.args[0], n.name, true);
    const den = c.fieldKey(n.args[1], n.name, true);
    const pop = c.population(n.args[2]);
    const filter = n.args[3] ? c.condition(n.args[3], "enterprise") : null;
    if (pop === null) return null;
    const parts: PartsFn = (rt) => {
      let s = 0;
      let d = 0;
      const rows = rt.population(pop);
      const both = rows.filter((r) => {
        const x = (r as Record<string, unknown>)[num];
        const y = (r as Record<string, unknown>)[den];
        return !isBlank(x) && !isBlank(y) && (!filter || filter(r, rt));
      });
      for (const r of both) s = s + ((r as Record<string, number>)[num] ?? 0);
      for (const r of both) d = d + ((r as Record<string, number>)[den] ?? 0);
      return [s, d];
    };
    return { fn: (rt) => ratioValue(parts(rt)), parts, trace: traceOf(n, pop, filter, [num, den]) };
  },
};
