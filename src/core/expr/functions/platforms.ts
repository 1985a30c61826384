// platforms([条件]): the platform rows (that meet the condition) recognised by the period: a platform whose
// year is after the period never counts; one without a year is a stock and counts.
import { isBlank } from "../runtime";
import { traceOf, type IndicatorFunction } from "./types";

export const platforms: IndicatorFunction = {
  name: "platforms",
  context: "indicator",
  params: [],
  optional: ["platformFilter"],
  usage: "platforms([条件])",
  compile(c, n) {
    // A form without a platform sheet: nobody reports platforms, so the count would always be 0.
    if (c.env.platform.length === 0)
      c.fail("EXPR_UNKNOWN_FUNCTION", n, "表单没有平台工作表(字段工作表中没有平台的字段)，无法统计平台");
    const filter = n.args[0] ? c.condition(n.args[0], "platform") : null;
    return {
      fn: (rt) => {
        let k = 0;
        for (const p of rt.platforms) {
          const y = (p as Record<string, unknown>).year;
          if (!isBlank(y) && (y as number) > rt.periodYear) continue;
          if (!filter || filter(p, rt)) k++;
        }
        return k;
      },
      parts: null,
      trace: traceOf(n, null, filter, []),
    };
  },
};
