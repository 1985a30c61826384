// A plan from JSON: every field is checked, and each problem names its path (e.g.
// `indicators[3].target 必须是数字`), so a bureau editing the file can find it.
import { checkExpr, compileIndicator, compileRowExpr, ExprErrors } from "../expr/compile";
import { envOf } from "../expr/env";
import type { FormDef } from "../form/types";
import { isChainField } from "../form/lists";
import { DEFAULT_POPULATIONS, DEFAULT_TIERS } from "./default-plan";
import { formulaToExpr } from "./formula-expr";
import type { Plan } from "./types";
import { WORD_KEYS, wordProblem, type WordKey } from "./words";

/** One problem of a plan: where (a JSON path such as `indicators[3].target`), what, and for an expression
 * the character offset (0-based, in the expression's own text) it points at. */
export interface PlanProblem {
  path: string;
  message: string;
  offset?: number;
}

export class PlanSchemaError extends Error {
  /** `path message` per problem, as shown. */
  readonly problems: string[];
  constructor(readonly details: PlanProblem[]) {
    const problems = details.map((d) => `${d.path} ${d.message}`);
    super(`计划文件有误：${problems.join("；")}`);
    this.problems = problems;
  }
}

const UNIT_KINDS = ["district", "county", "zone", "prefecture", "city"];
const CMPS = [">", ">=", "~"];
const BASES = ["stock", "increase", "since_plan_start"];
/** Identifiers of tiers (lower case) and populations (any case) in expressions. */
const TIER_KEY = /^[a-z][a-z0-9_]*$/;
const POPULATION_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Caps that count data: a hostile plan file cannot make the reader loop without end. */
const MAX_TIERS = 50;
const MAX_POPULATIONS = 50;
const MAX_MILESTONES = 50;
const MAX_EXPR_LENGTH = 2000;
const KINDS = ["count", "rate"];
const POPULATIONS = ["SRDI", "INNO", "ALL"];
const YEAR_FIELDS = ["innovative_year", "provincial_srdi_year", "little_giant_year", "champion_year"];
const YES_NO_FIELDS = [
  "above_scale",
  "pool",
  "digital_mgmt",
  "digital_rd_tools",
  "transformation",
  "free_diagnosis",
  "integration_std",
  "smart_factory",
  "ip_standard",
  "jiangsu_quality",
  "ipo_reserve",
  "srdi_board",
  "listed",
];
const LIST_FIELDS = ["chain", "rd_institution", "cloud_star", "quality_award"];
const NUMBER_FIELDS = [
  "revenue",
  "main_revenue",
  "rd_expense",
  "patents",
  "invention_patents",
  "cnc_rate",
  "smart_workshops",
  "smart_workshops_new",
];
const HONOUR_YEAR_FIELDS = [
  "jiangsu_quality_year",
  "quality_award_year",
  "smart_factory_year",
  "cloud_star_year",
];
/** Nesting of `all` predicates a plan file may use: bounds the recursion on a hostile file. */
const MAX_PREDICATE_DEPTH = 4;

type Obj = Record<string, unknown>;

