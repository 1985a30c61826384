// region(区域指标字段): Σ of the region figure over the units in scope, skipping units that left it blank;
// no unit has it: no data (—), not a zero that would read as 0 %.
import { isBlank } from "../runtime";
import { TYPE_NAMES, type IndicatorFunction } from "./types";

export const region: IndicatorFunction = {
  name: "region",
  context: "indicator",
  params: ["regionField"],
  usage: "region(区域指标字段)",
  compile(c, n) {
    const f = c.field(n.args[0], "region");
    if (f && f.type !== "number")
      c.fail("EXPR_TYPE", n.args[0], `region 需要数值字段，\u201c${f.header}\u201d是${TYPE_NAMES[f.type]}`);
    if (!f) return null;
    const key = f.key;
    return {
      fn: (rt) => {
        let s = 0;
        let any = false;
        for (const r of rt.regions) {
          const v = (r as Record<string, unknown>)[key];
          if (isBlank(v)) continue;
          s = s + (v as number);
          any = true;
        }
        return any ? s : null;
      },
      parts: null,
      trace: null,
    };
  },
};
