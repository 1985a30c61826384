import { evaluate, type EvalContext } from "../../src/core/aggregate/evaluate";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import type { Formula } from "../../src/core/plan/types";
import type { EnterpriseRecord, PlatformRecord } from "../../src/core/read/types";
import { code, ent, plat } from "./fixtures";

const ctx = (
  enterprises: EnterpriseRecord[],
  o: Partial<Omit<EvalContext, "enterprises">> = {},
): EvalContext => ({ enterprises, platforms: [], regions: [], plan: DEFAULT_PLAN, periodYear: 2025, ...o });

// Three SRDI firms (one provincial, one little giant only, one both), one INNO-only firm, one plain firm,
// one firm recognised after the period (not counted).
const firms: EnterpriseRecord[] = [
  ent({
    uscc: code(1),
    provincial_srdi_year: 2023,
    revenue: 1000,
    rd_expense: 60,
    patents: 6,
    cnc_rate: 0.6,
    transformation: true,
    chain: "生物医药",
    service_officer: "王一",
  }),
  ent({
    uscc: code(2),
    little_giant_year: 2024,
    revenue: 3000,
    rd_expense: 90,
    patents: 4,
    cnc_rate: null,
    transformation: false,
    chain: "钢铁",
    service_officer: " 王一 ",
  }),
  ent({
    uscc: code(3),
    provincial_srdi_year: 2021,
    little_giant_year: 2025,
    revenue: 1000,
    rd_expense: null,
    patents: null,
    cnc_rate: 0.3,
    chain: "其他",
    service_officer: "李二",
    main_revenue: 800,
  }),
  ent({
    uscc: code(4),
    innovative_year: 2024,
    revenue: 500,
    rd_expense: 50,
    smart_workshops: 2,
    ip_standard: true,
  }),
  ent({ uscc: code(5), smart_workshops: 1, cloud_star: "无" }),
  ent({
    uscc: code(6),
    provincial_srdi_year: 2026,
    innovative_year: 2026,
    revenue: 99999,
    smart_workshops: null,
    cloud_star: "二星级",
  }),
];

const platforms: PlatformRecord[] = [
  plat("A平台", "中小企业公共服务示范平台", "省级"),
  plat("B基地", "小微企业创业创新示范基地", "国家级"),
  plat("C平台", "中小企业公共服务示范平台", "市级"),
  plat("D集群", "中小企业特色产业集群", "省级"),
  plat("E平台", "中小企业公共服务示范平台", "省级", 2026),
  plat("F平台", "中小企业公共服务示范平台", "省级", null),
];

