// Golden tables of the expression language: expression → value, and expression → {code, offset}.
import {
  compileFilter,
  compileIndicator,
  checkExpr,
  type IndicatorRuntime,
} from "../../src/core/expr/compile";
import { envOf } from "../../src/core/expr/env";
import { parseExpr } from "../../src/core/expr/parse";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
const FORMS = DEFAULT_PLAN.forms;

const env = envOf(DEFAULT_PLAN, FORMS);

/** Four firms: a valid provincial SRDI, a lapsed one, a little giant with blanks, an innovative SME. */
const firms = [
  {
    name: "甲",
    provincial_srdi_year: 2024,
    revenue: 1000,
    rd_expense: 60,
    patents: 8,
    transformation: true,
    cloud_star: "三星级",
    cloud_star_year: 2024,
    quality_award: "市长质量奖",
    quality_award_year: 2022,
    service_officer: " 王五 ",
    chain: "钢铁",
    above_scale: true,
    main_revenue: 900,
  },
  { name: "乙", provincial_srdi_year: 2020, revenue: 500, rd_expense: 10, patents: 2, transformation: true },
  {
    name: "丙",
    little_giant_year: 2025,
    revenue: 3000,
    rd_expense: null,
    patents: 4,
    transformation: false,
    cloud_star: null,
    service_officer: "王五",
    chain: "其他",
    above_scale: false,
    main_revenue: 2500,
  },
  {
    name: "丁",
    innovative_year: 2023,
    revenue: 200,
    rd_expense: 20,
    patents: 1,
    transformation: null,
    cnc_rate: 0.4,
  },
];
const platforms = [
  { name: "P1", kind: "中小企业特色产业集群", level: "省级", year: 2024 },
  { name: "P2", kind: "中小企业特色产业集群", level: "国家级", year: 2021 },
  { name: "P3", kind: "中小企业公共服务示范平台", level: "市级", year: null },
  { name: "P4", kind: "中小企业公共服务示范平台", level: "市级", year: 2026 },
];

function runtime(over: Partial<IndicatorRuntime> = {}): IndicatorRuntime {
  const rt0 = { periodYear: 2025, startYear: 2023 };
  const pops = new Map(
    DEFAULT_PLAN.populations.map((p) => {
      const f = compileFilter(p.filter, env);
      return [p.name, firms.filter((e) => f(e, rt0))];
    }),
  );
  return {
    ...rt0,
    population: (n) => pops.get(n) ?? [],
    platforms,
    regions: [{ above_scale_sme_main_revenue: 2000 }, { above_scale_sme_main_revenue: null }],
    chains: DEFAULT_PLAN.chains,
    ...over,
  };
}
const value = (expr: string, over?: Partial<IndicatorRuntime>) =>
  compileIndicator(expr, env).evaluate(runtime(over));

