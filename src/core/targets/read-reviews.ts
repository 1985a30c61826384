// 审核结果 and 退回原因 of the 报送登记 sheet, found by their headers (a workbook made before they existed
// has neither and reads as every return 待审核). Unknown unit codes are ignored, as the sheet's dates are.
import { address } from "../a1";
import type { Issue } from "../issues";
import type { Plan } from "../plan/types";
import { makeIssue } from "../read/issue";
import { REASON_HEADER, REVIEW_HEADER, reviewState, type Review } from "../review/review";
import { isErrorValue, isFormulaValue, type SheetSnapshot, type SnapshotValue } from "../snapshot";

/** Rows above the table that may hold its header, and columns a header row is searched in. */
const HEADER_ROWS = 10;
const HEADER_COLS = 30;
/** The 退回原因 kept: a sentence or two; a longer cell is cut (the bulletin quotes it). */
const REASON_MAX = 200;

function text(v: SnapshotValue | undefined): string {
  if (v === undefined || v === null || isErrorValue(v)) return "";
  const p = isFormulaValue(v) ? v.result : v;
  return p === undefined || p === null || isErrorValue(p) ? "" : String(p).trim();
}

export function readReviews(sheet: SheetSnapshot, plan: Plan, issues: Issue[]): Record<string, Review> {
  const out: Record<string, Review> = {};
  const h = sheet.cells
    .slice(0, HEADER_ROWS)
    .findIndex((r) => (r ?? []).slice(0, HEADER_COLS).some((v) => text(v) === REVIEW_HEADER));
  if (h < 0) return out;
  const header = (sheet.cells[h] ?? []).slice(0, HEADER_COLS).map(text);
  const stateCol = header.indexOf(REVIEW_HEADER);
  const reasonCol = header.indexOf(REASON_HEADER);
  const units = new Map(plan.units.map((u) => [u.code, u]));
  for (let r = h + 1; r < sheet.cells.length && r <= h + 1 + plan.units.length * 4; r++) {
    const row = sheet.cells[r] ?? [];
    const unit = units.get(text(row[0]));
    if (!unit || out[unit.code]) continue;
    const stateText = text(row[stateCol]);
    const reason = reasonCol >= 0 ? text(row[reasonCol]).slice(0, REASON_MAX) || null : null;
    const state = reviewState(stateText);
    if (!state) {
      issues.push(
        makeIssue("targets.review_invalid", {
          sheet: sheet.name,
          cell: address(r, stateCol),
          field: "review",
          value: stateText,
          label: `${unit.name}的审核结果`,
        }),
      );
      continue;
    }
    if (state !== "pending" || reason) out[unit.code] = { state, reason };
  }
  return out;
}