class Checker {
  readonly problems: PlanProblem[] = [];
  fail(path: string, msg: string, offset?: number): void {
    this.problems.push(offset === undefined ? { path, message: msg } : { path, message: msg, offset });
  }
  obj(v: unknown, path: string): Obj | null {
    if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Obj;
    this.fail(path, "必须是对象");
    return null;
  }
  arr(v: unknown, path: string, nonEmpty = false): unknown[] | null {
    if (!Array.isArray(v)) {
      this.fail(path, "必须是数组");
      return null;
    }
    if (nonEmpty && v.length === 0) this.fail(path, "不能为空");
    return v;
  }
  str(o: Obj, key: string, path: string, opts: { empty?: boolean } = {}): string {
    const v = o[key];
    const p = `${path}${key}`;
    if (typeof v !== "string") {
      this.fail(p, "必须是文字");
      return "";
    }
    if (!opts.empty && v.trim() === "") this.fail(p, "不能为空");
    return v;
  }
  num(o: Obj, key: string, path: string): number {
    const v = o[key];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.fail(`${path}${key}`, "必须是数字");
      return NaN;
    }
    return v;
  }
  oneOf(o: Obj, key: string, path: string, allowed: string[]): string {
    const v = o[key];
    if (typeof v !== "string" || !allowed.includes(v)) {
      this.fail(`${path}${key}`, `必须是 ${allowed.join(" / ")} 之一`);
      return "";
    }
    return v;
  }
  date(o: Obj, key: string, path: string): string {
    const v = this.str(o, key, path);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const ok =
      m !== null &&
      (() => {
        const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
        return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
      })();
    if (v && !ok) this.fail(`${path}${key}`, "必须是日期 YYYY-MM-DD");
    return v;
  }
  strings(o: Obj, key: string, path: string, nonEmpty = true): string[] {
    const a = this.arr(o[key], `${path}${key}`, nonEmpty);
    if (!a) return [];
    a.forEach((s, i) => {
      if (typeof s !== "string" || s.trim() === "") this.fail(`${path}${key}[${i}]`, "必须是非空文字");
    });
    return a.filter((s): s is string => typeof s === "string");
  }
  unique(values: string[], path: (i: number) => string, what: string): void {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (seen.has(v)) this.fail(path(i), `${what}\u201c${v}\u201d重复`);
      seen.add(v);
    });
  }
}

function predicate(c: Checker, v: unknown, path: string, depth = 0): void {
  const o = c.obj(v, path);
  if (!o) return;
  const p = `${path}.`;
  const op = c.oneOf(o, "op", p, ["recognised", "since", "all", "yes", "in", "notIn"]);
  if (op === "recognised") c.oneOf(o, "field", p, YEAR_FIELDS);
  else if (op === "since") c.oneOf(o, "field", p, HONOUR_YEAR_FIELDS);
  else if (op === "all") {
    if (depth >= MAX_PREDICATE_DEPTH) return c.fail(`${p}of`, `嵌套不能超过${MAX_PREDICATE_DEPTH}层`);
    const list = c.arr(o.of, `${p}of`, true) ?? [];
    list.slice(0, 50).forEach((q, i) => predicate(c, q, `${p}of[${i}]`, depth + 1));
  } else if (op === "yes") c.oneOf(o, "field", p, YES_NO_FIELDS);
  else if (op === "in" || op === "notIn") {
    c.oneOf(o, "field", p, LIST_FIELDS);
    c.strings(o, "values", p);
  }
}

function formula(c: Checker, v: unknown, path: string): void {
  const o = c.obj(v, path);
  if (!o) return;
  const p = `${path}.`;
  const type = c.oneOf(o, "type", p, [
    "count",
    "sum",
    "share",
    "ratioOfSums",
    "sumPerFirm",
    "mean",
    "shareOfRegion",
    "chainCoverage",
    "platformCount",
    "distinctPerFirm",
  ]);
  if (type && type !== "platformCount") c.oneOf(o, "population", p, POPULATIONS);
  switch (type) {
    case "count":
      if (o.where !== undefined) predicate(c, o.where, `${p}where`);
      break;
    case "share":
      predicate(c, o.where, `${p}where`);
      break;
    case "sum":
    case "sumPerFirm":
    case "mean":
      c.oneOf(o, "field", p, NUMBER_FIELDS);
      break;
    case "shareOfRegion":
      c.oneOf(o, "field", p, NUMBER_FIELDS);
      // Any region field: the expression written from it is checked against the plan's forms.
      if (!/^[a-z][a-z0-9_]*$/.test(c.str(o, "region", p))) c.fail(`${p}region`, "必须是区域数据的字段键");
      if (o.where !== undefined) predicate(c, o.where, `${p}where`);
      break;
    case "ratioOfSums":
      c.oneOf(o, "numerator", p, NUMBER_FIELDS);
      c.oneOf(o, "denominator", p, NUMBER_FIELDS);
      break;
    case "platformCount":
      c.strings(o, "kinds", p);
      c.strings(o, "levels", p);
      break;
    case "distinctPerFirm":
      c.oneOf(o, "field", p, ["service_officer"]);
      break;
  }
}

