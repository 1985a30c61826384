// Table tests per indicator of the built-in plan (INDICATORS.md, corrected): the population each one
// counts over, validity of recognitions (lapsed and reviewed firms) and stock vs "since the plan start".
import { evaluate, isRecognised, type EvalContext } from "../../src/core/aggregate/evaluate";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import type { EnterpriseRecord, PlatformRecord } from "../../src/core/read/types";
import { code, ent, plat } from "../aggregate/fixtures";

type Ent = Partial<EnterpriseRecord>;
// Period 2025: a 2022 recognition is still valid (three years), a 2021 one has lapsed.
const SRDI: Ent = { provincial_srdi_year: 2023 };
const LAPSED: Ent = { provincial_srdi_year: 2021 };
/** First recognised in 2019, reviewed (复核) in 2022: form v2 carries the latest year, 2022. */
const REVIEWED: Ent = { provincial_srdi_year: 2022 };
const INNO: Ent = { innovative_year: 2024 };
const PLAIN: Ent = {};

function value(
  indicator: string,
  rows: Ent[],
  o: { platforms?: PlatformRecord[]; region?: number | null; periodYear?: number } = {},
): number | null {
  const ind = DEFAULT_PLAN.indicators.find((i) => i.code === indicator)!;
  const ctx: EvalContext = {
    enterprises: rows.map((r, i) => ent({ ...r, uscc: code(i + 1) })),
    platforms: o.platforms ?? [],
    regions: o.region === undefined ? [] : [{ above_scale_sme_main_revenue: o.region }],
    plan: DEFAULT_PLAN,
    periodYear: o.periodYear ?? 2025,
  };
  return evaluate(ind.formula!, ctx, ind.measure).value;
}

describe("plan data: population, measure and scope per indicator", () => {
  const by = (c: string) => DEFAULT_PLAN.indicators.find((i) => i.code === c)!;
  test.each([
    ["innovative_smes", "all", "stock", "unit"],
    ["provincial_srdi", "all", "stock", "unit"],
    ["srdi_revenue_share", "srdi", "stock", "unit"],
    ["chain_coverage", "srdi", "stock", "city_only"],
    ["clusters", "all", "since_plan_start", "unit"],
    ["jiangsu_quality", "srdi", "since_plan_start", "unit"],
    ["mayor_quality_award", "srdi", "since_plan_start", "unit"],
    ["ip_standard_inno", "inno", "stock", "unit"],
    ["smart_workshops", "srdi", "since_plan_start", "unit"],
    ["smart_factories", "srdi", "since_plan_start", "unit"],
    ["cloud_star_firms", "srdi", "since_plan_start", "unit"],
    ["ipo_reserve", "srdi", "stock", "unit"],
    ["srdi_board_listings", "srdi", "stock", "unit"],
    ["listed_firms", "srdi", "stock", "unit"],
  ])("%s: %s, %s, %s", (c, population, measure, scope) => {
    expect(by(c)).toMatchObject({ population, measure, scope });
  });
  test("formula population agrees with the indicator's", () => {
    for (const ind of DEFAULT_PLAN.indicators) {
      const f = ind.formula as { population?: string };
      expect([ind.code, f.population?.toLowerCase() ?? "all"]).toEqual([ind.code, ind.population]);
    }
  });
  test("every tier is valid three years", () => {
    expect(DEFAULT_PLAN.validityYears).toEqual({
      innovative: 3,
      provincial_srdi: 3,
      little_giant: 3,
      champion: 3,
    });
  });
});

describe("validity: a recognition counts from its year for three years after it", () => {
  test.each([
    [2022, 2025, true],
    [2021, 2025, false],
    [2025, 2025, true],
    [2026, 2025, false],
    [null, 2025, false],
  ])("year %s in period %s: %s", (year, period, expected) => {
    expect(isRecognised(year, period, 3)).toBe(expected);
  });
  test.each<[string, Ent[], number]>([
    ["provincial_srdi", [SRDI, LAPSED, REVIEWED, PLAIN], 2],
    ["innovative_smes", [{ innovative_year: 2021 }, { innovative_year: 2022 }, INNO], 2],
    ["little_giants", [{ little_giant_year: 2020 }, { little_giant_year: 2023 }], 1],
    ["champions", [{ champion_year: 2019 }, { champion_year: 2024 }, { champion_year: 2022 }], 2],
  ])("%s counts valid recognitions only", (c, rows, expected) => {
    expect(value(c, rows)).toBe(expected);
  });
  test("a lapsed firm leaves the SRDI population: its patents and share no longer count", () => {
    // patents per firm over SRDI: the lapsed firm's 100 patents are not counted, nor is it in the count.
    expect(
      value("patents_per_firm", [
        { ...SRDI, patents: 4 },
        { ...LAPSED, patents: 100 },
      ]),
    ).toBe(4);
    expect(
      value("transformation_coverage", [
        { ...SRDI, transformation: true },
        { ...LAPSED, transformation: false },
      ]),
    ).toBe(1);
  });
  test("the same firm counted in 2024 (still valid) lapses in 2025", () => {
    expect(value("provincial_srdi", [LAPSED], { periodYear: 2024 })).toBe(1);
    expect(value("provincial_srdi", [LAPSED], { periodYear: 2025 })).toBe(0);
  });
});

