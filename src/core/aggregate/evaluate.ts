// The formula evaluator: one function per formula type (plan/types.ts `Formula`). Indicators are data,
// so a new plan with the same formula types needs no code. A zero denominator is "no data" (null).
import type { EnterpriseRecord, PlatformRecord } from "../read/types";
import type {
  Formula,
  Indicator,
  NumberField,
  Plan,
  Population,
  Predicate,
  RecognitionTier,
  YearField,
} from "../plan/types";

export interface EvalContext {
  enterprises: EnterpriseRecord[];
  platforms: PlatformRecord[];
  /** 区域指标 figures of the reporting units in scope (one per unit; null = not filled). */
  regions: { above_scale_sme_main_revenue: number | null }[];
  plan: Plan;
  periodYear: number;
}

export interface IndicatorValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export const TIER_OF: Record<YearField, RecognitionTier> = {
  innovative_year: "innovative",
  provincial_srdi_year: "provincial_srdi",
  little_giant_year: "little_giant",
  champion_year: "champion",
};

/**
 * Valid in the period: the latest recognition or review year is filled, not after the period's year,
 * and at most `validity` years before it (a 2022 recognition counts through 2025 with three years, lapses
 * in 2026 unless a review renews it). A firm whose review failed keeps its old year and so lapses.
 */
export function isRecognised(
  year: number | null | undefined,
  periodYear: number,
  validity = Infinity,
): boolean {
  return year !== null && year !== undefined && year <= periodYear && periodYear - year <= validity;
}

/** An honour counted as achieved during the plan: its year is filled and within [plan start, period]. */
export function isSincePlanStart(
  year: number | null | undefined,
  periodYear: number,
  startYear: number,
): boolean {
  return year !== null && year !== undefined && year >= startYear && year <= periodYear;
}

/** What a predicate needs besides the record: the period's year and the plan. */
export interface Window {
  periodYear: number;
  plan: Pick<Plan, "start" | "validityYears">;
}

function valid(e: EnterpriseRecord, field: YearField, w: Window): boolean {
  return isRecognised(e[field], w.periodYear, w.plan.validityYears?.[TIER_OF[field]] ?? Infinity);
}

export function inPopulation(e: EnterpriseRecord, pop: Population, w: Window): boolean {
  switch (pop) {
    case "ALL":
      return true;
    case "SRDI":
      return valid(e, "provincial_srdi_year", w) || valid(e, "little_giant_year", w);
    case "INNO":
      return valid(e, "innovative_year", w);
  }
}

export function matches(e: EnterpriseRecord, p: Predicate, w: Window): boolean {
  switch (p.op) {
    case "recognised":
      return valid(e, p.field, w);
    case "since":
      return isSincePlanStart(e[p.field], w.periodYear, Number(w.plan.start.slice(0, 4)));
    case "all":
      return p.of.every((q) => matches(e, q, w));
    case "yes":
      return e[p.field] === true;
    case "in":
      return e[p.field] !== null && p.values.includes(e[p.field] as string);
    case "notIn":
      return e[p.field] !== null && !p.values.includes(e[p.field] as string);
  }
}

const ratio = (num: number, den: number): IndicatorValue => ({
  value: den === 0 ? null : num / den,
  numerator: num,
  denominator: den,
});
const plainValue = (v: number): IndicatorValue => ({ value: v, numerator: null, denominator: null });
const sumOf = (rows: EnterpriseRecord[], f: NumberField) => rows.reduce((a, e) => a + (e[f] ?? 0), 0);
/** Version-1 records lack the version-2 fields: absent reads as blank. */
const filled = (e: EnterpriseRecord, f: NumberField) => e[f] !== null && e[f] !== undefined;

type Evaluator<T extends Formula["type"]> = (
  f: Extract<Formula, { type: T }>,
  pop: EnterpriseRecord[],
  ctx: EvalContext,
  measure: Indicator["measure"],
) => IndicatorValue;

const evaluators: { [T in Formula["type"]]: Evaluator<T> } = {
  count: (f, pop, ctx) =>
    plainValue(f.where ? pop.filter((e) => matches(e, f.where!, ctx)).length : pop.length),
  sum: (f, pop) => plainValue(sumOf(pop, f.field)),
  share: (f, pop, ctx) => ratio(pop.filter((e) => matches(e, f.where, ctx)).length, pop.length),
  ratioOfSums: (f, pop) => {
    const both = pop.filter((e) => filled(e, f.numerator) && filled(e, f.denominator));
    return ratio(sumOf(both, f.numerator), sumOf(both, f.denominator));
  },
  sumPerFirm: (f, pop) => ratio(sumOf(pop, f.field), pop.length),
  mean: (f, pop) => {
    const rows = pop.filter((e) => filled(e, f.field));
    return ratio(sumOf(rows, f.field), rows.length);
  },
  shareOfRegion: (f, pop, ctx) => {
    const rows = f.where ? pop.filter((e) => matches(e, f.where!, ctx)) : pop;
    const figures = ctx.regions.map((r) => r[f.region]).filter((v): v is number => v !== null);
    // No figure for any unit in scope: no data, not a zero denominator that would read as 0 %.
    if (figures.length === 0) return { value: null, numerator: sumOf(rows, f.field), denominator: null };
    return ratio(
      sumOf(rows, f.field),
      figures.reduce((a, b) => a + b, 0),
    );
  },
  chainCoverage: (_f, pop, ctx) => {
    const chains = ctx.plan.chains.filter((c) => c !== "其他");
    const covered = new Set(
      pop.map((e) => e.chain).filter((c): c is string => c !== null && chains.includes(c)),
    );
    return ratio(covered.size, chains.length);
  },
  platformCount: (f, _pop, ctx, measure) => {
    const startYear = Number(ctx.plan.start.slice(0, 4));
    // A stock counts a platform without a year; one to be achieved during the plan needs its year.
    const inWindow = (y: number | null) =>
      measure === "since_plan_start"
        ? isSincePlanStart(y, ctx.periodYear, startYear)
        : y === null || y <= ctx.periodYear;
    return plainValue(
      ctx.platforms.filter((p) => f.kinds.includes(p.kind) && f.levels.includes(p.level) && inWindow(p.year))
        .length,
    );
  },
  distinctPerFirm: (f, pop) => {
    const names = new Set(pop.map((e) => (e[f.field] ?? "").trim()).filter((s) => s !== ""));
    return ratio(names.size, pop.length);
  },
};

function populationOf(f: Formula): Population | null {
  return "population" in f ? f.population : null;
}

/** A population's records for one context. */
export type Populations = (name: Population) => EnterpriseRecord[];

/**
 * Each population filtered at most once for one context: a plan's 29 indicators share three populations,
 * and filtering all records again per indicator was a fifth of an aggregation's time.
 */
export function populationsOf(ctx: EvalContext): Populations {
  const done = new Map<Population, EnterpriseRecord[]>();
  return (name) => {
    let pop = done.get(name);
    if (!pop) done.set(name, (pop = ctx.enterprises.filter((e) => inPopulation(e, name, ctx))));
    return pop;
  };
}

/** One indicator's value. `populations`: shared by the indicators of one context (see populationsOf). */
export function evaluate(
  formula: Formula,
  ctx: EvalContext,
  measure: Indicator["measure"] = "stock",
  populations: Populations = populationsOf(ctx),
): IndicatorValue {
  const popName = populationOf(formula);
  const pop = popName ? populations(popName) : [];
  const fn = evaluators[formula.type] as Evaluator<typeof formula.type>;
  return fn(formula as never, pop, ctx, measure);
}