type Case = [string, Formula, Partial<Omit<EvalContext, "enterprises">>, number | null];
const cases: Case[] = [
  ["count ALL", { type: "count", population: "ALL" }, {}, 6],
  [
    "count recognised (year after period not counted; 2021 lapsed after three years in 2025)",
    { type: "count", population: "ALL", where: { op: "recognised", field: "provincial_srdi_year" } },
    {},
    1,
  ],
  ["count SRDI = provincial or little giant, once", { type: "count", population: "SRDI" }, {}, 3],
  ["count INNO", { type: "count", population: "INNO" }, {}, 1],
  [
    "count notIn 无 (blank is not 无 but not counted)",
    { type: "count", population: "ALL", where: { op: "notIn", field: "cloud_star", values: ["无"] } },
    {},
    1,
  ],
  [
    "count in list",
    { type: "count", population: "ALL", where: { op: "in", field: "chain", values: ["钢铁", "其他"] } },
    {},
    2,
  ],
  ["sum, blank as 0", { type: "sum", population: "ALL", field: "smart_workshops" }, {}, 3],
  [
    "share of SRDI",
    { type: "share", population: "SRDI", where: { op: "yes", field: "transformation" } },
    {},
    1 / 3,
  ],
  ["share of INNO", { type: "share", population: "INNO", where: { op: "yes", field: "ip_standard" } }, {}, 1],
  // Firm 3 has no rd_expense: left out of both sums (ratio of sums over rows that filled both).
  [
    "ratio of sums",
    { type: "ratioOfSums", population: "SRDI", numerator: "rd_expense", denominator: "revenue" },
    {},
    150 / 4000,
  ],
  ["sum per firm", { type: "sumPerFirm", population: "SRDI", field: "patents" }, {}, 10 / 3],
  ["mean over filled", { type: "mean", population: "SRDI", field: "cnc_rate" }, {}, 0.45],
  [
    "share of region",
    {
      type: "shareOfRegion",
      population: "SRDI",
      field: "main_revenue",
      region: "above_scale_sme_main_revenue",
    },
    {
      regions: [
        { above_scale_sme_main_revenue: 1000 },
        { above_scale_sme_main_revenue: 600 },
        { above_scale_sme_main_revenue: null },
      ],
    },
    0.5,
  ],
  [
    "share of region, no figure: no data",
    {
      type: "shareOfRegion",
      population: "SRDI",
      field: "main_revenue",
      region: "above_scale_sme_main_revenue",
    },
    { regions: [{ above_scale_sme_main_revenue: null }] },
    null,
  ],
  [
    "share of region, zero figure: no data",
    {
      type: "shareOfRegion",
      population: "SRDI",
      field: "main_revenue",
      region: "above_scale_sme_main_revenue",
    },
    { regions: [{ above_scale_sme_main_revenue: 0 }] },
    null,
  ],
  [
    "chain coverage against the plan's 7 chains, 其他 ignored",
    { type: "chainCoverage", population: "SRDI" },
    {},
    2 / 7,
  ],
  [
    "chain coverage, empty chain list: no data",
    { type: "chainCoverage", population: "SRDI" },
    { plan: { ...DEFAULT_PLAN, chains: ["其他"] } },
    null,
  ],
  [
    "platforms national+provincial of two kinds (year after period not counted, blank year counted)",
    {
      type: "platformCount",
      kinds: ["中小企业公共服务示范平台", "小微企业创业创新示范基地"],
      levels: ["国家级", "省级"],
    },
    { platforms },
    3,
  ],
  [
    "city platforms",
    {
      type: "platformCount",
      kinds: ["中小企业公共服务示范平台", "小微企业创业创新示范基地"],
      levels: ["市级"],
    },
    { platforms },
    1,
  ],
  [
    "clusters",
    { type: "platformCount", kinds: ["中小企业特色产业集群"], levels: ["国家级", "省级"] },
    { platforms },
    1,
  ],
  [
    "distinct officers per firm (trimmed)",
    { type: "distinctPerFirm", population: "SRDI", field: "service_officer" },
    {},
    2 / 3,
  ],
];

describe("evaluate: one case per formula type and population", () => {
  test.each(cases)("%s", (_name, formula, o, expected) => {
    const v = evaluate(formula, ctx(firms, o)).value;
    if (expected === null) expect(v).toBeNull();
    else expect(v).toBeCloseTo(expected, 12);
  });
});

describe("zero denominators are no data, never 0 and never NaN", () => {
  test.each<[string, Formula]>([
    ["share", { type: "share", population: "SRDI", where: { op: "yes", field: "listed" } }],
    [
      "ratioOfSums",
      { type: "ratioOfSums", population: "SRDI", numerator: "rd_expense", denominator: "revenue" },
    ],
    [
      "ratioOfSums with zero revenue",
      { type: "ratioOfSums", population: "ALL", numerator: "rd_expense", denominator: "revenue" },
    ],
    ["sumPerFirm", { type: "sumPerFirm", population: "SRDI", field: "patents" }],
    ["mean", { type: "mean", population: "SRDI", field: "cnc_rate" }],
    ["distinctPerFirm", { type: "distinctPerFirm", population: "SRDI", field: "service_officer" }],
    [
      "shareOfRegion",
      {
        type: "shareOfRegion",
        population: "SRDI",
        field: "main_revenue",
        region: "above_scale_sme_main_revenue",
      },
    ],
  ])("%s", (_n, f) => {
    const rows = [ent({ uscc: code(9), revenue: 0, rd_expense: 0 })];
    expect(evaluate(f, ctx(rows)).value).toBeNull();
  });
  test("counts and sums of nothing are 0 (a stock of none is zero, not unknown)", () => {
    expect(evaluate({ type: "count", population: "SRDI" }, ctx([])).value).toBe(0);
    expect(evaluate({ type: "sum", population: "ALL", field: "smart_workshops" }, ctx([])).value).toBe(0);
  });
});

test("every indicator of the default plan evaluates to a number or null", () => {
  for (const ind of DEFAULT_PLAN.indicators) {
    const v = evaluate(
      ind.formula!,
      ctx(firms, { platforms, regions: [{ above_scale_sme_main_revenue: 5000 }] }),
    ).value;
    expect(v === null || Number.isFinite(v)).toBe(true);
  }
});
