// count(企业范围[, 条件]): the rows of the population (that meet the condition). A condition with a blank
// side is false, so a blank never counts.
import { countRows } from "../runtime";
import { traceOf, type IndicatorFunction } from "./types";

export const count: IndicatorFunction = {
  name: "count",
  context: "indicator",
  params: ["pop"],
  optional: ["filter"],
  usage: "count(企业范围[, 条件])",
  compile(c, n) {
    const pop = c.population(n.args[0]);
    const filter = n.args[1] ? c.condition(n.args[1], "enterprise") : null;
    if (pop === null) return null;
    return {
      fn: (rt) => countRows(rt.population(pop), filter, rt),
      parts: null,
      trace: traceOf(n, pop, filter, []),
    };
  },
};
