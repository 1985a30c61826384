// share(企业范围, 条件): the rows meeting the condition over all rows of the population. A blank makes the
// condition false, so a firm that left the cell blank counts in the denominator as a no.
import { countRows, ratioValue, type PartsFn } from "../runtime";
import { traceOf, type IndicatorFunction } from "./types";

export const share: IndicatorFunction = {
  name: "share",
  context: "indicator",
  params: ["pop", "filter"],
  ratio: true,
  usage: "share(企业范围, 条件)",
  compile(c, n) {
    const pop = c.population(n.args[0]);
    const filter = c.condition(n.args[1], "enterprise");
    if (pop === null) return null;
    const parts: PartsFn = (rt) => {
      const rows = rt.population(pop);
      return [countRows(rows, filter, rt), rows.length];
    };
    return { fn: (rt) => ratioValue(parts(rt)), parts, trace: traceOf(n, pop, filter, []) };
  },
};