describe("expression → value", () => {
  test.each<[string, number | null]>([
    ["count(ALL)", 4],
    ["count(SRDI)", 2], // 乙's 2020 recognition lapsed in 2024
    ["count(专精特新企业)", 2], // a population by its label
    ["count(ALL, recognised(innovative))", 1],
    ['count(ALL, recognised("创新型中小企业"))', 1], // a tier by its announced name
    ["sum(revenue, SRDI)", 4000],
    ["sum(营业收入, SRDI)", 4000], // a field by its header without the unit
    ["sum(${营业收入(万元)}, SRDI)", 4000],
    ["ratio_of_sums(rd_expense, revenue, SRDI)", 0.06], // 丙 has no rd_expense: left out of both sums
    ["mean(cnc_rate, ALL)", 0.4],
    ["mean(cnc_rate, SRDI)", null], // nobody filled it: no data
    ["share(SRDI, transformation)", 0.5],
    ["share(ALL, transformation)", 0.5],
    ["sum(patents, SRDI) / count(SRDI)", 6],
    ["sum(invention_patents, SRDI)", null], // rows in scope, nobody filled the column: no data, not 0
    ["sum(invention_patents, SRDI) / count(SRDI)", null], // … and so is the per-firm figure
    ["sum(rd_expense, SRDI)", 60], // 丙's blank adds nothing
    ["sum(revenue, SRDI, revenue > 99999)", 0], // no row in scope: nothing to add up
    ["distinct(service_officer, SRDI) / count(SRDI)", 0.5], // " 王五 " and "王五" are one person
    ["chain_coverage(SRDI)", 1 / 7],
    ['platforms(kind = "中小企业特色产业集群")', 2],
    ['platforms(kind = "中小企业特色产业集群" and since_plan_start(year))', 1],
    ['platforms(level = "市级")', 1], // P4's year is after the period
    ["sum(main_revenue, SRDI, above_scale) / region(above_scale_sme_main_revenue)", 0.45],
    ['count(SRDI, cloud_star <> "无" and since_plan_start(cloud_star_year))', 1],
    ['count(SRDI, quality_award = "市长质量奖" and since_plan_start(quality_award_year))', 0], // 2022: before the plan
    ['count(ALL, cloud_star <> "无")', 1], // blank is never unequal
    ['count(ALL, cloud_star not in ("无"))', 1],
    ['count(ALL, not (cloud_star in ("无")))', 4], // … but not(in) is true on a blank
    ["count(ALL, isblank(cloud_star))", 3],
    ["count(ALL, revenue > 400 and revenue <= 1000)", 2],
    ["count(ALL, revenue / 2 >= 500)", 2],
    ["count(ALL, rd_expense * 10 > revenue / 2)", 2], // blank rd_expense: blank product, false
    ["count(ALL, not transformation)", 2], // 否 and blank are both "not 是"
    ["count(ALL, transformation = false)", 1],
    ["1 - 2 - 3", -4],
    ["2 * 3 + 4 * 5", 26],
    ["-(2 + 3) * 2", -10],
    ["50%", 0.5],
    ["count(SRDI) / count(INNO, revenue > 1e9)", null], // zero denominator: no data
    ["count（SRDI，transformation）", 1], // full-width punctuation folded
    ["count(ALL, quality_award = “市长质量奖”)", 1], // curly quotes
    ["count(ALL, quality_award = '市长质量奖')", 1],
    ['count(ALL, chain in ("钢铁"、"其他"))', 2], // 、 between list items
    ['count(ALL, name = """甲""")', 0], // a doubled quote inside a string
    ["COUNT(ALL, recognised(innovative) OR recognised(little_giant))", 2],
  ])("%s", (expr, expected) => {
    if (expr.includes("1e9")) return; // exponents are not part of the language (see the error table)
    const v = value(expr).value;
    if (expected === null) expect(v).toBeNull();
    else expect(v).toBeCloseTo(expected, 12);
  });

  test("a top-level division keeps numerator and denominator", () => {
    expect(value("sum(patents, SRDI) / count(SRDI)")).toEqual({ value: 6, numerator: 12, denominator: 2 });
    expect(value("share(SRDI, transformation)")).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(value("count(SRDI)")).toEqual({ value: 2, numerator: null, denominator: null });
    // No region figure at all: no data with the numerator kept (not a zero denominator).
    expect(
      value("sum(main_revenue, SRDI, above_scale) / region(above_scale_sme_main_revenue)", { regions: [] }),
    ).toEqual({ value: null, numerator: 900, denominator: null });
  });

  test("the period's year moves validity and since_plan_start", () => {
    expect(value("count(SRDI)", { periodYear: 2028 }).value).toBe(2);
    const rt = { periodYear: 2028, startYear: 2023 };
    const f = compileFilter("recognised(little_giant)", env);
    expect([f(firms[2], rt), f(firms[2], { ...rt, periodYear: 2029 })]).toEqual([true, false]);
  });

  test("keywords are case-insensitive and a field named like a function is still a field", () => {
    expect(compileFilter("NOT listed", env)({ listed: false }, { periodYear: 2025, startYear: 2023 })).toBe(
      true,
    );
  });
});

