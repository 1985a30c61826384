import { aggregateRound, timingOf } from "../../src/core/aggregate/round";
import { chinaDay } from "../../src/core/china-date";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import type { ReturnResult } from "../../src/core/read/types";
import { code, plat, ret } from "./fixtures";

const plan = DEFAULT_PLAN;
const period = parsePeriod("2025Q3")!;
const value = (r: ReturnType<typeof aggregateRound>, c: string, unit?: string) =>
  (unit ? r.units.find((u) => u.code === unit)!.values[c] : r.city.values[c]).value;

describe("aggregateRound: a small round computed by hand", () => {
  // 连云区 (first in unit order) and 海州区 both report code(1); 海州区 also reports a platform that
  // 连云区 reports too.
  const lianyun = ret(
    "320703",
    [
      {
        uscc: code(1),
        name: "连云港甲科技有限公司",
        provincial_srdi_year: 2023,
        revenue: 1000,
        rd_expense: 50,
      },
      { uscc: code(2), innovative_year: 2024 },
    ],
    { platforms: [plat("连云港市中小企业服务中心", "中小企业公共服务示范平台", "省级")] },
  );
  const haizhou = ret(
    "320706",
    [
      {
        uscc: code(1).toLowerCase(),
        name: "连云港甲科技有限公司",
        provincial_srdi_year: 2023,
        revenue: 900,
        rd_expense: 10,
      },
      { uscc: code(3), provincial_srdi_year: 2024, revenue: 1000, rd_expense: 70 },
    ],
    { platforms: [plat(" 连云港市中小企业服务中心", "中小企业公共服务示范平台", "省级", 2024, 5)] },
  );
  const r = aggregateRound({ plan, period, returns: [haizhou, lianyun] });

  test.each([
    ["provincial_srdi", "320703", 1],
    ["provincial_srdi", "320706", 2],
    ["provincial_srdi", undefined, 2],
    ["innovative_smes", undefined, 1],
    ["provincial_platforms", "320706", 1],
    ["provincial_platforms", undefined, 1],
    // City rd intensity uses 连云区's record of the duplicate: (50 + 70) / (1000 + 1000).
    ["rd_intensity", undefined, 0.06],
    ["rd_intensity", "320706", 80 / 1900],
  ])("%s of %s = %p", (c, unit, expected) => {
    expect(value(r, c, unit)).toBeCloseTo(expected, 12);
  });

  test("a unit that did not report has no data, not zeros", () => {
    expect(value(r, "provincial_srdi", "320707")).toBeNull();
    expect(r.units.find((u) => u.code === "320707")!.reported).toBe(false);
  });

  test("the cross-unit duplicates are listed with both units, sheets and cells; the first unit keeps them", () => {
    const d = r.duplicates.find((x) => x.kind === "enterprise")!;
    expect(d.key).toBe(code(1));
    expect(d.usedUnit).toBe("320703");
    expect(d.occurrences).toEqual([
      { unit: "320703", unitName: "连云区", file: "320703.xlsx", sheet: "企业名录", row: 2, cell: "B2" },
      { unit: "320706", unitName: "海州区", file: "320706.xlsx", sheet: "企业名录", row: 2, cell: "B2" },
    ]);
    const p = r.duplicates.find((x) => x.kind === "platform")!;
    expect(p.occurrences.map((o) => [o.unit, o.cell])).toEqual([
      ["320703", "A2"],
      ["320706", "A5"],
    ]);
    expect(r.city.enterprises).toBe(3);
  });

  test("units that did not report are listed as missing", () => {
    const missing = r.submissions.filter((s) => s.status === "missing").map((s) => s.unit);
    expect(missing).toEqual(plan.units.map((u) => u.code).filter((c) => c !== "320703" && c !== "320706"));
  });
});