function unit(c: Checker, v: unknown, path: string): void {
  const o = c.obj(v, path);
  if (!o) return;
  const p = `${path}.`;
  c.str(o, "code", p);
  c.str(o, "name", p);
  c.oneOf(o, "kind", p, UNIT_KINDS);
}

/** `words`: each a short one-line text the place is called by (plan/words.ts); unknown keys refused. */
function words(c: Checker, v: unknown): void {
  const o = c.obj(v, "words");
  if (!o) return;
  for (const k of Object.keys(o).slice(0, 50)) {
    if (!(WORD_KEYS as readonly string[]).includes(k)) {
      c.fail(`words.${k}`, `不是可用的称谓(可用：${WORD_KEYS.join("、")})`);
      continue;
    }
    const w = c.str(o, k, "words.", { empty: true });
    const problem = wordProblem(k as WordKey, w.trim());
    if (problem) c.fail(`words.${k}`, problem);
  }
}

/** Milestones: ascending unique years within the plan, the last at the plan's end with the end target. */
function milestones(c: Checker, o: Obj, p: string, target: number, years: PlanYears): void {
  const list = c.arr(o.milestones, `${p}milestones`, true);
  if (!list) return;
  if (list.length > MAX_MILESTONES) return c.fail(`${p}milestones`, `不能超过${MAX_MILESTONES}个`);
  let prev = -Infinity;
  list.forEach((m, i) => {
    const mp = `${p}milestones[${i}]`;
    const mo = c.obj(m, mp);
    if (!mo) return;
    const year = c.num(mo, "year", `${mp}.`);
    const t = c.num(mo, "target", `${mp}.`);
    if (Number.isFinite(year)) {
      if (!Number.isInteger(year) || (years && (year < years.start || year > years.end)))
        c.fail(`${mp}.year`, years ? `必须是计划期内的年份(${years.start}—${years.end})` : "必须是年份");
      else if (year <= prev) c.fail(`${mp}.year`, "必须按年份从小到大排列且不重复");
      prev = year;
    }
    if (i === list.length - 1 && Number.isFinite(t) && Number.isFinite(target)) {
      if (t !== target) c.fail(`${mp}.target`, `最后一个节点目标必须等于 target(${target})`);
      if (years && Number.isFinite(year) && year !== years.end)
        c.fail(`${mp}.year`, `最后一个节点必须是计划末年(${years.end})`);
    }
  });
}

/** The plan's first and last year, null when its dates are not readable. */
type PlanYears = { start: number; end: number } | null;

