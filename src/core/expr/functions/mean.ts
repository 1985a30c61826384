// mean(字段, 企业范围[, 条件]): the mean over the filled cells (a blank is left out of both the sum and the
// count); no filled cell: no data (—).
import { isBlank, ratioValue, type PartsFn } from "../runtime";
import { traceOf, type IndicatorFunction } from "./types";

export const mean: IndicatorFunction = {
  name: "mean",
  context: "indicator",
  params: ["numField", "pop"],
  optional: ["filter"],
  ratio: true,
  usage: "mean(字段, 企业范围[, 条件])",
  compile(c, n) {
    const key = c.fieldKey(n.args[0], n.name, true);
    const pop = c.population(n.args[1]);
    const filter = n.args[2] ? c.condition(n.args[2], "enterprise") : null;
    if (pop === null) return null;
    const parts: PartsFn = (rt) => {
      let s = 0;
      let k = 0;
      for (const r of rt.population(pop)) {
        if (filter && !filter(r, rt)) continue;
        const v = (r as Record<string, unknown>)[key];
        if (isBlank(v)) continue;
        s = s + (v as number);
        k++;
      }
      return [s, k];
    };
    return { fn: (rt) => ratioValue(parts(rt)), parts, trace: traceOf(n, pop, filter, [key]) };
  },
};
