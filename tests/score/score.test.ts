import type { AggregateResult } from "../../src/core/aggregate/types";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import type { Indicator, Plan } from "../../src/core/plan/types";
import { isMet, rankScores, scoreIndicator, scoreRound, statusOf } from "../../src/core/score/score";
import { DEFAULT_SETTINGS, type TargetAllocation } from "../../src/core/targets/types";

describe("met, per comparator", () => {
  test.each([
    [">", 5, 5, false],
    [">", 5.01, 5, true],
    [">=", 5, 5, true],
    [">=", 4.99, 5, false],
    ["~", 4, 5, true], // 80 % of 5
    ["~", 3.99, 5, false],
    ["~", 6, 5, true],
  ] as const)("%s: actual %p, target %p -> %p", (cmp, actual, target, expected) => {
    expect(isMet(actual, target, cmp, 0.8)).toBe(expected);
  });
});

describe("status: green at or above expected, yellow within 10 points of completion below, red beyond", () => {
  test.each([
    [80, 80, 100, "green"],
    [81, 80, 100, "green"],
    [70, 80, 100, "yellow"], // exactly 10 points
    [69.9, 80, 100, "red"],
    [0.55, 0.6, 1, "yellow"], // a share: 5 points below
    [0.45, 0.6, 1, "red"],
  ] as const)("actual %p, expected %p, target %p -> %s", (a, e, t, s) => {
    expect(statusOf(a, e, t, 0.1)).toBe(s);
  });
  test("the threshold is a setting", () => {
    expect(statusOf(70, 80, 100, 0.05)).toBe("red");
  });
});

describe("scoreIndicator", () => {
  const ind = DEFAULT_PLAN.indicators.find((i) => i.code === "provincial_srdi")!;
  test("expected = base + (target − base) × progress; completion = actual / target; gap 12.5 points is red", () => {
    const stock = { ...DEFAULT_SETTINGS, completionBasis: "stock" as const };
    const s = scoreIndicator(ind, 150, { base: 100, target: 200 }, 200, 0.75, stock);
    expect(s.expected).toBe(175);
    expect(s.completion).toBe(0.75);
    expect(s.expectedCompletion).toBe(0.875);
    expect(s.status).toBe("red");
    expect(s.met).toBe(false);
    // The default basis: the increase, (150 − 100) / (200 − 100), expected (175 − 100) / 100.
    const inc = scoreIndicator(ind, 150, { base: 100, target: 200 }, 200, 0.75, DEFAULT_SETTINGS);
    expect([inc.completion, inc.expectedCompletion, inc.completionBasis]).toEqual([0.5, 0.75, "increase"]);
  });
  test("unknown base: the plain time progress, expected = target × progress", () => {
    expect(scoreIndicator(ind, 150, undefined, 200, 0.75, DEFAULT_SETTINGS).expected).toBe(150);
  });
  test("completion is capped at settings.cap", () => {
    expect(scoreIndicator(ind, 500, undefined, 200, 0.5, DEFAULT_SETTINGS).completion).toBe(1.2);
    expect(scoreIndicator(ind, 500, undefined, 200, 0.5, { ...DEFAULT_SETTINGS, cap: 1.5 }).completion).toBe(
      1.5,
    );
  });
  test("no data or no target: no completion and no status", () => {
    expect(scoreIndicator(ind, null, undefined, 200, 0.5, DEFAULT_SETTINGS)).toMatchObject({
      completion: null,
      status: null,
      met: null,
      expected: 100,
    });
    expect(scoreIndicator(ind, 5, undefined, null, 0.5, DEFAULT_SETTINGS)).toMatchObject({
      completion: null,
      status: null,
      expected: null,
    });
    expect(scoreIndicator(ind, 5, undefined, 0, 0.5, DEFAULT_SETTINGS)).toMatchObject({
      completion: null,
      status: null,
    });
  });
});

describe("rank: ties share a rank", () => {
  test.each([
    [
      [90, 80, 80, 70],
      [1, 2, 2, 4],
    ],
    [
      [50, null, 60],
      [2, null, 1],
    ],
    [
      [70.001, 70.004, 60],
      [1, 1, 3],
    ], // equal at the shown precision
    [[], []],
  ])("%p -> %p", (scores, ranks) => {
    expect(rankScores(scores)).toEqual(ranks);
  });
});

