// The bureau's targets workbook read from a file named on the command line (aggregate, demo, and
// template --from --targets for the previous round's 报送登记): one reader, no cycle between commands.
import * as path from "path";
import { issueText, type Issue } from "../core/issues";
import type { Plan } from "../core/plan/types";
import type { BulletinSettings } from "../core/targets/bulletin-settings";
import { readTargets } from "../core/targets/read";
import type { ScoringSettings, TargetAllocation } from "../core/targets/types";
import { readWorkbook } from "../xlsx/read";
import { UsageError } from "./common";
import { readRegularFile } from "./read-regular";

export async function readTargetsFile(
  file: string,
  plan: Plan,
): Promise<{
  targets: TargetAllocation;
  settings: ScoringSettings;
  issues: Issue[];
  bulletin?: BulletinSettings;
}> {
  let snapshot;
  try {
    snapshot = await readWorkbook(readRegularFile(file).bytes, { name: path.basename(file) });
  } catch (e) {
    throw new UsageError(`无法读取目标分解表 ${file}：${(e as Error).message}`);
  }
  const r = readTargets(snapshot, plan);
  if (
    r.issues.some(
      (i) =>
        i.code === "targets.unknown_form" || (i.code === "targets.missing_sheet" && i.severity === "error"),
    )
  )
    throw new UsageError(`${file}：${r.issues.map(issueText).join("；")}`);
  return r;
}
