// What names an expression may use: the fields of the form versions (enterprise rows, platform rows, the
// region sheet), the plan's populations and tiers. Built from data, so a field the plan's form adds is
// usable at once.
import type { FieldType as FormFieldType, FormDef } from "../form/types";
import type { Plan } from "../plan/types";
import { chainFieldKey } from "../form/lists";

/** How a field's value behaves in an expression: year is a number that since_plan_start accepts. */
export type ExprType = "number" | "year" | "bool" | "text";

export interface ExprField {
  key: string;
  /** Header as shown in the template (营业收入(万元)); an expression may name the field by it, or by the
   * header without its parenthesised unit (营业收入). */
  header: string;
  type: ExprType;
}

export interface ExprTier {
  key: string;
  yearField: string;
  validityYears: number;
  names: string[];
}

export interface ExprEnv {
  enterprise: ExprField[];
  platform: ExprField[];
  region: ExprField[];
  populations: { name: string; label: string }[];
  tiers: ExprTier[];
  /** The enterprise field whose options are the plan's key chains (list 产业链), null when none. */
  chainField: string | null;
}

const TYPE_OF: Record<FormFieldType, ExprType> = {
  text: "text",
  uscc: "text",
  list: "text",
  date: "text",
  yesno: "bool",
  year: "year",
  decimal: "number",
  whole: "number",
  percent: "number",
};

/** The union of the forms' fields per sheet, first form first (a key keeps its first definition). */
function fieldsOf(lists: { key: string; header: string; type: FormFieldType }[][]): ExprField[] {
  const out = new Map<string, ExprField>();
  for (const list of lists)
    for (const f of list)
      if (!out.has(f.key)) out.set(f.key, { key: f.key, header: f.header, type: TYPE_OF[f.type] });
  return [...out.values()];
}

/** The names a plan's expressions may use, over the given form versions (every version the plan keeps). */
export function envOf(
  plan: Pick<Plan, "tiers" | "populations" | "regionFigures">,
  forms: readonly FormDef[],
): ExprEnv {
  return {
    enterprise: fieldsOf(forms.map((f) => f.enterprises.fields)),
    chainField: forms.map((f) => chainFieldKey(f.enterprises.fields)).find((k) => k !== null) ?? null,
    platform: fieldsOf(forms.map((f) => f.platforms.fields)),
    // The forms' 区域指标 cells (units fill them), then the figures only the bureau types (plan 区域数据).
    region: fieldsOf([
      ...forms.map((f) => f.region.cells),
      (plan.regionFigures ?? []).map((r) => ({ key: r.key, header: r.label, type: r.type })),
    ]),
    populations: plan.populations.map((p) => ({ name: p.name, label: p.label })),
    tiers: plan.tiers.map((t) => ({
      key: t.key,
      yearField: t.yearField,
      validityYears: t.validityYears,
      names: t.names.map((n) => n.name),
    })),
  };
}
