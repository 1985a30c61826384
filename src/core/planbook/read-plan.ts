// The plan workbook (规划配置.xlsx) -> the Plan. Pure: it takes the snapshot the xlsx and Excel adapters
// produce. Each sheet is read into the plain object a plan JSON file holds, remembering which cell every
// value came from; the one plan validator (plan/schema.ts) then checks it, and its problems are mapped
// back to those cells. Every problem is collected; if any is an error the whole workbook is refused
// (PlanBookError) and nothing of it is used.
import type { FormDef } from "../form/types";
import { checkExpr } from "../expr/compile";
import { envOf, type ExprEnv } from "../expr/env";
import { regionNamesOf } from "../plan/region-fields";
import { DEFAULT_POPULATIONS, DEFAULT_TIERS } from "../plan/default-plan";
import { PlanSchemaError, validatePlan, type PlanProblem } from "../plan/schema";
import type { PopulationDef, RegionFigureDef, Tier } from "../plan/types";
import type { Plan, Unit } from "../plan/types";
import { placeWords, WORD_KEYS } from "../plan/words";
import type { WorkbookSnapshot } from "../snapshot";
import { SheetReader, Unique } from "./cells";
import { planIssue, PlanBookError, type PlanIssue } from "./issues";
import { compileForms, FORM_SHEETS } from "./read-form";
import { CHAIN_LIST, isChainField } from "../form/lists";
import {
  BASES,
  CHAINS_SHEET,
  CMPS,
  INDICATORS_SHEET,
  KINDS,
  PLAN_SHEET,
  POPULATIONS_SHEET,
  REGION_FIGURE_TYPES,
  REGION_FIGURES_SHEET,
  scopesOf,
  TARGETS_SHEET,
  TIERS_SHEET,
  UNIT_KINDS,
  UNITS_SHEET,
} from "./plan-sheets";
import { readTable, unclaimedSheets, type Table, type TableRow } from "./table";

export const PLAN_SHEETS = [
  PLAN_SHEET,
  UNITS_SHEET,
  CHAINS_SHEET,
  TIERS_SHEET,
  POPULATIONS_SHEET,
  INDICATORS_SHEET,
  TARGETS_SHEET,
];
// The optional 区域数据 sheet last, so that the sheets above keep their places in readPlanBook.
const ALL_SHEETS = [...PLAN_SHEETS, ...FORM_SHEETS, REGION_FIGURES_SHEET];

type Obj = Record<string, unknown>;

interface Loc {
  sheet: string;
  cell: string | null;
  column: string | null;
  /** The column's header as the bureau sees it (年份), and what the cell holds, for the message. */
  header: string | null;
  value: string | null;
}

/** Where each value of the plain plan object came from, by its JSON path (as plan/schema.ts names it). */
class Locations {
  private readonly map = new Map<string, Loc>();
  set(path: string, r: SheetReader, row: TableRow, key: string): void {
    this.map.set(path, {
      sheet: r.sheet,
      cell: r.cell(row, key),
      column: key,
      header: r.header(key),
      value: row.cells[key]?.text ?? null,
    });
  }
  sheet(path: string, sheet: string): void {
    this.map.set(path, { sheet, cell: null, column: null, header: null, value: null });
  }
  /** The location of a path, else of its nearest parent ("indicators[3].milestones[1].year" -> …). */
  find(path: string): Loc | null {
    let p = path;
    for (let i = 0; i < 8; i++) {
      const hit = this.map.get(p);
      if (hit) return hit;
      const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
      if (cut <= 0) return null;
      p = p.slice(0, cut);
    }
    return null;
  }
}

