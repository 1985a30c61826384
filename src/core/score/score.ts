// Completion, time progress, status, score and rank (INDICATORS.md "Time progress" and "Default
// scoring"), every knob from ScoringSettings.
import type { AggregateResult } from "../aggregate/types";
import { timeProgress } from "../plan/periods";
import type { Comparator, Indicator, Plan } from "../plan/types";
import { weightOf, type ScoringSettings, type TargetAllocation, type TargetCell } from "../targets/types";

export type Status = "green" | "yellow" | "red";

export interface IndicatorScore {
  code: string;
  actual: number | null;
  base: number | null;
  target: number | null;
  /** actual / target, capped at settings.cap; null without data or without a positive target. */
  completion: number | null;
  /** Where the indicator should be at the period's end: base + (target − base) × time progress. */
  expected: number | null;
  expectedCompletion: number | null;
  status: Status | null;
  /** The plan's comparator against the target (`~` at settings.approxShare). */
  met: boolean | null;
  /** Counted in the unit's score. */
  scored: boolean;
  /** Where the target came from: the plan (city), the allocation, or none. */
  targetSource: "plan" | "allocation" | "city" | null;
}

export interface Deductions {
  late: number;
  missing: number;
  rejectedRows: number;
  /** late + missing + rejectedRows. */
  total: number;
}

export interface UnitScore {
  code: string;
  name: string;
  reported: boolean;
  indicators: IndicatorScore[];
  /** 0–100: weighted completion, each capped at 100 %, over the indicator set common to every unit. */
  indicatorPart: number | null;
  /** Over-performance beyond 100 %, weighted the same way, capped by settings; shown apart. */
  bonus: number;
  deductions: Deductions;
  /** indicatorPart + bonus − deductions.total. */
  score: number | null;
  /** Every unit is ranked; units with no counted return are ranked last. */
  rank: number | null;
  /** Grade band label from settings (好/较好/一般/较差 by default). */
  band: string | null;
  /** Working days the return came after the deadline; null when on time, not reported or unknown. */
  daysLate: number | null;
}

export interface ScoreResult {
  timeProgress: number;
  city: IndicatorScore[];
  units: UnitScore[];
  /** Grade bands, highest first: a unit gets the first band whose `min` its score reaches. */
  bands: { label: string; min: number }[];
}

export function isMet(actual: number, target: number, cmp: Comparator, approxShare: number): boolean {
  switch (cmp) {
    case ">":
      return actual > target;
    case ">=":
      return actual >= target;
    case "~":
      return actual >= approxShare * target;
  }
}

export function statusOf(actual: number, expected: number, target: number, yellowThreshold: number): Status {
  if (actual >= expected) return "green";
  // Compared in completion points: the gap between where it should be and where it is, over target.
  const gap = target > 0 ? (expected - actual) / target : Infinity;
  return gap <= yellowThreshold + 1e-12 ? "yellow" : "red";
}

export function scoreIndicator(
  ind: Indicator,
  actual: number | null,
  cell: TargetCell | undefined,
  target: number | null,
  progress: number,
  settings: ScoringSettings,
): Omit<IndicatorScore, "scored" | "targetSource"> {
  const base = cell?.base ?? null;
  const empty = {
    code: ind.code,
    actual,
    base,
    target,
    completion: null,
    expected: null,
    expectedCompletion: null,
    status: null,
    met: null,
  };
  if (target === null) return empty;
  // Without a known base value the plan's plain 序时进度 applies: expected = target × time progress.
  const expected = (base ?? 0) + (target - (base ?? 0)) * progress;
  const expectedCompletion = target > 0 ? Math.min(expected / target, settings.cap) : null;
  if (actual === null) return { ...empty, expected, expectedCompletion };
  const completion = target > 0 ? Math.min(actual / target, settings.cap) : null;
  return {
    code: ind.code,
    actual,
    base,
    target,
    completion,
    expected,
    expectedCompletion,
    status: target > 0 ? statusOf(actual, expected, target, settings.yellowThreshold) : null,
    met: isMet(actual, target, ind.cmp, settings.approxShare),
  };
}

/** Scores equal at the shown precision (two decimals) share a rank: 1, 2, 2, 4. */
export function rankScores(scores: (number | null)[]): (number | null)[] {
  const rounded = scores.map((s) => (s === null ? null : Math.round(s * 100) / 100));
  return rounded.map((s) => (s === null ? null : 1 + rounded.filter((o) => o !== null && o > s).length));
}

export interface ScoreArgs {
  aggregate: AggregateResult;
  plan: Plan;
  targets: TargetAllocation;
  settings: ScoringSettings;
}

export function scoreRound({ aggregate, plan, targets, settings }: ScoreArgs): ScoreResult {
  const progress = timeProgress(plan.start, plan.end, aggregate.periodEnd, settings.basis);
  const city: IndicatorScore[] = plan.indicators.map((ind) => {
    const cell = targets.city[ind.code];
    const s = scoreIndicator(
      ind,
      aggregate.city.values[ind.code]?.value ?? null,
      cell,
      cell?.target ?? ind.target,
      progress,
      settings,
    );
    return { ...s, scored: false, targetSource: "plan" };
  });
  const units = aggregate.units.map((u) => {
    const indicators: IndicatorScore[] = plan.indicators.map((ind) => {
      const cell = targets.units[u.code]?.[ind.code];
      const allocated = cell?.target ?? null;
      // A count with no allocated target is shown but not scored; a rate falls back to the city target.
      const target =
        allocated ?? (ind.kind === "rate" ? (targets.city[ind.code]?.target ?? ind.target) : null);
      const source = allocated !== null ? "allocation" : target !== null ? "city" : null;
      const s = scoreIndicator(ind, u.values[ind.code]?.value ?? null, cell, target, progress, settings);
      return {
        ...s,
        scored: u.reported && s.completion !== null && weightOf(settings, ind.code) > 0,
        targetSource: source,
      };
    });
    let wsum = 0;
    let total = 0;
    indicators.forEach((s, i) => {
      if (!s.scored) return;
      const w = weightOf(settings, plan.indicators[i].code);
      wsum += w;
      total += w * (s.completion as number);
    });
    const score = wsum > 0 ? (total / wsum) * 100 : null;
    const unit: UnitScore = {
      code: u.code,
      name: u.name,
      reported: u.reported,
      indicators,
      indicatorPart: score,
      bonus: 0,
      deductions: { late: 0, missing: 0, rejectedRows: 0, total: 0 },
      score,
      rank: null,
      band: null,
      daysLate: null,
    };
    return unit;
  });
  const ranks = rankScores(units.map((u) => u.score));
  units.forEach((u, i) => (u.rank = ranks[i]));
  return { timeProgress: progress, city, units, bands: [] };
}
