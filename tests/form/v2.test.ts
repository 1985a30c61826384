// Form version 2: the template, reading it back, and v1 and v2 returns mixed in one round.
import { aggregateRound } from "../../src/core/aggregate/round";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { FORM_V1 } from "../../src/core/form/v1";
import { FORM_V2, MONEY_PERIOD } from "../../src/core/form/v2";
import { formOfSnapshot, currentForm } from "../../src/core/form/versions";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { isoToSerial } from "../../src/core/read/date";
import { readReturn } from "../../src/core/read/read-return";
import type { CellValue } from "../../src/core/sheet/types";
import { descToSnapshot, USCC } from "../read/fixtures";
const CURRENT_FORM = currentForm(DEFAULT_PLAN);

const plan = DEFAULT_PLAN;
const period = parsePeriod("2025Q3")!;
const unitA = plan.units[0]; // 320703 连云区, v2
const unitB = plan.units[1]; // 320706 海州区, v1
const TODAY = "2025-10-12";

const row = (form: typeof FORM_V1, v: Record<string, CellValue>): CellValue[] =>
  form.enterprises.fields.map((f) => (f.key in v ? v[f.key] : null));
const base = (uscc: string, name: string): Record<string, CellValue> => ({
  name,
  uscc,
  chain: "生物医药",
  above_scale: "是",
  revenue: 1000,
  main_revenue: 900,
  rd_expense: 60,
  patents: 4,
  transformation: "是",
});

function v2Return(rows: Record<string, CellValue>[], region: Record<string, CellValue> = {}) {
  const desc = buildTemplate({
    plan,
    form: FORM_V2,
    unit: unitA,
    period,
    generatedAt: "2025-09-25T00:00:00Z",
  });
  const filled = fillTemplate(
    desc,
    {
      enterprises: rows.map((r) => row(FORM_V2, r)),
      region: { contact: "张三 0518-85800000", filled_on: isoToSerial("2025-10-09"), ...region },
    },
    FORM_V2,
  );
  return { desc, snap: descToSnapshot(filled) };
}

describe("the version-2 template", () => {
  const { desc } = v2Return([]);
  const sheet = (n: string) => desc.sheets.find((s) => s.name === n)!;
  test("metadata: version 2, the money period with its dates", () => {
    const meta = Object.fromEntries(sheet("_srdi_meta").rows.map((r) => [r[0], r[1]]));
    expect(meta.form_version).toBe("2");
    expect(meta.money_period).toBe(`${MONEY_PERIOD}(2025-01-01至2025-09-30)`);
    // Version 3 (说明 column) is what new templates use now; version 2 is still written and read.
    expect(CURRENT_FORM.version).toBe("3");
  });
  test("instructions state validity, the plan start year and the money period", () => {
    const text = sheet("填报说明")
      .rows.map((r) => r[0])
      .join("\n");
    expect(text).toContain("有效期3年");
    expect(text).toContain("2023年(行动计划实施)以前获得的不计入");
    expect(text).toContain(
      `金额(营业收入、主营业务收入、研发费用)填${MONEY_PERIOD}(2025年1月1日至2025年9月30日)数`,
    );
  });
  test("honour years are validated in the file up to the period's year; 填报日期 up to today", () => {
    const ent = sheet("企业名录");
    const colOf = (k: string) => FORM_V2.enterprises.fields.findIndex((f) => f.key === k);
    const letter = (i: number) => String.fromCharCode(65 + (i % 26)).padStart(i >= 26 ? 2 : 1, "A");
    for (const k of ["jiangsu_quality_year", "quality_award_year", "smart_factory_year", "cloud_star_year"]) {
      const v = ent.validations!.find((x) => x.range.startsWith(`${letter(colOf(k))}2:`));
      expect([k, v?.type, v?.min, v?.max]).toEqual([k, "whole", 2000, 2025]);
    }
    const reg = sheet("区域指标").validations!.find((x) => x.range === "B5")!;
    expect(reg).toMatchObject({ type: "custom" });
    expect(reg.formula).toBe("AND(ISNUMBER(B5),B5>=DATE(2023,1,1),B5<=TODAY())");
    expect(sheet("区域指标").rows[4][0]).toBe("填报日期");
  });
});

describe("reading a version-2 return", () => {
  test("years, new workshops and 填报日期 are read; an honour year does not make revenue required", () => {
    const { snap } = v2Return([
      {
        ...base(USCC[0], "甲公司有限公司"),
        provincial_srdi_year: 2022,
        jiangsu_quality_year: 2024,
        quality_award: "市长质量奖",
        quality_award_year: 2021,
        smart_workshops: 3,
        smart_workshops_new: 2,
      },
      { name: "乙公司有限公司", uscc: USCC[1], above_scale: "否", jiangsu_quality_year: 2023 },
    ]);
    expect(formOfSnapshot(snap, plan.forms)).toBe(FORM_V2);
    const r = readReturn(snap, { plan, file: "a.xlsx", today: TODAY });
    expect(r.errors).toEqual([]);
    expect(r.formVersion).toBe("2");
    expect(r.filledOn).toBe("2025-10-09");
    expect(r.meta?.moneyPeriod).toContain(MONEY_PERIOD);
    expect(r.enterprises[0]).toMatchObject({
      provincial_srdi_year: 2022,
      jiangsu_quality_year: 2024,
      quality_award_year: 2021,
      smart_workshops: 3,
      smart_workshops_new: 2,
    });
    expect(r.rows).toEqual({ read: 2, accepted: 2, rejected: 0 });
  });

  test("a 填报日期 after today, a bad date, and more new workshops than workshops are errors", () => {
    const { snap } = v2Return(
      [{ ...base(USCC[0], "甲公司有限公司"), smart_workshops: 1, smart_workshops_new: 2 }],
      { filled_on: isoToSerial("2025-10-13") },
    );
    const r = readReturn(snap, { plan, file: "a.xlsx", today: TODAY });
    expect(r.errors.map((i) => `${i.code}@${i.sheet}!${i.cell}`)).toEqual([
      expect.stringMatching(/^rule\.new_workshops_gt_workshops@企业名录!/),
      "value.date_range@区域指标!B5",
    ]);
    const bad = v2Return([], { filled_on: "十月九日" }).snap;
    expect(readReturn(bad, { plan, file: "b.xlsx", today: TODAY }).errors.map((i) => i.code)).toEqual([
      "value.not_date",
    ]);
    const text = v2Return([], { filled_on: "2025年10月9日" }).snap;
    const t = readReturn(text, { plan, file: "c.xlsx", today: TODAY });
    expect([t.filledOn, t.warnings.map((i) => i.code)]).toEqual(["2025-10-09", ["norm.date_text"]]);
  });
});