function readHead(t: Table, at: Locations, issues: PlanIssue[]): Obj {
  const r = new SheetReader(t, issues);
  const row = t.rows[0];
  at.sheet("(根)", t.sheet);
  if (!row) return {};
  for (const extra of t.rows.slice(1))
    issues.push(
      planIssue(
        "plan.invalid",
        { sheet: t.sheet, cell: `A${extra.row}` },
        { header: "规划", detail: "规划工作表只能有一行数据" },
      ),
    );
  const o: Obj = {};
  for (const key of ["id", "title", "city", "chainsNote"]) {
    o[key] = r.text(row, key, key !== "chainsNote");
    at.set(key, r, row, key);
  }
  const doc = r.text(row, "document");
  if (doc) o.document = doc;
  at.set("document", r, row, "document");
  const words: Obj = {};
  for (const key of WORD_KEYS) {
    const w = r.text(row, key);
    if (w) words[key] = w;
    at.set(`words.${key}`, r, row, key);
  }
  if (Object.keys(words).length > 0) o.words = words;
  for (const key of ["start", "end", "baseDate"]) {
    o[key] = r.date(row, key, true) ?? "";
    at.set(key, r, row, key);
  }
  if (o.start && o.baseDate && (o.baseDate as string) >= (o.start as string))
    r.fail("plan.invalid", row, "baseDate", { detail: "基期日期必须早于开始日期" });
  return o;
}

function readUnits(t: Table, at: Locations, issues: PlanIssue[]): Obj[] {
  const r = new SheetReader(t, issues);
  const codes = new Unique(r, "code");
  const names = new Unique(r, "name");
  at.sheet("units", t.sheet);
  return t.rows.map((row, i) => {
    const code = r.text(row, "code", true);
    const name = r.text(row, "name", true);
    codes.check(row, code);
    names.check(row, name);
    for (const k of ["code", "name", "kind"]) at.set(`units[${i}].${k}`, r, row, k);
    return { code, name, kind: r.choice(row, "kind", UNIT_KINDS, true) ?? "" };
  });
}

function readChains(t: Table, at: Locations, issues: PlanIssue[]): string[] {
  const r = new SheetReader(t, issues);
  const seen = new Unique(r, "name");
  at.sheet("chains", t.sheet);
  return t.rows.map((row, i) => {
    const name = r.text(row, "name", true);
    seen.check(row, name);
    at.set(`chains[${i}]`, r, row, "name");
    return name;
  });
}

/** Full-width punctuation or curly quotes typed through a Chinese IME: read as their ASCII forms. */
const FOLDED = /[\uFF01-\uFF5E\u201C\u201D\u2018\u2019\u3000]/;

/** An expression cell typed with an IME: the language folds it (PLAN-AS-DATA-ANCHORS §5.5); say so. */
function warnFolded(r: SheetReader, row: TableRow, key: string): void {
  const t = r.text(row, key);
  const m = FOLDED.exec(t);
  if (m)
    r.issues.push(
      planIssue(
        "plan.normalised",
        { sheet: r.sheet, cell: r.cell(row, key), column: key },
        {
          header: r.header(key),
          value: t,
          detail: `第${m.index + 1}个字符\u201c${m[0]}\u201d`,
        },
      ),
    );
}

/** One row per tier name: a tier's rows share its code; its year field and validity are on its first row. */
function readTiers(t: Table, forms: FormDef[], at: Locations, issues: PlanIssue[]): Obj[] | undefined {
  if (t.rows.length === 0) return undefined;
  const r = new SheetReader(t, issues);
  at.sheet("tiers", t.sheet);
  const yearFields = new Set(
    forms.flatMap((f) => f.enterprises.fields.filter((x) => x.type === "year").map((x) => x.key)),
  );
  const tiers: { o: Obj; names: Obj[] }[] = [];
  const byKey = new Map<string, { o: Obj; names: Obj[] }>();
  for (const row of t.rows) {
    const key = r.text(row, "tier", true);
    let tier = byKey.get(key);
    if (!tier) {
      const i = tiers.length;
      const yearField = r.text(row, "yearField", true);
      if (yearField && forms.length > 0 && !yearFields.has(yearField))
        r.fail("plan.ref_unknown", row, "yearField", { detail: "企业表中没有这个年份类型的字段" });
      tier = {
        o: { key, yearField, validityYears: r.num(row, "validity", { required: true }) ?? NaN },
        names: [],
      };
      tier.o.names = tier.names;
      for (const [k, col] of [
        ["key", "tier"],
        ["yearField", "yearField"],
        ["validityYears", "validity"],
      ])
        at.set(`tiers[${i}].${k}`, r, row, col);
      at.set(`tiers[${i}]`, r, row, "tier");
      tiers.push(tier);
      byKey.set(key, tier);
    } else {
      for (const col of ["yearField", "validity"])
        if (r.text(row, col) !== "")
          r.fail("plan.invalid", row, col, { detail: "同一层级的年份字段与有效期只在其第一行填写" });
    }
    const i = tiers.indexOf(tier);
    const j = tier.names.length;
    const name: Obj = { name: r.text(row, "name", true) };
    const from = r.num(row, "from", { integer: true, min: 1900, max: 9999 });
    if (from !== undefined) name.from = from;
    at.set(`tiers[${i}].names[${j}].name`, r, row, "name");
    at.set(`tiers[${i}].names[${j}].from`, r, row, "from");
    at.set(`tiers[${i}].names[${j}]`, r, row, "name");
    tier.names.push(name);
  }
  return tiers.map((x) => x.o);
}

