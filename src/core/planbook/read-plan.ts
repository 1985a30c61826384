// The plan workbook (规划配置.xlsx) -> the Plan. Pure: it takes the snapshot the xlsx and Excel adapters
// produce. Every sheet is read and every problem collected (each naming sheet, cell and reason); if any
// is an error the whole workbook is refused (PlanBookError) and nothing of it is used.
import type { Indicator, Plan, RecognitionTier, Unit } from "../plan/types";
import type { WorkbookSnapshot } from "../snapshot";
import { SheetReader, Unique } from "./cells";
import { compileComputation } from "./computation";
import { planIssue, PlanBookError, type PlanIssue } from "./issues";
import { compileForms, FORM_SHEETS } from "./read-form";
import {
  CHAINS_SHEET,
  CMPS,
  INDICATORS_SHEET,
  KINDS,
  MEASURES,
  PLAN_SHEET,
  SCOPES,
  TARGETS_SHEET,
  TIERS_SHEET,
  UNIT_KINDS,
  UNITS_SHEET,
} from "./plan-sheets";
import { readTable, unclaimedSheets, type Table } from "./table";

export const PLAN_SHEETS = [PLAN_SHEET, UNITS_SHEET, CHAINS_SHEET, TIERS_SHEET, INDICATORS_SHEET, TARGETS_SHEET];
const ALL_SHEETS = [...PLAN_SHEETS, ...FORM_SHEETS];

export const TIER_KEYS: Record<string, RecognitionTier> = {
  innovative: "innovative",
  provincial_srdi: "provincial_srdi",
  little_giant: "little_giant",
  champion: "champion",
};

export interface PlanBookResult {
  plan: Plan | null;
  /** Every problem; warnings too (unknown columns, normalised punctuation). */
  issues: PlanIssue[];
}

function readHead(t: Table, issues: PlanIssue[]) {
  const r = new SheetReader(t, issues);
  const row = t.rows[0];
  if (!row) return null;
  for (const extra of t.rows.slice(1))
    issues.push(planIssue("plan.invalid", { sheet: t.sheet, cell: `A${extra.row}` }, { header: "规划", detail: "规划工作表只能有一行数据" }));
  const start = r.date(row, "start", true);
  const end = r.date(row, "end", true);
  const baseDate = r.date(row, "baseDate", true);
  if (start && end && start >= end) r.fail("plan.invalid", row, "end", { detail: "结束日期必须晚于开始日期" });
  if (start && baseDate && baseDate >= start) r.fail("plan.invalid", row, "baseDate", { detail: "基期日期必须早于开始日期" });
  const id = r.text(row, "id", true);
  if (id && !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(id))
    r.fail("plan.invalid", row, "id", { detail: "编号只能由英文字母、数字和 - _ . 组成" });
  return {
    id,
    title: r.text(row, "title", true),
    document: r.text(row, "document"),
    city: r.text(row, "city", true),
    start: start ?? "",
    end: end ?? "",
    baseDate: baseDate ?? "",
    chainsNote: r.text(row, "chainsNote"),
  };
}

function readUnits(t: Table, issues: PlanIssue[]): Unit[] {
  const r = new SheetReader(t, issues);
  const codes = new Unique(r, "code");
  const names = new Unique(r, "name");
  const out: Unit[] = [];
  for (const row of t.rows) {
    const code = r.text(row, "code", true);
    const name = r.text(row, "name", true);
    const kind = r.choice(row, "kind", UNIT_KINDS, true);
    const fresh = codes.check(row, code) && names.check(row, name);
    if (code && name && kind && fresh) out.push({ code, name, kind });
  }
  return out;
}

function readChains(t: Table, issues: PlanIssue[]): string[] {
  const r = new SheetReader(t, issues);
  const seen = new Unique(r, "name");
  const out: string[] = [];
  for (const row of t.rows) {
    const name = r.text(row, "name", true);
    if (name === "其他") r.fail("plan.invalid", row, "name", { detail: "不要列\u201c其他\u201d，模板会自动加上" });
    else if (name && seen.check(row, name)) out.push(name);
  }
  return out;
}

function readTiers(t: Table, issues: PlanIssue[]): Plan["validityYears"] {
  const r = new SheetReader(t, issues);
  const seen = new Unique(r, "tier");
  const out: Partial<Plan["validityYears"]> = {};
  for (const row of t.rows) {
    const key = r.choice(row, "tier", TIER_KEYS, true);
    const years = r.num(row, "validity", { required: true, integer: true, min: 1, max: 100 });
    if (key && seen.check(row, key) && years !== undefined) out[key] = years;
  }
  for (const k of Object.values(TIER_KEYS))
    if (out[k] === undefined)
      issues.push(planIssue("plan.rows_missing", { sheet: t.sheet, cell: `A${t.rows.length + 2}` }, { detail: `缺少层级\u201c${k}\u201d的行` }));
  return out as Plan["validityYears"];
}

interface PendingIndicator {
  ind: Omit<Indicator, "target">;
  at: string;
}

