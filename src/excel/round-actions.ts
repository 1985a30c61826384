// Office.js operations of the round's later steps: remove a return's kept sheets, and write the bureau's
// review (审核结果, 退回原因) into the targets sheet 报送登记. Each takes a constant number of syncs.
import { address } from "../core/a1";
import type { FormDef } from "../core/form/types";
import type { Plan } from "../core/plan/types";
import type { Review } from "../core/review/review";
import { REVIEW_AREA, placeReview } from "../core/review/review-place";
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

export type { ReviewWrite } from "../host/types";
import type { ReviewWrite } from "../host/types";

/** Writes a unit's 审核结果 and 退回原因 into 报送登记, where the core's rule places them (two syncs). */
export async function writeReview(plan: Plan, unitCode: string, review: Review): Promise<ReviewWrite> {
  if (!plan.units.some((u) => u.code === unitCode)) return "noUnit";
  return runExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(RECEIPTS_SHEET);
    sheet.load("name");
    await context.sync();
    if (sheet.isNullObject) return "noSheet";
    const area = sheet.getRangeByIndexes(0, 0, REVIEW_AREA.rows, REVIEW_AREA.columns);
    area.load("values");
    await context.sync();
    const values = area.values;
    const at = (r: number, c: number) => {
      const v = values[r]?.[c];
      return v === null || v === undefined ? "" : String(v).trim();
    };
    const place = placeReview(at, unitCode, review);
    if (place.outcome !== "written") return place.outcome;
    // The sheet is protected with its input cells unlocked: values can be written as a user would.
    sheet.getRange(address(place.row, place.stateColumn)).values = [[place.state]];
    sheet.getRange(address(place.row, place.reasonColumn)).values = [[place.reason]];
    await context.sync();
    return "written";
  });
}
