// Lists the bureau acts on: recognitions that lapse within the next year unless reviewed (复核), and for
// every 全覆盖 indicator the SRDI firms of each unit not yet covered.
import { compilePlan, populationsOf, runtimeOf } from "../aggregate/evaluate";
import { tierName } from "../plan/tiers";
import type { Indicator, Plan } from "../plan/types";
import type { RoundResult } from "./round-result";

/** A cap that counts data: rows of each list. */
export const MAX_LIST_ROWS = 20_000;

export interface LapsingEntry {
  unitName: string;
  name: string;
  uscc: string;
  tier: string;
  year: number;
  /** The last year the recognition counts: a 2022 recognition valid three years counts through 2025. */
  validThrough: number;
}

/** Recognitions whose validity ends within twelve months of the period's end (the year valid through
 * is the period's year, or the next year when the period ends in December). Years only are known, so a
 * recognition is taken as valid through 31 December of its last year. */
export function lapsing(result: RoundResult, plan: Plan): LapsingEntry[] {
  const end = result.aggregate.periodEnd;
  const year = Number(end.slice(0, 4));
  const lastYear = end.slice(5, 10) === "12-31" ? year + 1 : year;
  const out: LapsingEntry[] = [];
  for (const c of result.counted ?? [])
    for (const e of c.enterprises)
      for (const t of plan.tiers) {
        const y = (e as unknown as Record<string, unknown>)[t.yearField];
        if (typeof y !== "number" || y > year) continue;
        const validity = t.validityYears;
        const through = y + validity;
        if (through >= year && through <= lastYear && out.length < MAX_LIST_ROWS)
          out.push({
            unitName: c.unitName,
            name: e.name,
            uscc: e.uscc,
            tier: tierName(t, year),
            year: y,
            validThrough: through,
          });
      }
  return out;
}

/** A 全覆盖 indicator: a share of firms that should reach 100 % (its expression is one share(...)). */
export function isFullCoverage(ind: Indicator): boolean {
  return ind.name.includes("全覆盖") && /^\s*share\s*[(（]/.test(ind.expr);
}

export interface UncoveredEntry {
  indicator: string;
  unitName: string;
  name: string;
  uscc: string;
}

export function uncovered(result: RoundResult, plan: Plan): UncoveredEntry[] {
  const periodYear = Number(result.aggregate.periodEnd.slice(0, 4));
  const compiled = compilePlan(plan);
  const out: UncoveredEntry[] = [];
  const contexts = (result.counted ?? []).map((c) => {
    const ctx = { enterprises: c.enterprises, platforms: c.platforms, regions: [], plan, periodYear };
    return { c, rt: runtimeOf(ctx, populationsOf(ctx, compiled)) };
  });
  for (const ind of plan.indicators) {
    const trace = compiled.indicators.get(ind.code)?.trace;
    if (!isFullCoverage(ind) || trace?.fn !== "share" || !trace.population || !trace.filter) continue;
    const { population, filter } = trace;
    for (const { c, rt } of contexts)
      for (const e of rt.population(population))
        if (!filter(e, rt) && out.length < MAX_LIST_ROWS)
          out.push({
            indicator: ind.name,
            unitName: c.unitName,
            name: (e as (typeof c.enterprises)[number]).name,
            uscc: (e as (typeof c.enterprises)[number]).uscc,
          });
  }
  return out;
}
