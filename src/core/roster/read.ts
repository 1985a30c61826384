// Reads a roster workbook (认定名单) from a snapshot: the sheet is the one named 认定名单, else the first
// whose header row names the required columns; columns are found by header, in any order. Every row is
// either accepted or rejected with located issues (sheet, cell, reason in Chinese); a roster without the
// sheet or a required column is refused whole. Bounded by the snapshot (the guarded reader's caps) and
// by MAX_ROSTER_ROWS.
import { address } from "../a1";
import type { Issue } from "../issues";
import type { Plan } from "../plan/types";
import { makeIssue } from "../read/issue";
import { halfWidth, rawCell, rawText } from "../read/normalise";
import { usccProblem } from "../read/uscc";
import type { SheetSnapshot, SnapshotValue, WorkbookSnapshot } from "../snapshot";
import { MAX_NAME_CHARS, firmNameKey, usccKey } from "./names";
import { planTiers, type PlanTier } from "./tiers";
import { STATUS_LABELS, type Roster, type RosterEntry, type RosterStatus } from "./types";
import { ROSTER_COLUMNS, ROSTER_SHEET, type RosterColumnKey } from "./workbook";

/** Rows a roster may hold: every list a province and MIIT published many times over. */
export const MAX_ROSTER_ROWS = 100_000;
/** Rows scanned for the header. */
const HEADER_SCAN = 20;

export interface RosterReadOptions {
  /** The latest year a row may name (the adapter passes the current year). */
  thisYear: number;
}

export interface RosterReadResult {
  /** null when the roster is refused whole (see issues). */
  roster: Roster | null;
  /** Every issue: errors reject their row (or the whole roster), warnings only inform. */
  issues: Issue[];
}

/** Header text as compared: half-width, no spaces or line breaks. */
function headerKey(v: SnapshotValue | undefined): string {
  const t = rawText(rawCell(v));
  return t === null ? "" : halfWidth(t).replace(/\s+/g, "");
}

const COLUMN_BY_HEADER = new Map<string, RosterColumnKey>(
  ROSTER_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [headerKey(h), c.key] as const)),
);

function columnsOf(row: SnapshotValue[] | undefined): Partial<Record<RosterColumnKey, number>> {
  const cols: Partial<Record<RosterColumnKey, number>> = {};
  (row ?? []).forEach((v, i) => {
    const key = COLUMN_BY_HEADER.get(headerKey(v));
    if (key !== undefined && cols[key] === undefined) cols[key] = i;
  });
  return cols;
}

/** The roster sheet and its header row (0-based), or null. */
function findSheet(snapshot: WorkbookSnapshot): { sheet: SheetSnapshot; header: number } | null {
  const named = snapshot.sheets.find((s) => s.name === ROSTER_SHEET);
  const candidates = named ? [named, ...snapshot.sheets.filter((s) => s !== named)] : snapshot.sheets;
  for (const sheet of candidates) {
    if (sheet.state !== "visible" && sheet !== named) continue;
    const rows = Math.min(sheet.cells.length, HEADER_SCAN);
    for (let r = 0; r < rows; r++) {
      const cols = columnsOf(sheet.cells[r]);
      if (cols.name !== undefined && (cols.tier !== undefined || cols.year !== undefined))
        return { sheet, header: r };
    }
    if (sheet === named) return { sheet, header: -1 };
  }
  return null;
}

