// Completion, time progress, status, score and rank (INDICATORS.md "Time progress" and "Default
// scoring"), every knob from ScoringSettings.
import type { AggregateResult, Submission } from "../aggregate/types";
import { chinaDay } from "../china-date";
import { milestoneInForce, segmentProgress, type MilestoneInForce } from "../plan/milestones";
import { timeProgress } from "../plan/periods";
import type { Comparator, Indicator, Plan } from "../plan/types";
import {
  weightOf,
  type Band,
  type ScoringSettings,
  type TargetAllocation,
  type TargetCell,
} from "../targets/types";

export type Status = "green" | "yellow" | "red";

export interface IndicatorScore {
  code: string;
  actual: number | null;
  base: number | null;
  target: number | null;
  /**
   * Completion on settings.completionBasis: (actual − base) / (target − base) where a base is given and
   * target > base, else actual / target; capped at settings.cap; null without data or a positive target.
   */
  completion: number | null;
  /** Share of the target reached, as readers read "完成目标的90%": actual ÷ target (for a 新增 target, the
   * increase ÷ the increase asked), not capped; null without data or a positive target. The scoring
   * basis is `completion`. */
  reached?: number | null;
  /** Which formula gave `completion`: the increase over the base or the stock. */
  completionBasis: "increase" | "stock" | null;
  /** Where the indicator should be at the period's end: base + (target − base) × time progress. */
  expected: number | null;
  expectedCompletion: number | null;
  status: Status | null;
  /** The plan's comparator against the target (`~` at settings.approxShare). */
  met: boolean | null;
  /** Counted in the unit's score. */
  scored: boolean;
  /** Where the target came from: the plan (city), the allocation, the city target (rates), the city
   * target scaled by the unit's share (settings.noTarget "scale"), or none. */
  targetSource: "plan" | "allocation" | "city" | "scaled" | null;
  /** The year of the milestone the period is measured against ("2026年目标"). */
  milestoneYear?: number;
  /** Time progress within that milestone's segment (from the previous milestone, or the plan's start). */
  progress?: number;
  /** "increase": a target stated as an increase over the base (新增): actual, target and expected are
   * increases over `base`. Absent: a stock. */
  shownAs?: "increase" | "relative";
}