function readPopulations(t: Table, at: Locations, issues: PlanIssue[]): Obj[] | undefined {
  if (t.rows.length === 0) return undefined;
  const r = new SheetReader(t, issues);
  const names = new Unique(r, "name");
  at.sheet("populations", t.sheet);
  return t.rows.map((row, i) => {
    const name = r.text(row, "name", true);
    names.check(row, name);
    for (const k of ["name", "label", "filter"]) at.set(`populations[${i}].${k}`, r, row, k);
    warnFolded(r, row, "filter");
    return { name, label: r.text(row, "label", true), filter: r.text(row, "filter") };
  });
}

/** 区域数据: figures only the bureau supplies, one row each (键, 名称, 类型). */
function readRegionFigures(t: Table, at: Locations, issues: PlanIssue[]): Obj[] {
  const r = new SheetReader(t, issues);
  const keys = new Unique(r, "key");
  at.sheet("regionFigures", t.sheet);
  return t.rows.map((row, i) => {
    const key = r.text(row, "key", true);
    keys.check(row, key);
    for (const k of ["key", "label", "type"]) at.set(`regionFigures[${i}].${k}`, r, row, k);
    at.set(`regionFigures[${i}]`, r, row, "key");
    return {
      key,
      label: r.text(row, "label", true),
      type: r.choice(row, "type", REGION_FIGURE_TYPES, true) ?? "",
    };
  });
}

/**
 * Region figures (issue 25 item 2): a region(f) no one can supply (not a cell of the forms' 区域指标, not
 * on the plan's 区域数据 sheet) is refused at its 计算 cell; one only the bureau supplies (the plan's
 * 区域数据, or a cell the current form no longer has) loads with a warning saying it must be typed each
 * round in the targets workbook, else the indicator is —.
 */
function checkRegionFields(
  t: Table,
  inds: Obj[],
  env: ExprEnv,
  current: FormDef | undefined,
  issues: PlanIssue[],
): void {
  const r = new SheetReader(t, issues);
  const warned = new Set<string>();
  inds.forEach((o, i) => {
    const row = t.rows[i];
    if (!row || typeof o.expr !== "string") return;
    const rel = typeof o.relativeTo === "string" ? [{ name: o.relativeTo, start: -1 }] : [];
    for (const { name, start } of [...regionNamesOf(o.expr), ...rel]) {
      const col = start < 0 ? "relativeTo" : "expr";
      const f = env.region.find(
        (x) => x.key === name || x.header === name || x.header.replace(/[(（][^()（）]*[)）]$/, "") === name,
      );
      if (!f) {
        r.fail("plan.region_unknown", row, col, { detail: name });
        continue;
      }
      if (warned.has(f.key) || !current || current.region.cells.some((c) => c.key === f.key)) continue;
      warned.add(f.key);
      issues.push(
        planIssue(
          "plan.region_bureau_only",
          { sheet: r.sheet, cell: r.cell(row, col), column: col },
          { header: r.header(col), value: row.cells[col]?.text ?? null, detail: f.header },
        ),
      );
    }
  });
}

const BASIS_LABEL = "新增";

