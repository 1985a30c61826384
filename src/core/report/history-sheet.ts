// The rows of the hidden data sheet (通报数据) and their reader. One record per row, tagged by its first
// cell, so it reads back without positions:
//   meta | key | value;  city | indicator | value;  point | indicator | target | expected | reached | status;
//   unit | code | name | score | rank;  value | unit | indicator | value | status;
//   firm | uscc | name | unit | unitName
// for this round, then the earlier rounds it carries, each row tagged "h…" with the round's period second:
//   hmeta | period | key | value;  hcity | period | indicator | value;  hpoint | period | …;  hunit | period | …;
//   hvalue | period | …
// Every round carries a checksum of its figures (meta digest), so a figure changed by hand in the hidden
// sheet is found and the round named. The sheet is untrusted input: rows and rounds are capped.
import { parsePeriod } from "../plan/periods";
import type { Status } from "../score/score";
import type { CellValue } from "../sheet/types";
import { isErrorValue, isFormulaValue, type SnapshotValue } from "../snapshot";
import type { CityPoint, RoundFigures } from "./figures";

export const DATA_FORMAT = "srdi-bulletin-data";
/** 2: the round's plan, form version, time progress, expected values, statuses and checksum, and the
 * earlier rounds it was given (history). Version 1 sheets (figures of one round) are still read. */
export const DATA_VERSION = "2";

/** Caps that count data: rows read from one data sheet, earlier rounds one bulletin carries, enterprises. */
export const MAX_DATA_ROWS = 600_000;
export const MAX_HISTORY_ROUNDS = 120;
export const MAX_FIRMS = 200_000;

export interface HistoryProblem {
  kind: "tampered" | "contradiction" | "capped" | "unreadable" | "skipped";
  /** The round concerned ("" for a whole file). */
  period: string;
  /** File (and sheet row) where it was found. */
  where: string;
  message: string;
}

const STATUSES: readonly Status[] = ["green", "yellow", "red"];

const sig = (n: number | null | undefined): string =>
  n === null || n === undefined ? "" : String(Number(n.toPrecision(12)));

/** The round's figures in one canonical text (keys sorted, numbers to 12 significant digits, so a
 * workbook saved again by Excel or LibreOffice keeps its checksum). Enterprises are not part of it. */
export function canonicalText(f: RoundFigures): string {
  const parts: string[] = [
    f.period,
    f.periodLabel,
    f.planId ?? "",
    f.planTitle ?? "",
    f.formVersion ?? "",
    sig(f.timeProgress),
  ];
  for (const code of Object.keys(f.city).sort()) {
    const p = f.points?.[code];
    parts.push(
      `c:${code}=${sig(f.city[code])},${sig(p?.target)},${sig(p?.expected)},${sig(p?.reached)},${p?.status ?? ""}`,
    );
  }
  for (const code of Object.keys(f.units).sort()) {
    const u = f.units[code];
    parts.push(`u:${code}=${u.name},${sig(u.score)},${sig(u.rank)}`);
    for (const k of Object.keys(u.values).sort())
      parts.push(`v:${k}=${sig(u.values[k])},${u.statuses?.[k] ?? ""}`);
  }
  return parts.join("\n");
}

/** A 53-bit checksum (cyrb53) of the canonical text, as 14 hex digits. It finds a changed figure; it is
 * not a signature (whoever knows this code can recompute it). */