function readIndicators(t: Table, issues: PlanIssue[], ctx: Parameters<typeof compileComputation>[1]): PendingIndicator[] {
  const r = new SheetReader(t, issues);
  const codes = new Unique(r, "code");
  const out: PendingIndicator[] = [];
  for (const row of t.rows) {
    const code = r.text(row, "code", true);
    if (code && !/^[a-z][a-z0-9_]{0,63}$/.test(code))
      r.fail("plan.invalid", row, "code", { detail: "指标代码只能由小写英文字母开头，含小写字母、数字和下划线" });
    const fresh = codes.check(row, code);
    const name = r.text(row, "name", true);
    const cmp = r.choice(row, "cmp", CMPS, true);
    const kind = r.choice(row, "kind", KINDS, true);
    const population = r.choice(row, "population", { 专精特新企业: "srdi", 创新型中小企业: "inno", 全部: "all", srdi: "srdi", inno: "inno", all: "all" } as const, true);
    const measure = r.choice(row, "measure", MEASURES, true);
    const scope = r.choice(row, "scope", SCOPES, true);
    const expr = r.text(row, "expr", true);
    const formula = expr ? compileComputation(expr, ctx, (detail) => r.fail("plan.expr", row, "expr", { detail })) : undefined;
    if (!code || !fresh || !name || !cmp || !kind || !population || !measure || !scope || !formula) continue;
    out.push({
      at: r.cell(row, "code"),
      ind: {
        code,
        name,
        section: r.text(row, "section"),
        unit: r.text(row, "unit"),
        cmp,
        kind,
        formula,
        computation: r.text(row, "computation"),
        population,
        measure,
        scope,
      },
    });
  }
  return out;
}

function readTargets(t: Table, issues: PlanIssue[], inds: PendingIndicator[], endYear: number, sheetOfInds: string): Indicator[] {
  const r = new SheetReader(t, issues);
  const seen = new Unique(r, "year");
  const byCode = new Map(inds.map((p) => [p.ind.code, p]));
  const targets = new Map<string, number>();
  for (const row of t.rows) {
    const code = r.text(row, "indicator", true);
    const year = r.num(row, "year", { required: true, integer: true, min: 1900, max: 9999 });
    const target = r.num(row, "target", { required: true, min: 0 });
    if (code && !byCode.has(code)) r.fail("plan.ref_unknown", row, "indicator", { detail: "指标工作表中没有这个指标代码" });
    if (!code || year === undefined || !seen.check(row, String(year), code) || target === undefined) continue;
    if (year !== endYear) {
      r.fail("plan.invalid", row, "year", { detail: `目标年份应为规划结束年份${endYear}` });
      continue;
    }
    targets.set(code, target);
  }
  const out: Indicator[] = [];
  for (const p of inds) {
    const target = targets.get(p.ind.code);
    if (target === undefined) {
      issues.push(planIssue("plan.target_missing", { sheet: sheetOfInds, cell: p.at, column: "code" }, { value: p.ind.code, detail: `${endYear}年的目标(目标工作表)` }));
      continue;
    }
    out.push({ ...p.ind, target } as Indicator);
  }
  return out;
}

/** Reads and compiles the workbook; `plan` is null when any error was found. */
export function readPlanBook(book: WorkbookSnapshot): PlanBookResult {
  const issues: PlanIssue[] = [];
  const unclaimed = unclaimedSheets(book, ALL_SHEETS);
  const [head, units, chains, tiers, inds, targets, forms, fields, options, rules] = ALL_SHEETS.map((s) =>
    readTable(book, s, issues, unclaimed),
  );
  const h = head ? readHead(head, issues) : null;
  const plan: Partial<Plan> = {};
  const unitList = units ? readUnits(units, issues) : [];
  const chainList = chains ? readChains(chains, issues) : [];
  const validityYears = tiers ? readTiers(tiers, issues) : undefined;
  const formDefs = compileForms({ forms, fields, options, rules }, issues);
  const pending = inds ? readIndicators(inds, issues, { forms: formDefs }) : [];
  const endYear = h?.end ? Number(h.end.slice(0, 4)) : NaN;
  const indicators = targets && inds && Number.isFinite(endYear) ? readTargets(targets, issues, pending, endYear, inds.sheet) : [];
  if (issues.some((i) => i.severity === "error") || !h) return { plan: null, issues };
  Object.assign(plan, {
    id: h.id,
    title: h.title,
    city: h.city,
    start: h.start,
    end: h.end,
    baseDate: h.baseDate,
    units: unitList,
    chains: chainList,
    chainsNote: h.chainsNote,
    indicators,
    validityYears,
    ...(h.document ? { document: h.document } : {}),
    forms: formDefs,
  });
  return { plan: plan as Plan, issues };
}

/** The plan, or PlanBookError listing every problem. */
export function loadPlanBook(book: WorkbookSnapshot): Plan {
  const r = readPlanBook(book);
  if (!r.plan) throw new PlanBookError(r.issues);
  return r.plan;
}
