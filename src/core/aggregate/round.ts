// One reporting round: choose the return counted for each unit, evaluate every indicator per unit and
// for the city, and list what was not counted. Pure and independent of the order of `returns`.
import type { FormDef } from "../form/types";
import { assertPeriodInPlan } from "../plan/window";
import { address } from "../a1";
import { chinaDay } from "../china-date";
import { issueText, type Issue } from "../issues";
import type { Period } from "../plan/periods";
import type { Plan } from "../plan/types";
import type { EnterpriseRecord, PlatformRecord, ReturnResult } from "../read/types";
import { CITY_CODE, type RegionFigures } from "../targets/types";
import { regionFieldsOf } from "../plan/region-fields";
import { formByVersion, formsOf } from "../form/versions";
import { diffCounts, diffReturns } from "../diff/diff";
import { sentBackReason, type Review } from "../review/review";
import { placeWords } from "../plan/words";
import {
  compilePlan,
  evaluateAll,
  type CompiledPlan,
  type EvalContext,
  type IndicatorValue,
} from "./evaluate";
import type {
  AggregateResult,
  Duplicate,
  ExcludedReturn,
  Occurrence,
  RegionFigure,
  RejectedRowEntry,
  ScopeValues,
  Submission,
  Timing,
  WarningEntry,
} from "./types";

export interface AggregateArgs {
  plan: Plan;
  period: Period;
  returns: ReturnResult[];
  /** ISO date (inclusive, China time). Absent: the first deadline found in the returns' metadata. */
  deadline?: string | null;
  /** The bureau's region figures per unit code, by field (targets workbook 区域数据); they win over the
   * returns'. Under CITY_CODE, the whole's own figures (else the sum over the units counted). */
  regionFigures?: Record<string, RegionFigures>;
  /** The day the bureau received each unit's return (targets workbook 报送登记), ISO date per unit code. */
  receipts?: Record<string, string>;
  /** The bureau's review per unit code (targets workbook 报送登记); a unit sent back has no return counted. */
  reviews?: Record<string, Review>;
}

/** When a return was submitted, and from what: the bureau's receipt, the workbook's saved time, the file. */
export function submissionTime(
  r: Pick<ReturnResult, "savedAt" | "modified">,
  receipt: string | undefined,
): { at: string | null; source: Submission["submittedAtSource"] } {
  if (receipt) return { at: receipt, source: "receipt" };
  if (r.savedAt) return { at: r.savedAt, source: "workbook" };
  if (r.modified) return { at: r.modified, source: "file" };
  return { at: null, source: null };
}

export function timingOf(submittedAt: string | null, deadline: string | null): Timing | null {
  if (!deadline) return null;
  const day = submittedAt ? chinaDay(submittedAt) : null;
  if (!day) return "unknown";
  return day <= deadline ? "on_time" : "late";
}

const timeKey = (s: string | null | undefined) => {
  const ms = s ? Date.parse(s) : NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
};

/** Later wins: saved (else file) time, then the template's generation time, then the file name. */
function laterFirst(a: ReturnResult, b: ReturnResult): number {
  return (
    timeKey(b.savedAt ?? b.modified) - timeKey(a.savedAt ?? a.modified) ||
    timeKey(b.meta?.generatedAt) - timeKey(a.meta?.generatedAt) ||
    (a.file < b.file ? 1 : a.file > b.file ? -1 : 0)
  );
}

/** The column of a field in the return's own form version (a duplicate points at its cell there). */
function fieldColumn(form: FormDef | null, sheet: "enterprises" | "platforms", key: string): number {
  return Math.max(0, form?.[sheet].fields.findIndex((f) => f.key === key) ?? 0);
}

/**
 * The unit where a firm is registered, from its 统一社会信用代码 (digits 3–8, the registering authority's
 * administrative division): the unit with that code, else a 设区市/州 unit whose code covers it (320500 for
 * 320506); null when no unit matches (a zone with its own code, a firm registered elsewhere).
 */
