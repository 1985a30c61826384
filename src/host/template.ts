// The template a host writes or downloads for a request: blank for the unit and period, or prefilled from
// the unit's previous return (read by the host's reader; refused with the core's reason). One for both hosts.
import { buildTemplate } from "../core/form/template";
import { currentForm } from "../core/form/versions";
import type { Plan } from "../core/plan/types";
import { readReturnBytes, type WorkbookReader } from "../core/read/read-bytes";
import type { WorkbookDescription } from "../core/sheet/types";
import { prefilledTemplate } from "./prefill";
import type { TemplateRequest } from "./types";

export async function describeTemplate(
  plan: Plan,
  req: TemplateRequest,
  reader: WorkbookReader,
  generatedAt: string,
): Promise<WorkbookDescription> {
  const blank = buildTemplate({
    plan,
    form: currentForm(plan),
    unit: req.unit,
    period: req.period,
    deadline: req.deadline,
    generatedAt,
  });
  if (!req.from) return blank;
  const source = await readReturnBytes(req.from, reader, { plan });
  return prefilledTemplate(blank, source, req, plan);
}
