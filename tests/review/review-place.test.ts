// The one rule placing the bureau's review in 报送登记 (src/core/review/review-place), which the pane
// (src/excel/round-actions) and the page (src/xlsx/write-review) both call.
import { REVIEW_AREA, placeReview } from "../../src/core/review/review-place";

const grid = (rows: string[][]) => (r: number, c: number) => rows[r]?.[c] ?? "";
const SHEET = [
  ["报送登记"],
  [],
  ["单位代码", "单位", "审核结果", "备注", "退回原因"],
  ["320703", "连云区", "待审核", "", ""],
  ["320706", "海州区", "", "", ""],
];

test("a unit's row under the headers, the state's label and, only for 退回, the reason", () => {
  expect(placeReview(grid(SHEET), "320706", { state: "returned", reason: "缺少附表" })).toEqual({
    outcome: "written",
    row: 4,
    stateColumn: 2,
    reasonColumn: 4,
    state: "退回",
    reason: "缺少附表",
  });
  const accepted = placeReview(grid(SHEET), "320703", { state: "accepted", reason: "旧原因" });
  expect(accepted).toMatchObject({ row: 3, state: "接受", reason: "" });
});

test("no header, no reason column, no row for the unit: said, nothing placed", () => {
  const review = { state: "accepted" as const, reason: null };
  expect(placeReview(grid([["单位代码", "单位"]]), "320703", review).outcome).toBe("noColumns");
  const noReason = SHEET.map((r) => r.slice(0, 4));
  expect(placeReview(grid(noReason), "320703", review).outcome).toBe("noColumns");
  expect(placeReview(grid(SHEET), "999999", review).outcome).toBe("noUnit");
  // A unit code above the header row is not its row.
  expect(placeReview(grid([["320703"], ...SHEET]), "999999", review).outcome).toBe("noUnit");
});

test("the search is bounded: a header beyond the area is not found, however large the sheet", () => {
  let reads = 0;
  const far = (r: number, c: number) => {
    reads++;
    return r === REVIEW_AREA.rows && c === 0 ? "审核结果" : "";
  };
  expect(placeReview(far, "320703", { state: "accepted", reason: null }).outcome).toBe("noColumns");
  expect(reads).toBe(REVIEW_AREA.rows * REVIEW_AREA.columns);
});
