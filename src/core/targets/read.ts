// Reads a targets workbook back (snapshot -> allocation + settings). Every refused cell is an issue of
// the catalogue (src/core/catalogue) with its sheet and cell; refused values fall back to "not allocated" /
// the default setting.
import { milestoneInForce } from "../plan/milestones";
import { regionFieldsOf, type RegionField } from "../plan/region-fields";
import { formsOf } from "../form/versions";
import { placeWords } from "../plan/words";
import { parsePeriod } from "../plan/periods";
import { address } from "../a1";
import { readBulletinSettings, type BulletinSettings } from "./bulletin-settings";
import type { Issue } from "../issues";
import { makeIssue } from "../read/issue";
import type { Indicator, Plan } from "../plan/types";
import {
  isErrorValue,
  isFormulaValue,
  type SheetSnapshot,
  type SnapshotValue,
  type WorkbookSnapshot,
} from "../snapshot";
import { cellDate } from "../read/date";
import { SETTING_PARAMS } from "./settings-params";
import { readReviews } from "./read-reviews";
import { isPercentIndicator } from "./workbook";
import {
  CITY_CODE,
  REGION_SHEET,
  RECEIPTS_SHEET,
  DEFAULT_SETTINGS,
  SETTINGS_SHEET,
  TARGETS_FORM_ID,
  LEGACY_TARGETS_META_SHEET,
  TARGETS_META_SHEET,
  TARGETS_SHEET,
  type RegionFigures,
  type ScoringSettings,
  type TargetAllocation,
} from "./types";

export interface TargetsReadResult {
  targets: TargetAllocation;
  settings: ScoringSettings;
  issues: Issue[];
  /** The bulletin settings of sheet 通报设置 (defaults when the sheet is absent). */
  bulletin?: BulletinSettings;
}

function plain(v: SnapshotValue | undefined): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (isFormulaValue(v)) {
    const r = v.result;
    return r === undefined || r === null || isErrorValue(r) ? null : r;
  }
  if (isErrorValue(v)) return null;
  return v;
}

function text(v: SnapshotValue | undefined): string {
  const p = plain(v);
  return p === null ? "" : String(p).trim();
}

/** A number from a cell: numbers, numeric text (thousands separators, full-width digits) and "5%". */
export function cellNumber(v: SnapshotValue | undefined): { value: number | null; ok: boolean } {
  if (v !== undefined && v !== null && isErrorValue(v)) return { value: null, ok: false };
  const p = plain(v);
  if (p === null || p === "") return { value: null, ok: true };
  if (typeof p === "number") return Number.isFinite(p) ? { value: p, ok: true } : { value: null, ok: false };
  if (typeof p === "boolean") return { value: null, ok: false };
  const t = p
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[，,\s]/g, "")
    .replace(/％/g, "%");
  if (t === "") return { value: null, ok: true };
  const m = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) return { value: null, ok: false };
  const n = Number(m[1]);
  return { value: m[2] ? n / 100 : n, ok: true };
}

function cellText(v: SnapshotValue | undefined): string | null {
  const p = plain(v);
  return p === null ? null : String(p);
}

