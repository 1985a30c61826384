// The series of earlier rounds a bulletin is given: the previous bulletin's own round and the rounds it
// carries, then any older bulletins (--history). Rounds are matched by period; the same period with other
// figures is a contradiction, listed (the first source given wins), never merged. Rounds at or after
// this round's period are left out and said so.
import { parsePeriod } from "../plan/periods";
import { digestOf, MAX_HISTORY_ROUNDS, type HistoryProblem } from "./history-sheet";
import type { ReadFigures, RoundFigures } from "./previous";

export interface HistorySource {
  /** File name, as the messages name it. */
  name: string;
  read: ReadFigures;
}

export interface History {
  /** Earlier rounds, oldest first (by the period's end). */
  rounds: RoundFigures[];
  problems: HistoryProblem[];
}

export const EMPTY_HISTORY: History = { rounds: [], problems: [] };

const endOf = (period: string): string => parsePeriod(period)?.end ?? "";

/** The first city figure two versions of a round disagree on, for the message. */
function firstDifference(a: RoundFigures, b: RoundFigures): string {
  for (const code of Object.keys(a.city))
    if ((a.city[code] ?? null) !== (b.city[code] ?? null))
      return `指标${code}：${a.city[code] ?? "—"}与${b.city[code] ?? "—"}`;
  for (const code of Object.keys(a.units)) {
    const x = a.units[code];
    const y = b.units[code];
    if (!y || (x.score ?? null) !== (y.score ?? null))
      return `单位${code}得分：${x.score ?? "—"}与${y?.score ?? "—"}`;
  }
  return "指标或单位的数字不同";
}

export function collectHistory(currentPeriod: string, sources: readonly HistorySource[]): History {
  const problems: HistoryProblem[] = [];
  const kept = new Map<string, { f: RoundFigures; digest: string; from: string }>();
  const now = endOf(currentPeriod);
  for (const s of sources) {
    problems.push(...s.read.problems);
    const rounds = [...(s.read.figures ? [s.read.figures] : []), ...s.read.history];
    for (const f of rounds) {
      const end = endOf(f.period);
      if (!end) continue;
      // A bulletin of this same round (an earlier draft) is not history, and not a problem either.
      if (end === now) continue;
      if (end > now) {
        problems.push({
          kind: "skipped",
          period: f.period,
          where: s.name,
          message: `${f.periodLabel}晚于本期，未作为往期数据`,
        });
        continue;
      }
      const digest = digestOf(f);
      const had = kept.get(f.period);
      if (!had) {
        if (kept.size >= MAX_HISTORY_ROUNDS) {
          problems.push({
            kind: "capped",
            period: f.period,
            where: s.name,
            message: `往期数据超过${MAX_HISTORY_ROUNDS}期，${f.periodLabel}未采用`,
          });
          continue;
        }
        kept.set(f.period, { f, digest, from: s.name });
      } else if (had.digest !== digest)
        problems.push({
          kind: "contradiction",
          period: f.period,
          where: s.name,
          message:
            `${f.periodLabel}的数据在${had.from}与${s.name}中不一致(${firstDifference(had.f, f)})，` +
            `采用${had.from}，请核对`,
        });
    }
  }
  const rounds = [...kept.values()]
    .map((k) => k.f)
    .sort((a, b) => (endOf(a.period) < endOf(b.period) ? -1 : 1));
  return { rounds, problems };
}
