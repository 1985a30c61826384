// Each imported return's status before aggregating, from the core's own round rules (selectRound, the
// selection aggregateRound makes): the same exclusion, supersession and timing rules the bulletin uses, so
// the list never disagrees with what 汇总 will count.
import { selectRound } from "../../core/aggregate/round";
import type { Period } from "../../core/plan/periods";
import { periodOutsidePlan } from "../../core/plan/window";
import type { Review } from "../../core/review/review";
import type { Plan, Unit } from "../../core/plan/types";
import type { ReturnResult } from "../../core/read/types";

/**
 * One word per state, never shared: 无法读取 (the file is refused whole), 不属本轮 (another unit or
 * period), 已退回 (the bureau sent it back), 旧版 (an older copy of a unit's return, superseded), 不计入
 * (left out by the user).
 */
export type ReturnStatus =
  "accepted" | "partial" | "rejected" | "outside" | "sentBack" | "late" | "duplicate" | "excluded";

export interface ReturnState {
  status: ReturnStatus;
  /** Why it is not (fully) counted, zh-CN; null when accepted. */
  reason: string | null;
}

export interface RoundPreview {
  byFile: Map<string, ReturnState>;
  /** Units from which no return came (a unit whose returns were all refused shows them as 退回). */
  missing: Unit[];
  /** Returns that will be counted. */
  counted: number;
  /** Units with a return counted (the others lose the 未报送 points, whether missing or sent back). */
  reported: ReadonlySet<string>;
}

/**
 * Status of every return in `all` when only those in `included` are aggregated for `period`.
 * A return the user excluded is "excluded"; without a readable period in the plan's years every return keeps
 * its own verdict.
 */
export function previewRound(
  plan: Plan,
  period: Period | null,
  all: ReturnResult[],
  included: ReadonlySet<string>,
  deadline: string | null,
  /** Reviews the bureau recorded in this session (报送登记): a unit sent back shows as 退回 with the reason. */
  reviews?: Record<string, Review>,
): RoundPreview {
  const byFile = new Map<string, ReturnState>();
  const inRound = all.filter((r) => included.has(r.file));
  for (const r of all) if (!included.has(r.file)) byFile.set(r.file, { status: "excluded", reason: null });
  // A period outside the plan's years (today's default after the plan ends) is no round to preview: the
  // core refuses to aggregate it, and the pane must not fail while the user types another.
  if (!period || periodOutsidePlan(plan, period)) {
    for (const r of inRound)
      byFile.set(
        r.file,
        r.rejected ? { status: "rejected", reason: null } : { status: "accepted", reason: null },
      );
    return { byFile, missing: [], counted: 0, reported: new Set() };
  }
  // The round's selection only (which return counts, which are left out, timing): its figures are not needed
  // here, and evaluating 20,000 rows on every change would hold the page for most of a second.
  const a = selectRound({ plan, period, returns: inRound, deadline, ...(reviews ? { reviews } : {}) });
  for (const x of a.excluded)
    byFile.set(x.file, {
      status:
        x.kind === "superseded"
          ? "duplicate"
          : x.kind === "sent_back"
            ? "sentBack"
            : x.kind === "rejected"
              ? "rejected"
              : "outside",
      reason: x.reason,
    });
  const rejectedRows = new Map<string, number>();
  for (const r of a.chosen.values()) rejectedRows.set(r.file, r.rejectedRows.length);
  for (const s of a.submissions) {
    if (s.status !== "reported" || !s.file) continue;
    const rows = rejectedRows.get(s.file) ?? 0;
    // Late outranks partial: both are said in the reason, the badge shows the one the bureau acts on.
    const reasons = [
      s.timing === "late" ? `晚于截止日期${a.deadline ?? ""}报送` : "",
      rows ? `${rows}行数据退回` : "",
    ].filter(Boolean);
    byFile.set(s.file, {
      status: s.timing === "late" ? "late" : rows ? "partial" : "accepted",
      reason: reasons.length ? reasons.join("；") : null,
    });
  }
  const unitByCode = new Map(plan.units.map((u) => [u.code, u]));
  const missing = a.submissions.filter((s) => s.status === "missing").map((s) => unitByCode.get(s.unit)!);
  const reported = new Set(a.submissions.filter((s) => s.status === "reported").map((s) => s.unit));
  return { byFile, missing, counted: reported.size, reported };
}
