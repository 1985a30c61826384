// Indicator values from expressions (src/core/expr): a plan's indicators and populations are compiled once
// per round into closures and run per unit and for the city. A zero denominator is "no data" (null).
import {
  compileFilter,
  compileIndicator,
  ExprErrors,
  type CompiledIndicator,
  type IndicatorRuntime,
  type RowFilter,
} from "../expr/compile";
import type { IndicatorValue } from "../expr/value";
import { envOf } from "../expr/env";
import { formsOf } from "../form/versions";
import type { FormDef } from "../form/types";
import { formulaToExpr } from "../plan/formula-expr";
import type { Formula, Indicator, Plan } from "../plan/types";
import type { EnterpriseRecord, PlatformRecord } from "../read/types";

export interface EvalContext {
  enterprises: EnterpriseRecord[];
  platforms: PlatformRecord[];
  /** Region figures in scope by field key (plan/region-fields.ts): region(f) sums f over these rows,
   * skipping blanks (null = not filled). */
  regions: readonly Record<string, unknown>[];
  plan: Plan;
  periodYear: number;
}

/** An indicator's value with its parts (the expression language's result, src/core/expr/value.ts). */
export type { IndicatorValue } from "../expr/value";

/**
 * Valid in the period: the latest recognition or review year is filled, not after the period's year,
 * and at most `validity` years before it (a 2022 recognition counts through 2025 with three years, lapses
 * in 2026 unless a review renews it). A firm whose review failed keeps its old year and so lapses.
 * (The expression `recognised(tier)` computes the same; this is for lists outside expressions.)
 */
export function isRecognised(
  year: number | null | undefined,
  periodYear: number,
  validity = Infinity,
): boolean {
  return year !== null && year !== undefined && year <= periodYear && periodYear - year <= validity;
}

/** A plan's expressions compiled: one per indicator (by code) and one filter per population (by name). */
export interface CompiledPlan {
  indicators: Map<string, CompiledIndicator>;
  populations: Map<string, RowFilter>;
}

/** Thrown when a plan's expression does not compile (a loaded plan was checked; this is a programming
 * error or a plan object built in code). */
export class PlanExpressionError extends Error {}

/**
 * Compiles every expression of the plan over the fields of `forms` (every form version a return may
 * use). Done once per round: parsing is microseconds, evaluating runs over thousands of rows.
 */
export function compilePlan(plan: Plan, forms: readonly FormDef[] = formsOf(plan)): CompiledPlan {
  const env = envOf(plan, forms);
  const at = (what: string, f: () => void) => {
    try {
      f();
    } catch (e) {
      if (e instanceof ExprErrors) throw new PlanExpressionError(`${what}：${e.message}`);
      throw e;
    }
  };
  const populations = new Map<string, RowFilter>();
  for (const p of plan.populations)
    at(`企业范围${p.name}`, () => populations.set(p.name, compileFilter(p.filter, env)));
  const indicators = new Map<string, CompiledIndicator>();
  for (const ind of plan.indicators)
    at(`指标${ind.code}`, () => indicators.set(ind.code, compileIndicator(ind.expr, env)));
  return { indicators, populations };
}

/** A population's records for one context. */
export type Populations = (name: string) => EnterpriseRecord[];

/**
 * Each population filtered at most once for one context: a plan's 29 indicators share three populations,
 * and filtering all records again per indicator was a fifth of an aggregation's time.
 */
export function populationsOf(ctx: EvalContext, compiled: CompiledPlan): Populations {
  const done = new Map<string, EnterpriseRecord[]>();
  const rt = runtimeBase(ctx);
  return (name) => {
    let pop = done.get(name);
    if (!pop) {
      const filter = compiled.populations.get(name);
      pop = filter ? ctx.enterprises.filter((e) => filter(e, rt)) : [];
      done.set(name, pop);
    }
    return pop;
  };
}

function runtimeBase(ctx: EvalContext) {
  return { periodYear: ctx.periodYear, startYear: Number(ctx.plan.start.slice(0, 4)) };
}

/** What the compiled indicators of one context run on. */
export function runtimeOf(ctx: EvalContext, populations: Populations): IndicatorRuntime {
  return {
    ...runtimeBase(ctx),
    population: populations,
    platforms: ctx.platforms,
    regions: ctx.regions,
    chains: ctx.plan.chains,
  };
}

/** Every indicator's value for one context (a unit or the city). */
export function evaluateAll(compiled: CompiledPlan, ctx: EvalContext): Record<string, IndicatorValue> {
  const rt = runtimeOf(ctx, populationsOf(ctx, compiled));
  const values: Record<string, IndicatorValue> = {};
  for (const ind of ctx.plan.indicators) {
    const v = compiled.indicators.get(ind.code)!.evaluate(rt);
    values[ind.code] = ind.relativeTo ? relative(v.value, referenceOf(ctx, ind.relativeTo)) : v;
  }
  return values;
}

/** The figure a relative indicator is compared with: the region figure in scope (the bureau's, else —). */
function referenceOf(ctx: EvalContext, key: string): number | null {
  let s: number | null = null;
  for (const r of ctx.regions) {
    const v = r[key];
    if (typeof v === "number" && Number.isFinite(v)) s = (s ?? 0) + v;
  }
  return s;
}

/** (own − reference) × 100: the gap in 百分点; — when either is missing. */
function relative(own: number | null, reference: number | null): IndicatorValue {
  const value = own === null || reference === null ? null : (own - reference) * 100;
  return { value, numerator: null, denominator: null, own, reference };
}

/** One computation's value: an expression, or a legacy structured formula (written as its expression). */
export function evaluate(
  computation: string | Formula,
  ctx: EvalContext,
  measure: Indicator["measure"] = "stock",
): IndicatorValue {
  const expr = typeof computation === "string" ? computation : formulaToExpr(computation, measure);
  const compiled = compilePlan({ ...ctx.plan, indicators: [] });
  const ind = compileIndicator(expr, envOf(ctx.plan, formsOf(ctx.plan)));
  return ind.evaluate(runtimeOf(ctx, populationsOf(ctx, compiled)));
}
