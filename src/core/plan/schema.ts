// A plan from JSON: every field is checked, and each problem names its path (e.g.
// `indicators[3].target 必须是数字`), so a bureau editing the file can find it.
import type { Plan } from "./types";

export class PlanSchemaError extends Error {
  constructor(readonly problems: string[]) {
    super(`计划文件有误：${problems.join("；")}`);
  }
}

const UNIT_KINDS = ["district", "county", "zone"];
const CMPS = [">", ">=", "~"];
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
const REGION_FIELDS = ["above_scale_sme_main_revenue"];

type Obj = Record<string, unknown>;

class Checker {
  readonly problems: string[] = [];
  fail(path: string, msg: string): void {
    this.problems.push(`${path} ${msg}`);
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
      c.oneOf(o, "region", p, REGION_FIELDS);
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

function indicator(c: Checker, v: unknown, path: string): void {
  const o = c.obj(v, path);
  if (!o) return;
  const p = `${path}.`;
  const code = c.str(o, "code", p);
  if (code && !/^[a-z][a-z0-9_]*$/.test(code)) c.fail(`${p}code`, "只能由小写字母、数字和下划线组成");
  c.str(o, "name", p);
  c.str(o, "section", p, { empty: true });
  const target = c.num(o, "target", p);
  if (target < 0) c.fail(`${p}target`, "不能为负数");
  c.str(o, "unit", p, { empty: true });
  c.oneOf(o, "cmp", p, CMPS);
  c.oneOf(o, "kind", p, KINDS);
  formula(c, o.formula, `${p}formula`);
  c.str(o, "computation", p, { empty: true });
  // Added with form version 2; a plan file written before then gets the defaults (filled by withDefaults).
  if (o.population !== undefined) c.oneOf(o, "population", p, ["srdi", "inno", "all"]);
  if (o.measure !== undefined) c.oneOf(o, "measure", p, ["stock", "since_plan_start"]);
  if (o.scope !== undefined) c.oneOf(o, "scope", p, ["unit", "city_only"]);
  const f = o.formula as Obj | undefined;
  const fpop = typeof f?.population === "string" ? f.population.toLowerCase() : "all";
  if (typeof o.population === "string" && o.population !== fpop && f?.type !== "platformCount")
    c.fail(`${p}population`, `必须与 formula.population 一致(${fpop})`);
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

/** The plan with the fields a version-1 plan file may lack set to their defaults. */
function withDefaults(o: Obj): Plan {
  const inds = (o.indicators as Obj[]).map((ind) => {
    const f = ind.formula as Obj;
    const pop = typeof f.population === "string" ? f.population.toLowerCase() : "all";
    return {
      ...ind,
      population: ind.population ?? pop,
      measure: ind.measure ?? "stock",
      scope: ind.scope ?? "unit",
    };
  });
  const v = (o.validityYears ?? {}) as Obj;
  const validityYears = Object.fromEntries(TIERS.map((t) => [t, v[t] ?? DEFAULT_VALIDITY]));
  return { ...o, indicators: inds, validityYears } as unknown as Plan;
}

/** The string values of `key` in each element, by index; a non-string gets a unique stand-in so it never "duplicates". */
function field(items: unknown[], key: string): string[] {
  return items.map((x, i) => {
    const v = typeof x === "object" && x !== null ? (x as Obj)[key] : undefined;
    return typeof v === "string" ? v : `\u0000${i}`;
  });
}

/** Checks an already parsed value; returns the plan or throws PlanSchemaError listing every problem. */
export function validatePlan(value: unknown): Plan {
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
  const chains = c.strings(o, "chains", "");
  chains.forEach((ch, i) => {
    if (ch.trim() === "其他")
      c.fail(`chains[${i}]`, "不能是\u201c其他\u201d(模板会自动加上\u201c其他\u201d)");
  });
  c.unique(chains, (i) => `chains[${i}]`, "产业链");
  c.str(o, "chainsNote", "", { empty: true });
  const inds = c.arr(o.indicators, "indicators", true) ?? [];
  inds.forEach((ind, i) => indicator(c, ind, `indicators[${i}]`));
  c.unique(field(inds, "code"), (i) => `indicators[${i}].code`, "指标代码");
  validity(c, o.validityYears);
  if (c.problems.length) throw new PlanSchemaError(c.problems);
  return withDefaults(o);
}

/** Parses and checks a plan JSON text. */
export function loadPlanJson(text: string): Plan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new PlanSchemaError([`不是有效的JSON：${(e as Error).message}`]);
  }
  return validatePlan(value);
}
