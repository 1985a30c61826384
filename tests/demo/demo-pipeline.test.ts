// The demo round through the real reader (without files): templates filled, read back, aggregated.
import { buildDemoRound } from "../../src/core/demo/round";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { readReturn } from "../../src/core/read/read-return";
import { runRound } from "../../src/core/report/round-result";
import { snapshotOf } from "../targets/snapshot-of";

const plan = DEFAULT_PLAN;
const demo = buildDemoRound(plan);
const returns = demo.returns.map((d) => {
  const desc = fillTemplate(
    buildTemplate({
      plan,
      unit: d.unit,
      period: demo.period,
      deadline: demo.deadline,
      generatedAt: demo.generatedAt,
    }),
    d.data,
  );
  return readReturn(snapshotOf(desc), { plan, file: d.fileName, modified: d.modified });
});
const result = runRound({ plan, period: demo.period, returns, targets: demo.targets });

test("every demo return is accepted; only the planted rows are rejected", () => {
  expect(returns.filter((r) => r.rejected)).toEqual([]);
  const rejected = result.aggregate.rejectedRows.map((r) => `${r.unitName}:${r.row}`);
  expect(rejected.sort()).toEqual(["灌云县:13", "灌云县:17", "灌云县:5", "灌云县:9"]);
  const codes = result.aggregate.rejectedRows.flatMap((r) => r.issues.map((i) => i.code));
  expect(codes).toEqual(expect.arrayContaining(["rule.main_revenue_gt_revenue"]));
  for (const r of returns) expect(r.rows.read).toBe(r.rows.accepted + r.rows.rejected);
});

test("the late unit, the missing unit and the duplicate are found", () => {
  const s = result.aggregate.submissions;
  expect(s.filter((x) => x.timing === "late").map((x) => x.name)).toEqual(demo.late.map((u) => u.name));
  expect(s.filter((x) => x.status === "missing").map((x) => x.name)).toEqual(demo.missing.map((u) => u.name));
  expect(result.aggregate.deadline).toBe(demo.deadline);
  const dups = result.aggregate.duplicates.filter((d) => d.kind === "enterprise");
  expect(dups.map((d) => [d.key, d.occurrences.map((o) => o.unit)])).toEqual([
    [demo.duplicate.uscc, demo.duplicate.units],
  ]);
});

test("the city figures are plausible: a mix of statuses, every unit ranked, the missing one last", () => {
  const statuses = new Set(result.score.city.map((s) => s.status));
  expect(statuses).toEqual(new Set(["green", "yellow", "red"]));
  expect(result.score.city.every((s) => s.actual !== null)).toBe(true);
  expect(result.score.units.every((u) => u.rank !== null && u.band !== null)).toBe(true);
  const missing = result.score.units.filter((u) => !u.reported);
  expect(missing.map((u) => u.name)).toEqual(demo.missing.map((u) => u.name));
  for (const u of missing) expect(u.rank).toBe(plan.units.length - missing.length + 1);
  for (const u of result.score.units.filter((x) => x.reported)) expect(u.score!).toBeGreaterThan(40);
  // Scores spread out: the best and the worst reporting unit are at least 10 points apart.
  const scores = result.score.units.filter((x) => x.reported).map((x) => x.score!);
  expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThan(10);
});
