// Issue 26 item 5: on a clean two-round corpus (the demo's 2025Q3 and the generated 2025Q4 with growth and
// churn) at most 2 % of rows carry any history or outlier warning; every planted anomaly is found.
// `npm run bench` prints the same two figures (BENCHMARKS.md).
import { demoReturns } from "../prefill/fixtures";
import { cleanNext, figures, plantedNext } from "./corpus";

const history = demoReturns();

test("clean next round: at most 2 % of rows flagged (history rules and outliers together)", () => {
  const clean = cleanNext();
  const f = figures(clean, history);
  expect(f.rows).toBeGreaterThan(1000);
  expect(f.share).toBeLessThanOrEqual(0.02);
  // The churn is there, explained by each unit in 区域指标: listed as 退出, explained, no row of this round.
  const gone = f.checked.flatMap((r) => r.warnings.filter((w) => w.code === "history.firm_missing"));
  expect(gone).toHaveLength(clean.exits);
  expect(gone.every((w) => w.explanation)).toBe(true);
});

test("every planted anomaly is found: ×10, ÷10, 研发费用 = 营业收入, a vanished recognition, a moved firm", () => {
  const planted = plantedNext();
  const f = figures(planted, history);
  expect(f.found.map((x) => x.kind)).toEqual(["x10", "div10", "rd_eq_revenue", "vanished", "moved"]);
  expect(f.found.filter((x) => !x.found)).toEqual([]);
  // The plants add their own rows, no more: still few rows flagged.
  expect(f.share).toBeLessThanOrEqual(0.02);
});

test("the outlier threshold is a knob: a strict one flags more rows, 0 turns outliers off", () => {
  const clean = cleanNext();
  const strict = figures(clean, history, 2);
  const off = figures(clean, history, 0);
  expect(strict.flagged).toBeGreaterThan(off.flagged);
  expect(off.checked.flatMap((r) => r.warnings).some((w) => w.code === "outlier.robust")).toBe(false);
});
