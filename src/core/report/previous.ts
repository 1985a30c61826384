// Change since the last round. The bulletin workbook carries its own figures and enterprise list in a
// hidden data sheet (通报数据); given the previous round's bulletin, the next one shows 较上期 for every
// city and unit figure, rank moves, and the enterprises new this round and gone since the last.
import type { Plan } from "../plan/types";
import type { CellValue, SheetDescription } from "../sheet/types";
import { isErrorValue, isFormulaValue, type SnapshotValue, type WorkbookSnapshot } from "../snapshot";
import type { RoundResult } from "./round-result";

export const DATA_SHEET = "通报数据";
export const DATA_FORMAT = "srdi-bulletin-data";
export const DATA_VERSION = "1";
/** A cap that counts data: the enterprises one bulletin carries. */
export const MAX_ENTERPRISES = 200_000;

export interface FirmEntry {
  uscc: string;
  name: string;
  unit: string;
  unitName: string;
}

export interface RoundFigures {
  period: string;
  periodLabel: string;
  city: Record<string, number | null>;
  units: Record<
    string,
    { name: string; score: number | null; rank: number | null; values: Record<string, number | null> }
  >;
  enterprises: FirmEntry[];
}

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

/** The figures of a round, as the data sheet stores them. */
export function figuresOf(result: RoundResult, plan: Plan): RoundFigures {
  const city: Record<string, number | null> = {};
  plan.indicators.forEach((ind, i) => (city[ind.code] = result.score.city[i]?.actual ?? null));
  const units: RoundFigures["units"] = {};
  for (const u of result.score.units) {
    const values: Record<string, number | null> = {};
    plan.indicators.forEach((ind, i) => (values[ind.code] = u.indicators[i]?.actual ?? null));
    units[u.code] = { name: u.name, score: u.score, rank: u.rank, values };
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

// The data sheet: one record per row, tagged by its first cell, so it reads back without positions.
// meta | key | value;  city | indicator | value;  unit | code | name | score | rank;
// value | unit | indicator | value;  firm | uscc | name | unit | unitName.
export function dataSheet(f: RoundFigures): SheetDescription {
  const rows: CellValue[][] = [
    ["meta", "format", DATA_FORMAT],
    ["meta", "version", DATA_VERSION],
    ["meta", "period", f.period],
    ["meta", "periodLabel", f.periodLabel],
  ];
  for (const [code, v] of Object.entries(f.city)) rows.push(["city", code, v]);
  for (const [code, u] of Object.entries(f.units)) {
    rows.push(["unit", code, u.name, u.score, u.rank]);
    for (const [k, v] of Object.entries(u.values)) rows.push(["value", code, k, v]);
  }
  for (const e of f.enterprises) rows.push(["firm", e.uscc, e.name, e.unit, e.unitName]);
  return {
    name: DATA_SHEET,
    state: "hidden",
    rows,
    styles: [{ range: `B1:B${rows.length}`, style: { numFmt: "@" } }],
  };
}

const str = (v: SnapshotValue | undefined): string => {
  if (v === null || v === undefined || isErrorValue(v)) return "";
  if (isFormulaValue(v)) return "";
  return String(v).trim();
};
const num = (v: SnapshotValue | undefined): number | null => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return null;
};

/** Reads a previous bulletin's figures; null with a reason when the workbook has none. */
export function readFigures(snapshot: WorkbookSnapshot): { figures: RoundFigures | null; reason: string } {
  const sheet = snapshot.sheets.find((s) => s.name === DATA_SHEET);
  if (!sheet)
    return {
      figures: null,
      reason: `没有\u201c${DATA_SHEET}\u201d工作表，不是本系统生成的工作通报(或为旧版)`,
    };
  const meta = new Map<string, string>();
  const f: RoundFigures = { period: "", periodLabel: "", city: {}, units: {}, enterprises: [] };
  for (const row of sheet.cells.slice(0, MAX_ENTERPRISES + 10_000)) {
    const tag = str(row?.[0]);
    if (tag === "meta") meta.set(str(row[1]), str(row[2]));
    else if (tag === "city") f.city[str(row[1])] = num(row[2]);
    else if (tag === "unit")
      f.units[str(row[1])] = { name: str(row[2]), score: num(row[3]), rank: num(row[4]), values: {} };
    else if (tag === "value") {
      const u = f.units[str(row[1])];
      if (u) u.values[str(row[2])] = num(row[3]);
    } else if (tag === "firm" && str(row[1]))
      f.enterprises.push({
        uscc: str(row[1]).toUpperCase(),
        name: str(row[2]),
        unit: str(row[3]),
        unitName: str(row[4]),
      });
  }
  if (meta.get("format") !== DATA_FORMAT)
    return { figures: null, reason: `\u201c${DATA_SHEET}\u201d工作表的格式标识不对` };
  f.period = meta.get("period") ?? "";
  f.periodLabel = meta.get("periodLabel") || f.period;
  return { figures: f, reason: "" };
}