function readAllocation(
  sheet: SheetSnapshot,
  plan: Plan,
  issues: Issue[],
  periodYear: number | null,
): TargetAllocation {
  /** The plan's city target for the workbook's period: the milestone in force (the end target without a period). */
  const planTarget = (ind: Indicator) =>
    periodYear === null ? ind.target : milestoneInForce(plan, ind, periodYear).target;
  const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
  const unitCodes = new Set(plan.units.map((u) => u.code));
  const alloc: TargetAllocation = { units: {}, city: {} };
  const seen = new Set<string>();
  const readNum = (ind: Indicator, r: number, c: number, what: string): number | null => {
    const v = sheet.cells[r]?.[c];
    const cell = address(r, c);
    const n = cellNumber(v);
    const at = {
      sheet: sheet.name,
      cell,
      field: ind.code,
      value: cellText(v),
      label: `${ind.name}的${what}`,
    };
    if (!n.ok) {
      issues.push(makeIssue("targets.not_number", at));
      return null;
    }
    if (n.value === null) return null;
    let value = n.value;
    if (value < 0) {
      issues.push(makeIssue("targets.negative", at));
      return null;
    }
    // A share typed as percent points (45 instead of 45%) is read as 45 %: shares never exceed 100 %.
    if (isPercentIndicator(ind) && value > 1) {
      issues.push(makeIssue("targets.percent_points", { ...at, args: { detail: String(value) } }));
      value = value / 100;
    }
    return value;
  };
  // The whole's row carries the plan's word (全市, 全省) or the built-in code.
  const whole = placeWords(plan).whole;
  sheet.cells.forEach((row, r) => {
    const code = text(row[0]);
    const typed = text(row[1]);
    const unit = typed === whole ? CITY_CODE : typed;
    const ind = byCode.get(code);
    if (!ind || (unit !== CITY_CODE && !unitCodes.has(unit))) return;
    const key = `${code}|${unit}`;
    if (seen.has(key)) {
      issues.push(
        makeIssue("targets.duplicate_row", {
          sheet: sheet.name,
          cell: address(r, 0),
          field: code,
          value: code,
          label: `${ind.name}的${typed}`,
        }),
      );
      return;
    }
    seen.add(key);
    const base = readNum(ind, r, 3, "基期值");
    const target = readNum(ind, r, 4, unit === CITY_CODE ? `${whole}目标` : "分解目标");
    if (unit === CITY_CODE) {
      // The city target is the plan's (its milestone for the workbook's period); only a deliberate edit
      // (a different number) overrides it.
      alloc.city[code] = { base, target: target !== null && target !== planTarget(ind) ? target : null };
    } else if (base !== null || target !== null) {
      (alloc.units[unit] ??= {})[code] = { base, target };
    }
  });
  for (const ind of plan.indicators) {
    if (ind.kind !== "count") continue;
    const targets = plan.units.map((u) => alloc.units[u.code]?.[ind.code]?.target ?? null);
    const filled = targets.filter((t): t is number => t !== null);
    if (filled.length === 0) continue;
    const sum = filled.reduce((a, b) => a + b, 0);
    const cityTarget = alloc.city[ind.code]?.target ?? planTarget(ind);
    if (Math.abs(sum - cityTarget) > 1e-6)
      issues.push(
        makeIssue("targets.sum_mismatch", {
          sheet: sheet.name,
          field: ind.code,
          value: String(sum),
          label: ind.name,
          args: { actual: String(sum), expected: String(cityTarget), detail: whole },
        }),
      );
    if (filled.length < targets.length)
      issues.push(
        makeIssue("targets.partial", {
          sheet: sheet.name,
          field: ind.code,
          label: ind.name,
          args: { actual: String(targets.length - filled.length) },
        }),
      );
  }
  return alloc;
}

function readSettings(sheet: SheetSnapshot, plan: Plan, issues: Issue[]): ScoringSettings {
  const s: ScoringSettings = { ...DEFAULT_SETTINGS, weights: {}, bands: [...DEFAULT_SETTINGS.bands] };
  const codes = new Set(plan.indicators.map((i) => i.code));
  const params = new Map(SETTING_PARAMS.map((p) => [p.key, p]));
  const bad = (r: number, v: SnapshotValue | undefined, what: string, fallback: string) =>
    issues.push(
      makeIssue("settings.invalid", {
        sheet: sheet.name,
        cell: address(r, 2),
        value: cellText(v),
        label: what,
        args: { expected: fallback },
      }),
    );
  sheet.cells.forEach((row, r) => {
    const key = text(row[0]);
    const v = row[2];
    const n = cellNumber(v);
    const p = params.get(key);
    if (p) {
      if (!p.set(s, { num: n.ok ? n.value : null, text: text(v) })) bad(r, v, p.label, p.shownDefault);
    } else if (codes.has(key)) {
      const x = n.ok && n.value !== null && n.value >= 0 && n.value <= 100 ? n.value : null;
      if (x === null) bad(r, v, `${key}的权重`, String(DEFAULT_SETTINGS.defaultWeight));
      else s.weights[key] = x;
    }
  });
  return s;
}

