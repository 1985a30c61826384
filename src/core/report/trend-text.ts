// What the bulletin's text says from the series (when earlier rounds were given): 同比 in the tier
// sentence, the indicators behind 序时进度 several rounds running, the units whose score rose or fell most.
import { listText } from "./format";
import type { Trend } from "./trend";

/** "、同比增加3项" after "达到序时进度N项", when the round a year earlier kept its statuses. */
export function paceYoyClause(trend: Trend | null): string {
  if (!trend || trend.yearAgo === null || !trend.pace[trend.yearAgo].known) return "";
  const d = trend.pace[trend.pace.length - 1].on - trend.pace[trend.yearAgo].on;
  return d > 0 ? `、同比增加${d}项` : d < 0 ? `、同比减少${-d}项` : "、与上年同期持平";
}

/** "A、B 2项指标连续4期低于序时进度；C 1项指标连续2期低于序时进度，需重点关注。" */
export function behindRunsText(trend: Trend | null): string {
  if (!trend || trend.behindRuns.length === 0) return "";
  const byRun = new Map<number, string[]>();
  for (const r of trend.behindRuns) byRun.set(r.run, [...(byRun.get(r.run) ?? []), r.indicator.name]);
  const parts = [...byRun.entries()].map(
    ([run, names]) =>
      `${names.slice(0, 6).join("、")}${names.length > 6 ? "等" : ""}${names.length}项指标连续${run}期低于序时进度`,
  );
  return `从历次通报看，${parts.join("；")}，需重点关注。`;
}

const points = (x: number) => `${(Math.round(Math.abs(x) * 100) / 100).toFixed(2)}分`;

/** The units whose score rose and fell most since the round before (both rounds scored). */
export function unitSwingText(trend: Trend | null): string {
  if (!trend || trend.rounds.length < 2) return "";
  const i = trend.rounds.length - 1;
  const changes = trend.units
    .map((u) => ({
      name: u.name,
      d:
        u.scores[i] !== null && u.scores[i - 1] !== null
          ? (u.scores[i] as number) - (u.scores[i - 1] as number)
          : null,
    }))
    .filter((x): x is { name: string; d: number } => x.d !== null);
  if (changes.length === 0) return "";
  const up = Math.max(...changes.map((c) => c.d));
  const down = Math.min(...changes.map((c) => c.d));
  const named = (d: number) =>
    listText(
      changes.filter((c) => c.d === d).map((c) => c.name),
      4,
    );
  const parts = [
    up > 0.005 ? `综合得分提升最多的是${named(up)}(提高${points(up)})` : "",
    down < -0.005 ? `下降最多的是${named(down)}(降低${points(down)})` : "",
  ].filter((p) => p);
  if (parts.length === 0) return `与${trend.rounds[i - 1].label}相比，各单位综合得分基本持平。`;
  return `与${trend.rounds[i - 1].label}相比，${parts.join("，")}。`;
}