function readIndicators(
  t: Table,
  pops: Obj[] | undefined,
  whole: string,
  at: Locations,
  issues: PlanIssue[],
): Obj[] {
  const scopes = scopesOf(whole);
  const r = new SheetReader(t, issues);
  const codes = new Unique(r, "code");
  const popNames = (pops ?? [{ name: "SRDI" }, { name: "INNO" }, { name: "ALL" }]).map((p) => String(p.name));
  at.sheet("indicators", t.sheet);
  return t.rows.map((row, i) => {
    const code = r.text(row, "code", true);
    codes.check(row, code);
    const popText = r.text(row, "population", true);
    const pop = popNames.find((n) => n.toLowerCase() === popText.toLowerCase());
    if (popText && !pop)
      r.fail("plan.ref_unknown", row, "population", { detail: `人群工作表中只有 ${popNames.join("、")}` });
    const o: Obj = {
      code,
      name: r.text(row, "name", true),
      section: r.text(row, "section"),
      unit: r.text(row, "unit"),
      cmp: r.choice(row, "cmp", CMPS, true) ?? "",
      kind: r.choice(row, "kind", KINDS, true) ?? "",
      expr: r.text(row, "expr", true),
      computation: r.text(row, "computation"),
      population: (pop ?? popText).toLowerCase(),
      basis: r.choice(row, "basis", BASES, true) ?? "",
      scope: r.choice(row, "scope", scopes, true) ?? "",
    };
    warnFolded(r, row, "expr");
    const base = r.num(row, "base");
    if (base !== undefined) o.base = base;
    const rel = r.text(row, "relativeTo");
    if (rel) o.relativeTo = rel;
    const annual = r.num(row, "annualIncrease");
    if (annual !== undefined) o.annualIncrease = annual;
    // A 新增 target measures the increase over the base: without the plan's 基期值 it takes the targets
    // workbook's 全市 base row, and without that the figure is — (said now, not discovered in a bulletin).
    if (o.basis === "increase" && base === undefined && annual === undefined)
      r.issues.push(
        planIssue(
          "plan.base_missing",
          { sheet: r.sheet, cell: r.cell(row, "base"), column: "base" },
          { header: r.header("base"), detail: BASIS_LABEL },
        ),
      );
    for (const k of Object.keys(o)) at.set(`indicators[${i}].${k}`, r, row, k);
    for (const k of ["base", "annualIncrease", "relativeTo"]) at.set(`indicators[${i}].${k}`, r, row, k);
    at.set(`indicators[${i}]`, r, row, "code");
    return o;
  });
}

/** Targets, long format: each indicator's rows become its milestones; the last year's is its target. */
function readTargets(
  t: Table,
  inds: Obj[],
  indSheet: string,
  indCells: (i: number) => string,
  endYear: number | null,
  at: Locations,
  issues: PlanIssue[],
): void {
  const r = new SheetReader(t, issues);
  const seen = new Unique(r, "year");
  // A code given twice is reported on the indicator sheet; its targets go to the first indicator.
  const index = new Map<string, number>();
  inds.forEach((o, i) => {
    if (!index.has(o.code as string)) index.set(o.code as string, i);
  });
  const rows = new Map<number, { year: number; target: number; row: TableRow; source: string }[]>();
  for (const row of t.rows) {
    const code = r.text(row, "indicator", true);
    const year = r.num(row, "year", { required: true, integer: true, min: 1900, max: 9999 });
    const target = r.num(row, "target", { required: true });
    const i = index.get(code);
    if (code && i === undefined)
      r.fail("plan.ref_unknown", row, "indicator", { detail: "指标工作表中没有这个指标代码" });
    if (i === undefined || year === undefined || target === undefined || !seen.check(row, String(year), code))
      continue;
    const list = rows.get(i) ?? [];
    list.push({ year, target, row, source: r.text(row, "source") });
    rows.set(i, list);
  }
  inds.forEach((o, i) => {
    const list = (rows.get(i) ?? []).sort((a, b) => a.year - b.year);
    if (list.length === 0 && index.get(o.code as string) !== i) return;
    if (list.length === 0) {
      issues.push(
        planIssue(
          "plan.target_missing",
          { sheet: indSheet, cell: indCells(i), column: "code" },
          {
            value: o.code as string,
            detail: `目标(目标工作表中没有它的行${endYear ? `，至少要有${endYear}年的目标` : ""})`,
          },
        ),
      );
      return;
    }
    const last = list[list.length - 1];
    o.target = last.target;
    at.set(`indicators[${i}].target`, r, last.row, "target");
    if (list.length > 1 || last.year !== endYear) {
      o.milestones = list.map((m) => ({ year: m.year, target: m.target }));
      list.forEach((m, j) => {
        at.set(`indicators[${i}].milestones[${j}].year`, r, m.row, "year");
        at.set(`indicators[${i}].milestones[${j}].target`, r, m.row, "target");
        at.set(`indicators[${i}].milestones[${j}]`, r, m.row, "year");
      });
    }
    const sources = [...new Set(list.map((m) => m.source).filter((s) => s !== ""))];
    if (sources.length) o.source = sources.join("\n");
  });
}