function indicator(c: Checker, v: unknown, path: string, years: PlanYears): void {
  const o = c.obj(v, path);
  if (!o) return;
  const p = `${path}.`;
  const code = c.str(o, "code", p);
  if (code && !/^[a-z][a-z0-9_]*$/.test(code)) c.fail(`${p}code`, "只能由小写字母、数字和下划线组成");
  c.str(o, "name", p);
  c.str(o, "section", p, { empty: true });
  const target = c.num(o, "target", p);
  if (target < 0 && o.basis !== "increase") c.fail(`${p}target`, "不能为负数");
  c.str(o, "unit", p, { empty: true });
  c.oneOf(o, "cmp", p, CMPS);
  c.oneOf(o, "kind", p, KINDS);
  // The computation: an expression (issue 17), or the structured formula of older plan files.
  if (o.expr !== undefined || o.formula === undefined) {
    const e = c.str(o, "expr", p);
    if (e.length > MAX_EXPR_LENGTH) c.fail(`${p}expr`, `不能超过${MAX_EXPR_LENGTH}个字符`);
  }
  if (o.formula !== undefined) formula(c, o.formula, `${p}formula`);
  c.str(o, "computation", p, { empty: true });
  if (o.basis !== undefined) c.oneOf(o, "basis", p, BASES);
  if (o.base !== undefined && o.base !== null) c.num(o, "base", p);
  if (o.annualIncrease !== undefined && o.annualIncrease !== null) c.num(o, "annualIncrease", p);
  if (o.source !== undefined) c.str(o, "source", p, { empty: true });
  if (o.relativeTo !== undefined && o.relativeTo !== null) {
    c.str(o, "relativeTo", p);
    if (o.unit !== "百分点")
      c.fail(`${p}unit`, "有\u201c对比\u201d的指标按百分点计，单位须为\u201c百分点\u201d");
  }
  if (o.milestones !== undefined) milestones(c, o, p, target, years);
  loadTimeTruth(c, o, p);
  // Added with form version 2; a plan file written before then gets the defaults (filled by withDefaults).
  if (o.population !== undefined && o.expr === undefined)
    c.oneOf(o, "population", p, ["srdi", "inno", "all"]);
  if (o.measure !== undefined) c.oneOf(o, "measure", p, ["stock", "since_plan_start"]);
  if (o.scope !== undefined) c.oneOf(o, "scope", p, ["unit", "city_only"]);
  const f = o.formula as Obj | undefined;
  if (f !== undefined) {
    const fpop = typeof f?.population === "string" ? f.population.toLowerCase() : "all";
    if (typeof o.population === "string" && o.population !== fpop && f?.type !== "platformCount")
      c.fail(`${p}population`, `必须与 formula.population 一致(${fpop})`);
  } else if (o.population !== undefined) c.str(o, "population", p);
}

/** What a rate's target typed as a percentage would be read as: 7 for 7 % is 700 %. */
const PERCENT_HINT = (v: number) =>
  `比率按小数填写：${v}% 应填 ${Math.round(v * 1e6) / 1e8}(否则读作 ${Math.round(v * 100)}%)`;

/**
 * Values that would load and then not work (issue 25 item 3): a 年均增加 with no 基期值 to start from
 * (a round before the first milestone would be measured against the end target), and a percentage target
 * typed in percent points (7 for 7 %).
 */
function loadTimeTruth(c: Checker, o: Obj, p: string): void {
  const annual = o.annualIncrease;
  if (typeof annual === "number" && (o.base === undefined || o.base === null))
    c.fail(`${p}annualIncrease`, "年均增加从基期值起算，须同时填写本行的基期值");
  if (o.unit !== "%") return;
  const over = (v: unknown) => typeof v === "number" && Number.isFinite(v) && Math.abs(v) > 1;
  if (Array.isArray(o.milestones))
    o.milestones.forEach((m, i) => {
      const t = (m as Obj | null)?.target;
      if (over(t)) c.fail(`${p}milestones[${i}].target`, PERCENT_HINT(t as number));
    });
  else if (over(o.target)) c.fail(`${p}target`, PERCENT_HINT(o.target as number));
  if (over(o.base)) c.fail(`${p}base`, PERCENT_HINT(o.base as number));
  if (over(annual)) c.fail(`${p}annualIncrease`, PERCENT_HINT(annual as number));
}

const TIERS = ["innovative", "provincial_srdi", "little_giant", "champion"] as const;
const DEFAULT_VALIDITY = 3;

function validity(c: Checker, v: unknown): void {
  if (v === undefined) return;
  const o = c.obj(v, "validityYears");
  if (!o) return;
  for (const t of TIERS) {
    if (o[t] === undefined) continue;
    const n = c.num(o, t, "validityYears.");
    if (Number.isFinite(n) && (n < 1 || n > 100 || !Number.isInteger(n)))
      c.fail(`validityYears.${t}`, "必须是1到100之间的整数");
  }
}

