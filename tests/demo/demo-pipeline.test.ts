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
      form: d.form,
      unit: d.unit,
      period: demo.period,
      deadline: demo.deadline,
      generatedAt: demo.generatedAt,
    }),
    d.data,
    d.form,
  );
  const snap = snapshotOf(desc);
  snap.source = { name: d.fileName, modified: d.modified, savedAt: d.savedAt };
  return readReturn(snap, { plan, file: d.fileName, modified: d.modified, today: "2025-10-20" });
});
const result = runRound({ plan, period: demo.period, returns, targets: demo.targets });

test("every demo return is accepted; only the planted rows are rejected", () => {
  expect(returns.filter((r) => r.rejected)).toEqual([]);
  const rejected = result.aggregate.rejectedRows.map((r) => `${r.unitName}:${r.row}`);
  expect(rejected.sort()).toEqual([
    "灌云县:13",
    "灌云县:17",
    "灌云县:21",
    "灌云县:25",
    "灌云县:29",
    "灌云县:33",
    "灌云县:5",
    "灌云县:9",
  ]);
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

test("v1 and v2 returns in one round: versions, submission sources, region figures, deductions", () => {
  const s = result.aggregate.submissions;
  const v = (code: string) => s.find((x) => x.unit === code)!;
  expect(v(demo.v1.code).formVersion).toBe("1");
  expect(
    s.filter((x) => x.status === "reported" && x.unit !== demo.v1.code).every((x) => x.formVersion === "3"),
  ).toBe(true);
  // Receipt dates where the bureau registered them, else the workbook's saved time (never the copy's file time).
  for (const x of s.filter((y) => y.status === "reported")) {
    const receipt = demo.targets.receipts?.[x.unit];
    expect(x.submittedAtSource).toBe(receipt ? "receipt" : "workbook");
    const ret = demo.returns.find((r) => r.unit.code === x.unit)!;
    expect(x.submittedAt).toBe(receipt ?? ret.savedAt);
  }
  const u = (code: string) => result.aggregate.units.find((x) => x.code === code)!;
  expect(u(demo.v1.code).region!.used).toBe("county");
  expect(u(plan.units[0].code).region!.used).toBe("bureau");
  const sc = (code: string) => result.score.units.find((x) => x.code === code)!;
  expect(sc(demo.late[0].code).deductions.late).toBeGreaterThan(0);
  expect(sc(demo.defective.code).deductions.rejectedRows).toBe(1);
  expect(sc(demo.missing[0].code).deductions.missing).toBe(10);
  // The v1 unit counts nothing toward honours of the plan period (no years), but its stocks count.
  expect(u(demo.v1.code).values.jiangsu_quality.value).toBe(0);
  expect(u(demo.v1.code).values.provincial_srdi.value).toBeGreaterThan(0);
});
