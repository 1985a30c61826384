import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { loadPlanJson, PlanSchemaError, validatePlan } from "../../src/core/plan/schema";

const clone = () => JSON.parse(JSON.stringify(DEFAULT_PLAN));

test("the built-in plan survives JSON and validation unchanged", () => {
  expect(loadPlanJson(JSON.stringify(DEFAULT_PLAN))).toEqual(DEFAULT_PLAN);
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
  ["unit kind", (p) => (p.units[2].kind = "city"), "units[2].kind 必须是 district / county / zone 之一"],
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
    validatePlan(p);
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
  expect(() => validatePlan(p)).toThrow(/units\[0\]\.kind.*indicators\[0\]\.target/);
});

test.each(["", "{", "[]", "null"])("not a plan: %j", (text) => {
  expect(() => loadPlanJson(text)).toThrow(PlanSchemaError);
});

test("a plan file written before form version 2 gets population, measure, scope and validity defaults", () => {
  const old = JSON.parse(JSON.stringify(DEFAULT_PLAN));
  delete old.validityYears;
  for (const ind of old.indicators) {
    delete ind.population;
    delete ind.measure;
    delete ind.scope;
  }
  const p = validatePlan(old);
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
  expect(() => validatePlan(p)).toThrow(
    /indicators\[0\]\.measure.*indicators\[1\]\.population.*validityYears\.champion/,
  );
});
