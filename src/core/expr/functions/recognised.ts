// recognised(梯度): the firm holds the tier in the period — its recognition year (the tier's year field)
// is not after the period and at most the tier's validity (有效期, years) before it. A blank year: false.
import { get } from "../runtime";
import type { RowFunction } from "./types";

export const recognised: RowFunction = {
  name: "recognised",
  context: "filter",
  params: ["tier"],
  usage: "recognised(梯度)",
  compile(c, n) {
    const tier = c.tier(n.args[0]);
    if (!tier) return null;
    const year = get(tier.yearField);
    const validity = tier.validityYears;
    return {
      type: "bool",
      fn: (r, rt) => {
        const y = year(r) as number | null;
        return y !== null && y <= rt.periodYear && rt.periodYear - y <= validity;
      },
    };
  },
};