/** Tier or status text as compared: half-width, no spaces or quotes. */
function wordKey(s: string): string {
  return halfWidth(s).replace(/[\s"'\u201c\u201d\u2018\u2019\u300c\u300d]+/g, "");
}

const STATUS_WORDS = new Map<string, RosterStatus>([
  ...(Object.entries(STATUS_LABELS) as [RosterStatus, string][]).map(
    ([k, v]) => [wordKey(v), k] as [string, RosterStatus],
  ),
  ["公告", "recognised"],
  ["通过复核", "review_passed"],
  ["未通过复核", "review_failed"],
  ["已撤销", "revoked"],
  ["取消", "revoked"],
]);

/** A year from a number or text such as 2024, ２０２４ or 2024年; null when it is not one. */
function yearOf(v: SnapshotValue | undefined): number | null {
  const c = rawCell(v);
  if (c.kind === "number") return Number.isInteger(c.n) ? c.n : null;
  if (c.kind !== "text") return null;
  const m = /^(\d{4})年?$/.exec(halfWidth(c.text).trim());
  return m ? Number(m[1]) : null;
}

/** Which plan unit a 所在地区 names (the longest unit name it contains); inCity when it names the plan's
 * city or one of its units. Make once per plan, call per row. */
export function regionMatcher(
  plan: Pick<Plan, "city" | "units">,
): (region: string | null) => { unit: string | null; inCity: boolean } {
  const units = plan.units
    .map((u) => ({ code: u.code, key: wordKey(u.name) }))
    .filter((u) => u.key !== "")
    .sort((a, b) => b.key.length - a.key.length);
  const city = wordKey(plan.city);
  const bare = city.endsWith("市") ? city.slice(0, -1) : city;
  return (region) => {
    if (region === null) return { unit: null, inCity: true };
    const key = wordKey(region);
    const u = units.find((x) => key.includes(x.key));
    if (u) return { unit: u.code, inCity: true };
    return { unit: null, inCity: bare !== "" && key.includes(bare) };
  };
}

export function readRoster(
  snapshot: WorkbookSnapshot,
  plan: Plan,
  opts: RosterReadOptions,
): RosterReadResult {
  const issues: Issue[] = [];
  const found = findSheet(snapshot);
  if (!found) return { roster: null, issues: [makeIssue("roster.no_sheet")] };
  const { sheet, header } = found;
  const cols = header >= 0 ? columnsOf(sheet.cells[header]) : {};
  for (const c of ROSTER_COLUMNS)
    if (c.required && cols[c.key] === undefined)
      issues.push(
        makeIssue("roster.missing_column", {
          sheet: sheet.name,
          cell: header >= 0 ? address(header, 0) : null,
          args: { expected: c.header },
        }),
      );
  if (issues.length) return { roster: null, issues };
  if (sheet.cells.length - header - 1 > MAX_ROSTER_ROWS)
    return {
      roster: null,
      issues: [makeIssue("roster.too_many_rows", { sheet: sheet.name, args: { max: MAX_ROSTER_ROWS } })],
    };

  const tiers = planTiers(plan, opts.thisYear);
  const tierByWord = new Map<string, PlanTier>();
  for (const t of tiers) {
    for (const n of t.names) tierByWord.set(wordKey(n), t);
    tierByWord.set(t.key, t);
  }
  const tierNames = tiers.map((t) => t.name).join("、");
  const statusNames = Object.values(STATUS_LABELS).join("、");
  const yearMin = Math.min(...tiers.map((t) => t.yearMin));
  const placeOf = regionMatcher(plan);
  const entries: RosterEntry[] = [];
  const firstOf = new Map<string, number>();
  let rowsRead = 0;
  let rowsRejected = 0;
  for (let r = header + 1; r < sheet.cells.length; r++) {
    const row = sheet.cells[r] ?? [];
    const cellOf = (k: RosterColumnKey) => (cols[k] === undefined ? undefined : row[cols[k]!]);
    const textOf = (k: RosterColumnKey): string | null => {
      const t = rawText(rawCell(cellOf(k)));
      return t === null ? null : t.trim();
    };
    if (ROSTER_COLUMNS.every((c) => textOf(c.key) === null)) continue;
    rowsRead++;
    const at = (k: RosterColumnKey, label?: string) => ({
      sheet: sheet.name,
      cell: address(r, cols[k] ?? 0),
      field: k,
      value: textOf(k),
      label: label ?? ROSTER_COLUMNS.find((c) => c.key === k)!.header,
    });
    const rowIssues: Issue[] = [];
    const name = textOf("name");
    if (name === null) rowIssues.push(makeIssue("roster.required", at("name")));
    else if (name.length > MAX_NAME_CHARS && Array.from(name).length > MAX_NAME_CHARS)
      rowIssues.push(makeIssue("roster.name_long", { ...at("name"), args: { max: MAX_NAME_CHARS } }));

    const tierText = textOf("tier");
    let tier: PlanTier | undefined;
    if (tierText === null) rowIssues.push(makeIssue("roster.required", at("tier")));
    else {
      tier = tierByWord.get(wordKey(tierText));
      if (!tier)
        rowIssues.push(makeIssue("roster.tier_unknown", { ...at("tier"), args: { detail: tierNames } }));
    }

    const year = yearOf(cellOf("year"));
    const min = tier?.yearMin ?? yearMin;
    if (textOf("year") === null) rowIssues.push(makeIssue("roster.required", at("year")));
    else if (year === null || year < min || year > opts.thisYear)
      rowIssues.push(makeIssue("roster.year", { ...at("year"), args: { min, max: opts.thisYear } }));

    const statusText = textOf("status");
    const status = statusText === null ? undefined : STATUS_WORDS.get(wordKey(statusText));
    if (statusText === null) rowIssues.push(makeIssue("roster.required", at("status")));
    else if (!status)
      rowIssues.push(makeIssue("roster.status", { ...at("status"), args: { detail: statusNames } }));

    const usccText = textOf("uscc");
    let uscc: string | null = null;
    if (usccText !== null) {
      const code = usccKey(usccText);
      const p = usccProblem(code);
      if (p === null) uscc = code;
      else
        issues.push(
          makeIssue("roster.uscc", {
            ...at("uscc"),
            args: {
              detail:
                p.kind === "length"
                  ? `应为18位，实为${p.length}位`
                  : p.kind === "charset"
                    ? `第${p.position}位含非法字符`
                    : "校验不通过，请从公告或国家企业信用信息公示系统重新复制",
            },
          }),
        );
    }

    if (rowIssues.length || name === null || !tier || year === null || !status) {
      issues.push(...rowIssues);
      rowsRejected++;
      continue;
    }
    const nameKey = firmNameKey(name);
    const dupKey = `${uscc ?? `名:${nameKey}`}|${tier.key}|${year}|${status}`;
    const first = firstOf.get(dupKey);
    if (first !== undefined) {
      issues.push(
        makeIssue("roster.duplicate", {
          sheet: sheet.name,
          cell: address(r, cols.name!),
          field: "name",
          value: name,
          args: { other: String(first) },
        }),
      );
      rowsRejected++;
      continue;
    }
    firstOf.set(dupKey, r + 1);
    const region = textOf("region");
    const place = placeOf(region);
    entries.push({
      row: r + 1,
      name,
      nameKey,
      uscc,
      tier: tier.key,
      year,
      batch: textOf("batch"),
      region,
      unit: place.unit,
      inCity: place.inCity,
      status,
    });
  }
  return { roster: { sheet: sheet.name, entries, rowsRead, rowsRejected }, issues };
}
