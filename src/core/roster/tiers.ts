// The recognition tiers a roster can name: those the plan gives a validity for, in the plan's order,
// with their names. Read from the plan, so a plan with other tiers (issue 17) changes the roster's list.
import { TIER_OF } from "../aggregate/evaluate";
import { CURRENT_FORM } from "../form/versions";
import type { Plan, RecognitionTier, YearField } from "../plan/types";
import { TIER_FIELDS } from "../report/watch";

export interface PlanTier {
  key: RecognitionTier;
  /** The recognition-year column of the form that claims the tier. */
  field: YearField;
  /** As the roster's 层级 column and the bulletin write it. */
  name: string;
  /** Years a recognition stays valid after its latest recognition or review. */
  validity: number;
  /** Earliest year a list of the tier can name (the form's earliest year for the column). */
  yearMin: number;
}

const FIELD_OF = Object.fromEntries(Object.entries(TIER_OF).map(([f, t]) => [t, f])) as Record<
  RecognitionTier,
  YearField
>;

export function planTiers(plan: Pick<Plan, "validityYears">): PlanTier[] {
  const out: PlanTier[] = [];
  for (const [key, validity] of Object.entries(plan.validityYears ?? {}) as [RecognitionTier, number][]) {
    const field = FIELD_OF[key];
    const named = TIER_FIELDS.find((t) => t.tier === key);
    if (!field || !named) continue;
    const def = CURRENT_FORM.enterprises.fields.find((f) => f.key === field);
    out.push({ key, field, name: named.label, validity, yearMin: def?.yearMin ?? 2000 });
  }
  return out;
}
