// The pane's side of 较上期: the core decides (src/core/report/previous); this reads the picked file with the
// .xlsx reader, loaded on first use like the returns' reader. (Prefill, shared with the page: src/host/prefill.)
import type { Plan } from "../core/plan/types";
import { collectHistory, type History } from "../core/report/history";
import { compareRounds, figuresOf, readFigures, type Comparison } from "../core/report/previous";
import type { RoundResult } from "../core/report/round-result";
import { PrefillRefusal } from "../host/refusal";

export { PrefillRefusal };

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
