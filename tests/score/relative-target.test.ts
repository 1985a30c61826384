// A target relative to another figure (issue 25 item 4): "研发投入强度高于规上工业2个百分点以上". The indicator's
// computation is the firms' own rate; 对比 names a region figure the bureau types each round (区域数据); the
// value is the gap in 百分点, printed as such, scored against the gap asked at every period. Expected values
// are computed by hand below, not by the code.
import { aggregateRound } from "../../src/core/aggregate/round";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { validatePlan } from "../../src/core/plan/schema";
import type { Plan } from "../../src/core/plan/types";
import { loadPlanBook, readPlanBook } from "../../src/core/planbook/read-plan";
import { buildPlanBook } from "../../src/core/planbook/write-plan";
import type { ReturnResult } from "../../src/core/read/types";
import { valueText } from "../../src/core/report/format";
import { scoreRound } from "../../src/core/score/score";
import { DEFAULT_SETTINGS } from "../../src/core/targets/types";
import { buildTargetsWorkbook } from "../../src/core/targets/workbook";
import { snapshotOf } from "../targets/snapshot-of";

const GAP = {
  code: "rd_gap",
  name: "专精特新企业研发投入强度高于规上工业",
  section: "",
  target: 2,
  unit: "百分点",
  cmp: ">=",
  kind: "rate",
  expr: "sum(rd_expense, SRDI) / sum(revenue, SRDI)",
  computation: "专精特新企业研发费用合计 ÷ 营业收入合计，减去规上工业研发投入强度",
  relativeTo: "industry_rd",
};
const plan: Plan = validatePlan(
  {
    ...JSON.parse(JSON.stringify(DEFAULT_PLAN)),
    regionFigures: [{ key: "industry_rd", label: "规上工业研发投入强度", type: "percent" }],
    indicators: [GAP],
  },
  DEFAULT_PLAN.forms,
);
const period = parsePeriod("2025Q3")!;
const [u1, u2] = plan.units;

const firm = (uscc: string, revenue: number, rd: number) => ({
  uscc,
  name: uscc,
  provincial_srdi_year: 2024,
  revenue,
  rd_expense: rd,
  sheet: "企业名录",
  row: 2,
});
const ret = (unit: string, enterprises: object[]): ReturnResult =>
  ({
    file: `${unit}.xlsx`,
    unit,
    unitName: null,
    period: "2025Q3",
    formVersion: "3",
    meta: null,
    rejected: false,
    errors: [],
    warnings: [],
    rejectedRows: [],
    enterprises,
    platforms: [],
    region: { contact: "张三" },
    rows: { read: enterprises.length, accepted: enterprises.length, rejected: 0 },
  }) as unknown as ReturnResult;

// u1: (60 + 40) ÷ (1000 + 1000) = 5 %; the bureau's 规上工业 2 % -> gap 3 points (target 2: met, 150 %).
// u2: 10 ÷ 1000 = 1 %; the bureau's 2.5 % -> gap −1.5 points (behind).
// The whole: 110 ÷ 3000 = 3.6667 %; the whole's own row 2.1 % -> gap 1.5667 points.
const returns = [
  ret(u1.code, [firm("A1", 1000, 60), firm("A2", 1000, 40)]),
  ret(u2.code, [firm("B1", 1000, 10)]),
];
const regionFigures = {
  [u1.code]: { industry_rd: 0.02 },
  [u2.code]: { industry_rd: 0.025 },
  全市: { industry_rd: 0.021 },
};

test("the value is the gap in 百分点: own rate − the bureau's figure, per unit and for the whole", () => {
  const a = aggregateRound({ plan, period, returns, regionFigures, deadline: "2025-10-15" });
  const v = (code: string) => a.units.find((u) => u.code === code)!.values.rd_gap;
  expect(v(u1.code).value).toBeCloseTo(3, 10);
  expect(v(u1.code).own).toBeCloseTo(0.05, 12);
  expect(v(u1.code).reference).toBe(0.02);
  expect(v(u2.code).value).toBeCloseTo(-1.5, 10);
  expect(a.city.values.rd_gap.value).toBeCloseTo((110 / 3000 - 0.021) * 100, 10);
  // No figure typed for a unit: —, never the own rate alone.
  const none = aggregateRound({ plan, period, returns, deadline: "2025-10-15" });
  expect(none.units.find((u) => u.code === u1.code)!.values.rd_gap.value).toBeNull();
});

test("scored against the gap asked at every period: expected = target, 完成率 = gap ÷ target, status", () => {
  const aggregate = aggregateRound({ plan, period, returns, regionFigures, deadline: "2025-10-15" });
  const s = scoreRound({ aggregate, plan, targets: { units: {}, city: {} }, settings: DEFAULT_SETTINGS });
  const c = s.city[0];
  expect(c.shownAs).toBe("relative");
  expect(c.expected).toBe(2);
  expect(c.reached).toBeCloseTo(1.5667 / 2, 3);
  expect(c.status).toBe("red"); // (2 − 1.5667) ÷ 2 = 21.7 % behind > 10 %
  const one = s.units.find((u) => u.code === u1.code)!.indicators[0];
  expect(one.reached).toBeCloseTo(1.5, 12);
  expect([one.target, one.completion, one.status, one.met]).toEqual([2, 1.2, "green", true]);
  const two = s.units.find((u) => u.code === u2.code)!.indicators[0];
  expect(two.status).toBe("red");
  expect(two.met).toBe(false);
  expect(valueText(plan.indicators[0], c.actual)).toBe("1.6个百分点");
  expect(valueText(plan.indicators[0], two.actual)).toBe("-1.5个百分点");
});

test("plan workbook: the 对比 column round-trips; 对比 with a unit other than 百分点 is refused at 单位", () => {
  const book = snapshotOf(buildPlanBook(plan));
  expect(loadPlanBook(book).indicators[0].relativeTo).toBe("industry_rd");
  const inds = book.sheets.find((s) => s.name === "指标")!;
  inds.cells[1][inds.cells[0].indexOf("单位")] = "%";
  const r = readPlanBook(book);
  expect(r.plan).toBeNull();
  // (Its target 2 is then also refused as a % typed in points, at 目标.)
  const unitCell = `${String.fromCharCode(65 + inds.cells[0].indexOf("单位"))}2`;
  const bad = r.issues.filter((i) => i.severity === "error" && i.sheet === "指标");
  expect(bad.map((i) => i.cell)).toEqual([unitCell]);
  expect(bad[0].message).toContain("单位须为“百分点”");
  // The targets workbook has the figure's column for the bureau to type.
  const t = snapshotOf(buildTargetsWorkbook(plan, period));
  expect(t.sheets.find((s) => s.name === "区域数据")!.cells[2]).toContain("规上工业研发投入强度");
});