export function registeredUnitOf(plan: Plan): (uscc: string) => string | null {
  const exact = new Set(plan.units.map((u) => u.code));
  const prefecture = new Map(
    plan.units
      .filter((u) => u.kind === "prefecture" && /^\d{4}00$/.test(u.code))
      .map((u) => [u.code.slice(0, 4), u.code]),
  );
  return (uscc) => {
    const div = uscc.slice(2, 8);
    if (!/^\d{6}$/.test(div)) return null;
    return exact.has(div) ? div : (prefecture.get(div.slice(0, 4)) ?? null);
  };
}

export function normaliseUscc(s: string): string {
  return s.trim().toUpperCase();
}

function platformKey(p: PlatformRecord): string {
  return `${p.name.trim().replace(/\s+/g, "")}|${p.kind}|${p.level}`;
}

function noData(plan: Plan): Record<string, IndicatorValue> {
  const values: Record<string, IndicatorValue> = {};
  for (const ind of plan.indicators) values[ind.code] = { value: null, numerator: null, denominator: null };
  return values;
}

function joinMessages(issues: Issue[]): string {
  return issues.map(issueText).join("；");
}

/** What a superseded return's entry says of the one counted instead: its file and the rows it changed. */
function supersession(
  old: ReturnResult,
  counted: ReturnResult,
  plan: Plan,
): Pick<ExcludedReturn, "supersededBy" | "changes"> {
  const forms = formsOf(plan);
  const known = formByVersion(old.formVersion, forms) && formByVersion(counted.formVersion, forms);
  return {
    supersededBy: counted.file,
    ...(known ? { changes: diffCounts(diffReturns(old, counted, forms)) } : {}),
  };
}

/** Which return counts for each unit, which are left out and why, and each unit's submission: the round's
 * rules without its figures (the pane's return list shows these before 汇总, on every change, and a round of
 * 20,000 rows must not be evaluated for it). aggregateRound is this, then the figures. */
export interface RoundSelection {
  chosen: Map<string, ReturnResult>;
  excluded: ExcludedReturn[];
  deadline: string | null;
  submissions: Submission[];
}