function tiers(c: Checker, v: unknown): void {
  if (v === undefined) return;
  const list = c.arr(v, "tiers", true);
  if (!list) return;
  if (list.length > MAX_TIERS) return c.fail("tiers", `不能超过${MAX_TIERS}个`);
  list.forEach((t, i) => {
    const p = `tiers[${i}]`;
    const o = c.obj(t, p);
    if (!o) return;
    const key = c.str(o, "key", `${p}.`);
    if (key && !TIER_KEY.test(key)) c.fail(`${p}.key`, "只能由小写字母、数字和下划线组成，以字母开头");
    c.str(o, "yearField", `${p}.`);
    const n = c.num(o, "validityYears", `${p}.`);
    if (Number.isFinite(n) && (n < 1 || n > 100 || !Number.isInteger(n)))
      c.fail(`${p}.validityYears`, "必须是1到100之间的整数");
    const names = c.arr(o.names, `${p}.names`, true) ?? [];
    let prev = -Infinity;
    names.slice(0, MAX_MILESTONES).forEach((nm, j) => {
      const np = `${p}.names[${j}]`;
      const no = c.obj(nm, np);
      if (!no) return;
      c.str(no, "name", `${np}.`);
      if (no.from !== undefined) {
        const y = c.num(no, "from", `${np}.`);
        if (Number.isFinite(y) && (!Number.isInteger(y) || y <= prev))
          c.fail(`${np}.from`, "必须是年份，且按从早到晚排列");
        prev = y;
      } else if (j > 0) c.fail(`${np}.from`, "除第一个名称外必须给出启用年份");
    });
  });
  c.unique(field(list, "key"), (i) => `tiers[${i}].key`, "梯度代码");
}

function populations(c: Checker, v: unknown): void {
  if (v === undefined) return;
  const list = c.arr(v, "populations", true);
  if (!list) return;
  if (list.length > MAX_POPULATIONS) return c.fail("populations", `不能超过${MAX_POPULATIONS}个`);
  list.forEach((x, i) => {
    const p = `populations[${i}]`;
    const o = c.obj(x, p);
    if (!o) return;
    const name = c.str(o, "name", `${p}.`);
    if (name && !POPULATION_NAME.test(name)) c.fail(`${p}.name`, "只能由字母、数字和下划线组成，以字母开头");
    c.str(o, "label", `${p}.`);
    const f = c.str(o, "filter", `${p}.`, { empty: true });
    if (f.length > MAX_EXPR_LENGTH) c.fail(`${p}.filter`, `不能超过${MAX_EXPR_LENGTH}个字符`);
  });
  c.unique(field(list, "name"), (i) => `populations[${i}].name`, "企业范围名称");
}

/** Region figures the bureau types (plan/types.ts RegionFigureDef): a key not also a form's region cell. */
function regionFigures(c: Checker, v: unknown, forms: readonly FormDef[]): void {
  const list = c.arr(v, "regionFigures");
  if (!list) return;
  if (list.length > MAX_POPULATIONS) return c.fail("regionFigures", `不能超过${MAX_POPULATIONS}个`);
  const formKeys = new Set(forms.flatMap((f) => f.region.cells.map((x) => x.key)));
  list.forEach((x, i) => {
    const p = `regionFigures[${i}]`;
    const o = c.obj(x, p);
    if (!o) return;
    const key = c.str(o, "key", `${p}.`);
    if (key && !TIER_KEY.test(key)) c.fail(`${p}.key`, "只能由小写字母、数字和下划线组成，以字母开头");
    else if (formKeys.has(key))
      c.fail(`${p}.key`, "与表单区域指标中的字段同名(各地报表已填报它，无需在此列出)");
    c.str(o, "label", `${p}.`);
    c.oneOf(o, "type", `${p}.`, ["decimal", "percent"]);
  });
  c.unique(field(list, "key"), (i) => `regionFigures[${i}].key`, "区域数据键");
}

