// A firm two units report counts once in the whole, with the row of the unit where it is registered
// (统一社会信用代码 digits 3–8 = the unit's code, or a 设区市/州 unit covering that division), so the figure
// does not depend on the order of the units (issue 25: one round gave 2762 instead of 2763). Where no unit
// matches, the first unit in the 单位 order keeps it, as before.
import { aggregateRound, registeredUnitOf } from "../../src/core/aggregate/round";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import type { Plan } from "../../src/core/plan/types";
import { JIANGSU_PLAN } from "../../src/core/plans/jiangsu-2023-2025";
import { ret } from "./fixtures";

const period = parsePeriod("2025Q3")!;
/** 海州区 (320706) registered, a key of the same shape as fixtures' code(). */
const HOME = "91320706MA0000001X";
const ELSEWHERE = "91320999MA0000002X";

function round(plan: Plan, a: string, b: string, uscc: string) {
  // The same firm, different figures in the two returns: 研发费用 50 (unit a) and 90 (unit b) of 1000.
  const firm = (rd: number) => ({ uscc, provincial_srdi_year: 2024, revenue: 1000, rd_expense: rd });
  return aggregateRound({
    plan,
    period,
    returns: [ret(a, [firm(50)]), ret(b, [firm(90)])],
  });
}
const rd = (r: ReturnType<typeof aggregateRound>) => r.city.values.rd_intensity.value;
const reversed = (plan: Plan): Plan => ({ ...plan, units: [...plan.units].reverse() });

test("the registered unit's row counts, in either order of the units", () => {
  for (const plan of [DEFAULT_PLAN, reversed(DEFAULT_PLAN)]) {
    // 连云区 (320703) and 海州区 (320706) both report a firm registered in 海州区.
    const r = round(plan, "320703", "320706", HOME);
    expect(rd(r)).toBeCloseTo(0.09, 12);
    expect(r.city.enterprises).toBe(1);
    const d = r.duplicates.find((x) => x.kind === "enterprise")!;
    expect(d.usedUnit).toBe("320706");
    expect(d.occurrences.map((o) => o.unit).sort()).toEqual(["320703", "320706"]);
    // Each unit still counts the firm in its own figures.
    expect(r.units.find((u) => u.code === "320703")!.values.rd_intensity.value).toBeCloseTo(0.05, 12);
  }
});

test("registered in no unit: the first unit in the 单位 order keeps it (so the order matters only then)", () => {
  expect(round(DEFAULT_PLAN, "320703", "320706", ELSEWHERE).duplicates[0].usedUnit).toBe("320703");
  expect(round(reversed(DEFAULT_PLAN), "320703", "320706", ELSEWHERE).duplicates[0].usedUnit).toBe("320706");
});

test("a province: a firm registered in a county (320506) belongs to its 设区市 (320500)", () => {
  const home = registeredUnitOf(JIANGSU_PLAN);
  expect(home("91320506MA0000001X")).toBe("320500");
  expect(home("91320100MA0000001X")).toBe("320100");
  expect(home("91110105MA0000001X")).toBeNull();
  for (const plan of [JIANGSU_PLAN, reversed(JIANGSU_PLAN)]) {
    const r = round(plan, "320100", "320500", "91320506MA0000001X");
    expect(r.duplicates[0].usedUnit).toBe("320500");
    expect(rd(r)).toBeCloseTo(0.09, 12);
  }
});

test("the built-in zones' own codes (3207X1) never match a registration division", () => {
  expect(registeredUnitOf(DEFAULT_PLAN)("913207X1MA0000001X")).toBeNull();
  expect(registeredUnitOf(DEFAULT_PLAN)("91320722MA0000001X")).toBe("320722");
});
