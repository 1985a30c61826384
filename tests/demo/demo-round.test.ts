import { buildDemoRound } from "../../src/core/demo/round";
import { splitByWeight } from "../../src/core/demo/allocation";
import { rng } from "../../src/core/demo/prng";
import { makeUscc } from "../../src/core/demo/uscc-gen";
import { FORM_V1 } from "../../src/core/form/v1";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { isValidUscc } from "../../src/core/read/uscc";

const plan = DEFAULT_PLAN;
const demo = buildDemoRound(plan);
const col = (key: string) => FORM_V1.enterprises.fields.findIndex((f) => f.key === key);

test("deterministic: the same seed gives the same round", () => {
  expect(JSON.stringify(buildDemoRound(plan))).toBe(JSON.stringify(demo));
  expect(JSON.stringify(buildDemoRound(plan, "2025Q3", 7))).not.toBe(JSON.stringify(demo));
});

test("generated USCCs are valid (GB 32100 check character) and carry the unit's division", () => {
  const r = rng(1);
  for (let i = 0; i < 500; i++) {
    const c = makeUscc(r, "320722");
    expect(isValidUscc(c)).toBe(true);
    expect(c.slice(2, 8)).toBe("320722");
  }
});

test("every unit but one reports; tens to a couple hundred rows each; only the planted codes are invalid", () => {
  expect(demo.returns).toHaveLength(plan.units.length - 1);
  expect(demo.missing.map((u) => u.name)).toEqual(["云台山风景名胜区"]);
  let invalid = 0;
  for (const ret of demo.returns) {
    const rows = ret.data.enterprises!;
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.length).toBeLessThanOrEqual(260);
    for (const row of rows) if (!isValidUscc(row[col("uscc")] as string)) invalid++;
    expect(
      rows.every((r) => /^(连云港|江苏|东海|赣榆|灌云|灌南).+有限公司$/.test(r[col("name")] as string)),
    ).toBe(true);
  }
  expect(invalid).toBe(6);
  // One unit still on form version 1, the others on version 2.
  expect(demo.returns.filter((r) => r.form.version === "1").map((r) => r.unit.code)).toEqual([demo.v1.code]);
});

test("one late unit (after the deadline in China time) and one enterprise reported by two units", () => {
  // Late by the workbook's saved time; some file times are later copies and say nothing.
  const late = demo.returns.filter((r) => r.savedAt.slice(0, 10) > demo.deadline);
  expect(demo.returns.some((r) => r.modified !== r.savedAt)).toBe(true);
  expect(late.map((r) => r.unit.code)).toEqual(demo.late.map((u) => u.code));
  const holders = demo.returns.filter((r) =>
    r.data.enterprises!.some((e) => e[col("uscc")] === demo.duplicate.uscc),
  );
  expect(holders.map((r) => r.unit.code)).toEqual(demo.duplicate.units);
});

test("the allocation of every count indicator adds up to the city target", () => {
  for (const ind of plan.indicators.filter((i) => i.kind === "count")) {
    const sum = plan.units.reduce((s, u) => s + (demo.targets.units[u.code][ind.code].target ?? 0), 0);
    expect(sum).toBe(ind.target);
  }
  expect(splitByWeight(10, [1, 1, 1])).toEqual([4, 3, 3]);
  expect(splitByWeight(0, [1, 2])).toEqual([0, 0]);
});
