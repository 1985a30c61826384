// `srdi template --from`: the previous round's returns read through the one guarded reader, and the
// source each template is prefilled from (the rules are the core's, src/core/prefill).
import { readdirSync, statSync } from "fs";
import * as path from "path";
import { formsOf } from "../core/form/versions";
import type { Period } from "../core/plan/periods";
import type { Plan, Unit } from "../core/plan/types";
import {
  chooseSources,
  prefillRefusal,
  sentBackRefusal,
  type SentBackMode,
  type SourceChoice,
} from "../core/prefill/prefill";
import type { Review } from "../core/review/review";
import type { ReturnResult } from "../core/read/types";
import { UsageError } from "./common";
import { readReturnFile } from "./read-file";
import { readReturnFiles } from "./read-pool";

/** A folder of one round's returns holds tens of files; this bounds a folder that is not one. */
const MAX_SOURCE_FILES = 2000;

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    throw new UsageError(`找不到上期报表\u201c${p}\u201d`);
  }
}

/** The .xlsx files of a folder (not its sub-folders; Excel's ~$ lock files skipped), sorted. */
export function returnFilesIn(dir: string): string[] {
  const names: string[] = [];
  for (const n of readdirSync(dir)) {
    if (!/\.xlsx$/i.test(n) || n.startsWith("~$")) continue;
    if (names.length >= MAX_SOURCE_FILES)
      throw new UsageError(
        `上期报表目录\u201c${dir}\u201d中的.xlsx文件超过${MAX_SOURCE_FILES}个，请只放上期报表`,
      );
    names.push(n);
  }
  return names.sort().map((n) => path.join(dir, n));
}

/** Each unit's source from `from` (a folder of returns, or one return file). */
export async function chooseFrom(
  from: string,
  plan: Plan,
  period: Period,
  reviews: Record<string, Review> = {},
  sentBack: SentBackMode = "blank",
): Promise<SourceChoice> {
  const files = isDirectory(from) ? returnFilesIn(from) : [from];
  const { results } = await readReturnFiles(files, plan);
  return chooseSources(results, plan, period, reviews, sentBack);
}

/** One unit's source: the file itself (refused with its reason), or the unit's choice in a folder. */
export async function sourceFor(
  from: string,
  plan: Plan,
  unit: Unit,
  period: Period,
  reviews: Record<string, Review> = {},
  sentBack: SentBackMode = "blank",
): Promise<ReturnResult> {
  if (isDirectory(from)) {
    const choice = await chooseFrom(from, plan, period, reviews, sentBack);
    const r = choice.byUnit.get(unit.code);
    if (!r) throw new UsageError(`上期报表目录\u201c${from}\u201d中没有${unit.name}可用于预填的报表`);
    return r;
  }
  const r = await readReturnFile(from, plan, { name: path.basename(from) });
  const why =
    prefillRefusal(r, unit, period, formsOf(plan)) ?? sentBackRefusal(plan, unit, reviews, sentBack);
  if (why) throw new UsageError(why);
  return r;
}