describe("scoreRound", () => {
  // Two indicators: a count and a rate; two units.
  const inds: Indicator[] = [
    DEFAULT_PLAN.indicators.find((i) => i.code === "provincial_srdi")!,
    DEFAULT_PLAN.indicators.find((i) => i.code === "transformation_coverage")!,
  ];
  const plan: Plan = { ...DEFAULT_PLAN, units: DEFAULT_PLAN.units.slice(0, 3), indicators: inds };
  const val = (value: number | null) => ({ value, numerator: null, denominator: null });
  const aggregate: AggregateResult = {
    planId: plan.id,
    period: "2025Q3",
    periodLabel: "2025年第三季度",
    periodEnd: "2025-09-30",
    deadline: null,
    city: {
      values: { provincial_srdi: val(180), transformation_coverage: val(0.9) },
      enterprises: 0,
      platforms: 0,
    },
    units: [
      {
        code: "320703",
        name: "连云区",
        reported: true,
        values: { provincial_srdi: val(30), transformation_coverage: val(0.5) },
        enterprises: 0,
        platforms: 0,
      },
      {
        code: "320706",
        name: "海州区",
        reported: true,
        values: { provincial_srdi: val(60), transformation_coverage: val(null) },
        enterprises: 0,
        platforms: 0,
      },
      {
        code: "320707",
        name: "赣榆区",
        reported: false,
        values: { provincial_srdi: val(null), transformation_coverage: val(null) },
        enterprises: 0,
        platforms: 0,
      },
    ],
    submissions: [],
    excluded: [],
    rejectedRows: [],
    duplicates: [],
    warnings: [],
  };
  const targets: TargetAllocation = {
    units: {
      "320703": { provincial_srdi: { base: 10, target: 40 } },
      "320706": { provincial_srdi: { base: 20, target: 50 } },
    },
    city: { provincial_srdi: { base: 90, target: null } },
  };

  test("time progress of 2025Q3 by day and by month", () => {
    expect(scoreRound({ aggregate, plan, targets, settings: DEFAULT_SETTINGS }).timeProgress).toBeCloseTo(
      1004 / 1096,
      12,
    );
    expect(
      scoreRound({ aggregate, plan, targets, settings: { ...DEFAULT_SETTINGS, basis: "month" } })
        .timeProgress,
    ).toBe(33 / 36);
  });

  const stock = { ...DEFAULT_SETTINGS, completionBasis: "stock" as const, noTarget: "scale" as const };

  test("unit scores: indicator part capped at 100 % per indicator, over-performance as a bonus", () => {
    const r = scoreRound({ aggregate, plan, targets, settings: stock });
    const [a, b, c] = r.units;
    // 连云区: count 30/40 = 0.75, rate 0.5/1 (city target) = 0.5 -> 62.5, no bonus
    expect(a.indicatorPart).toBeCloseTo(62.5, 10);
    expect(a.score).toBeCloseTo(62.5, 10);
    expect(a.indicators[1]).toMatchObject({ target: 1, targetSource: "city", scored: true });
    // 海州区: count 60/50 = 1.2 -> 1 in the part and 0.2 over; the rate has no data -> 0: part 50,
    // bonus 0.2 / 2 × 100 = 10 (the cap).
    expect(b.indicatorPart).toBeCloseTo(50, 10);
    expect(b.bonus).toBeCloseTo(10, 10);
    expect(b.score).toBeCloseTo(60, 10);
    expect(b.indicators[1].scored).toBe(true);
    // 赣榆区 did not report: zero part, 10 points deducted, ranked last.
    expect(c).toMatchObject({ indicatorPart: 0, score: -10, rank: 3, band: "较差" });
    expect(c.deductions).toEqual({ late: 0, missing: 10, rejectedRows: 0, total: 10 });
    expect([a.rank, b.rank]).toEqual([1, 2]);
    expect([a.band, b.band]).toEqual(["一般", "一般"]);
    // City base from the allocation: expected = 90 + (200 − 90) × progress.
    expect(r.city[0].expected).toBeCloseTo(90 + 110 * (1004 / 1096), 10);
  });

  test("increase over the base: (actual − base) / (target − base)", () => {
    const r = scoreRound({ aggregate, plan, targets, settings: { ...stock, completionBasis: "increase" } });
    expect(r.units[0].indicators[0]).toMatchObject({ completionBasis: "increase" });
    expect(r.units[0].indicators[0].completion).toBeCloseTo(20 / 30, 12);
    // The rate has no base: its stock.
    expect(r.units[0].indicators[1]).toMatchObject({ completion: 0.5, completionBasis: "stock" });
  });

  test("weights are settings; weight 0 drops an indicator from the score", () => {
    const r = scoreRound({
      aggregate,
      plan,
      targets,
      settings: { ...stock, weights: { provincial_srdi: 3 } },
    });
    expect(r.units[0].score).toBeCloseTo(((3 * 0.75 + 0.5) / 4) * 100, 10);
    const z = scoreRound({
      aggregate,
      plan,
      targets,
      settings: { ...stock, weights: { transformation_coverage: 0 } },
    });
    expect(z.units[0].score).toBeCloseTo(75, 10);
  });

  test("no target for some unit: excluded for all units, or the city target scaled by the unit's share", () => {
    const ex = scoreRound({ aggregate, plan, targets, settings: { ...stock, noTarget: "exclude" } });
    // 赣榆区 has no provincial_srdi target: no unit is scored on it.
    expect(ex.units.map((u) => u.indicators[0].scored)).toEqual([false, false, false]);
    expect(ex.units[0].score).toBeCloseTo(50, 10);
    const part = {
      units: { "320703": { provincial_srdi: { base: 10, target: null } } },
      city: { provincial_srdi: { base: 90, target: null } },
    };
    const sc = scoreRound({ aggregate, plan, targets: part, settings: stock });
    // share = unit base / city base = 10 / 90 of the plan's 200.
    expect(sc.units[0].indicators[0].target).toBeCloseTo((200 * 10) / 90, 10);
    expect(sc.units[0].indicators[0].targetSource).toBe("scaled");
    // No base: an equal share of the three units.
    expect(sc.units[1].indicators[0].target).toBeCloseTo(200 / 3, 10);
    expect(sc.units[1].indicators[0].scored).toBe(true);
  });
});
