// Reads a targets workbook back (snapshot -> allocation + settings). Every refused cell is an issue that
// names the sheet and the cell; refused values fall back to "not allocated" / the default setting.
import { address } from "../a1";
import { readBulletinSettings, type BulletinSettings } from "../report/settings";
import type { Issue } from "../issues";
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

function issue(
  code: string,
  severity: Issue["severity"],
  sheet: string | null,
  cell: string | null,
  value: string | null,
  message: string,
  field: string | null = null,
): Issue {
  return { code, severity, sheet, cell, field, value, message };
}

function cellText(v: SnapshotValue | undefined): string | null {
  const p = plain(v);
  return p === null ? null : String(p);
}

function readAllocation(sheet: SheetSnapshot, plan: Plan, issues: Issue[]): TargetAllocation {
  const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
  const unitCodes = new Set(plan.units.map((u) => u.code));
  const alloc: TargetAllocation = { units: {}, city: {} };
  const seen = new Set<string>();
  const readNum = (ind: Indicator, r: number, c: number, what: string): number | null => {
    const v = sheet.cells[r]?.[c];
    const cell = address(r, c);
    const n = cellNumber(v);
    if (!n.ok) {
      issues.push(
        issue(
          "targets.not_number",
          "error",
          sheet.name,
          cell,
          cellText(v),
          `${sheet.name}!${cell}：${ind.name}的${what}不是数字，已按未填写处理`,
          ind.code,
        ),
      );
      return null;
    }
    if (n.value === null) return null;
    let value = n.value;
    if (value < 0) {
      issues.push(
        issue(
          "targets.negative",
          "error",
          sheet.name,
          cell,
          cellText(v),
          `${sheet.name}!${cell}：${ind.name}的${what}不得小于0，已按未填写处理`,
          ind.code,
        ),
      );
      return null;
    }
    // A share typed as percent points (45 instead of 45%) is read as 45 %: shares never exceed 100 %.
    if (isPercentIndicator(ind) && value > 1) {
      issues.push(
        issue(
          "targets.percent_points",
          "warning",
          sheet.name,
          cell,
          cellText(v),
          `${sheet.name}!${cell}：${ind.name}的${what}${value}大于1，按百分数${value}%读取`,
          ind.code,
        ),
      );
      value = value / 100;
    }
    return value;
  };
  sheet.cells.forEach((row, r) => {
    const code = text(row[0]);
    const unit = text(row[1]);
    const ind = byCode.get(code);
    if (!ind || (unit !== CITY_CODE && !unitCodes.has(unit))) return;
    const key = `${code}|${unit}`;
    if (seen.has(key)) {
      issues.push(
        issue(
          "targets.duplicate_row",
          "error",
          sheet.name,
          address(r, 0),
          code,
          `${sheet.name}第${r + 1}行：${ind.name}的${unit}重复出现，以第一次出现的为准`,
          code,
        ),
      );
      return;
    }
    seen.add(key);
    const base = readNum(ind, r, 3, "基期值");
    const target = readNum(ind, r, 4, unit === CITY_CODE ? "全市目标" : "分解目标");
    if (unit === CITY_CODE) {
      // The city target is the plan's; only a deliberate edit (a different number) overrides it.
      alloc.city[code] = { base, target: target !== null && target !== ind.target ? target : null };
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
    const cityTarget = alloc.city[ind.code]?.target ?? ind.target;
    if (Math.abs(sum - cityTarget) > 1e-6)
      issues.push(
        issue(
          "targets.sum_mismatch",
          "warning",
          sheet.name,
          null,
          String(sum),
          `${sheet.name}：${ind.name}各地分解目标合计${sum}，与全市目标${cityTarget}不符`,
          ind.code,
        ),
      );
    if (filled.length < targets.length)
      issues.push(
        issue(
          "targets.partial",
          "warning",
          sheet.name,
          null,
          null,
          `${sheet.name}：${ind.name}有${targets.length - filled.length}个单位未分解目标，这些单位该指标只展示、不计分`,
          ind.code,
        ),
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
      issue(
        "settings.invalid",
        "error",
        sheet.name,
        address(r, 2),
        cellText(v),
        `${sheet.name}!${address(r, 2)}：${what}取值不正确，已采用默认值${fallback}`,
      ),
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

function readRegions(sheet: SheetSnapshot, plan: Plan, issues: Issue[]): Record<string, RegionFigures> {
  const out: Record<string, RegionFigures> = {};
  for (const { unit, r, v } of unitRows(sheet, plan)) {
    const n = cellNumber(v);
    const cell = address(r, 2);
    if (!n.ok || (n.value !== null && n.value < 0)) {
      issues.push(
        issue(
          "targets.region_invalid",
          "error",
          sheet.name,
          cell,
          cellText(v),
          `${sheet.name}!${cell}：规上中小企业主营业务收入须为不小于0的数字，已按未录入处理`,
          unit,
        ),
      );
      continue;
    }
    if (n.value !== null) out[unit] = { above_scale_sme_main_revenue: n.value };
  }
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
        issue(
          "targets.receipt_invalid",
          "error",
          sheet.name,
          cell,
          cellText(v),
          `${sheet.name}!${cell}：收到日期不是日期(应如 2025-10-12)，已按未登记处理`,
          unit,
        ),
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
    issues.push(
      issue(
        "targets.unknown_form",
        "error",
        null,
        null,
        formId ? text(formId[1]) : null,
        "该文件不是目标分解表(缺少SRDI-TARGETS标识)，请使用 srdi targets 生成的目标分解表",
      ),
    );
    return { targets: { units: {}, city: {} }, settings: { ...DEFAULT_SETTINGS }, issues };
  }
  const planRow = meta.cells.find((r) => text(r[0]) === "plan_id");
  if (planRow && text(planRow[1]) && text(planRow[1]) !== plan.id)
    issues.push(
      issue(
        "targets.plan_mismatch",
        "warning",
        meta.name,
        null,
        text(planRow[1]),
        `目标分解表对应的计划为${text(planRow[1])}，与当前计划${plan.id}不一致，请核实`,
      ),
    );
  const tSheet = snapshot.sheets.find((s) => s.name === TARGETS_SHEET);
  const sSheet = snapshot.sheets.find((s) => s.name === SETTINGS_SHEET);
  if (!tSheet)
    issues.push(
      issue(
        "targets.missing_sheet",
        "error",
        TARGETS_SHEET,
        null,
        null,
        `缺少工作表\u201c${TARGETS_SHEET}\u201d`,
      ),
    );
  if (!sSheet)
    issues.push(
      issue(
        "targets.missing_sheet",
        "warning",
        SETTINGS_SHEET,
        null,
        null,
        `缺少工作表\u201c${SETTINGS_SHEET}\u201d，采用默认评分设置`,
      ),
    );
  const targets: TargetAllocation = tSheet ? readAllocation(tSheet, plan, issues) : { units: {}, city: {} };
  const settings = sSheet ? readSettings(sSheet, plan, issues) : { ...DEFAULT_SETTINGS, weights: {} };
  // Sheets added in the workbook's second version; a first-version workbook simply has none.
  const rSheet = snapshot.sheets.find((s) => s.name === REGION_SHEET);
  const dSheet = snapshot.sheets.find((s) => s.name === RECEIPTS_SHEET);
  if (rSheet) targets.regions = readRegions(rSheet, plan, issues);
  if (dSheet) targets.receipts = readReceipts(dSheet, plan, issues);
  return { targets, settings, issues, bulletin: readBulletinSettings(snapshot, plan).settings };
}