/** Rows of a per-unit sheet (区域数据, 报送登记): unit code in A, value in C; unknown codes ignored. */
function unitRows(
  sheet: SheetSnapshot,
  plan: Plan,
): { unit: string; r: number; v: SnapshotValue | undefined }[] {
  const codes = new Set(plan.units.map((u) => u.code));
  const seen = new Set<string>();
  const out: { unit: string; r: number; v: SnapshotValue | undefined }[] = [];
  sheet.cells.forEach((row, r) => {
    const unit = text(row?.[0]);
    if (!codes.has(unit) || seen.has(unit)) return;
    seen.add(unit);
    out.push({ unit, r, v: row[2] });
  });
  return out;
}

function unitName(plan: Plan, code: string): string {
  return plan.units.find((u) => u.code === code)?.name ?? code;
}

/** A header as typed, without spaces and with full-width brackets folded, for matching. */
const headerKey = (h: string) => h.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")");
const withoutUnit = (h: string) => h.replace(/\([^()]*\)$/, "");

/**
 * 区域数据: the header row (单位代码 in A) names one column per region field (its label, its label
 * without the unit in brackets, or its key); rows by unit code, and the whole's row (全市/全省 or the
 * built-in code). A column the plan does not read is ignored with a warning; a field without a column is
 * said (the units' own figures, if any, are used).
 */
function readRegions(sheet: SheetSnapshot, plan: Plan, issues: Issue[]): Record<string, RegionFigures> {
  const out: Record<string, RegionFigures> = {};
  const fields = regionFieldsOf(plan, formsOf(plan));
  const whole = placeWords(plan).whole;
  // The header row is the third in every version written; found by its 单位代码 cell, within 10 rows.
  const headerRow = sheet.cells.slice(0, 10).findIndex((r) => text(r?.[0]) === "单位代码");
  const h = headerRow < 0 ? 2 : headerRow;
  const header = sheet.cells[h] ?? [];
  const columns: { col: number; field: RegionField }[] = [];
  for (let c = 2; c < Math.min(header.length, 2 + 200); c++) {
    const typed = headerKey(text(header[c]));
    if (typed === "" || typed === "备注") continue;
    const field = fields.find(
      (f) =>
        headerKey(f.label) === typed ||
        f.key === typed ||
        withoutUnit(headerKey(f.label)) === withoutUnit(typed),
    );
    if (field && !columns.some((x) => x.field === field)) columns.push({ col: c, field });
    else
      issues.push(
        makeIssue("targets.region_column_unknown", {
          sheet: sheet.name,
          cell: address(h, c),
          value: cellText(header[c]),
        }),
      );
  }
  for (const f of fields)
    if (!columns.some((x) => x.field === f))
      issues.push(
        makeIssue("targets.region_column_missing", {
          sheet: sheet.name,
          label: f.label,
          args: { detail: f.unitsSupply ? "采用各地报表自填数" : "读取它的指标为\u2014" },
        }),
      );
  const codes = new Set(plan.units.map((u) => u.code));
  const seen = new Set<string>();
  sheet.cells.forEach((row, r) => {
    if (r <= h) return;
    const typed = text(row?.[0]);
    const unit = typed === whole || typed === CITY_CODE ? CITY_CODE : typed;
    if ((unit !== CITY_CODE && !codes.has(unit)) || seen.has(unit)) return;
    seen.add(unit);
    const who = unit === CITY_CODE ? whole : unitName(plan, unit);
    for (const { col, field } of columns) {
      const v = row[col];
      const n = cellNumber(v);
      const cell = address(r, col);
      const at = {
        sheet: sheet.name,
        cell,
        field: field.key,
        value: cellText(v),
        label: `${who}的${field.label}`,
      };
      if (!n.ok || (n.value !== null && n.value < 0 && !field.percent)) {
        issues.push(
          makeIssue("targets.region_invalid", {
            ...at,
            args: { detail: field.percent ? "百分数(如5.2%)" : "不小于0的数字" },
          }),
        );
        continue;
      }
      if (n.value === null) continue;
      let value = n.value;
      // A percentage typed as points (5.2 for 5.2 %) is read as 5.2 %: a region rate is never ±100 %.
      if (field.percent && Math.abs(value) > 1) {
        issues.push(makeIssue("targets.percent_points", { ...at, args: { detail: String(value) } }));
        value = value / 100;
      }
      (out[unit] ??= {})[field.key] = value;
    }
  });
  return out;
}

