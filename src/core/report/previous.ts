// Change since the last round. The bulletin workbook carries its own figures and enterprise list in a
// hidden data sheet (通报数据); given the previous round's bulletin, the next one shows 较上期 for every
// city and unit figure, rank moves, and the enterprises new this round and gone since the last.
import { currentForm } from "../form/versions";
import type { Plan } from "../plan/types";
import type { Status } from "../score/score";
import type { CityPoint, FirmEntry, RoundFigures } from "./figures";
import type { SheetDescription } from "../sheet/types";
import type { WorkbookSnapshot } from "../snapshot";
import { DATA_FORMAT, DATA_VERSION, readRounds, roundRows, type HistoryProblem } from "./history-sheet";
import type { RoundResult } from "./round-result";

export const DATA_SHEET = "通报数据";
export { DATA_FORMAT, DATA_VERSION };
/** A cap that counts data: the enterprises one bulletin carries. */
export const MAX_ENTERPRISES = 200_000;

export type { CityPoint, FirmEntry, RoundFigures, UnitFigures } from "./figures";

export interface UnitChange {
  score: number | null;
  /** Places moved up (positive) or down (negative); null when either round has no rank. */
  rankMove: number | null;
  previousRank: number | null;
  values: Record<string, number | null>;
}

export interface Comparison {
  previous: { period: string; periodLabel: string };
  /** Change of each city figure (current − previous); null when either is missing. */
  city: Record<string, number | null>;
  units: Record<string, UnitChange>;
  newEnterprises: FirmEntry[];
  goneEnterprises: FirmEntry[];
}

/** figuresOf's answers by round and plan: a bulletin asks for them up to six times (较上期, the text's
 * and the sheet's trend, the data sheet, the .docx), each a pass over every counted firm. A round's
 * result is not changed once computed, so its figures are not either; callers only read them. */
const figuresCache = new WeakMap<RoundResult, WeakMap<Plan, RoundFigures>>();

/** The figures of a round, as the data sheet stores them. */
export function figuresOf(result: RoundResult, plan: Plan): RoundFigures {
  let byPlan = figuresCache.get(result);
  if (!byPlan) figuresCache.set(result, (byPlan = new WeakMap()));
  const known = byPlan.get(plan);
  if (known) return known;
  const f = computeFigures(result, plan);
  byPlan.set(plan, f);
  return f;
}

function computeFigures(result: RoundResult, plan: Plan): RoundFigures {
  const city: Record<string, number | null> = {};
  const points: Record<string, CityPoint> = {};
  plan.indicators.forEach((ind, i) => {
    const s = result.score.city[i];
    city[ind.code] = s?.actual ?? null;
    points[ind.code] = {
      target: s?.target ?? null,
      expected: s?.expected ?? null,
      reached: s?.reached ?? null,
      status: s?.status ?? null,
    };
  });
  const units: RoundFigures["units"] = {};
  for (const u of result.score.units) {
    const values: Record<string, number | null> = {};
    const statuses: Record<string, Status | null> = {};
    plan.indicators.forEach((ind, i) => {
      values[ind.code] = u.indicators[i]?.actual ?? null;
      statuses[ind.code] = u.indicators[i]?.status ?? null;
    });
    units[u.code] = { name: u.name, score: u.score, rank: u.rank, values, statuses };
  }
  const enterprises: FirmEntry[] = [];
  const seen = new Set<string>();
  for (const c of result.counted ?? [])
    for (const e of c.enterprises) {
      const key = e.uscc.trim().toUpperCase();
      if (seen.has(key) || enterprises.length >= MAX_ENTERPRISES) continue;
      seen.add(key);
      enterprises.push({ uscc: key, name: e.name, unit: c.unit, unitName: c.unitName });
    }
  return {
    period: result.aggregate.period,
    periodLabel: result.aggregate.periodLabel,
    city,
    units,
    enterprises,
    planId: plan.id,
    planTitle: plan.title,
    formVersion: currentForm(plan).version,
    timeProgress: result.score.timeProgress,
    points,
  };
}

const delta = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : a - b;

export function compareRounds(current: RoundFigures, previous: RoundFigures): Comparison {
  const city: Record<string, number | null> = {};
  for (const code of Object.keys(current.city)) city[code] = delta(current.city[code], previous.city[code]);
  const units: Record<string, UnitChange> = {};
  for (const [code, u] of Object.entries(current.units)) {
    const p = previous.units[code];
    const values: Record<string, number | null> = {};
    for (const k of Object.keys(u.values)) values[k] = delta(u.values[k], p?.values[k]);
    units[code] = {
      score: delta(u.score, p?.score),
      rankMove: u.rank !== null && p?.rank !== null && p?.rank !== undefined ? p.rank - u.rank : null,
      previousRank: p?.rank ?? null,
      values,
    };
  }
  const before = new Set(previous.enterprises.map((e) => e.uscc));
  const now = new Set(current.enterprises.map((e) => e.uscc));
  return {
    previous: { period: previous.period, periodLabel: previous.periodLabel },
    city,
    units,
    newEnterprises: current.enterprises.filter((e) => !before.has(e.uscc)),
    goneEnterprises: previous.enterprises.filter((e) => !now.has(e.uscc)),
  };
}

/** The data sheet: this round's figures and enterprises, then the earlier rounds it carries (history-sheet.ts). */
export function dataSheet(f: RoundFigures, history: readonly RoundFigures[] = []): SheetDescription {
  const rows = roundRows(f, history);
  return {
    name: DATA_SHEET,
    state: "hidden",
    rows,
    styles: [{ range: `B1:C${rows.length}`, style: { numFmt: "@" } }],
  };
}

export interface ReadFigures {
  figures: RoundFigures | null;
  reason: string;
  /** The earlier rounds the bulletin carries, each checked against its checksum. */
  history: RoundFigures[];
  /** Rounds refused (changed since written, capped, unreadable), each located. */
  problems: HistoryProblem[];
}

/** Reads a previous bulletin's figures; null with a reason when the workbook has none. */
export function readFigures(snapshot: WorkbookSnapshot, source = ""): ReadFigures {
  const sheet = snapshot.sheets.find((s) => s.name === DATA_SHEET);
  if (!sheet)
    return {
      figures: null,
      reason: `没有\u201c${DATA_SHEET}\u201d工作表，不是本系统生成的工作通报(或为旧版)`,
      history: [],
      problems: [],
    };
  const r = readRounds(sheet.cells, source);
  if (r.format !== DATA_FORMAT)
    return {
      figures: null,
      reason: `\u201c${DATA_SHEET}\u201d工作表的格式标识不对`,
      history: [],
      problems: [],
    };
  if (!r.current) return { figures: null, reason: r.refused, history: r.history, problems: r.problems };
  return { figures: r.current, reason: "", history: r.history, problems: r.problems };
}
