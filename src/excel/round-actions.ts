// Office.js operations of the round's later steps: remove a return's kept sheets, and write the bureau's
// review (审核结果, 退回原因) into the targets sheet 报送登记. Each takes a constant number of syncs.
import { address } from "../core/a1";
import type { FormDef } from "../core/form/types";
import type { Plan } from "../core/plan/types";
import { REASON_HEADER, REVIEW_HEADER, REVIEW_LABELS, type Review } from "../core/review/review";
import { RECEIPTS_SHEET } from "../core/targets/types";
import { runExcel } from "./errors";
import { keptNames } from "./kept-returns";

/** Deletes the sheets a return kept under `prefix` (its very hidden metadata sheet too); how many. */
export async function removeKeptSheets(prefix: string, forms: readonly FormDef[]): Promise<number> {
  return runExcel(async (context) => {
    const ws = context.workbook.worksheets;
    const items = keptNames(prefix, forms).map((n) => ws.getItemOrNullObject(n));
    for (const w of items) w.load("visibility");
    await context.sync();
    const found = items.filter((w) => !w.isNullObject);
    for (const w of found) {
      // Excel refuses to delete a very hidden sheet: make it hidden first.
      if (w.visibility === "VeryHidden") w.visibility = "Hidden" as Excel.SheetVisibility;
      w.delete();
    }
    await context.sync();
    return found.length;
  });
}

/** Rows of 报送登记 searched for its header and the units (a plan has tens of units). */
const MAX_ROWS = 200;
const MAX_COLS = 30;

export type { ReviewWrite } from "../host/types";
import type { ReviewWrite } from "../host/types";

/** Writes a unit's 审核结果 and 退回原因 into 报送登记, found by its headers and the unit's code. */
export async function writeReview(plan: Plan, unitCode: string, review: Review): Promise<ReviewWrite> {
  if (!plan.units.some((u) => u.code === unitCode)) return "noUnit";
  return runExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(RECEIPTS_SHEET);
    sheet.load("name");
    await context.sync();
    if (sheet.isNullObject) return "noSheet";
    const area = sheet.getRangeByIndexes(0, 0, MAX_ROWS, MAX_COLS);
    area.load("values");
    await context.sync();
    const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
    const h = area.values.findIndex((r) => r.some((v) => text(v) === REVIEW_HEADER));
    if (h < 0) return "noColumns";
    const stateCol = area.values[h].findIndex((v) => text(v) === REVIEW_HEADER);
    const reasonCol = area.values[h].findIndex((v) => text(v) === REASON_HEADER);
    const r = area.values.findIndex((row, i) => i > h && text(row[0]) === unitCode);
    if (r < 0 || reasonCol < 0) return r < 0 ? "noUnit" : "noColumns";
    // The sheet is protected with its input cells unlocked: values can be written as a user would.
    sheet.getRange(address(r, stateCol)).values = [[REVIEW_LABELS[review.state]]];
    sheet.getRange(address(r, reasonCol)).values = [
      [review.state === "returned" ? (review.reason ?? "") : ""],
    ];
    await context.sync();
    return "written";
  });
}
