// The formula evaluator: one function per formula type (plan/types.ts `Formula`). Indicators are data,
// so a new plan with the same formula types needs no code. A zero denominator is "no data" (null).
import type { EnterpriseRecord, PlatformRecord } from "../read/types";
import type { Formula, NumberField, Plan, Population, Predicate } from "../plan/types";

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

export function isRecognised(year: number | null, periodYear: number): boolean {
  return year !== null && year <= periodYear;
}

export function inPopulation(e: EnterpriseRecord, pop: Population, periodYear: number): boolean {
  switch (pop) {
    case "ALL":
      return true;
    case "SRDI":
      return (
        isRecognised(e.provincial_srdi_year, periodYear) || isRecognised(e.little_giant_year, periodYear)
      );
    case "INNO":
      return isRecognised(e.innovative_year, periodYear);
  }
}

export function matches(e: EnterpriseRecord, p: Predicate, periodYear: number): boolean {
  switch (p.op) {
    case "recognised":
      return isRecognised(e[p.field], periodYear);
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

type Evaluator<T extends Formula["type"]> = (
  f: Extract<Formula, { type: T }>,
  pop: EnterpriseRecord[],
  ctx: EvalContext,
) => IndicatorValue;

const evaluators: { [T in Formula["type"]]: Evaluator<T> } = {
  count: (f, pop, ctx) =>
    plainValue(f.where ? pop.filter((e) => matches(e, f.where!, ctx.periodYear)).length : pop.length),
  sum: (f, pop) => plainValue(sumOf(pop, f.field)),
  share: (f, pop, ctx) => ratio(pop.filter((e) => matches(e, f.where, ctx.periodYear)).length, pop.length),
  ratioOfSums: (f, pop) => {
    const both = pop.filter((e) => e[f.numerator] !== null && e[f.denominator] !== null);
    return ratio(sumOf(both, f.numerator), sumOf(both, f.denominator));
  },
  sumPerFirm: (f, pop) => ratio(sumOf(pop, f.field), pop.length),
  mean: (f, pop) => {
    const filled = pop.filter((e) => e[f.field] !== null);
    return ratio(sumOf(filled, f.field), filled.length);
  },
  shareOfRegion: (f, pop, ctx) => {
    const figures = ctx.regions.map((r) => r[f.region]).filter((v): v is number => v !== null);
    // No unit filled the figure: no data, not a zero denominator that would read as 0 %.
    if (figures.length === 0) return { value: null, numerator: sumOf(pop, f.field), denominator: null };
    return ratio(
      sumOf(pop, f.field),
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
  platformCount: (f, _pop, ctx) =>
    plainValue(
      ctx.platforms.filter(
        (p) =>
          f.kinds.includes(p.kind) &&
          f.levels.includes(p.level) &&
          (p.year === null || p.year <= ctx.periodYear),
      ).length,
    ),
  distinctPerFirm: (f, pop) => {
    const names = new Set(pop.map((e) => (e[f.field] ?? "").trim()).filter((s) => s !== ""));
    return ratio(names.size, pop.length);
  },
};

function populationOf(f: Formula): Population | null {
  return "population" in f ? f.population : null;
}

export function evaluate(formula: Formula, ctx: EvalContext): IndicatorValue {
  const popName = populationOf(formula);
  const pop = popName ? ctx.enterprises.filter((e) => inPopulation(e, popName, ctx.periodYear)) : [];
  const fn = evaluators[formula.type] as Evaluator<typeof formula.type>;
  return fn(formula as never, pop, ctx);
}
