// 按上期报表预填 for either host: the core decides whether a previous return may prefill this template
// (src/core/prefill), and a refusal is thrown as a PrefillRefusal the views show as it is.
import { currentForm, formsOf } from "../core/form/versions";
import type { Period } from "../core/plan/periods";
import type { Plan, Unit } from "../core/plan/types";
import { prefillRefusal, prefillTemplate } from "../core/prefill/prefill";
import type { ReturnResult } from "../core/read/types";
import type { WorkbookDescription } from "../core/sheet/types";
import { PrefillRefusal } from "./refusal";

/** The blank template prefilled from `source`, or a PrefillRefusal with the reason. */
export function prefilledTemplate(
  blank: WorkbookDescription,
  source: ReturnResult,
  req: { unit: Unit; period: Period },
  plan: Plan,
): WorkbookDescription {
  const why = prefillRefusal(source, req.unit, req.period, formsOf(plan));
  if (why) throw new PrefillRefusal(why);
  return prefillTemplate(blank, source, currentForm(plan), plan).workbook;
}
