// A round's history and outlier checks (issue 26), run before aggregation by `srdi aggregate` and the
// pane: each return against its unit's previous return (chosen as prefill chooses: the latest accepted
// return of the latest earlier period), firms that moved between units, and outliers within the round.
// Warnings only: nothing is rejected; the bulletin lists the ones no 说明 explains.
import { address } from "../a1";
import { formByVersion, formsOf } from "../form/versions";
import type { Issue } from "../issues";
import type { Period } from "../plan/periods";
import type { Plan } from "../plan/types";
import { chooseSources } from "../prefill/prefill";
import { makeIssue } from "../read/issue";
import type { ReturnResult } from "../read/types";
import type { Review } from "../review/review";
import { explanationOf, usccKey, withHistory } from "./check";
import { roundOutliers } from "./outliers";
import { previousOf } from "./previous";

export interface RoundChecksArgs {
  plan: Plan;
  period: Period;
  returns: ReturnResult[];
  /** The previous round's returns (`--history DIR`); absent: each return's own 上期数据 sheet, if any. */
  history?: ReturnResult[] | null;
  /** The previous round's reviews (a unit sent back there has no accepted return to compare with). */
  historyReviews?: Record<string, Review>;
  /** Robust z above which a figure is an outlier; 0: no outlier check. */
  outlierThreshold: number;
}

type Rec = Record<string, unknown>;

/** The returns with their history and outlier warnings (other warnings and everything else unchanged). */
export function roundChecks(args: RoundChecksArgs): ReturnResult[] {
  const { plan, period } = args;
  const forms = formsOf(plan);
  const formOf = (r: ReturnResult) => formByVersion(r.formVersion, forms);
  let returns = args.returns;
  // Firm (by code) -> the units whose previous returns listed it (a firm two units report is in both).
  const prevUnit = new Map<string, { units: Set<string>; name: string }>();
  if (args.history) {
    const choice = chooseSources(args.history, plan, period, args.historyReviews ?? {});
    for (const [code, src] of choice.byUnit)
      for (const e of src.enterprises) {
        const k = usccKey(e.uscc);
        const hit = prevUnit.get(k);
        if (hit) hit.units.add(code);
        else prevUnit.set(k, { units: new Set([code]), name: src.unitName ?? code });
      }
    returns = returns.map((r) => {
      const form = formOf(r);
      const src = r.unit ? choice.byUnit.get(r.unit) : undefined;
      if (!form || r.rejected || r.period !== period.id || !src) return r;
      return withHistory(r, previousOf(src), { plan, form, periodYear: period.year });
    });
  }
  const inRound = returns.map((r) => ({ r, form: formOf(r) }));
  const counted = inRound.filter(
    (x): x is { r: ReturnResult; form: NonNullable<typeof x.form> } =>
      x.form !== null && !x.r.rejected && x.r.period === period.id,
  );
  const outliers = roundOutliers(
    counted.map((x) => ({ result: x.r, form: x.form })),
    args.outlierThreshold,
  );
  const extra = new Map<ReturnResult, Issue[]>();
  counted.forEach((x, i) => {
    const issues = [...outliers[i]];
    const t = x.form.enterprises;
    const nameCol = Math.max(
      0,
      t.fields.findIndex((f) => f.key === "name"),
    );
    for (const e of x.r.enterprises as unknown as Rec[]) {
      const from = prevUnit.get(usccKey(e.uscc));
      if (!from || from.units.has(x.r.unit ?? "")) continue;
      issues.push({
        ...makeIssue("history.firm_moved", {
          sheet: t.name,
          cell: address((e.row as number) - 1, nameCol),
          field: "name",
          value: typeof e.name === "string" ? e.name : null,
          args: { detail: from.name },
        }),
        previous: from.name,
        explanation: explanationOf(e),
      });
    }
    if (issues.length) extra.set(x.r, issues);
  });
  return returns.map((r) => {
    const add = extra.get(r);
    // Outliers are of this round: recomputed each time, never kept from an earlier pass.
    const kept = r.warnings.filter((w) => w.code !== "outlier.robust" && w.code !== "history.firm_moved");
    return add || kept.length !== r.warnings.length ? { ...r, warnings: [...kept, ...(add ?? [])] } : r;
  });
}

/** Unexplained history and outlier warnings of a list (a unit's): those without a 说明. */
export function unexplained(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => i.previous !== undefined && !i.explanation);
}
