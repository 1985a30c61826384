// The round in a few counts, as the CLI's summary line and the pane's notice both state it.
import type { Plan } from "../plan/types";
import type { RoundResult } from "./round-result";

export interface RoundSummary {
  /** Returns handed in: each one is either counted for its unit or listed as excluded. */
  returns: number;
  /** Units whose return is counted. */
  reported: number;
  /** Units of the plan. */
  units: number;
  /** Returns not counted (rejected, unknown unit, other period, superseded). */
  excluded: number;
  /** Enterprises and platforms reported by more than one unit. */
  duplicates: number;
  duplicateEnterprises: number;
  duplicatePlatforms: number;
  /** Data rows refused in the counted returns. */
  rejectedRows: number;
}

export function roundSummary(result: RoundResult, plan: Plan): RoundSummary {
  const a = result.aggregate;
  const reported = a.submissions.filter((s) => s.status === "reported").length;
  const duplicateEnterprises = a.duplicates.filter((d) => d.kind === "enterprise").length;
  return {
    returns: reported + a.excluded.length,
    reported,
    units: plan.units.length,
    excluded: a.excluded.length,
    duplicates: a.duplicates.length,
    duplicateEnterprises,
    duplicatePlatforms: a.duplicates.length - duplicateEnterprises,
    rejectedRows: a.rejectedRows.length,
  };
}
