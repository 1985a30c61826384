// Completion as readers read it (issue 17): the bulletin's sentences and 附件1 show the share of the
// target reached (当前值÷目标, "达到2025年目标的90%"); the scoring tables show the scoring basis (the
// increase over the base); a value below its base is said in words, never as a negative percentage.
import type { Indicator, Plan } from "../plan/types";
import type { IndicatorScore, ScoreResult } from "../score/score";
import { changeText, percentText, valueText } from "./format";

/** The milestone year most indicators are measured against this round (the plan's end year if none). */
export function roundTargetYear(score: Pick<ScoreResult, "city">, plan: Pick<Plan, "end">): number {
  const n = new Map<number, number>();
  for (const s of score.city)
    if (s.milestoneYear !== undefined) n.set(s.milestoneYear, (n.get(s.milestoneYear) ?? 0) + 1);
  let best = Number(plan.end.slice(0, 4));
  let k = 0;
  for (const [y, c] of n) if (c > k) [best, k] = [y, c];
  return best;
}

/** The year of the target an indicator is measured against ("2026年目标"). */
export function targetYearOf(s: IndicatorScore, plan: Pick<Plan, "end">): number {
  return s.milestoneYear ?? Number(plan.end.slice(0, 4));
}

/** "2026年目标" or, for a target stated as an increase, "2026年新增目标". */
export function targetLabel(s: IndicatorScore, plan: Pick<Plan, "end">): string {
  return `${targetYearOf(s, plan)}年${s.shownAs === "increase" ? "新增" : ""}目标`;
}

/** The fall below the base in words ("较基期减少12家"), or "" when the value is not below its base. */
export function belowBaseText(ind: Indicator, s: IndicatorScore): string {
  if (s.actual === null) return "";
  const delta = s.shownAs === "increase" ? s.actual : s.base === null ? 0 : s.actual - s.base;
  return delta < -1e-9 ? `较基期${changeText(delta, ind.unit)}` : "";
}

/** The value as a sentence states it: "904家" or, for a 新增 target, "较基期新增257家". */
export function valuePhrase(ind: Indicator, s: IndicatorScore): string {
  if (s.shownAs !== "increase") return valueText(ind, s.actual);
  if (s.actual !== null && s.actual < 0) return belowBaseText(ind, s);
  return `较基期新增${valueText(ind, s.actual)}`;
}

/** "，较基期减少12家，达到2025年目标的35%" (each part only when known). */
export function reachedPhrase(ind: Indicator, s: IndicatorScore, plan: Pick<Plan, "end">): string {
  const below = s.shownAs === "increase" ? "" : belowBaseText(ind, s);
  const reached =
    s.reached !== undefined && s.reached !== null && s.reached >= 0
      ? `达到${targetLabel(s, plan)}的${percentText(s.reached, 0)}`
      : "";
  return [below, reached]
    .filter((x) => x)
    .map((x) => `，${x}`)
    .join("");
}