/** The plan with the fields an older plan file may lack set to their defaults, derived fields filled. */
function withDefaults(o: Obj): Plan {
  const inds = (o.indicators as Obj[]).map((ind) => {
    const f = ind.formula as Obj | undefined;
    const fpop = typeof f?.population === "string" ? f.population.toLowerCase() : "all";
    const measure = (ind.basis === "since_plan_start" ? "since_plan_start" : (ind.measure ?? "stock")) as
      "stock" | "since_plan_start";
    const basis = ind.basis ?? measure;
    return {
      ...ind,
      expr: ind.expr ?? formulaToExpr(f as never, measure),
      // Without a formula, the population comes from the expression (set by expressions()).
      population: ind.population ?? (f ? fpop : undefined),
      measure: basis === "since_plan_start" ? "since_plan_start" : basis === "increase" ? "stock" : measure,
      basis,
      scope: ind.scope ?? "unit",
    };
  });
  const v = (o.validityYears ?? {}) as Obj;
  const tierList =
    (o.tiers as Plan["tiers"] | undefined) ??
    DEFAULT_TIERS.map((t) => ({
      ...t,
      names: t.names.map((n) => ({ ...n })),
      validityYears: (v[t.key] as number | undefined) ?? DEFAULT_VALIDITY,
    }));
  const validityYears = o.tiers
    ? Object.fromEntries(tierList.map((t) => [t.key, t.validityYears]))
    : Object.fromEntries(TIERS.map((t) => [t, v[t] ?? DEFAULT_VALIDITY]));
  const pops =
    (o.populations as Plan["populations"] | undefined) ?? DEFAULT_POPULATIONS.map((x) => ({ ...x }));
  return { ...o, indicators: inds, validityYears, tiers: tierList, populations: pops } as unknown as Plan;
}

/** The string values of `key` in each element, by index; a non-string gets a unique stand-in so it never "duplicates". */
function field(items: unknown[], key: string): string[] {
  return items.map((x, i) => {
    const v = typeof x === "object" && x !== null ? (x as Obj)[key] : undefined;
    return typeof v === "string" ? v : `\u0000${i}`;
  });
}

/**
 * Every expression of the plan parsed and type-checked against the forms' fields and the plan's tiers and
 * populations; each error keeps its character offset. An indicator without a population gets the one its
 * expression counts over.
 */
function expressions(c: Checker, plan: Plan, forms: readonly FormDef[]): void {
  const env = envOf(plan, forms);
  plan.tiers.forEach((t, i) => {
    const f = env.enterprise.find((x) => x.key === t.yearField);
    if (!f || f.type !== "year")
      c.fail(`tiers[${i}].yearField`, `\u201c${t.yearField}\u201d不是企业名录中的年份字段`);
  });
  plan.populations.forEach((p, i) => {
    for (const e of checkExpr(p.filter, "filter", env))
      c.fail(`populations[${i}].filter`, e.message, e.offset);
  });
  // The forms' expression rules (校验规则 with prev(), 成立 or 适用条件), each against its own version.
  forms.forEach((f, fi) => {
    const fenv = (f.enterprises.checks ?? []).length ? envOf(plan, [f]) : env;
    (f.enterprises.checks ?? []).forEach((rule, k) => {
      const parts: [string, string | undefined, "number" | "condition"][] = [
        ["left", rule.left, rule.op === "holds" ? "condition" : "number"],
        ["right", rule.op === "holds" ? undefined : rule.right, "number"],
        ["when", rule.when, "condition"],
      ];
      for (const [part, text, want] of parts) {
        if (text === undefined || text === "") continue;
        try {
          compileRowExpr(text, fenv, want);
        } catch (e) {
          if (!(e instanceof ExprErrors)) throw e;
          for (const x of e.errors)
            c.fail(`forms[${fi}].enterprises.checks[${k}].${part}`, x.message, x.offset);
        }
      }
    });
  });
  plan.indicators.forEach((ind, i) => {
    // A relative target's figure: a region field of the forms or the plan's 区域数据, stored by its key.
    if (ind.relativeTo) {
      const name = ind.relativeTo;
      const f =
        env.region.find((x) => x.key === name) ??
        env.region.find((x) => x.header === name || x.header.replace(/[(（][^()（）]*[)）]$/, "") === name);
      if (!f)
        c.fail(
          `indicators[${i}].relativeTo`,
          `区域数据中没有\u201c${name}\u201d(须在规划的区域数据工作表列出)`,
        );
      else if (f.type !== "number") c.fail(`indicators[${i}].relativeTo`, `\u201c${name}\u201d不是数值`);
      else ind.relativeTo = f.key;
    }
    try {
      const compiled = compileIndicator(ind.expr, env);
      if ((ind.population as string | undefined) === undefined)
        ind.population = compiled.trace?.population?.toLowerCase() ?? "all";
    } catch (e) {
      if (!(e instanceof ExprErrors)) throw e;
      for (const x of e.errors) c.fail(`indicators[${i}].expr`, x.message, x.offset);
    }
  });
}