function readReceipts(sheet: SheetSnapshot, plan: Plan, issues: Issue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { unit, r, v } of unitRows(sheet, plan)) {
    const p = plain(v);
    if (p === null || p === "") continue;
    const day = cellDate(p);
    const cell = address(r, 2);
    if (!day) {
      issues.push(
        makeIssue("targets.receipt_invalid", {
          sheet: sheet.name,
          cell,
          field: "receipt_date",
          value: cellText(v),
          label: `${unitName(plan, unit)}的收到日期`,
        }),
      );
      continue;
    }
    out[unit] = day;
  }
  return out;
}

export function readTargets(snapshot: WorkbookSnapshot, plan: Plan): TargetsReadResult {
  const issues: Issue[] = [];
  // Files of the first version keep their metadata under the template's sheet name: accept that sheet
  // only when it says it belongs to a targets workbook, never a submission template's.
  const formIdOf = (s: SheetSnapshot) => s.cells.find((r) => text(r[0]) === "form_id");
  const meta =
    snapshot.sheets.find((s) => s.name === TARGETS_META_SHEET) ??
    snapshot.sheets.find((s) => {
      const id = s.name === LEGACY_TARGETS_META_SHEET ? formIdOf(s) : undefined;
      return id !== undefined && text(id[1]) === TARGETS_FORM_ID;
    });
  const formId = meta ? formIdOf(meta) : undefined;
  if (!meta || !formId || text(formId[1]) !== TARGETS_FORM_ID) {
    issues.push(makeIssue("targets.unknown_form", { value: formId ? text(formId[1]) : null }));
    return { targets: { units: {}, city: {} }, settings: { ...DEFAULT_SETTINGS }, issues };
  }
  const planRow = meta.cells.find((r) => text(r[0]) === "plan_id");
  if (planRow && text(planRow[1]) && text(planRow[1]) !== plan.id)
    issues.push(
      makeIssue("targets.plan_mismatch", {
        sheet: meta.name,
        value: text(planRow[1]),
        args: { actual: text(planRow[1]), expected: plan.id },
      }),
    );
  const tSheet = snapshot.sheets.find((s) => s.name === TARGETS_SHEET);
  const sSheet = snapshot.sheets.find((s) => s.name === SETTINGS_SHEET);
  if (!tSheet) issues.push(makeIssue("targets.missing_sheet", { sheet: TARGETS_SHEET }));
  if (!sSheet)
    issues.push(
      makeIssue("targets.missing_sheet", {
        sheet: SETTINGS_SHEET,
        severity: "warning",
        args: { detail: "采用默认评分设置" },
      }),
    );
  const periodRow = meta.cells.find((r) => text(r[0]) === "period");
  const periodYear = parsePeriod(periodRow ? text(periodRow[1]) : "")?.year ?? null;
  const targets: TargetAllocation = tSheet
    ? readAllocation(tSheet, plan, issues, periodYear)
    : { units: {}, city: {} };
  const settings = sSheet ? readSettings(sSheet, plan, issues) : { ...DEFAULT_SETTINGS, weights: {} };
  // Sheets added in the workbook's second version; a first-version workbook simply has none.
  const rSheet = snapshot.sheets.find((s) => s.name === REGION_SHEET);
  const dSheet = snapshot.sheets.find((s) => s.name === RECEIPTS_SHEET);
  if (rSheet) targets.regions = readRegions(rSheet, plan, issues);
  if (dSheet) targets.receipts = readReceipts(dSheet, plan, issues);
  const reviews = dSheet ? readReviews(dSheet, plan, issues) : {};
  if (Object.keys(reviews).length) targets.reviews = reviews;
  return { targets, settings, issues, bulletin: readBulletinSettings(snapshot, plan).settings };
}
