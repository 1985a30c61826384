// A reporting period belongs to a plan only within the plan's years: a 2026 round against the 2023—2025
// plan would ask for targets that no longer exist (and clamp time progress to 100 %), so every command
// refuses it and says how to load the plan in force.
import type { Period } from "./periods";
import type { Plan } from "./types";

export function planYears(plan: Pick<Plan, "start" | "end">): { start: number; end: number } {
  return { start: Number(plan.start.slice(0, 4)), end: Number(plan.end.slice(0, 4)) };
}

/** Why the period is outside the plan (zh-CN, one sentence pair), or null when it is inside. */
export function periodOutsidePlan(
  plan: Pick<Plan, "start" | "end" | "title">,
  period: Period,
): string | null {
  const y = planYears(plan);
  if (period.year >= y.start && period.year <= y.end) return null;
  return (
    `报告期${period.label}(${period.id})不在本计划的计划期(${y.start}—${y.end}年)内：${plan.title}。` +
    `请载入覆盖${period.year}年的计划：命令行加 --plan 规划配置.xlsx(或计划 JSON 文件)，任务窗格中载入计划文件；` +
    `srdi plan --out 规划配置.xlsx 可导出当前计划，作为编写新计划的样本。`
  );
}

export class PeriodOutsidePlanError extends Error {}

/** Throws PeriodOutsidePlanError with periodOutsidePlan's message. */
export function assertPeriodInPlan(plan: Pick<Plan, "start" | "end" | "title">, period: Period): void {
  const why = periodOutsidePlan(plan, period);
  if (why) throw new PeriodOutsidePlanError(why);
}