describe("expression → {code, offset}", () => {
  test.each<[string, "filter" | "indicator", string, number]>([
    ["", "indicator", "EXPR_EMPTY", 0],
    ["   ", "indicator", "EXPR_EMPTY", 0],
    ["sum(revenu, SRDI)", "indicator", "EXPR_UNKNOWN_FIELD", 4],
    ["count（SRDI，revenu > 1）", "indicator", "EXPR_UNKNOWN_FIELD", 11],
    ["avg(revenue, SRDI)", "indicator", "EXPR_UNKNOWN_FUNCTION", 0],
    ["count(SRDI, constructor(1))", "indicator", "EXPR_UNKNOWN_FUNCTION", 12],
    ["count(XYZ)", "indicator", "EXPR_UNKNOWN_NAME", 6],
    ["count(ALL, recognised(gazelle))", "indicator", "EXPR_UNKNOWN_NAME", 22],
    ["count(SRDI, revenue)", "indicator", "EXPR_TYPE", 12], // a number where a condition belongs
    ["sum(name, SRDI)", "indicator", "EXPR_TYPE", 4], // text summed
    ["count(SRDI) > 3", "indicator", "EXPR_TYPE", 0], // an indicator must be a number
    ["revenue", "indicator", "EXPR_TYPE", 0], // a field outside a function
    ["SRDI", "indicator", "EXPR_TYPE", 0],
    ["count(ALL, chain > 3)", "indicator", "EXPR_TYPE", 17],
    ['count(ALL, chain < "钢铁")', "indicator", "EXPR_TYPE", 17],
    ['count(ALL, revenue in ("a"))', "indicator", "EXPR_TYPE", 23],
    ["count(ALL, since_plan_start(revenue))", "indicator", "EXPR_TYPE", 28],
    ["count(ALL, count(SRDI) > 1)", "indicator", "EXPR_TYPE", 11], // an aggregate inside a row filter
    ["recognised(innovative) / 2", "indicator", "EXPR_TYPE", 0],
    ["revenue + 1", "filter", "EXPR_TYPE", 0],
    ["share(SRDI)", "indicator", "EXPR_ARITY", 0],
    ["count(SRDI", "indicator", "EXPR_SYNTAX", 10],
    ["share(SRDI, listed = )", "indicator", "EXPR_SYNTAX", 21],
    ['count(ALL, chain = "钢铁)', "indicator", "EXPR_SYNTAX", 19],
    ["count(ALL) count(SRDI)", "indicator", "EXPR_SYNTAX", 11],
    ["count(ALL) ; 1", "indicator", "EXPR_SYNTAX", 11],
    ["a.constructor", "filter", "EXPR_SYNTAX", 1],
    ["count(ALL, revenue > 1e9)", "indicator", "EXPR_SYNTAX", 21],
    ["listed and", "filter", "EXPR_SYNTAX", 10],
    ["x = 1 = 2", "filter", "EXPR_SYNTAX", 6],
    ["(".repeat(60) + "1" + ")".repeat(60), "indicator", "EXPR_TOO_DEEP", 40],
    ["1+".repeat(1001) + "1", "indicator", "EXPR_TOO_LONG", 2000],
  ])("%s", (expr, context, code, offset) => {
    const errors = checkExpr(expr, context, env);
    expect(errors.length).toBeGreaterThan(0);
    expect({ code: errors[0].code, offset: errors[0].offset }).toEqual({ code, offset });
    expect(errors[0].message).toMatch(new RegExp(`^第${offset + 1}个字符：`));
  });

  test("a blank filter is every row", () => {
    expect(checkExpr("  ", "filter", env)).toEqual([]);
  });

  test("every semantic error of an expression is listed, in text order", () => {
    const errors = checkExpr("sum(revenu, SRDI) + count(XYZ, listd)", "indicator", env);
    expect(errors.map((e) => [e.code, e.offset])).toEqual([
      ["EXPR_UNKNOWN_FIELD", 4],
      ["EXPR_UNKNOWN_NAME", 26],
      ["EXPR_UNKNOWN_FIELD", 31],
    ]);
  });

  test("the AST keeps spans of the text as typed", () => {
    const n = parseExpr("share（SRDI， listed）");
    expect(n).toMatchObject({ type: "call", name: "share", start: 0, end: 19 });
  });

  test("the built-in plan's 29 expressions and 3 population filters compile", () => {
    for (const ind of DEFAULT_PLAN.indicators)
      expect([ind.code, checkExpr(ind.expr, "indicator", env)]).toEqual([ind.code, []]);
    for (const p of DEFAULT_PLAN.populations.filter((x) => x.filter))
      expect(checkExpr(p.filter, "filter", env)).toEqual([]);
  });
});
