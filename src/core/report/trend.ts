// The series over rounds: each indicator's value, expected value, share reached and status by round,
// 环比 (against the round before) and 同比 (the same period a year earlier); each unit's score and rank by
// round; the count of indicators on and off pace by round; indicators behind pace several rounds running.
// Rounds of another plan take part where an indicator's code matches, with their own targets.
import { parsePeriod } from "../plan/periods";
import type { Indicator, Plan } from "../plan/types";
import type { Status } from "../score/score";
import type { RoundFigures } from "./figures";
import type { History } from "./history";
import { figuresOf } from "./previous";
import type { RoundResult } from "./round-result";

export interface TrendRound {
  period: string;
  label: string;
  /** Measured with another plan (its own targets and expected values). */
  otherPlan: boolean;
  planId: string;
  planTitle: string;
  figures: RoundFigures;
}

export interface IndicatorPoint {
  value: number | null;
  target: number | null;
  expected: number | null;
  reached: number | null;
  status: Status | null;
  /** 环比: value − the previous round's; null without both. */
  mom: number | null;
  /** 同比: value − the value a year earlier; null without both. */
  yoy: number | null;
  /** 同比增幅: yoy ÷ |the value a year earlier|; null when that is 0 or missing. */
  yoyRate: number | null;
}

export interface IndicatorTrend {
  indicator: Indicator;
  /** One per round; null where the round has no figure for this code. */
  points: (IndicatorPoint | null)[];
}

export interface UnitTrend {
  code: string;
  name: string;
  scores: (number | null)[];
  ranks: (number | null)[];
}

export interface PaceCount {
  /** 达到序时进度 (green). */
  on: number;
  /** 低于序时进度 (yellow + red). */
  behind: number;
  yellow: number;
  red: number;
  /** No status: no data or no target. */
  none: number;
  /** Indicators of this plan the round has figures for. */
  total: number;
  /** False for a round whose sheet kept no statuses (version 1). */
  known: boolean;
}

export interface Trend {
  /** Oldest first; the last is this round. */
  rounds: TrendRound[];
  indicators: IndicatorTrend[];
  units: UnitTrend[];
  pace: PaceCount[];
  /** Index of the round of the same period a year before this one, or null. */
  yearAgo: number | null;
  /** Indicators behind pace in this round and the rounds just before it, run ≥ 2, longest first. */
  behindRuns: { indicator: Indicator; run: number }[];
}

/** The round of the same period a year before, by period id. */
export function yearAgoPeriod(period: string): string | null {
  const p = parsePeriod(period);
  if (!p) return null;
  return parsePeriod(p.id.replace(/^\d{4}/, String(p.year - 1)))?.id ?? null;
}

const minus = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : a - b;

export function buildTrend(result: RoundResult, plan: Plan, history: History | null | undefined): Trend {
  const current = figuresOf(result, plan);
  const all = [...(history?.rounds ?? []), current];
  const rounds: TrendRound[] = all.map((f) => ({
    period: f.period,
    label: f.periodLabel || f.period,
    otherPlan: !!f.planId && f.planId !== plan.id,
    planId: f.planId ?? "",
    planTitle: f.planTitle || f.planId || "",
    figures: f,
  }));
  const index = new Map(rounds.map((r, i) => [r.period, i]));
  const indicators: IndicatorTrend[] = plan.indicators.map((ind) => {
    const points = rounds.map((r, i): IndicatorPoint | null => {
      const f = r.figures;
      if (!(ind.code in f.city)) return null;
      const value = f.city[ind.code] ?? null;
      const p = f.points?.[ind.code];
      const before = i > 0 ? rounds[i - 1].figures.city[ind.code] : null;
      const ago = yearAgoPeriod(r.period);
      const agoIndex = ago === null ? undefined : index.get(ago);
      const agoValue = agoIndex === undefined ? null : (rounds[agoIndex].figures.city[ind.code] ?? null);
      const yoy = minus(value, agoValue);
      return {
        value,
        target: p?.target ?? null,
        expected: p?.expected ?? null,
        reached: p?.reached ?? null,
        status: p?.status ?? null,
        mom: minus(value, before),
        yoy,
        yoyRate: yoy !== null && agoValue ? yoy / Math.abs(agoValue) : null,
      };
    });
    return { indicator: ind, points };
  });
  const units: UnitTrend[] = plan.units.map((u) => ({
    code: u.code,
    name: u.name,
    scores: rounds.map((r) => r.figures.units[u.code]?.score ?? null),
    ranks: rounds.map((r) => r.figures.units[u.code]?.rank ?? null),
  }));
  const pace: PaceCount[] = rounds.map((_, i) => {
    const pts = indicators.map((t) => t.points[i]).filter((p): p is IndicatorPoint => p !== null);
    const known = !!rounds[i].figures.points;
    const yellow = pts.filter((p) => p.status === "yellow").length;
    const red = pts.filter((p) => p.status === "red").length;
    const on = pts.filter((p) => p.status === "green").length;
    return {
      on,
      yellow,
      red,
      behind: yellow + red,
      none: pts.length - on - yellow - red,
      total: pts.length,
      known,
    };
  });
  const ago = yearAgoPeriod(current.period);
  const yearAgo = ago === null ? null : (index.get(ago) ?? null);
  const last = rounds.length - 1;
  const behindRuns = indicators
    .map((t) => {
      let run = 0;
      for (let i = last; i >= 0; i--) {
        const s = t.points[i]?.status;
        if (s === "yellow" || s === "red") run++;
        else break;
      }
      return { indicator: t.indicator, run };
    })
    .filter((x) => x.run >= 2)
    .sort((a, b) => b.run - a.run);
  return { rounds, indicators, units, pace, yearAgo, behindRuns };
}
