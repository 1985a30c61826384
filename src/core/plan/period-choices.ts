// The periods a user may pick for a plan: each year of the plan with its quarters, halves and the whole
// year, so a period outside the plan cannot be chosen (the core refuses those). The default is the period
// proposed from today (the last quarter ended) when the plan covers it, else the plan's latest quarter
// before it (or its first, when the plan has not begun).
import { parsePeriod, type Period } from "./periods";
import type { Plan } from "./types";
import { planYears } from "./window";

/** The parts of a year, in the order offered: 第一季度…第四季度, 上半年, 下半年, 全年. */
export const YEAR_PARTS: readonly { suffix: string; label: string }[] = [
  { suffix: "Q1", label: "第一季度" },
  { suffix: "Q2", label: "第二季度" },
  { suffix: "Q3", label: "第三季度" },
  { suffix: "Q4", label: "第四季度" },
  { suffix: "H1", label: "上半年" },
  { suffix: "H2", label: "下半年" },
  { suffix: "", label: "全年" },
];

/** The plan's years, first to last (a plan runs a handful of years; capped against a hostile end date). */
export function planYearList(plan: Pick<Plan, "start" | "end">): number[] {
  const y = planYears(plan);
  if (!Number.isFinite(y.start) || !Number.isFinite(y.end) || y.end < y.start) return [];
  const out: number[] = [];
  for (let k = y.start; k <= y.end && out.length < 50; k++) out.push(k);
  return out;
}

/** Splits a period id into the year and the part's suffix ("2025Q3" → 2025, "Q3"; "2025" → 2025, ""). */
export function periodParts(p: Period): { year: number; suffix: string } {
  return { year: p.year, suffix: p.id.slice(4) };
}

/** The period proposed for `plan` from `suggested` (e.g. today's reporting quarter). */
export function defaultPeriodIn(plan: Pick<Plan, "start" | "end">, suggested: string): Period {
  const years = planYearList(plan);
  const s = parsePeriod(suggested);
  if (!years.length) return s ?? parsePeriod(`${new Date().getUTCFullYear()}Q1`)!;
  if (s && s.year >= years[0] && s.year <= years[years.length - 1]) return s;
  if (s && s.year < years[0]) return parsePeriod(`${years[0]}Q1`)!;
  return parsePeriod(`${years[years.length - 1]}Q4`)!;
}

/** Whether the period is one the plan covers. */
export function periodInPlan(plan: Pick<Plan, "start" | "end">, p: Period | null): boolean {
  return !!p && planYearList(plan).includes(p.year);
}