/**
 * The expressions' problems, for when the validator stopped before them (it checks expressions only on an
 * otherwise sound plan): every error of the workbook is still reported in one pass.
 */
function expressionProblems(o: Obj, forms: FormDef[]): PlanProblem[] {
  const tiers = ((o.tiers as Tier[] | undefined) ?? DEFAULT_TIERS).filter(
    (t) => typeof t.key === "string" && Array.isArray(t.names),
  );
  const pops = (o.populations as PopulationDef[] | undefined) ?? DEFAULT_POPULATIONS;
  const regionFigures = (o.regionFigures as RegionFigureDef[] | undefined) ?? [];
  const env = envOf({ tiers, populations: pops, regionFigures }, forms);
  const out: PlanProblem[] = [];
  pops.forEach((p, i) => {
    for (const e of checkExpr(String(p.filter ?? ""), "filter", env))
      out.push({ path: `populations[${i}].filter`, message: e.message, offset: e.offset });
  });
  (o.indicators as Obj[]).forEach((ind, i) => {
    if (typeof ind.expr !== "string" || ind.expr === "") return;
    for (const e of checkExpr(ind.expr, "indicator", env))
      out.push({ path: `indicators[${i}].expr`, message: e.message, offset: e.offset });
  });
  return out;
}

export interface PlanBookResult {
  plan: Plan | null;
  /** Every problem; warnings too (unknown columns). */
  issues: PlanIssue[];
}

/** The validator's problems as located issues: one per cell (a cell already reported is not repeated). */
function located(
  problems: PlanProblem[],
  at: Locations,
  issues: PlanIssue[],
  brokenSheets: Set<string>,
  skipTargets: boolean,
): void {
  const reported = new Set(issues.filter((i) => i.severity === "error").map((i) => `${i.sheet}!${i.cell}`));
  const sheetsWithErrors = new Set(issues.filter((i) => i.severity === "error").map((i) => i.sheet));
  const hadErrors = reported.size > 0;
  for (const p of problems) {
    const loc = at.find(p.path);
    if (loc && brokenSheets.has(loc.sheet)) continue;
    // A value with no cell is missing because of a problem already reported (a sheet or column missing).
    if (!loc && hadErrors) continue;
    if (loc && loc.cell === null && sheetsWithErrors.has(loc.sheet)) continue;
    // An indicator's target comes from the 目标 sheet: when that sheet is missing (reported), its
    // indicators' targets are not also each "not a number" at their code cell.
    if (skipTargets && /^indicators\[\d+\]\.(target|milestones)/.test(p.path)) continue;
    const key = `${loc?.sheet ?? null}!${loc?.cell ?? null}`;
    if (loc?.cell && reported.has(key)) continue;
    reported.add(key);
    const code =
      p.path.endsWith(".expr") || p.path.endsWith(".filter") || p.offset !== undefined
        ? "plan.expr"
        : "plan.invalid";
    issues.push(
      planIssue(
        code,
        { sheet: loc?.sheet ?? null, cell: loc?.cell ?? null, column: loc?.column ?? null },
        {
          header: loc?.header ?? loc?.sheet ?? p.path,
          value: loc?.cell ? loc.value : undefined,
          detail: p.message,
        },
      ),
    );
  }
}