test("an honour without its year, or a year without the honour, is a warning on the row", () => {
  const { snap } = v2Return([
    {
      ...base(USCC[0], "甲公司有限公司"),
      quality_award: "市长质量奖",
      cloud_star: "无",
      cloud_star_year: 2024,
    },
    { ...base(USCC[1], "乙公司有限公司"), quality_award: "无", cloud_star: "二星级", cloud_star_year: 2024 },
  ]);
  const r = readReturn(snap, { plan, file: "a.xlsx", today: TODAY });
  expect(r.errors).toEqual([]);
  const col = (k: string) => FORM_V2.enterprises.fields.findIndex((f) => f.key === k);
  const letter = (i: number) => (i >= 26 ? "A" : "") + String.fromCharCode(65 + (i % 26));
  expect(r.warnings.map((i) => `${i.code}@${i.cell}`)).toEqual([
    `rule.quality_award_year@${letter(col("quality_award_year"))}2`,
    `rule.cloud_star_year@${letter(col("cloud_star"))}2`,
  ]);
  expect(r.rows.accepted).toBe(2);
});

test("v1 and v2 returns mixed in one round aggregate correctly", () => {
  const a = v2Return([
    // Valid (2022 + 3 ≥ 2025), 江苏精品 won in the plan, 市长质量奖 before it.
    {
      ...base(USCC[0], "甲公司有限公司"),
      provincial_srdi_year: 2022,
      jiangsu_quality_year: 2024,
      quality_award: "市长质量奖",
      quality_award_year: 2021,
    },
    // Reviewed in 2024 (first recognised 2021): counts; 星级上云 rated 2023: counts.
    {
      ...base(USCC[1], "乙公司有限公司"),
      provincial_srdi_year: 2024,
      cloud_star: "三星级",
      cloud_star_year: 2023,
    },
    // Lapsed: latest year 2021, not reviewed.
    { ...base(USCC[2], "丙公司有限公司"), provincial_srdi_year: 2021, jiangsu_quality_year: 2024 },
  ]).snap;
  const bDesc = buildTemplate({
    plan,
    form: FORM_V1,
    unit: unitB,
    period,
    generatedAt: "2025-09-25T00:00:00Z",
  });
  const b = descToSnapshot(
    fillTemplate(
      bDesc,
      {
        enterprises: [
          // v1: first recognition year 2023 counts; its yes/no 江苏精品 has no year and does not count.
          row(FORM_V1, {
            ...base(USCC[3], "丁公司有限公司"),
            provincial_srdi_year: 2023,
            jiangsu_quality: "是",
            cloud_star: "一星级",
          }),
        ],
        region: { above_scale_sme_main_revenue: 100, contact: "李四 0518-85800000" },
      },
      FORM_V1,
    ),
  );
  expect(formOfSnapshot(b, plan.forms)).toBe(FORM_V1);
  const ra = readReturn(a, { plan, file: "a.xlsx", today: TODAY });
  const rb = readReturn(b, { plan, file: "b.xlsx", today: TODAY });
  expect([ra.errors, rb.errors]).toEqual([[], []]);
  const r = aggregateRound({ plan, period, returns: [ra, rb], deadline: "2025-10-15" });
  const val = (unit: string | null, code: string) =>
    (unit === null ? r.city.values : r.units.find((u) => u.code === unit)!.values)[code].value;
  expect([
    val(unitA.code, "provincial_srdi"),
    val(unitB.code, "provincial_srdi"),
    val(null, "provincial_srdi"),
  ]).toEqual([2, 1, 3]);
  expect([
    val(unitA.code, "jiangsu_quality"),
    val(unitB.code, "jiangsu_quality"),
    val(null, "jiangsu_quality"),
  ]).toEqual([1, 0, 1]);
  expect([
    val(unitA.code, "cloud_star_firms"),
    val(unitB.code, "cloud_star_firms"),
    val(null, "cloud_star_firms"),
  ]).toEqual([1, 0, 1]);
  expect(val(null, "mayor_quality_award")).toBe(0);
  // rd_intensity over SRDI firms of both versions: (60 + 60 + 60) / (1000 × 3).
  expect(val(null, "rd_intensity")).toBeCloseTo(0.06, 12);
  expect(r.submissions.slice(0, 2).map((s) => s.formVersion)).toEqual(["2", "1"]);
});
