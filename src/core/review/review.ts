// The bureau's review of each unit's return (报送登记: 审核结果 and 退回原因). A return sent back (退回) is
// not counted: the round treats the unit as having no return, lists it with the reason, and scores it as
// the settings say for a missing return. 待审核 (or blank) and 接受 are counted. Pure.
export type ReviewState = "pending" | "accepted" | "returned";

export interface Review {
  state: ReviewState;
  /** 退回原因 as the bureau wrote it; null when none. */
  reason: string | null;
}

export const REVIEW_HEADER = "审核结果";
export const REASON_HEADER = "退回原因";
export const REVIEW_LABELS: Record<ReviewState, string> = {
  pending: "待审核",
  accepted: "接受",
  returned: "退回",
};
/** The list the 审核结果 column offers, in this order. */
export const REVIEW_OPTIONS = [REVIEW_LABELS.pending, REVIEW_LABELS.accepted, REVIEW_LABELS.returned];

/** The state a cell's text names: blank is 待审核; null when it names none (a located error). */
export function reviewState(text: string): ReviewState | null {
  const t = text.trim();
  if (t === "") return "pending";
  for (const [state, label] of Object.entries(REVIEW_LABELS)) if (t === label) return state as ReviewState;
  return null;
}

/** The line a sent-back return is listed with (the round's exclusion, the bulletin); `bureau` is the
 * plan's 主管部门简称 (市局, 省厅). */
export function sentBackReason(review: Review, bureau: string): string {
  return `经${bureau}审核退回：${review.reason?.trim() || "未填写退回原因"}`;
}