/** Reads and compiles the workbook; `plan` is null when any error was found. */
/** The plan's 全域称谓 as the 规划 sheet states or implies it ("" while 地区 or 单位 cannot say). */
function wholeOf(o: Obj): string {
  if (typeof o.city !== "string" || !Array.isArray(o.units)) return "";
  return placeWords({ city: o.city, units: o.units as Unit[], words: o.words as Plan["words"] }).whole;
}

export function readPlanBook(book: WorkbookSnapshot): PlanBookResult {
  const issues: PlanIssue[] = [];
  const unclaimed = unclaimedSheets(book, ALL_SHEETS);
  const tables = ALL_SHEETS.map((s) => readTable(book, s, issues, unclaimed));
  const [head, units, chains, tiers, pops, inds, targets, forms, fields, options, rules, regionFigs] = tables;
  const brokenSheets = new Set(
    issues
      .filter((i) => i.severity === "error" && (i.cell === null || i.cell.includes(":")))
      .map((i) => i.sheet ?? ""),
  );
  const at = new Locations();
  const formDefs = compileForms({ forms, fields, options, rules }, issues, (i, k, row, r) => {
    for (const part of ["left", "right", "when"])
      at.set(`forms[${i}].enterprises.checks[${k}].${part}`, r, row, part);
  });
  const o: Obj = head ? readHead(head, at, issues) : {};
  if (units) o.units = readUnits(units, at, issues);
  if (chains) o.chains = readChains(chains, at, issues);
  const tierList = tiers ? readTiers(tiers, formDefs, at, issues) : undefined;
  if (tierList) o.tiers = tierList;
  const popList = pops ? readPopulations(pops, at, issues) : undefined;
  if (popList) o.populations = popList;
  const figList =
    regionFigs && regionFigs.rows.length > 0 ? readRegionFigures(regionFigs, at, issues) : undefined;
  if (figList) o.regionFigures = figList;
  const indList = inds ? readIndicators(inds, popList, wholeOf(o), at, issues) : [];
  o.indicators = indList;
  const endYear = typeof o.end === "string" && o.end ? Number(o.end.slice(0, 4)) : null;
  if (inds && targets)
    readTargets(
      targets,
      indList,
      inds.sheet,
      (i) => inds.rows[i].cells.code?.at ?? `A${inds.rows[i].row}`,
      endYear,
      at,
      issues,
    );
  o.forms = formDefs;
  if (inds && formDefs.length > 0)
    checkRegionFields(
      inds,
      indList,
      envOf(
        { tiers: [], populations: [], regionFigures: (figList ?? []) as unknown as RegionFigureDef[] },
        formDefs,
      ),
      formDefs[formDefs.length - 1],
      issues,
    );
  // The 产业链 sheet may be empty when no form field takes its options from the chain list.
  if (chains && chains.rows.length === 0 && formDefs.some((f) => f.enterprises.fields.some(isChainField)))
    issues.push(
      planIssue(
        "plan.rows_missing",
        { sheet: chains.sheet, cell: "A2" },
        { detail: `表单中有取自\u201c${CHAIN_LIST}\u201d列表的字段，须列出重点产业链` },
      ),
    );
  let plan: Plan | null = null;
  try {
    plan = validatePlan(o, formDefs);
  } catch (e) {
    if (!(e instanceof PlanSchemaError)) throw e;
    const exprChecked = e.details.some((d) => /\.(expr|filter)$/.test(d.path));
    const extra = exprChecked || formDefs.length === 0 ? [] : expressionProblems(o, formDefs);
    located([...e.details, ...extra], at, issues, brokenSheets, !targets || brokenSheets.has(targets.sheet));
  }
  if (issues.some((i) => i.severity === "error") || !head || !plan) {
    if (!plan && !issues.some((i) => i.severity === "error"))
      issues.push(planIssue("plan.invalid", { sheet: null }, { header: "规划", detail: "无法载入" }));
    return { plan: null, issues };
  }
  return { plan, issues };
}

/** The plan, or PlanBookError listing every problem. */
export function loadPlanBook(book: WorkbookSnapshot): Plan {
  const r = readPlanBook(book);
  if (!r.plan) throw new PlanBookError(r.issues);
  return r.plan;
}
