// Lists the bureau acts on: recognitions that lapse within the next year unless reviewed (复核), and for
// every 全覆盖 indicator the SRDI firms of each unit not yet covered.
import { inPopulation, matches } from "../aggregate/evaluate";
import type { Indicator, Plan, RecognitionTier, YearField } from "../plan/types";
import type { RoundResult } from "./round-result";

export const TIER_FIELDS: { tier: RecognitionTier; field: YearField; label: string }[] = [
  { tier: "innovative", field: "innovative_year", label: "创新型中小企业" },
  { tier: "provincial_srdi", field: "provincial_srdi_year", label: "省级专精特新中小企业" },
  { tier: "little_giant", field: "little_giant_year", label: "专精特新\u201c小巨人\u201d企业" },
  { tier: "champion", field: "champion_year", label: "制造业单项冠军" },
];
const DEFAULT_VALIDITY = 3;
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
      for (const t of TIER_FIELDS) {
        const y = e[t.field];
        if (y === null || y > year) continue;
        const validity = plan.validityYears?.[t.tier] ?? DEFAULT_VALIDITY;
        const through = y + validity;
        if (through >= year && through <= lastYear && out.length < MAX_LIST_ROWS)
          out.push({
            unitName: c.unitName,
            name: e.name,
            uscc: e.uscc,
            tier: t.label,
            year: y,
            validThrough: through,
          });
      }
  return out;
}

/** A 全覆盖 indicator: a share of firms that should reach 100 %. */
export function isFullCoverage(ind: Indicator): boolean {
  return ind.name.includes("全覆盖") && ind.formula?.type === "share";
}

export interface UncoveredEntry {
  indicator: string;
  unitName: string;
  name: string;
  uscc: string;
}

export function uncovered(result: RoundResult, plan: Plan): UncoveredEntry[] {
  const w = { periodYear: Number(result.aggregate.periodEnd.slice(0, 4)), plan };
  const out: UncoveredEntry[] = [];
  for (const ind of plan.indicators) {
    const f = ind.formula;
    if (!isFullCoverage(ind) || f?.type !== "share") continue;
    for (const c of result.counted ?? [])
      for (const e of c.enterprises)
        if (inPopulation(e, f.population, w) && !matches(e, f.where, w) && out.length < MAX_LIST_ROWS)
          out.push({ indicator: ind.name, unitName: c.unitName, name: e.name, uscc: e.uscc });
  }
  return out;
}
