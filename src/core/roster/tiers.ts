// The recognition tiers a roster can name: the plan's tiers (plan.tiers), in the plan's order, with the
// name in force in a year and every name the tier was announced under, so a list of 创新型中小企业 and one
// of 科技和创新型中小企业 (MIIT 2026) both read as the same tier.
import { formsOf } from "../form/versions";
import { tierName } from "../plan/tiers";
import type { Plan } from "../plan/types";
import type { EnterpriseRecord } from "../read/types";

export interface PlanTier {
  key: string;
  /** The recognition-year column of the form that claims the tier. */
  field: string;
  /** The name in force in the year asked for, as the roster's 层级 list and the bulletin write it. */
  name: string;
  /** Every name the tier was announced under. */
  names: string[];
  /** Years a recognition stays valid after its latest recognition or review. */
  validity: number;
  /** Earliest year a list of the tier can name (the form's earliest year for the column). */
  yearMin: number;
}

export function planTiers(plan: Pick<Plan, "tiers" | "forms">, year: number): PlanTier[] {
  const forms = formsOf(plan);
  return (plan.tiers ?? []).map((t) => {
    // The plan's own form: the newest version that has the tier's year field.
    const def = [...forms]
      .reverse()
      .map((f) => f.enterprises.fields.find((x) => x.key === t.yearField))
      .find((x) => x !== undefined);
    return {
      key: t.key,
      field: t.yearField,
      name: tierName(t, year) || t.key,
      names: t.names.map((n) => n.name),
      validity: t.validityYears,
      yearMin: def?.yearMin ?? 2000,
    };
  });
}

/** The year a record claims for a tier; null when blank (or the record has no such field). */
export function claimedYear(e: EnterpriseRecord, t: PlanTier): number | null {
  const v = (e as unknown as Record<string, unknown>)[t.field];
  return typeof v === "number" ? v : null;
}
