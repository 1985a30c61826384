// A round scored by hand: a late unit, a missing unit and a unit with rejected rows, under two settings
// (increase with deductions, the default; stock without deductions).
import { aggregateRound } from "../../src/core/aggregate/round";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import type { Plan } from "../../src/core/plan/types";
import { scoreRound, workingDaysLate, bandOf } from "../../src/core/score/score";
import { DEFAULT_SETTINGS, type ScoringSettings, type TargetAllocation } from "../../src/core/targets/types";
import { code, ret } from "../aggregate/fixtures";

const plan: Plan = {
  ...DEFAULT_PLAN,
  units: DEFAULT_PLAN.units.slice(0, 4), // 连云区 320703, 海州区 320706, 赣榆区 320707, 东海县 320722
  indicators: ["provincial_srdi", "transformation_coverage"].map((c) =>
    DEFAULT_PLAN.indicators.find((i) => i.code === c)!,
  ),
};
const period = parsePeriod("2025Q3")!;
let n = 0;
const firms = (count: number, transformed: number) =>
  Array.from({ length: count }, (_, i) => ({
    uscc: code(++n),
    provincial_srdi_year: 2023,
    transformation: i < transformed,
  }));

const returns = [
  // On time (10:00 on 8 October, China time).
  ret("320703", firms(3, 2), { modified: "2025-10-08T02:00:00.000Z" }),
  // Late: Wednesday 15 October, three working days after Friday 10 October.
  ret("320706", firms(5, 5), { modified: "2025-10-15T02:00:00.000Z" }),
  // On time, but 1 of 10 rows rejected: 10 % > 5 %.
  ret("320722", firms(2, 1), {
    modified: "2025-10-09T02:00:00.000Z",
    rows: { read: 10, accepted: 9, rejected: 1 },
  }),
  // 赣榆区 320707 sent nothing.
];
const targets: TargetAllocation = {
  units: {
    "320703": { provincial_srdi: { base: 1, target: 5 } },
    "320706": { provincial_srdi: { base: 2, target: 4 } },
    "320707": { provincial_srdi: { base: 1, target: 3 } },
    "320722": { provincial_srdi: { base: 0, target: 4 } },
  },
  city: {},
};
const aggregate = aggregateRound({ plan, period, returns, deadline: "2025-10-10" });
const byName = (settings: ScoringSettings) => {
  const r = scoreRound({ aggregate, plan, targets, settings });
  return Object.fromEntries(r.units.map((u) => [u.name, u]));
};

test("working days late: weekends do not count", () => {
  expect(workingDaysLate("2025-10-15", "2025-10-10")).toBe(3);
  expect(workingDaysLate("2025-10-12", "2025-10-10")).toBe(0); // Sunday
  expect(workingDaysLate("2025-10-27", "2025-10-10")).toBe(11);
  expect(workingDaysLate("2025-10-10", "2025-10-10")).toBe(0);
});

