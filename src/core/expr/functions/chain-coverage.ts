// chain_coverage(企业范围): the plan's key chains (without 其他) that at least one firm of the population
// names in the chain field (the field whose list is 产业链, form/lists.ts, whatever its key), over the
// number of key chains. A blank chain cell covers nothing.
import { ratioValue, type PartsFn } from "../runtime";
import { traceOf, type IndicatorFunction } from "./types";

export const chainCoverage: IndicatorFunction = {
  name: "chain_coverage",
  context: "indicator",
  params: ["pop"],
  ratio: true,
  usage: "chain_coverage(企业范围)",
  compile(c, n) {
    const pop = c.population(n.args[0]);
    const chainKey = c.env.chainField;
    if (chainKey === null)
      c.fail("EXPR_UNKNOWN_FUNCTION", n, "表单中没有取自\u201c产业链\u201d列表的字段，无法统计产业链覆盖");
    if (pop === null || chainKey === null) return null;
    const parts: PartsFn = (rt) => {
      const chains = rt.chains.filter((ch) => ch !== "其他");
      const covered = new Set<string>();
      for (const r of rt.population(pop)) {
        const v = (r as Record<string, unknown>)[chainKey];
        if (typeof v === "string" && chains.includes(v)) covered.add(v);
      }
      return [covered.size, chains.length];
    };
    return { fn: (rt) => ratioValue(parts(rt)), parts, trace: traceOf(n, pop, null, [chainKey]) };
  },
};
