// since_plan_start(年份字段): the year is within the plan's years up to the period (start year ≤ y ≤
// period year). A blank year: false.
import { get } from "../runtime";
import type { RowFunction } from "./types";

export const sincePlanStart: RowFunction = {
  name: "since_plan_start",
  context: "filter",
  params: ["yearField"],
  usage: "since_plan_start(年份字段)",
  compile(c, n, scope) {
    const f = c.field(n.args[0], scope);
    if (f && f.type !== "year")
      c.fail("EXPR_TYPE", n.args[0], `since_plan_start 需要年份字段，\u201c${f.header}\u201d不是年份`);
    if (!f) return null;
    const g = get(f.key);
    return {
      type: "bool",
      fn: (r, rt) => {
        const y = g(r) as number | null;
        return y !== null && y >= rt.startYear && y <= rt.periodYear;
      },
    };
  },
};
