// Targets per milestone year (issue 17): a plan may set a target for each year (or an end target with
// yearly milestones, or 年均增加). A period is measured against the milestone in force (the first whose
// year is not before the period's year); time progress and the expected value run from the previous
// milestone (or the base at the plan's start) to it.
import type { TimeBasis } from "./periods";
import { timeProgress } from "./periods";
import type { Indicator, Milestone, Plan } from "./types";
import { planYears } from "./window";

/**
 * The indicator's milestones, ascending, the last being the end target: the explicit ones, plus for the
 * other years of the plan base + (year − base year) × 年均增加 when both are given (for basis "increase",
 * (year − base year) × 年均增加: the target is the increase itself).
 */
export function milestonesOf(
  plan: Pick<Plan, "start" | "end" | "baseDate">,
  ind: Pick<Indicator, "target" | "milestones" | "annualIncrease" | "base" | "basis">,
): Milestone[] {
  const years = planYears(plan);
  const explicit = new Map((ind.milestones ?? []).map((m) => [m.year, m.target]));
  explicit.set(years.end, ind.target);
  const baseYear = Number(plan.baseDate.slice(0, 4));
  const step = ind.annualIncrease ?? null;
  const from = ind.basis === "increase" ? 0 : (ind.base ?? null);
  const out: Milestone[] = [];
  for (let y = years.start; y <= years.end; y++) {
    const t = explicit.get(y);
    if (t !== undefined) out.push({ year: y, target: t });
    else if (step !== null && from !== null) out.push({ year: y, target: from + (y - baseYear) * step });
  }
  return out;
}

export interface MilestoneInForce {
  year: number;
  /** The milestone's target (for basis "increase", the increase over the base). */
  target: number;
  /** The previous milestone's target; null when the segment starts at the plan's start (the base). */
  previous: number | null;
  /** First and last day of the segment the period is measured in, ISO. */
  from: string;
  to: string;
  /** This milestone is the plan's end target. */
  last: boolean;
}

/** The milestone a period of `periodYear` is measured against (the end target after the plan's end). */
export function milestoneInForce(
  plan: Pick<Plan, "start" | "end" | "baseDate">,
  ind: Pick<Indicator, "target" | "milestones" | "annualIncrease" | "base" | "basis">,
  periodYear: number,
): MilestoneInForce {
  const list = milestonesOf(plan, ind);
  let at = list.findIndex((m) => m.year >= periodYear);
  if (at < 0) at = list.length - 1;
  const m = list[at];
  const prev = at > 0 ? list[at - 1] : null;
  const last = at === list.length - 1;
  return {
    year: m.year,
    target: m.target,
    previous: prev ? prev.target : null,
    from: prev ? `${prev.year + 1}-01-01` : plan.start,
    to: last ? plan.end : `${m.year}-12-31`,
    last,
  };
}

/** Time progress of a period's end within the milestone's segment, clamped to [0, 1]. */
export function segmentProgress(m: MilestoneInForce, periodEnd: string, basis: TimeBasis = "day"): number {
  return timeProgress(m.from, m.to, periodEnd, basis);
}