test("default settings: increase over base, late 1 point per working day, missing 10, rejected rows 1", () => {
  const u = byName(DEFAULT_SETTINGS);
  // 连云区: count (3 − 1) / (5 − 1) = 0.5; rate 2/3 (no base: the stock) -> part (0.5 + 2/3) / 2.
  expect(u["连云区"].indicatorPart).toBeCloseTo(((0.5 + 2 / 3) / 2) * 100, 10);
  expect(u["连云区"].bonus).toBe(0);
  expect(u["连云区"].deductions.total).toBe(0);
  expect(u["连云区"].daysLate).toBe(0);
  // 海州区: count (5 − 2) / (4 − 2) = 1.5, capped at 1.2 -> 1 in the part, 0.2 over; rate 1.
  // Part 100, bonus 0.2 / 2 × 100 = 10 (the cap), late 3 working days -> 3 points: 107.
  expect(u["海州区"]).toMatchObject({ indicatorPart: 100, daysLate: 3, band: "好" });
  expect(u["海州区"].bonus).toBeCloseTo(10, 10);
  expect(u["海州区"].deductions).toEqual({ late: 3, missing: 0, rejectedRows: 0, total: 3 });
  expect(u["海州区"].score).toBeCloseTo(107, 10);
  // 东海县: count 2 / 4 = 0.5 (base 0), rate 1/2 -> part 50; rejected rows 10 % > 5 % -> 1 point: 49.
  expect(u["东海县"].indicatorPart).toBeCloseTo(50, 10);
  expect(u["东海县"].deductions).toEqual({ late: 0, missing: 0, rejectedRows: 1, total: 1 });
  expect(u["东海县"].score).toBeCloseTo(49, 10);
  // 赣榆区: no return -> zero part, 10 deducted, ranked last.
  expect(u["赣榆区"]).toMatchObject({
    reported: false,
    indicatorPart: 0,
    bonus: 0,
    score: -10,
    daysLate: null,
  });
  expect(u["赣榆区"].deductions).toEqual({ late: 0, missing: 10, rejectedRows: 0, total: 10 });
  expect([u["海州区"].rank, u["连云区"].rank, u["东海县"].rank, u["赣榆区"].rank]).toEqual([1, 2, 3, 4]);
  expect([u["连云区"].band, u["东海县"].band, u["赣榆区"].band]).toEqual(["较差", "较差", "较差"]);
});

test("stock completion, deductions off, bonus capped at 5: the missing unit is still ranked last", () => {
  const u = byName({
    ...DEFAULT_SETTINGS,
    completionBasis: "stock",
    latePoints: 0,
    missingPoints: 0,
    rejectedPoints: 0,
    bonusCap: 5,
  });
  // 连云区: 3 / 5 = 0.6, 2/3 -> 63.33.
  expect(u["连云区"].score).toBeCloseTo(((0.6 + 2 / 3) / 2) * 100, 10);
  // 海州区: 5 / 4 = 1.25, capped at 1.2 -> 0.2 over -> 10 points, capped at 5: 105.
  expect(u["海州区"].score).toBeCloseTo(105, 10);
  expect(u["海州区"].deductions.total).toBe(0);
  expect(u["海州区"].daysLate).toBe(3);
  // 东海县: 2 / 4 = 0.5, 0.5 -> 50.
  expect(u["东海县"].score).toBeCloseTo(50, 10);
  // 赣榆区: 0, and still last although 0 is no lower than nothing deducted elsewhere.
  expect(u["赣榆区"]).toMatchObject({ score: 0, rank: 4 });
  expect([u["海州区"].rank, u["连云区"].rank, u["东海县"].rank]).toEqual([1, 2, 3]);
});

test("late return, flat: once, whatever the days; capped", () => {
  const flat = byName({ ...DEFAULT_SETTINGS, lateMode: "flat", latePoints: 2 });
  expect(flat["海州区"].deductions.late).toBe(2);
  const capped = byName({ ...DEFAULT_SETTINGS, latePoints: 4, lateCap: 5 });
  expect(capped["海州区"].deductions.late).toBe(5);
});

test("rejected rows at the threshold are not deducted", () => {
  expect(byName({ ...DEFAULT_SETTINGS, rejectedShare: 0.1 })["东海县"].deductions.rejectedRows).toBe(0);
});

test("every unit is scored on the same indicator set", () => {
  const r = scoreRound({ aggregate, plan, targets, settings: DEFAULT_SETTINGS });
  const sets = r.units
    .filter((u) => u.reported)
    .map((u) => u.indicators.filter((s) => s.scored).map((s) => s.code));
  expect(sets).toEqual([sets[0], sets[0], sets[0]]);
  expect(sets[0]).toEqual(["provincial_srdi", "transformation_coverage"]);
  expect(r.bands.map((b) => b.label)).toEqual(["好", "较好", "一般", "较差"]);
});

test("bands: the first reached, else the last", () => {
  const bands = [
    { label: "一档", min: 95 },
    { label: "二档", min: 85 },
    { label: "三档", min: 70 },
  ];
  expect([bandOf(96, bands), bandOf(85, bands), bandOf(10, bands), bandOf(null, bands)]).toEqual([
    "一档",
    "二档",
    "三档",
    null,
  ]);
});