export function digestOf(f: RoundFigures): string {
  const text = canonicalText(f);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

function figureRows(f: RoundFigures, prefix: "" | "h"): CellValue[][] {
  const head = (tag: string): CellValue[] => (prefix ? [prefix + tag, f.period] : [tag]);
  const rows: CellValue[][] = [];
  const meta: [string, string][] = [
    ["period", f.period],
    ["periodLabel", f.periodLabel],
    ["planId", f.planId ?? ""],
    ["planTitle", f.planTitle ?? ""],
    ["formVersion", f.formVersion ?? ""],
    ["timeProgress", f.timeProgress === null || f.timeProgress === undefined ? "" : String(f.timeProgress)],
    ["digest", digestOf(f)],
  ];
  for (const [k, v] of meta) rows.push([...head("meta"), k, v]);
  for (const [code, v] of Object.entries(f.city)) {
    rows.push([...head("city"), code, v]);
    const p = f.points?.[code];
    if (p) rows.push([...head("point"), code, p.target, p.expected, p.reached, p.status ?? ""]);
  }
  for (const [code, u] of Object.entries(f.units)) {
    rows.push([...head("unit"), code, u.name, u.score, u.rank]);
    for (const [k, v] of Object.entries(u.values))
      rows.push([...head("value"), code, k, v, u.statuses?.[k] ?? ""]);
  }
  return rows;
}

/** This round (with its enterprises) and the earlier rounds, oldest first. */
export function roundRows(f: RoundFigures, history: readonly RoundFigures[]): CellValue[][] {
  const rows: CellValue[][] = [
    ["meta", "format", DATA_FORMAT],
    ["meta", "version", DATA_VERSION],
    ...figureRows(f, ""),
  ];
  for (const e of f.enterprises) rows.push(["firm", e.uscc, e.name, e.unit, e.unitName]);
  for (const h of history) rows.push(...figureRows(h, "h"));
  return rows;
}

const str = (v: SnapshotValue | undefined): string => {
  if (v === null || v === undefined || isErrorValue(v) || isFormulaValue(v)) return "";
  return String(v).trim();
};
const num = (v: SnapshotValue | undefined): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;
const status = (v: SnapshotValue | undefined): Status | null => {
  const s = str(v);
  return (STATUSES as readonly string[]).includes(s) ? (s as Status) : null;
};

interface Building {
  f: RoundFigures;
  meta: Map<string, string>;
  /** 1-based sheet row of the round's first record, for located messages. */
  row: number;
}

const blank = (): RoundFigures => ({ period: "", periodLabel: "", city: {}, units: {}, enterprises: [] });

/** One record (the cells after the tag and, for history, the period) into its round. */
function apply(b: Building, tag: string, c: SnapshotValue[], firms: boolean): void {
  const f = b.f;
  if (tag === "meta") b.meta.set(str(c[0]), str(c[1]));
  else if (tag === "city") f.city[str(c[0])] = num(c[1]);
  else if (tag === "point") {
    const p: CityPoint = { target: num(c[1]), expected: num(c[2]), reached: num(c[3]), status: status(c[4]) };
    (f.points ??= {})[str(c[0])] = p;
  } else if (tag === "unit")
    f.units[str(c[0])] = { name: str(c[1]), score: num(c[2]), rank: num(c[3]), values: {} };
  else if (tag === "value") {
    const u = f.units[str(c[0])];
    if (!u) return;
    u.values[str(c[1])] = num(c[2]);
    if (c.length > 3) (u.statuses ??= {})[str(c[1])] = status(c[3]);
  } else if (tag === "firm" && firms && str(c[0]) && f.enterprises.length < MAX_FIRMS)
    f.enterprises.push({
      uscc: str(c[0]).toUpperCase(),
      name: str(c[1]),
      unit: str(c[2]),
      unitName: str(c[3]),
    });
}

function finish(b: Building): void {
  const m = b.meta;
  b.f.period = m.get("period") ?? b.f.period;
  b.f.periodLabel = m.get("periodLabel") || b.f.period;
  if (m.has("planId")) b.f.planId = m.get("planId");
  if (m.has("planTitle")) b.f.planTitle = m.get("planTitle");
  if (m.has("formVersion")) b.f.formVersion = m.get("formVersion");
  const tp = m.get("timeProgress");
  if (tp !== undefined) b.f.timeProgress = tp === "" || !Number.isFinite(Number(tp)) ? null : Number(tp);
}

export interface ReadRounds {
  format: string;
  current: RoundFigures | null;
  /** Why `current` is null: its figures were changed since written. */
  refused: string;
  history: RoundFigures[];
  problems: HistoryProblem[];
}

/** Reads the data sheet's rows: this round, and the earlier rounds whose checksum holds. */
export function readRounds(cells: SnapshotValue[][], source: string): ReadRounds {
  const where = (row: number) => `${source ? `${source} ` : ""}通报数据第${row}行`;
  const problems: HistoryProblem[] = [];
  const current: Building = { f: blank(), meta: new Map(), row: 1 };
  const earlier = new Map<string, Building>();
  const limit = Math.min(cells.length, MAX_DATA_ROWS);
  if (cells.length > MAX_DATA_ROWS)
    problems.push({
      kind: "capped",
      period: "",
      where: where(MAX_DATA_ROWS + 1),
      message: `通报数据超过${MAX_DATA_ROWS}行，其后的行未读取`,
    });
  for (let i = 0; i < limit; i++) {
    const row = cells[i];
    const tag = str(row?.[0]);
    if (!tag) continue;
    if (tag.length > 1 && tag[0] === "h") {
      const period = str(row[1]);
      if (!parsePeriod(period)) {
        problems.push({
          kind: "unreadable",
          period,
          where: where(i + 1),
          message: `报告期\u201c${period.slice(0, 20)}\u201d无法识别，该行未采用`,
        });
        continue;
      }
      let b = earlier.get(period);
      if (!b) {
        if (earlier.size >= MAX_HISTORY_ROUNDS) {
          if (!problems.some((p) => p.kind === "capped" && p.period === "*"))
            problems.push({
              kind: "capped",
              period: "*",
              where: where(i + 1),
              message: `往期数据超过${MAX_HISTORY_ROUNDS}期，其后各期未读取`,
            });
          continue;
        }
        b = { f: blank(), meta: new Map(), row: i + 1 };
        b.f.period = period;
        earlier.set(period, b);
      }
      apply(b, tag.slice(1), row.slice(2), false);
    } else apply(current, tag, row.slice(1), true);
  }
  finish(current);
  const format = current.meta.get("format") ?? "";
  const checked = (b: Building, earlierRound: boolean): RoundFigures | null => {
    const stored = b.meta.get("digest");
    // Version-1 sheets carry one round and no checksum: that round is taken as written. An earlier round
    // without one was not written by this program.
    if (stored === undefined && !earlierRound) return b.f;
    if (stored === digestOf(b.f)) return b.f;
    problems.push({
      kind: "tampered",
      period: b.f.period,
      where: where(b.row),
      message:
        `${b.f.periodLabel || b.f.period}的数据` +
        (stored === undefined
          ? "没有校验码，不是本系统写入的，未采用"
          : "与其校验码不符，通报生成后被改动过，未采用"),
    });
    return null;
  };
  const history: RoundFigures[] = [];
  for (const b of earlier.values()) {
    finish(b);
    const f = checked(b, true);
    if (f) history.push(f);
  }
  const own = checked(current, false);
  const refused = own
    ? ""
    : (problems.find((p) => p.kind === "tampered" && p.where === where(1))?.message ?? "");
  return { format, current: own, refused, history, problems };
}
