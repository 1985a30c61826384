// A form's expression rules (校验规则 with prev(), conditions, 适用条件) compiled once per plan and form.
import { compileRowExpr, type CompiledRowExpr } from "../expr/compile";
import { envOf } from "../expr/env";
import type { ExprRule, FormDef } from "../form/types";
import type { Plan } from "../plan/types";

export interface CompiledRule {
  rule: ExprRule;
  left: CompiledRowExpr;
  right: CompiledRowExpr | null;
  when: CompiledRowExpr | null;
  /** Needs last round's row: skipped for a firm without one. */
  usesPrev: boolean;
  /** The field whose cell the warning points at: the first the left side reads (else right, else when). */
  subject: string | null;
}

export function compileRule(rule: ExprRule, plan: Pick<Plan, "tiers" | "populations">, form: FormDef) {
  const env = envOf(plan, [form]);
  const left = compileRowExpr(rule.left, env, rule.op === "holds" ? "condition" : "number");
  const right = rule.op === "holds" ? null : compileRowExpr(rule.right, env, "number");
  const when = rule.when ? compileRowExpr(rule.when, env, "condition") : null;
  const parts = [left, right, when].filter((x): x is CompiledRowExpr => x !== null);
  return {
    rule,
    left,
    right,
    when,
    usesPrev: parts.some((p) => p.usesPrev),
    subject: parts.map((p) => p.fields[0]).find((f) => f !== undefined) ?? null,
  };
}

const cache = new WeakMap<object, WeakMap<FormDef, CompiledRule[]>>();

/** The form's enterprise-sheet expression rules, compiled (the plan was validated: they compile). */
export function compiledRules(plan: Plan, form: FormDef): CompiledRule[] {
  let byForm = cache.get(plan);
  if (!byForm) cache.set(plan, (byForm = new WeakMap()));
  let rules = byForm.get(form);
  if (!rules)
    byForm.set(form, (rules = (form.enterprises.checks ?? []).map((r) => compileRule(r, plan, form))));
  return rules;
}