describe("which returns are counted", () => {
  const mk = (unit: string, o: Partial<ReturnResult>) =>
    ret(unit, [{ uscc: code(7), little_giant_year: 2022 }], o);

  test("rejected, unknown-unit and other-period returns are listed and not counted", () => {
    const r = aggregateRound({
      plan,
      period,
      returns: [
        mk("320703", {
          rejected: true,
          file: "bad.xlsx",
          errors: [
            {
              code: "file.not_workbook",
              severity: "error",
              sheet: null,
              cell: null,
              field: null,
              value: null,
              message: "不是工作簿",
              scope: "file",
            },
          ],
        }),
        mk("999999", { file: "who.xlsx" }),
        mk("320706", { period: "2025Q2", file: "old.xlsx" }),
        mk("320707", {}),
      ],
    });
    expect(r.excluded.map((x) => [x.file, x.kind])).toEqual([
      ["bad.xlsx", "rejected"],
      ["old.xlsx", "other_period"],
      ["who.xlsx", "unknown_unit"],
    ]);
    expect(r.excluded[0].reason).toContain("不是工作簿");
    expect(value(r, "little_giants")).toBe(1);
    expect(r.submissions.find((s) => s.unit === "320703")!.status).toBe("rejected");
    expect(r.submissions.find((s) => s.unit === "320707")!.status).toBe("reported");
  });

  test.each([
    [
      "later modification time wins",
      { modified: "2025-10-09T00:00:00Z" },
      { modified: "2025-10-08T00:00:00Z" },
      "a.xlsx",
    ],
    ["no times: later file name wins", { modified: null }, { modified: null }, "b.xlsx"],
  ])("a second return of the same unit: %s, the other is superseded", (_n, oa, ob, winner) => {
    const a = ret("320703", [{ uscc: code(1), little_giant_year: 2022 }], { file: "a.xlsx", ...oa });
    const b = ret(
      "320703",
      [
        { uscc: code(1), little_giant_year: 2022 },
        { uscc: code(2), little_giant_year: 2022 },
      ],
      { file: "b.xlsx", ...ob },
    );
    for (const returns of [
      [a, b],
      [b, a],
    ]) {
      const r = aggregateRound({ plan, period, returns });
      expect(r.submissions[0].file).toBe(winner);
      expect(r.excluded).toHaveLength(1);
      expect(r.excluded[0]).toMatchObject({ kind: "superseded", supersededBy: winner });
      expect(value(r, "little_giants")).toBe(winner === "a.xlsx" ? 1 : 2);
    }
  });
});

describe("submission timing against the deadline, in China time", () => {
  test.each([
    ["2025-10-10T15:59:00Z", "on_time"],
    ["2025-10-10T16:01:00Z", "late"],
    ["2025-10-01T00:00:00+08:00", "on_time"],
  ])("%s", (t, expected) => {
    expect(timingOf(t, "2025-10-10")).toBe(expected);
  });
  test("unknown time, no deadline", () => {
    expect(timingOf(null, "2025-10-10")).toBe("unknown");
    expect(timingOf("2025-10-10T00:00:00Z", null)).toBeNull();
    expect(chinaDay("garbage")).toBeNull();
  });
  test("the deadline comes from the arguments, else from the counted returns' metadata", () => {
    const meta = {
      formId: "SRDI-COUNTY",
      formVersion: "1",
      unitCode: "320703",
      unitName: "连云区",
      period: "2025Q3",
      planId: plan.id,
      deadline: "2025-10-05",
      generatedAt: "2025-09-20T00:00:00Z",
      fingerprint: "x",
    };
    const r1 = ret("320703", [], { meta, modified: "2025-10-06T01:00:00Z" });
    expect(aggregateRound({ plan, period, returns: [r1] }).submissions[0].timing).toBe("late");
    expect(
      aggregateRound({ plan, period, returns: [r1], deadline: "2025-10-10" }).submissions[0].timing,
    ).toBe("on_time");
  });
});

test("rejected rows and warnings of counted returns are carried to the result", () => {
  const issue = {
    code: "uscc.checksum" as const,
    severity: "error" as const,
    sheet: "企业名录",
    cell: "B3",
    field: "uscc",
    value: "X",
    message: "校验码错误",
    scope: "cell" as const,
  };
  const w = {
    ...issue,
    code: "rule.rd_expense_gt_revenue" as const,
    severity: "warning" as const,
    scope: "row" as const,
    message: "研发费用大于营业收入",
  };
  const r = aggregateRound({
    plan,
    period,
    returns: [
      ret("320722", [], { rejectedRows: [{ sheet: "企业名录", row: 3, issues: [issue] }], warnings: [w] }),
    ],
  });
  expect(r.rejectedRows).toEqual([
    { file: "320722.xlsx", unit: "320722", unitName: "东海县", sheet: "企业名录", row: 3, issues: [issue] },
  ]);
  expect(r.warnings[0].issue).toBe(w);
});
