// Submission time and region figures: the bureau's records win over what the returns say of themselves.
import { aggregateRound, submissionTime } from "../../src/core/aggregate/round";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { code, ret } from "./fixtures";

const plan = DEFAULT_PLAN;
const period = parsePeriod("2025Q3")!;
const deadline = "2025-10-10";

describe("submission time: receipt, then the workbook's saved time, then the file time", () => {
  test.each([
    [
      { savedAt: "2025-10-09T02:00:00.000Z", modified: "2025-10-20T02:00:00.000Z" },
      "2025-10-12",
      "receipt",
      "2025-10-12",
    ],
    [
      { savedAt: "2025-10-09T02:00:00.000Z", modified: "2025-10-20T02:00:00.000Z" },
      undefined,
      "workbook",
      "2025-10-09T02:00:00.000Z",
    ],
    [{ savedAt: null, modified: "2025-10-20T02:00:00.000Z" }, undefined, "file", "2025-10-20T02:00:00.000Z"],
    [{ savedAt: null, modified: null }, undefined, null, null],
  ] as const)("%p with receipt %p -> %p", (r, receipt, source, at) => {
    expect(submissionTime(r, receipt)).toEqual({ at, source });
  });

  const saved = "2025-10-09T02:00:00.000Z"; // 10:00 China time, before the deadline
  const original = ret("320703", [{ uscc: code(1) }], { savedAt: saved, modified: saved });
  // The same workbook copied by USB a fortnight later: a new file time, the same saved time.
  const copy = { ...original, modified: "2025-10-24T09:00:00.000Z" };

  test("re-saving or copying the returns changes no submission time when the workbook carries its saved time", () => {
    const a = aggregateRound({ plan, period, returns: [original], deadline }).submissions[0];
    const b = aggregateRound({ plan, period, returns: [copy], deadline }).submissions[0];
    expect([a.submittedAt, a.submittedAtSource, a.timing]).toEqual([saved, "workbook", "on_time"]);
    expect([b.submittedAt, b.submittedAtSource, b.timing]).toEqual([saved, "workbook", "on_time"]);
  });

  test("without a saved time the file time is used, and the copy looks late", () => {
    const s = aggregateRound({ plan, period, returns: [{ ...copy, savedAt: null }], deadline })
      .submissions[0];
    expect([s.submittedAtSource, s.timing]).toEqual(["file", "late"]);
  });

  test("the bureau's receipt date decides, whatever the file says", () => {
    const s = aggregateRound({
      plan,
      period,
      returns: [original],
      deadline,
      receipts: { "320703": "2025-10-13" },
    }).submissions;
    expect(s[0]).toMatchObject({ submittedAt: "2025-10-13", submittedAtSource: "receipt", timing: "late" });
    // A unit with a receipt but no counted return is still missing.
    expect(s.find((x) => x.unit === "320706")).toMatchObject({ status: "missing", submittedAtSource: null });
  });

  test("the counted return's form version is reported", () => {
    const s = aggregateRound({
      plan,
      period,
      returns: [{ ...original, formVersion: "2" }],
      deadline,
    }).submissions;
    expect(s[0].formVersion).toBe("2");
    expect(s[1].formVersion).toBeNull();
  });
});

describe("region figures: the bureau's per unit, the unit's own as a check", () => {
  const srdi = (n: number, mainRevenue: number) => ({
    uscc: code(n),
    provincial_srdi_year: 2024,
    above_scale: true,
    main_revenue: mainRevenue,
  });
  const returns = [
    ret("320703", [srdi(1, 300)], { region: { above_scale_sme_main_revenue: 400, contact: "甲" } }),
    ret("320706", [srdi(2, 200)], { region: { above_scale_sme_main_revenue: 1000, contact: "乙" } }),
  ];
  test("the bureau's figure is used where entered, the county's where not; the city sums what was used", () => {
    const r = aggregateRound({
      plan,
      period,
      returns,
      deadline,
      regionFigures: {
        "320703": { above_scale_sme_main_revenue: 1500 },
        "320722": { above_scale_sme_main_revenue: 9 },
      },
    });
    const u = (c: string) => r.units.find((x) => x.code === c)!;
    expect(u("320703").region).toEqual({ bureau: 1500, county: 400, used: "bureau" });
    expect(u("320703").values.srdi_revenue_share.value).toBeCloseTo(300 / 1500, 12);
    expect(u("320706").region).toEqual({ bureau: null, county: 1000, used: "county" });
    expect(u("320706").values.srdi_revenue_share.value).toBeCloseTo(0.2, 12);
    // 东海县 did not report: its figure is shown but not in the city's denominator.
    expect(u("320722").region).toEqual({ bureau: 9, county: null, used: "bureau" });
    expect(r.city.values.srdi_revenue_share).toMatchObject({ numerator: 500, denominator: 2500 });
  });
});