export interface Deductions {
  late: number;
  missing: number;
  rejectedRows: number;
  /** History and outlier warnings no 说明 explains (评分设置; present only when it deducts). */
  unexplained?: number;
  /** late + missing + rejectedRows (+ unexplained). */
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
  /** Working days (Mon–Fri) the return came after the deadline, at least 1 when late; 0 on time; null
   * when not reported, without a deadline or without a known submission time. */
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
  /** Where the expected value starts: the previous milestone's target; null = the base (or 0). */
  previous: number | null = null,
): Omit<IndicatorScore, "scored" | "targetSource"> {
  const base = cell?.base ?? null;
  const empty = {
    code: ind.code,
    actual,
    base,
    target,
    completion: null,
    completionBasis: null,
    expected: null,
    expectedCompletion: null,
    status: null,
    met: null,
  };
  if (target === null) return empty;
  // Without a known base value the plan's plain 序时进度 applies: expected = target × time progress.
  const start = previous ?? base ?? 0;
  const expected = start + (target - start) * progress;
  const increase = settings.completionBasis === "increase" && base !== null && target > base;
  const completionOf = (v: number) =>
    target > 0 ? Math.min(increase ? (v - base!) / (target - base!) : v / target, settings.cap) : null;
  const expectedCompletion = completionOf(expected);
  if (actual === null) return { ...empty, expected, expectedCompletion };
  const completion = completionOf(actual);
  return {
    code: ind.code,
    reached: target > 0 ? actual / target : null,
    actual,
    base,
    target,
    completion,
    completionBasis: completion === null ? null : increase ? "increase" : "stock",
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

const DAY_MS = 24 * 3600 * 1000;

/**
 * Working days (Monday to Friday) after `deadline` up to and including `day`, both ISO dates; 0 when
 * not after it. Public holidays and their make-up working days are not modelled.
 */
export function workingDaysLate(day: string, deadline: string): number {
  const from = Date.parse(`${deadline}T00:00:00Z`);
  const to = Date.parse(`${day}T00:00:00Z`);
  if (!(to > from)) return 0;
  const days = Math.round((to - from) / DAY_MS);
  // Whole weeks hold five working days each; the remainder is walked (at most six days).
  let n = Math.floor(days / 7) * 5;
  for (let d = Math.floor(days / 7) * 7 + 1; d <= days; d++) {
    const wd = new Date(from + d * DAY_MS).getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

/** The band of a score: the first whose `min` it reaches, else the last; null without a score. */
export function bandOf(score: number | null, bands: Band[]): string | null {
  if (score === null || bands.length === 0) return null;
  const hit = bands.find((b) => score >= b.min - 1e-9);
  return (hit ?? bands[bands.length - 1]).label;
}

export interface ScoreArgs {
  aggregate: AggregateResult;
  plan: Plan;
  targets: TargetAllocation;
  settings: ScoringSettings;
}

/** A unit's share of the city for scaling a city target: its base over the city's, else 1 / units. */
function shareOf(
  unitBase: number | null | undefined,
  cityBase: number | null | undefined,
  units: number,
): number {
  if (unitBase != null && cityBase != null && cityBase > 0 && unitBase >= 0) return unitBase / cityBase;
  return 1 / Math.max(1, units);
}

function deductionsOf(
  sub: Submission | undefined,
  reported: boolean,
  deadline: string | null,
  settings: ScoringSettings,
  unexplainedCount = 0,
): { deductions: Deductions; daysLate: number | null } {
  const d: Deductions = { late: 0, missing: 0, rejectedRows: 0, total: 0 };
  let daysLate: number | null = null;
  if (!reported) {
    d.missing = settings.missingPoints;
  } else {
    const day = sub?.submittedAt ? chinaDay(sub.submittedAt) : null;
    if (day && deadline) {
      daysLate = sub?.timing === "late" ? Math.max(1, workingDaysLate(day, deadline)) : 0;
      if (daysLate > 0)
        d.late = Math.min(
          settings.lateCap,
          settings.lateMode === "per_day" ? settings.latePoints * daysLate : settings.latePoints,
        );
    }
    const rows = sub?.rows;
    if (rows && rows.read > 0 && rows.rejected / rows.read > settings.rejectedShare + 1e-12)
      d.rejectedRows = settings.rejectedPoints;
  }
  if (reported && settings.unexplainedPoints > 0 && unexplainedCount > 0)
    d.unexplained = Math.min(settings.unexplainedCap, settings.unexplainedPoints * unexplainedCount);
  d.total = d.late + d.missing + d.rejectedRows + (d.unexplained ?? 0);
  return { deductions: d, daysLate };
}

/** The most frequent value (the first on a tie); `fallback` for none. */
function mode(values: number[], fallback: number): number {
  const n = new Map<number, number>();
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
  let best = fallback;
  let k = 0;
  for (const [v, c] of n) if (c > k) [best, k] = [v, c];
  return best;
}

/** One indicator's milestone in force and what its scoring needs (see scoreInSegment). */
interface Segment {
  m: MilestoneInForce;
  progress: number;
  /** Share of the way from the base to the milestone reached by the previous milestone (0: none). */
  f: number;
  increase: boolean;
}

function segmentOf(
  ind: Indicator,
  plan: Plan,
  periodEnd: string,
  settings: ScoringSettings,
  cityBase: number | null,
): Segment {
  const m = milestoneInForce(plan, ind, Number(periodEnd.slice(0, 4)));
  const increase = ind.basis === "increase";
  const progress = segmentProgress(m, periodEnd, settings.basis);
  let f = 0;
  if (m.previous !== null) {
    const c0 = increase ? 0 : cityBase;
    if (c0 !== null && m.target !== c0) f = (m.previous - c0) / (m.target - c0);
    // No base known: the previous milestone's share of the time from the plan's start.
    else f = timeProgress(plan.start, m.to, `${Number(m.from.slice(0, 4)) - 1}-12-31`, "day");
  }
  return { m, progress, f, increase };
}

/**
 * scoreIndicator within the milestone in force: for a target stated as an increase (新增), actual, target
 * and expected are increases over the base (no base: no figure); the expected value starts from the
 * previous milestone (a unit's from its share of the way, as the city's).
 */
function scoreInSegment(
  ind: Indicator,
  seg: Segment,
  actual: number | null,
  cell: TargetCell | undefined,
  target: number | null,
  settings: ScoringSettings,
  previous: number | null,
): Omit<IndicatorScore, "scored" | "targetSource"> {
  const base = cell?.base ?? null;
  const extra = { milestoneYear: seg.m.year, progress: seg.progress };
  // A target relative to another figure (高于规上工业5个百分点) holds at every period: the expected value
  // is the target itself, completion the gap ÷ the gap asked, no base.
  if (ind.relativeTo) {
    const s = scoreIndicator(ind, actual, { base: null, target }, target, 1, settings, null);
    return { ...s, ...extra, progress: 1, shownAs: "relative" };
  }
  if (!seg.increase)
    return { ...scoreIndicator(ind, actual, cell, target, seg.progress, settings, previous), ...extra };
  const gained = actual === null || base === null ? null : actual - base;
  const s = scoreIndicator(ind, gained, { base: 0, target }, target, seg.progress, settings, previous);
  return { ...s, base, ...extra, shownAs: "increase" };
}

export function scoreRound({ aggregate, plan, targets, settings }: ScoreArgs): ScoreResult {
  const cityBase = (ind: Indicator) => targets.city[ind.code]?.base ?? ind.base ?? null;
  const segments = new Map(
    plan.indicators.map((ind) => [
      ind.code,
      segmentOf(ind, plan, aggregate.periodEnd, settings, cityBase(ind)),
    ]),
  );
  const seg = (ind: Indicator) => segments.get(ind.code)!;
  // The round's 序时进度: that of most indicators' milestone segments (all of them in a plan with one
  // end target, as the built-in one).
  const progress = mode(
    plan.indicators.map((ind) => seg(ind).progress),
    timeProgress(plan.start, plan.end, aggregate.periodEnd, settings.basis),
  );
  const cityTarget = (ind: Indicator) => targets.city[ind.code]?.target ?? seg(ind).m.target;
  const city: IndicatorScore[] = plan.indicators.map((ind) => {
    const b = cityBase(ind);
    const cell =
      b === null ? targets.city[ind.code] : { target: targets.city[ind.code]?.target ?? null, base: b };
    const s = scoreInSegment(
      ind,
      seg(ind),
      aggregate.city.values[ind.code]?.value ?? null,
      cell,
      cityTarget(ind),
      settings,
      seg(ind).m.previous,
    );
    return { ...s, scored: false, targetSource: "plan" };
  });
  // One indicator set for every unit: unit-scope indicators with a weight; under "exclude", a count
  // indicator some unit has no target for is left out for all of them.
  const allocated = (unit: string, code: string) => targets.units[unit]?.[code]?.target ?? null;
  const inSet = new Set(
    plan.indicators
      .filter((ind) => (ind.scope ?? "unit") === "unit" && weightOf(settings, ind.code) > 0)
      .filter(
        (ind) =>
          ind.kind !== "count" ||
          settings.noTarget === "scale" ||
          plan.units.every((u) => allocated(u.code, ind.code) !== null),
      )
      .map((ind) => ind.code),
  );
  const subs = new Map(aggregate.submissions.map((s) => [s.unit, s]));
  const units: UnitScore[] = aggregate.units.map((u) => {
    const indicators: IndicatorScore[] = plan.indicators.map((ind) => {
      const cell = targets.units[u.code]?.[ind.code];
      const own = cell?.target ?? null;
      let target: number | null = own;
      let source: IndicatorScore["targetSource"] = own !== null ? "allocation" : null;
      if (target === null && ind.kind === "rate") {
        target = cityTarget(ind);
        source = "city";
      } else if (target === null && settings.noTarget === "scale" && inSet.has(ind.code)) {
        const share = shareOf(cell?.base, targets.city[ind.code]?.base, plan.units.length);
        target = cityTarget(ind) * share;
        source = "scaled";
      }
      const sg = seg(ind);
      const b0 = sg.increase ? 0 : (cell?.base ?? 0);
      const previous = sg.f === 0 || target === null ? null : b0 + (target - b0) * sg.f;
      const s = scoreInSegment(ind, sg, u.values[ind.code]?.value ?? null, cell, target, settings, previous);
      return { ...s, scored: u.reported && inSet.has(ind.code) && target !== null, targetSource: source };
    });
    let wsum = 0;
    let part = 0;
    let over = 0;
    indicators.forEach((s, i) => {
      if (!s.scored) return;
      const w = weightOf(settings, plan.indicators[i].code);
      // No data counts as nothing achieved; a target of 0 (nothing asked) as done.
      const c = s.completion ?? (s.target !== null && s.target <= 0 ? 1 : 0);
      wsum += w;
      part += w * Math.min(1, Math.max(0, c));
      over += w * Math.max(0, c - 1);
    });
    const { deductions, daysLate } = deductionsOf(
      subs.get(u.code),
      u.reported,
      aggregate.deadline,
      settings,
      aggregate.warnings.filter(
        (w) => w.unit === u.code && w.issue.previous !== undefined && !w.issue.explanation,
      ).length,
    );
    const indicatorPart = !u.reported ? 0 : wsum > 0 ? (part / wsum) * 100 : null;
    const bonus = u.reported && wsum > 0 ? Math.min(settings.bonusCap, (over / wsum) * 100) : 0;
    const score = indicatorPart === null ? null : indicatorPart + bonus - deductions.total;
    return {
      code: u.code,
      name: u.name,
      reported: u.reported,
      indicators,
      indicatorPart,
      bonus,
      deductions,
      score,
      rank: null,
      band: bandOf(score, settings.bands),
      daysLate,
    };
  });
  // Units with a counted return first, by score; then those without, ranked last among themselves.
  const reportedRanks = rankScores(units.map((u) => (u.reported ? u.score : null)));
  const ranked = reportedRanks.filter((r) => r !== null).length;
  const missingRanks = rankScores(units.map((u) => (u.reported ? null : u.score)));
  units.forEach((u, i) => {
    const r = u.reported ? reportedRanks[i] : missingRanks[i];
    u.rank = r === null ? null : u.reported ? r : ranked + r;
  });
  return { timeProgress: progress, city, units, bands: settings.bands.map((b) => ({ ...b })) };
}
