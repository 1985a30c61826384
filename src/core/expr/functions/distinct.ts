// distinct(字段, 企业范围[, 条件]): how many different values the field holds (trimmed); blanks and cells
// of only spaces are not a value.
import { isBlank } from "../runtime";
import { traceOf, type IndicatorFunction } from "./types";

export const distinct: IndicatorFunction = {
  name: "distinct",
  context: "indicator",
  params: ["field", "pop"],
  optional: ["filter"],
  usage: "distinct(字段, 企业范围[, 条件])",
  compile(c, n) {
    const key = c.fieldKey(n.args[0], n.name, false);
    const pop = c.population(n.args[1]);
    const filter = n.args[2] ? c.condition(n.args[2], "enterprise") : null;
    if (pop === null) return null;
    return {
      fn: (rt) => {
        const names = new Set<string>();
        for (const r of rt.population(pop)) {
          if (filter && !filter(r, rt)) continue;
          const v = (r as Record<string, unknown>)[key];
          const s = isBlank(v) ? "" : String(v).trim();
          if (s !== "") names.add(s);
        }
        return names.size;
      },
      parts: null,
      trace: traceOf(n, pop, filter, [key]),
    };
  },
};
