import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { formulaToExpr } from "../../src/core/plan/formula-expr";
import { loadPlanJson, PlanSchemaError, validatePlan } from "../../src/core/plan/schema";

const clone = () => JSON.parse(JSON.stringify(DEFAULT_PLAN));

test("the built-in plan survives JSON and validation unchanged", () => {
  expect(loadPlanJson(JSON.stringify(DEFAULT_PLAN), DEFAULT_PLAN.forms)).toEqual(DEFAULT_PLAN);
});

type Edit = (p: any) => void;

test.each<[string, Edit, string]>([
  ["target not a number", (p) => (p.indicators[3].target = "5"), "indicators[3].target 必须是数字"],
  ["target negative", (p) => (p.indicators[0].target = -1), "indicators[0].target 不能为负数"],
  ["missing id", (p) => delete p.id, "id 必须是文字"],
  ["empty title", (p) => (p.title = " "), "title 不能为空"],
  ["bad date", (p) => (p.start = "2023-02-30"), "start 必须是日期 YYYY-MM-DD"],
  ["end before start", (p) => (p.end = "2022-01-01"), "end 必须晚于 start"],
  ["units not array", (p) => (p.units = {}), "units 必须是数组"],
  ["units empty", (p) => (p.units = []), "units 不能为空"],
  [
    "unit kind",
    (p) => (p.units[2].kind = "town"),
    "units[2].kind 必须是 district / county / zone / prefecture / city 之一",
  ],
  ["a word the plan does not know", (p) => (p.words = { mayor: "x" }), "words.mayor 不是可用的称谓"],
  ["a word on two lines", (p) => (p.words = { whole: "全\n市" }), "words.whole 不能含换行或控制字符"],
  [
    "a 单位简称 no sheet name can hold",
    (p) => (p.words = { unitsShort: "县/区" }),
    "words.unitsShort 用于工作表名，不能含 [ ] : * ? / \\",
  ],
  ["unit code missing", (p) => delete p.units[0].code, "units[0].code 必须是文字"],
  ["duplicate unit code", (p) => (p.units[4].code = p.units[1].code), "units[4].code 单位代码“320706”重复"],
  ["chain empty", (p) => (p.chains[1] = ""), "chains[1] 必须是非空文字"],
  ["chain 其他", (p) => p.chains.push("其他"), "chains[7] 不能是“其他”"],
  ["duplicate chain", (p) => p.chains.push("钢铁"), "chains[7] 产业链“钢铁”重复"],
  ["cmp", (p) => (p.indicators[1].cmp = "=="), "indicators[1].cmp 必须是 > / >= / ~ 之一"],
  ["kind", (p) => (p.indicators[1].kind = "x"), "indicators[1].kind 必须是 count / rate 之一"],
  [
    "code chars",
    (p) => (p.indicators[2].code = "Bad Code"),
    "indicators[2].code 只能由小写字母、数字和下划线组成",
  ],
  [
    "duplicate code",
    (p) => (p.indicators[5].code = p.indicators[0].code),
    "indicators[5].code 指标代码“innovative_smes”重复",
  ],
  ["formula type", (p) => (p.indicators[0].formula.type = "avg"), "indicators[0].formula.type 必须是"],
  [
    "population",
    (p) => (p.indicators[0].formula.population = "X"),
    "indicators[0].formula.population 必须是 SRDI / INNO / ALL 之一",
  ],
  [
    "predicate field",
    (p) => (p.indicators[0].formula.where.field = "pool"),
    "indicators[0].formula.where.field 必须是",
  ],
  [
    "ratio numerator",
    (p) => (p.indicators[4].formula.numerator = "x"),
    "indicators[4].formula.numerator 必须是",
  ],
  ["not an object", (p) => (p.indicators[2] = 7), "indicators[2] 必须是对象"],
])("%s", (_n, edit, message) => {
  const p = clone();
  edit(p);
  let err: unknown;
  try {
    validatePlan(p, DEFAULT_PLAN.forms);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(PlanSchemaError);
  expect((err as PlanSchemaError).problems.some((m) => m.startsWith(message))).toBe(true);
});

test("every problem is listed, not only the first", () => {
  const p = clone();
  p.indicators[0].target = "x";
  p.units[0].kind = "x";
  expect(() => validatePlan(p, DEFAULT_PLAN.forms)).toThrow(/units\[0\]\.kind.*indicators\[0\]\.target/);
});

test.each(["", "{", "[]", "null"])("not a plan: %j", (text) => {
  expect(() => loadPlanJson(text, DEFAULT_PLAN.forms)).toThrow(PlanSchemaError);
});

test("a plan file written before form version 2 gets population, measure, scope and validity defaults", () => {
  const old = JSON.parse(JSON.stringify(DEFAULT_PLAN));
  delete old.validityYears;
  for (const ind of old.indicators) {
    delete ind.population;
    delete ind.measure;
    delete ind.scope;
  }
  const p = validatePlan(old, DEFAULT_PLAN.forms);
  expect(p.validityYears).toEqual({ innovative: 3, provincial_srdi: 3, little_giant: 3, champion: 3 });
  const ipo = p.indicators.find((i) => i.code === "ip_standard_inno")!;
  expect([ipo.population, ipo.measure, ipo.scope]).toEqual(["inno", "stock", "unit"]);
  const clusters = p.indicators.find((i) => i.code === "clusters")!;
  expect(clusters.population).toBe("all");
});

test("plan fields of version 2 are checked", () => {
  const p = JSON.parse(JSON.stringify(DEFAULT_PLAN));
  p.indicators[0].measure = "flow";
  p.indicators[1].population = "srdi"; // formula says ALL
  p.validityYears.champion = 0;
  expect(() => validatePlan(p, DEFAULT_PLAN.forms)).toThrow(
    /indicators\[0\]\.measure.*indicators\[1\]\.population.*validityYears\.champion/,
  );
});

describe("issue 17: tiers, populations, expressions, basis and milestones as plan data", () => {
  test("each built-in indicator's expression says what its legacy formula says", () => {
    for (const ind of DEFAULT_PLAN.indicators)
      expect([ind.code, formulaToExpr(ind.formula!, ind.measure)]).toEqual([ind.code, ind.expr]);
  });

  test("a plan file of before issue 17 (formula, validityYears) gets expressions, tiers and populations", () => {
    const old = clone();
    delete old.tiers;
    delete old.populations;
    old.validityYears.champion = 5;
    for (const ind of old.indicators) {
      delete ind.expr;
      delete ind.basis;
    }
    const p = validatePlan(old, DEFAULT_PLAN.forms);
    expect(p.indicators.map((i) => i.expr)).toEqual(DEFAULT_PLAN.indicators.map((i) => i.expr));
    expect(p.indicators.map((i) => i.basis)).toEqual(DEFAULT_PLAN.indicators.map((i) => i.basis));
    expect(p.tiers.find((t) => t.key === "champion")!.validityYears).toBe(5);
    expect(p.populations.map((x) => x.name)).toEqual(["SRDI", "INNO", "ALL"]);
  });

  test("a plan with expressions only (no formula) loads; tiers give validityYears", () => {
    const p = clone();
    for (const ind of p.indicators) delete ind.formula;
    p.tiers[0].validityYears = 4;
    const loaded = validatePlan(p, DEFAULT_PLAN.forms);
    expect(loaded.validityYears.innovative).toBe(4);
    expect(loaded.indicators[0].formula).toBeUndefined();
  });

  test("basis increase and since_plan_start set measure; milestones are checked", () => {
    const p = clone();
    p.indicators[0].basis = "increase";
    p.indicators[0].base = 380;
    p.indicators[0].milestones = [
      { year: 2024, target: 600 },
      { year: 2025, target: 1000 },
    ];
    const loaded = validatePlan(p, DEFAULT_PLAN.forms);
    expect([loaded.indicators[0].basis, loaded.indicators[0].measure]).toEqual(["increase", "stock"]);
  });

  test.each<[string, Edit, string]>([
    [
      "expr missing",
      (p) => (delete p.indicators[2].expr, delete p.indicators[2].formula),
      "indicators[2].expr 必须是文字",
    ],
    [
      "basis",
      (p) => (p.indicators[1].basis = "flow"),
      "indicators[1].basis 必须是 stock / increase / since_plan_start 之一",
    ],
    [
      "milestone outside the plan",
      (p) => (p.indicators[0].milestones = [{ year: 2026, target: 1000 }]),
      "indicators[0].milestones[0].year 必须是计划期内的年份(2023—2025)",
    ],
    [
      "milestones out of order",
      (p) =>
        (p.indicators[0].milestones = [
          { year: 2024, target: 600 },
          { year: 2024, target: 700 },
          { year: 2025, target: 1000 },
        ]),
      "indicators[0].milestones[1].year 必须按年份从小到大排列且不重复",
    ],
    [
      "last milestone not the end target",
      (p) => (p.indicators[0].milestones = [{ year: 2025, target: 900 }]),
      "indicators[0].milestones[0].target 最后一个节点目标必须等于 target(1000)",
    ],
    [
      "last milestone not the end year",
      (p) => (p.indicators[0].milestones = [{ year: 2024, target: 1000 }]),
      "indicators[0].milestones[0].year 最后一个节点必须是计划末年(2025)",
    ],
    ["tier key", (p) => (p.tiers[1].key = "Bad"), "tiers[1].key 只能由小写字母"],
    ["tier twice", (p) => (p.tiers[1].key = "innovative"), "tiers[1].key 梯度代码“innovative”重复"],
    ["tier validity", (p) => (p.tiers[2].validityYears = 0), "tiers[2].validityYears 必须是1到100之间的整数"],
    [
      "tier name year",
      (p) => delete p.tiers[0].names[1].from,
      "tiers[0].names[1].from 除第一个名称外必须给出启用年份",
    ],
    ["population name", (p) => (p.populations[0].name = "专精特新"), "populations[0].name 只能由字母"],
    [
      "population twice",
      (p) => (p.populations[1].name = "SRDI"),
      "populations[1].name 企业范围名称“SRDI”重复",
    ],
  ])("%s", (_n, edit, message) => {
    const p = clone();
    edit(p);
    let err: unknown;
    try {
      validatePlan(p, DEFAULT_PLAN.forms);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PlanSchemaError);
    expect((err as PlanSchemaError).problems).toEqual(
      expect.arrayContaining([expect.stringContaining(message)]),
    );
    expect((err as PlanSchemaError).details.length).toBe((err as PlanSchemaError).problems.length);
  });
});

describe("issue 17: expressions of a plan are checked when it loads, each error at its offset", () => {
  const problems = (edit: Edit) => {
    const p = clone();
    edit(p);
    try {
      validatePlan(p, DEFAULT_PLAN.forms);
    } catch (e) {
      return (e as PlanSchemaError).details;
    }
    return [];
  };
  test.each<[string, Edit, { path: string; offset?: number; message: RegExp }]>([
    [
      "unknown field",
      (p) => (p.indicators[4].expr = "ratio_of_sums(rd_expens, revenue, SRDI)"),
      { path: "indicators[4].expr", offset: 14, message: /^第15个字符：未知字段“rd_expens”/ },
    ],
    [
      "unknown function",
      (p) => (p.indicators[0].expr = "avg(patents, SRDI)"),
      { path: "indicators[0].expr", offset: 0, message: /未知函数“avg”/ },
    ],
    [
      "type mismatch",
      (p) => (p.indicators[0].expr = "count(ALL, revenue)"),
      { path: "indicators[0].expr", offset: 11, message: /条件必须是是\/否的判断/ },
    ],
    [
      "syntax",
      (p) => (p.indicators[0].expr = "count(ALL"),
      { path: "indicators[0].expr", offset: 9, message: /表达式不完整/ },
    ],
    [
      "population filter",
      (p) => (p.populations[0].filter = "recognised(provincial) or recognised(little_giant)"),
      { path: "populations[0].filter", offset: 11, message: /未知的认定梯度“provincial”/ },
    ],
    [
      "population unknown to an indicator",
      (p) => (p.indicators[7].expr = "mean(cnc_rate, GAZELLE)"),
      { path: "indicators[7].expr", offset: 15, message: /未知的企业范围“GAZELLE”/ },
    ],
    [
      "tier year field",
      (p) => (p.tiers[0].yearField = "revenue"),
      { path: "tiers[0].yearField", message: /“revenue”不是企业名录中的年份字段/ },
    ],
  ])("%s", (_n, edit, expected) => {
    const got = problems(edit);
    expect(got).toHaveLength(1);
    expect(got[0].path).toBe(expected.path);
    expect(got[0].offset).toBe(expected.offset);
    expect(got[0].message).toMatch(expected.message);
  });

  test("a plan's own population and tier are usable in its expressions; population comes from the expression", () => {
    const p = clone();
    p.tiers.push({
      key: "gazelle",
      yearField: "smart_factory_year",
      names: [{ name: "瞪羚企业" }],
      validityYears: 2,
    });
    p.populations.push({ name: "GAZELLE", label: "瞪羚企业", filter: "recognised(gazelle)" });
    p.indicators.push({
      ...p.indicators[0],
      code: "gazelles",
      expr: "count(瞪羚企业, patents >= 5)",
      formula: undefined,
      population: undefined,
    });
    const loaded = validatePlan(JSON.parse(JSON.stringify(p)), DEFAULT_PLAN.forms);
    expect(loaded.indicators.at(-1)!.population).toBe("gazelle");
  });
});