export function selectRound(args: AggregateArgs): RoundSelection {
  const { plan, period } = args;
  assertPeriodInPlan(plan, period);
  const unitByCode = new Map(plan.units.map((u) => [u.code, u]));
  const excluded: ExcludedReturn[] = [];
  const candidates = new Map<string, ReturnResult[]>();
  const exclude = (
    r: ReturnResult,
    kind: ExcludedReturn["kind"],
    reason: string,
    supersededBy?: ReturnResult,
  ) =>
    excluded.push({
      kind,
      file: r.file,
      unit: r.unit,
      unitName: r.unitName ?? (r.unit ? (unitByCode.get(r.unit)?.name ?? null) : null),
      period: r.period,
      reason,
      issues: r.errors,
      ...(supersededBy !== undefined ? supersession(r, supersededBy, plan) : {}),
    });

  for (const r of args.returns) {
    if (r.rejected || r.unit === null) {
      exclude(r, "rejected", r.errors.length ? joinMessages(r.errors.slice(0, 3)) : "报表无法识别，整份退回");
    } else if (!unitByCode.has(r.unit)) {
      exclude(r, "unknown_unit", `填报单位代码${r.unit}不在本计划的单位名单中`);
    } else if (r.period !== period.id) {
      exclude(r, "other_period", `报告期为${r.period ?? "未知"}，不是本轮的${period.id}，未计入`);
    } else if (args.reviews?.[r.unit]?.state === "returned") {
      exclude(r, "sent_back", sentBackReason(args.reviews[r.unit], placeWords(args.plan).bureauShort));
    } else {
      const list = candidates.get(r.unit) ?? [];
      list.push(r);
      candidates.set(r.unit, list);
    }
  }

  const chosen = new Map<string, ReturnResult>();
  for (const [unit, list] of candidates) {
    const sorted = [...list].sort(laterFirst);
    chosen.set(unit, sorted[0]);
    for (const old of sorted.slice(1))
      exclude(
        old,
        "superseded",
        `同一单位报送了多份报表，以较新的\u201c${sorted[0].file}\u201d为准`,
        sorted[0],
      );
  }

  const deadline =
    args.deadline ??
    plan.units.map((u) => chosen.get(u.code)?.meta?.deadline ?? null).find((d) => !!d) ??
    null;
  const byFile = (a: { file: string }, b: { file: string }) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  excluded.sort((a, b) => byFile(a, b) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  const submissions: Submission[] = plan.units.map((u) => {
    const r = chosen.get(u.code);
    if (r) {
      const t = submissionTime(r, args.receipts?.[u.code]);
      return {
        unit: u.code,
        name: u.name,
        status: "reported",
        file: r.file,
        submittedAt: t.at,
        submittedAtSource: t.source,
        formVersion: r.formVersion,
        timing: timingOf(t.at, deadline),
        errors: r.errors.length,
        warnings: r.warnings.length,
        rows: r.rows,
      };
    }
    const bad = excluded.find((x) => x.unit === u.code);
    return {
      unit: u.code,
      name: u.name,
      status: bad ? "rejected" : "missing",
      file: bad?.file ?? null,
      submittedAt: null,
      submittedAtSource: null,
      formVersion: bad ? (args.returns.find((x) => x.file === bad.file)?.formVersion ?? null) : null,
      timing: null,
      errors: bad ? bad.issues.length : 0,
      warnings: 0,
      rows: null,
    };
  });

  return { chosen, excluded, deadline, submissions };
}

export function aggregateRound(args: AggregateArgs): AggregateResult {
  const { plan, period } = args;
  const { chosen, excluded, deadline, submissions } = selectRound(args);
  const compiled: CompiledPlan = compilePlan(plan);
  const periodYear = period.year;

  // Region figures, one per field the plan's computations read with region(f) (plan/region-fields.ts).
  const regionFields = regionFieldsOf(plan, formsOf(plan));
  const asNumber = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const regionsOf = (code: string): Record<string, RegionFigure> => {
    const out: Record<string, RegionFigure> = {};
    for (const f of regionFields) {
      const bureau = args.regionFigures?.[code]?.[f.key] ?? null;
      const county = asNumber(chosen.get(code)?.region?.[f.key]);
      out[f.key] = { bureau, county, used: bureau !== null ? "bureau" : county !== null ? "county" : null };
    }
    return out;
  };
  const usedValue = (f: RegionFigure): number | null =>
    f.used === "bureau" ? f.bureau : f.used === "county" ? f.county : null;
  /** The row region() reads for a unit: the bureau's figure where entered, else the unit's own. */
  const regionRow = (figs: Record<string, RegionFigure>): Record<string, number | null>[] => [
    Object.fromEntries(regionFields.map((f) => [f.key, usedValue(figs[f.key])])),
  ];
  /** The first field's figure, as `region` has always carried (JSON `region`). */
  const firstRegion = (figs: Record<string, RegionFigure>): RegionFigure =>
    regionFields.length > 0 ? figs[regionFields[0].key] : { bureau: null, county: null, used: null };

  const units = plan.units.map((u) => {
    const r = chosen.get(u.code);
    const regions = regionsOf(u.code);
    const region = firstRegion(regions);
    if (!r)
      return {
        code: u.code,
        name: u.name,
        reported: false,
        values: noData(plan),
        enterprises: 0,
        platforms: 0,
        region,
        regions,
      };
    const ctx: EvalContext = {
      enterprises: r.enterprises,
      platforms: r.platforms,
      regions: regionRow(regions),
      plan,
      periodYear,
    };
    return {
      code: u.code,
      name: u.name,
      reported: true,
      values: evaluateAll(compiled, ctx),
      enterprises: r.enterprises.length,
      platforms: r.platforms.length,
      region,
      regions,
    };
  });

  // City: each enterprise once by USCC, with the row of the unit where it is registered (registeredUnit)
  // whatever the order of the units, else of the first unit in the plan's unit order; each platform once
  // by name+kind+level, the first unit keeping it; every repeat is listed as a duplicate.
  const registeredIn = registeredUnitOf(plan);
  const entSeen = new Map<string, { record: EnterpriseRecord; occ: Occurrence[]; unit: string }>();
  const platSeen = new Map<string, { record: PlatformRecord; occ: Occurrence[]; unit: string }>();
  const rejectedRows: RejectedRowEntry[] = [];
  const warnings: WarningEntry[] = [];
  const planForms = formsOf(plan);
  for (const u of plan.units) {
    const r = chosen.get(u.code);
    if (!r) continue;
    const form = formByVersion(r.formVersion, planForms);
    const usccCol = fieldColumn(form, "enterprises", "uscc");
    const platformNameCol = fieldColumn(form, "platforms", "name");
    for (const e of r.enterprises) {
      const key = normaliseUscc(e.uscc);
      const occ: Occurrence = {
        unit: u.code,
        unitName: u.name,
        file: r.file,
        sheet: e.sheet,
        row: e.row,
        cell: address(e.row - 1, usccCol),
      };
      const hit = entSeen.get(key);
      if (!hit) entSeen.set(key, { record: e, occ: [occ], unit: u.code });
      else {
        hit.occ.push(occ);
        const home = registeredIn(key);
        if (home === u.code && hit.unit !== home) {
          hit.record = e;
          hit.unit = u.code;
        }
      }
    }
    for (const p of r.platforms) {
      const key = platformKey(p);
      const occ: Occurrence = {
        unit: u.code,
        unitName: u.name,
        file: r.file,
        sheet: p.sheet,
        row: p.row,
        cell: address(p.row - 1, platformNameCol),
      };
      const hit = platSeen.get(key);
      if (hit) hit.occ.push(occ);
      else platSeen.set(key, { record: p, occ: [occ], unit: u.code });
    }
    for (const rr of r.rejectedRows)
      rejectedRows.push({
        file: r.file,
        unit: u.code,
        unitName: u.name,
        sheet: rr.sheet,
        row: rr.row,
        issues: rr.issues,
      });
    for (const w of r.warnings) warnings.push({ file: r.file, unit: u.code, unitName: u.name, issue: w });
  }
  const duplicates: Duplicate[] = [];
  for (const [key, v] of entSeen)
    if (v.occ.length > 1)
      duplicates.push({ kind: "enterprise", key, name: v.record.name, usedUnit: v.unit, occurrences: v.occ });
  for (const [key, v] of platSeen)
    if (v.occ.length > 1)
      duplicates.push({ kind: "platform", key, name: v.record.name, usedUnit: v.unit, occurrences: v.occ });

  /** The whole's region figures: the bureau's own row where typed, else the sum over the units whose
   * returns are counted (as the numerator is); a percentage is never summed. */
  const cityRegionRow = (): Record<string, number | null> => {
    const row: Record<string, number | null> = {};
    for (const f of regionFields) {
      const own = args.regionFigures?.[CITY_CODE]?.[f.key] ?? null;
      if (own !== null || f.percent) {
        row[f.key] = own;
        continue;
      }
      let s: number | null = null;
      for (const u of units)
        if (u.reported) {
          const v = usedValue(u.regions[f.key]);
          if (v !== null) s = (s ?? 0) + v;
        }
      row[f.key] = s;
    }
    return row;
  };
  const cityEnterprises = [...entSeen.values()].map((v) => v.record);
  const cityPlatforms = [...platSeen.values()].map((v) => v.record);
  const city: ScopeValues = {
    values: evaluateAll(compiled, {
      enterprises: cityEnterprises,
      platforms: cityPlatforms,
      regions: [cityRegionRow()],
      plan,
      periodYear,
    }),
    enterprises: cityEnterprises.length,
    platforms: cityPlatforms.length,
  };

  return {
    planId: plan.id,
    period: period.id,
    periodLabel: period.label,
    periodEnd: period.end,
    deadline,
    city,
    units,
    submissions,
    excluded,
    rejectedRows,
    duplicates,
    warnings,
  };
}
