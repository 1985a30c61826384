// The round's period when the bureau does not say it: the period most accepted returns are for, the
// later one on a tie (a late return of the previous round must not pull the round back).
import { parsePeriod, type Period } from "../plan/periods";
import type { ReturnResult } from "../read/types";

export function roundPeriod(returns: readonly ReturnResult[]): Period | null {
  const counts = new Map<string, number>();
  for (const r of returns) if (!r.rejected && r.period) counts.set(r.period, (counts.get(r.period) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0];
  return best ? parsePeriod(best[0]) : null;
}
