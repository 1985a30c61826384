// Issue 17 (3): a plan with yearly milestones (云南 style: base 3019, 年均增加1000, 6000左右 by 2027) and a
// target stated as an increase (新培育 500 over the plan). Expected values and statuses worked by hand for
// 2026H1, between the 2025 and 2026 milestones.
import type { AggregateResult } from "../../src/core/aggregate/types";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { milestoneInForce, milestonesOf } from "../../src/core/plan/milestones";
import type { Indicator, Plan } from "../../src/core/plan/types";
import { scoreRound } from "../../src/core/score/score";
import { DEFAULT_SETTINGS, type TargetAllocation } from "../../src/core/targets/types";

const base = DEFAULT_PLAN.indicators.find((i) => i.code === "innovative_smes")!;
const stock: Indicator = {
  ...base,
  cmp: "~",
  target: 6000,
  base: 3019,
  annualIncrease: 1000,
  milestones: undefined,
};
const grown: Indicator = {
  ...DEFAULT_PLAN.indicators.find((i) => i.code === "provincial_srdi")!,
  basis: "increase",
  target: 500,
  base: 1543,
  milestones: [
    { year: 2025, target: 150 },
    { year: 2026, target: 300 },
    { year: 2027, target: 500 },
  ],
};
const plan: Plan = {
  ...DEFAULT_PLAN,
  start: "2025-01-01",
  end: "2027-12-31",
  baseDate: "2024-12-31",
  units: DEFAULT_PLAN.units.slice(0, 1),
  indicators: [stock, grown],
};

const val = (v: number | null) => ({ value: v, numerator: null, denominator: null });
function aggregate(periodEnd: string, city: [number, number], unit: [number, number]): AggregateResult {
  return {
    planId: plan.id,
    period: periodEnd.slice(0, 4),
    periodLabel: "",
    periodEnd,
    deadline: null,
    city: {
      values: { innovative_smes: val(city[0]), provincial_srdi: val(city[1]) },
      enterprises: 0,
      platforms: 0,
    },
    units: [
      {
        code: plan.units[0].code,
        name: plan.units[0].name,
        reported: true,
        values: { innovative_smes: val(unit[0]), provincial_srdi: val(unit[1]) },
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
}
// The unit's allocation for 2026: base 300 → 500 stock; 新培育 60 by 2026 over its base 100.
const targets: TargetAllocation = {
  city: {},
  units: {
    [plan.units[0].code]: {
      innovative_smes: { base: 300, target: 500 },
      provincial_srdi: { base: 100, target: 60 },
    },
  },
};

test("年均增加 gives a milestone each year; the end target stays the plan's", () => {
  expect(milestonesOf(plan, stock)).toEqual([
    { year: 2025, target: 4019 },
    { year: 2026, target: 5019 },
    { year: 2027, target: 6000 },
  ]);
  expect(milestoneInForce(plan, stock, 2026)).toMatchObject({
    year: 2026,
    target: 5019,
    previous: 4019,
    from: "2026-01-01",
    to: "2026-12-31",
    last: false,
  });
  // A plan of one end target: one segment from the plan's start, as before.
  expect(milestoneInForce(DEFAULT_PLAN, base, 2024)).toMatchObject({
    year: 2025,
    previous: null,
    from: "2023-01-01",
  });
});

test("2026H1: expected values, completion and status between the 2025 and 2026 milestones", () => {
  const r = scoreRound({
    aggregate: aggregate("2026-06-30", [4400, 1800], [420, 130]),
    plan,
    targets,
    settings: DEFAULT_SETTINGS,
  });
  const p = 181 / 365; // 1 January to 30 June 2026, counted inclusive, over the 365 days of 2026
  expect(r.timeProgress).toBeCloseTo(p, 12);

  const [cs, cg] = r.city;
  // Stock: from the 2025 milestone 4019 to 5019; completion on the increase over the base 3019.
  expect(cs).toMatchObject({
    milestoneYear: 2026,
    target: 5019,
    base: 3019,
    actual: 4400,
    status: "yellow",
    met: true,
  });
  expect(cs.expected).toBeCloseTo(4019 + 1000 * p, 9); // 4514.89
  expect(cs.completion).toBeCloseTo((4400 - 3019) / (5019 - 3019), 12); // 69 %
  // (4514.89 − 4400) / 5019 = 2.3 points behind: yellow; "~" is met at 80 % of 5019.

  // Increase (新培育): shown and scored as the increase over the base 1543: 257 of the 2026 milestone 300.
  expect(cg).toMatchObject({
    milestoneYear: 2026,
    shownAs: "increase",
    base: 1543,
    actual: 257,
    target: 300,
    met: false,
  });
  expect(cg.expected).toBeCloseTo(150 + 150 * p, 9); // 224.4
  expect(cg.completion).toBeCloseTo(257 / 300, 12);
  expect(cg.status).toBe("green");

  const [us, ug] = r.units[0].indicators;
  // The unit starts the segment where its share of the way stands at the 2025 milestone: the city's
  // 2025 milestone is half the way from 3019 to 5019, so 300 + (500 − 300) × 0.5 = 400.
  expect(us.expected).toBeCloseTo(400 + 100 * p, 9); // 449.6
  expect(us.completion).toBeCloseTo((420 - 300) / (500 - 300), 12);
  expect(us.status).toBe("yellow"); // (449.6 − 420) / 500 = 5.9 points
  // Increase: the unit's 2026 target is 60 new firms; the city's 2025 milestone is half of its 2026 one.
  expect(ug).toMatchObject({ actual: 30, target: 60, shownAs: "increase" });
  expect(ug.expected).toBeCloseTo(30 + 30 * p, 9);
  expect(ug.completion).toBeCloseTo(0.5, 12);
  expect(ug.status).toBe("red"); // (44.9 − 30) / 60 = 24.8 points behind
});

test("2025Q4 is measured against the 2025 milestone, from the plan's start", () => {
  const r = scoreRound({
    aggregate: aggregate("2025-12-31", [4100, 1700], [350, 110]),
    plan,
    targets: { city: {}, units: {} },
    settings: DEFAULT_SETTINGS,
  });
  expect(r.timeProgress).toBe(1);
  expect(r.city[0]).toMatchObject({
    milestoneYear: 2025,
    target: 4019,
    expected: 4019,
    status: "green",
    met: true,
  });
  expect(r.city[1]).toMatchObject({
    milestoneYear: 2025,
    target: 150,
    actual: 157,
    expected: 150,
    status: "green",
    met: true,
  });
});

test("an increase target without a known base has no figure, never the stock read as an increase", () => {
  const noBase: Plan = { ...plan, indicators: [{ ...grown, base: null }] };
  const r = scoreRound({
    aggregate: aggregate("2026-06-30", [0, 1800], [0, 130]),
    plan: noBase,
    targets: { city: {}, units: {} },
    settings: DEFAULT_SETTINGS,
  });
  expect(r.city[0]).toMatchObject({ actual: null, completion: null, status: null, target: 300 });
});
