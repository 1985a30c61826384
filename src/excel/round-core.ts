// The pane's side of prefill and 较上期: the core decides (src/core/prefill, src/core/report/previous);
// this reads the picked file with the .xlsx reader, loaded on first use like the returns' reader.
import type { Plan } from "../core/plan/types";
import { prefillRefusal, prefillTemplate } from "../core/prefill/prefill";
import { formsOf, currentForm } from "../core/form/versions";
import type { ReturnResult } from "../core/read/types";
import { collectHistory, type History } from "../core/report/history";
import { compareRounds, figuresOf, readFigures, type Comparison } from "../core/report/previous";
import type { RoundResult } from "../core/report/round-result";
import type { WorkbookDescription } from "../core/sheet/types";
import type { Period } from "../core/plan/periods";
import type { Unit } from "../core/plan/types";
import { PrefillRefusal } from "../host/refusal";

export { PrefillRefusal };

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

/** 较上期 against the previous bulletin workbook picked; the reason when it holds no figures. */
export async function previousComparison(
  file: { name: string; bytes: Uint8Array },
  result: RoundResult,
  plan: Plan,
): Promise<{ comparison: Comparison | null; history: History | null; reason: string }> {
  const { readWorkbook } = await import(/* webpackChunkName: "xlsx-read" */ "../xlsx/read");
  let snapshot;
  try {
    snapshot = await readWorkbook(file.bytes, { name: file.name });
  } catch (e) {
    return {
      comparison: null,
      history: null,
      reason: `无法读取上期通报 ${file.name}：${(e as Error).message}`,
    };
  }
  const read = readFigures(snapshot, file.name);
  return read.figures
    ? {
        comparison: compareRounds(figuresOf(result, plan), read.figures),
        history: collectHistory(result.aggregate.period, [{ name: file.name, read }]),
        reason: "",
      }
    : { comparison: null, history: null, reason: `上期通报 ${file.name}：${read.reason}` };
}
