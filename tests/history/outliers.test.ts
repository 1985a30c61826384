// Outliers within a round (issue 26 item 4): robust z = 0.6745 (x − median) / MAD on log(1 + x), per
// numeric field and size class (规上 or not), hand-computed.
import { robustScores, roundOutliers } from "../../src/core/history/outliers";
import { FORM_V3 } from "../../src/core/form/v3";
import type { ReturnResult } from "../../src/core/read/types";

test("robust scores: median 3, MAD 1 -> 100 scores 0.6745 × 97", () => {
  const z = robustScores([1, 2, 3, 4, 100])!;
  expect(z.map((x) => Number(x.toFixed(4)))).toEqual([-1.349, -0.6745, 0, 0.6745, 65.4265]);
  // No spread (MAD 0): nothing can be called unusual.
  expect(robustScores([5, 5, 5, 5, 9])).toBeNull();
});

function ret(rows: { revenue: number; above_scale: boolean }[]): ReturnResult {
  return {
    file: "a.xlsx",
    unit: "320703",
    rejected: false,
    warnings: [],
    enterprises: rows.map((r, i) => ({ row: i + 2, sheet: "企业名录", uscc: `X${i}`, name: `F${i}`, ...r })),
  } as unknown as ReturnResult;
}

test("one firm a hundred times its class's size is flagged at its cell; a class of fewer than 10 is not checked", () => {
  const big = Array.from({ length: 12 }, (_, i) => ({ revenue: 1000 + 10 * i, above_scale: true }));
  big.push({ revenue: 100000, above_scale: true });
  const small = [1, 2, 300000].map((revenue) => ({ revenue, above_scale: false }));
  const [issues] = roundOutliers([{ result: ret([...big, ...small]), form: FORM_V3 }], 3.5);
  const revenue = issues.filter((i) => i.field === "revenue");
  expect(revenue.map((i) => [i.cell, i.code, i.previous])).toEqual([["J14", "outlier.robust", null]]);
  expect(revenue[0].message).toContain("偏高");
});