/**
 * Checks an already parsed value; returns the plan or throws PlanSchemaError listing every problem.
 * `forms`: the plan's form versions, whose fields the expressions may use; they become the plan's forms.
 */
export function validatePlan(value: unknown, forms: readonly FormDef[]): Plan {
  const c = new Checker();
  const o = c.obj(value, "(根)");
  if (!o) throw new PlanSchemaError(c.problems);
  c.str(o, "id", "");
  c.str(o, "title", "");
  c.str(o, "city", "");
  const start = c.date(o, "start", "");
  const end = c.date(o, "end", "");
  c.date(o, "baseDate", "");
  if (start && end && start >= end) c.fail("end", "必须晚于 start");
  const units = c.arr(o.units, "units", true) ?? [];
  units.forEach((u, i) => unit(c, u, `units[${i}]`));
  c.unique(field(units, "code"), (i) => `units[${i}].code`, "单位代码");
  c.unique(field(units, "name"), (i) => `units[${i}].name`, "单位名称");
  // The chain list may be empty when no form field takes its options from it (form/lists.ts).
  const chains = c.strings(
    o,
    "chains",
    "",
    forms.some((f) => f.enterprises.fields.some(isChainField)),
  );
  chains.forEach((ch, i) => {
    if (ch.trim() === "其他")
      c.fail(`chains[${i}]`, "不能是\u201c其他\u201d(模板会自动加上\u201c其他\u201d)");
  });
  c.unique(chains, (i) => `chains[${i}]`, "产业链");
  c.str(o, "chainsNote", "", { empty: true });
  const years: PlanYears =
    start && end && start < end ? { start: Number(start.slice(0, 4)), end: Number(end.slice(0, 4)) } : null;
  const inds = c.arr(o.indicators, "indicators", true) ?? [];
  inds.forEach((ind, i) => indicator(c, ind, `indicators[${i}]`, years));
  c.unique(field(inds, "code"), (i) => `indicators[${i}].code`, "指标代码");
  validity(c, o.validityYears);
  tiers(c, o.tiers);
  populations(c, o.populations);
  if (o.regionFigures !== undefined) regionFigures(c, o.regionFigures, forms);
  if (o.document !== undefined) c.str(o, "document", "", { empty: true });
  if (o.words !== undefined) words(c, o.words);
  if (c.problems.length) throw new PlanSchemaError(c.problems);
  if (forms.length === 0) c.fail("forms", "计划没有表单：须有表单工作表及其字段");
  if (c.problems.length) throw new PlanSchemaError(c.problems);
  const plan = { ...withDefaults(o), forms: [...forms] };
  expressions(c, plan, forms);
  if (c.problems.length) throw new PlanSchemaError(c.problems);
  return plan;
}

/**
 * Parses and checks a plan JSON text. The JSON format names no forms (it predates forms as data): the
 * caller gives the versions its fields are read with.
 */
export function loadPlanJson(text: string, forms: readonly FormDef[]): Plan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new PlanSchemaError([{ path: "(根)", message: `不是有效的JSON：${(e as Error).message}` }]);
  }
  return validatePlan(value, forms);
}
