// The round's period when the bureau does not say it: the period most accepted returns are for, the
// later one on a tie (a late return of the previous round must not pull the round back). When none is
// accepted only because their period is outside the plan, that period: the round is then refused with the
// message saying which plan to load, not "no period found".
import { parsePeriod, type Period } from "../plan/periods";
import type { ReturnResult } from "../read/types";

export function roundPeriod(returns: readonly ReturnResult[]): Period | null {
  const counts = new Map<string, number>();
  for (const r of returns) if (!r.rejected && r.period) counts.set(r.period, (counts.get(r.period) ?? 0) + 1);
  if (counts.size === 0)
    for (const r of returns)
      if (r.period && r.errors.some((e) => e.code === "form.period_outside_plan"))
        counts.set(r.period, (counts.get(r.period) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0];
  return best ? parsePeriod(best[0]) : null;
}