describe("population: indicators the plan counts over SRDI firms ignore other firms", () => {
  test.each<[string, Ent]>([
    ["jiangsu_quality", { jiangsu_quality_year: 2024 }],
    ["mayor_quality_award", { quality_award: "市长质量奖", quality_award_year: 2024 }],
    ["smart_factories", { smart_factory_year: 2024 }],
    ["cloud_star_firms", { cloud_star: "三星级", cloud_star_year: 2024 }],
    ["ipo_reserve", { ipo_reserve: true }],
    ["srdi_board_listings", { srdi_board: true }],
    ["listed_firms", { listed: true }],
  ])("%s: SRDI counted, INNO-only, plain and lapsed firms not", (c, honour) => {
    expect(value(c, [{ ...SRDI, ...honour }, { ...INNO, ...honour }, honour, { ...LAPSED, ...honour }])).toBe(
      1,
    );
  });
  test("smart workshops sums the SRDI firms' new workshops only", () => {
    expect(
      value("smart_workshops", [
        { ...SRDI, smart_workshops_new: 2 },
        { ...INNO, smart_workshops_new: 5 },
        { smart_workshops_new: 7 },
      ]),
    ).toBe(2);
  });
  test("ip_standard_inno counts over INNO firms", () => {
    expect(
      value("ip_standard_inno", [
        { ...INNO, ip_standard: true },
        { ...INNO, ip_standard: false },
        { ...SRDI, ip_standard: true },
      ]),
    ).toBe(0.5);
  });
});

describe("stock or since the plan start (2023)", () => {
  test.each<[string, Ent, Ent]>([
    ["jiangsu_quality", { jiangsu_quality_year: 2023 }, { jiangsu_quality_year: 2022 }],
    [
      "mayor_quality_award",
      { quality_award: "市长质量奖", quality_award_year: 2025 },
      { quality_award: "市长质量奖", quality_award_year: 2021 },
    ],
    ["smart_factories", { smart_factory_year: 2024 }, { smart_factory_year: 2020 }],
    [
      "cloud_star_firms",
      { cloud_star: "一星级", cloud_star_year: 2023 },
      { cloud_star: "五星级", cloud_star_year: 2022 },
    ],
  ])("%s: won in the plan counts, before it does not, blank does not", (c, inPlan, before) => {
    expect(value(c, [{ ...SRDI, ...inPlan }, { ...SRDI, ...before }, SRDI])).toBe(1);
  });
  test("a version-1 record (yes/no, no year) does not count for an honour of the plan period", () => {
    expect(value("jiangsu_quality", [{ ...SRDI, jiangsu_quality: true }])).toBe(0);
    expect(value("smart_factories", [{ ...SRDI, smart_factory: true }])).toBe(0);
    // Version 1 has no 计划期内建成 column: the sum over a column nobody filled is no data, not 0.
    expect(value("smart_workshops", [{ ...SRDI, smart_workshops: 4 }])).toBeNull();
  });
  test("an honour dated after the period does not count yet", () => {
    expect(value("jiangsu_quality", [{ ...SRDI, jiangsu_quality_year: 2025 }], { periodYear: 2024 })).toBe(0);
  });
  test("市长质量奖 counts that award only, not a higher one", () => {
    expect(
      value("mayor_quality_award", [
        { ...SRDI, quality_award: "省长质量奖", quality_award_year: 2024 },
        { ...SRDI, quality_award: "中国质量奖", quality_award_year: 2024 },
        { ...SRDI, quality_award: "市长质量奖", quality_award_year: 2024 },
      ]),
    ).toBe(1);
  });
  test("clusters count when recognised since the plan start; platforms are a stock", () => {
    const platforms = [
      plat("甲集群", "中小企业特色产业集群", "省级", 2023),
      plat("乙集群", "中小企业特色产业集群", "国家级", 2021),
      plat("丙集群", "中小企业特色产业集群", "省级", null),
      plat("丁平台", "中小企业公共服务示范平台", "省级", 2019),
      plat("戊平台", "中小企业公共服务示范平台", "省级", null),
    ];
    expect(value("clusters", [], { platforms })).toBe(1);
    expect(value("provincial_platforms", [], { platforms })).toBe(2);
  });
});

describe("revenue share: 规上 SRDI firms over the region figure", () => {
  test("a non-规上 SRDI firm's revenue is not in the numerator", () => {
    const rows: Ent[] = [
      { ...SRDI, above_scale: true, main_revenue: 300 },
      { ...SRDI, above_scale: false, main_revenue: 500 },
      { ...PLAIN, above_scale: true, main_revenue: 900 },
    ];
    expect(value("srdi_revenue_share", rows, { region: 1000 })).toBeCloseTo(0.3, 12);
  });
  test("no figure: no data", () => {
    expect(value("srdi_revenue_share", [{ ...SRDI, main_revenue: 1 }])).toBeNull();
  });
});
