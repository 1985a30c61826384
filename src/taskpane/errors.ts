// Turns whatever an action threw into the catalogue's sentence. A refusal the product foresees (a period
// outside the plan) is said with what to do in the pane; only what nobody foresaw is "unexpected".
import { PeriodOutsidePlanError } from "../core/plan/window";
import type { Messages } from "./messages";

export function errorText(e: unknown, m: Messages): string {
  if (e instanceof PeriodOutsidePlanError) return m.periodOutsidePlan;
  if (typeof e === "object" && e !== null && "code" in e && "detail" in e) {
    const code = String((e as { code: unknown }).code) as keyof Messages["errors"];
    const say = m.errors[code];
    if (say) return say(String((e as { detail: unknown }).detail));
  }
  return m.unexpected(e instanceof Error ? e.message : String(e));
}
