// The pane offers only the plan's own periods, and proposes the latest one inside the plan.
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { defaultPeriodIn, periodInPlan, planYearList } from "../../src/core/plan/period-choices";
import { parsePeriod } from "../../src/core/plan/periods";

const plan = { ...DEFAULT_PLAN, start: "2023-01-01", end: "2025-12-31" };

test("the plan's years", () => {
  expect(planYearList(plan)).toEqual([2023, 2024, 2025]);
});

test.each([
  ["2025Q3", "2025Q3"], // inside: as proposed
  ["2026Q3", "2025Q4"], // the plan has ended: its latest quarter, not a period the core refuses
  ["2022Q4", "2023Q1"], // the plan has not begun: its first
  ["nonsense", "2025Q4"],
])("proposed %s → %s", (s, id) => {
  expect(defaultPeriodIn(plan, s).id).toBe(id);
  expect(periodInPlan(plan, defaultPeriodIn(plan, s))).toBe(true);
});

test("a period outside the plan is not one of its own", () => {
  expect(periodInPlan(plan, parsePeriod("2026Q1"))).toBe(false);
  expect(periodInPlan(plan, null)).toBe(false);
});
