// `check --history DIR`, `aggregate --history-returns DIR` (aggregate's --history is the older bulletins
// of the trend, issue 27): the previous round's returns, read through the one guarded reader;
// which return of a unit is compared with is prefill's choice (src/core/prefill chooseSources).
import { formByVersion, formsOf } from "../core/form/versions";
import { withHistory } from "../core/history/check";
import { previousOf } from "../core/history/previous";
import { parsePeriod } from "../core/plan/periods";
import type { Plan } from "../core/plan/types";
import { chooseSources } from "../core/prefill/prefill";
import type { ReturnResult } from "../core/read/types";
import { UsageError } from "./common";
import { returnFilesIn } from "./template-from";
import { readReturnFiles } from "./read-pool";
import { statSync } from "fs";

/** The previous round's returns in a folder. */
export async function readHistoryDir(dir: string, plan: Plan): Promise<ReturnResult[]> {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UsageError(`上期报表应为一个文件夹：\u201c${dir}\u201d不是文件夹`);
  const { results } = await readReturnFiles(returnFilesIn(dir), plan);
  return results;
}

/** Each checked return compared with its unit's previous return from `history`; a line per file saying with which. */
export function applyHistory(
  results: ReturnResult[],
  history: ReturnResult[],
  plan: Plan,
): { results: ReturnResult[]; notes: string[] } {
  const notes: string[] = [];
  const out = results.map((r) => {
    const period = r.period ? parsePeriod(r.period) : null;
    const form = formByVersion(r.formVersion, formsOf(plan));
    if (!period || !form || !r.unit || r.rejected) return r;
    const src = chooseSources(history, plan, period).byUnit.get(r.unit);
    if (!src) {
      notes.push(
        `${r.file}：上期报表目录中没有${r.unitName ?? r.unit}${period.label}以前的可用报表，未与上期比较`,
      );
      return r;
    }
    notes.push(`${r.file}：与上期报表\u201c${src.file}\u201d(${src.period})比较`);
    return withHistory(r, previousOf(src), { plan, form, periodYear: period.year });
  });
  return { results: out, notes };
}
