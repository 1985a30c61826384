// The return a resubmission is compared with: the same unit's latest earlier return of the same period
// among those imported (by the workbook's saved time, else the file time). Returns refused as a whole
// are not compared.
import type { ReturnResult } from "../../core/read/types";

const timeOf = (r: ReturnResult) => {
  const ms = Date.parse(r.savedAt ?? r.modified ?? "");
  return Number.isNaN(ms) ? null : ms;
};

export function earlierReturn(r: ReturnResult, all: readonly ReturnResult[]): ReturnResult | null {
  const t = timeOf(r);
  if (r.rejected || r.unit === null || t === null) return null;
  let best: ReturnResult | null = null;
  for (const o of all) {
    const ot = timeOf(o);
    if (o === r || o.rejected || o.unit !== r.unit || o.period !== r.period || ot === null || ot >= t)
      continue;
    if (!best || ot > timeOf(best)!) best = o;
  }
  return best;
}
