// Where the bureau's review of a unit goes in 报送登记 (审核结果, 退回原因), and what is written there: one
// rule for every host that writes it (the pane into the open workbook, the page into the targets workbook
// file). Found by the headers and the unit's code in column A, within a bounded area. Pure.
import { REASON_HEADER, REVIEW_HEADER, REVIEW_LABELS, type Review } from "./review";

/** Rows and columns of 报送登记 searched for its header and the units (a plan has tens of units). */
export const REVIEW_AREA = { rows: 200, columns: 30 } as const;

export type ReviewPlace =
  | {
      outcome: "written";
      /** 0-based row of the unit, and the columns of 审核结果 and 退回原因. */
      row: number;
      stateColumn: number;
      reasonColumn: number;
      /** The two cells' new text: the state's label, the reason (only for 退回). */
      state: string;
      reason: string;
    }
  | { outcome: "noColumns" | "noUnit" };

/**
 * The place of a unit's review in a grid of 报送登记's cell texts (trimmed; 0-based, at most REVIEW_AREA),
 * or why there is none: no 审核结果/退回原因 header, or no row for the unit below it.
 */
export function placeReview(
  text: (row: number, column: number) => string,
  unitCode: string,
  review: Review,
): ReviewPlace {
  const { rows, columns } = REVIEW_AREA;
  let header = -1;
  let stateColumn = -1;
  for (let r = 0; r < rows && header < 0; r++)
    for (let c = 0; c < columns; c++)
      if (text(r, c) === REVIEW_HEADER) {
        header = r;
        stateColumn = c;
        break;
      }
  if (header < 0) return { outcome: "noColumns" };
  let reasonColumn = -1;
  for (let c = 0; c < columns && reasonColumn < 0; c++)
    if (text(header, c) === REASON_HEADER) reasonColumn = c;
  let row = -1;
  for (let r = header + 1; r < rows && row < 0; r++) if (text(r, 0) === unitCode) row = r;
  if (row < 0) return { outcome: "noUnit" };
  if (reasonColumn < 0) return { outcome: "noColumns" };
  return {
    outcome: "written",
    row,
    stateColumn,
    reasonColumn,
    state: REVIEW_LABELS[review.state],
    reason: review.state === "returned" ? (review.reason ?? "") : "",
  };
}
