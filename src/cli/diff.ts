// `srdi diff OLD.xlsx NEW.xlsx [--json]`: what a resubmission changed (the core's src/core/diff), both files
// read through the one guarded reader. Exit codes as diff(1): 0 the same data, 1 differences, 2 unusable.
import * as path from "path";
import type { Command } from "commander";
import { diffLines, diffReturns } from "../core/diff/diff";
import { issueText } from "../core/issues";
import { escapeControls } from "../core/report/terminal";
import { formByVersion, formsOf } from "../core/form/versions";
import type { Plan } from "../core/plan/types";
import type { ReturnResult } from "../core/read/types";
import { UsageError, type ExitHolder } from "./common";
import { readReturnFile } from "./read-file";
import { loadPlanFile } from "./template";

interface DiffOptions {
  json?: boolean;
  plan?: string;
}

function usable(r: ReturnResult, which: string, plan: Plan): ReturnResult {
  if (r.rejected || !formByVersion(r.formVersion, formsOf(plan))) {
    const why = r.errors.slice(0, 3).map(issueText).join("；") || "无法识别为报表";
    throw new UsageError(escapeControls(`${which}\u201c${r.file}\u201d不能比较：${why}`));
  }
  return r;
}

export async function runDiff(older: string, newer: string, o: DiffOptions, exit: ExitHolder): Promise<void> {
  const plan = loadPlanFile(o.plan);
  const a = usable(await readReturnFile(older, plan, { name: path.basename(older) }), "旧报表", plan);
  const b = usable(await readReturnFile(newer, plan, { name: path.basename(newer) }), "新报表", plan);
  const d = diffReturns(a, b, formsOf(plan));
  process.stdout.write(
    o.json ? JSON.stringify(d, null, 2) + "\n" : escapeControls(diffLines(d).join("\n") + "\n"),
  );
  exit.code = d.identical ? 0 : 1;
}

export function registerDiff(program: Command, exit: ExitHolder): void {
  program
    .command("diff")
    .description("比较同一单位先后报送的两份报表 (compare a resubmission with the earlier return)")
    .argument("<old>", "先报送的报表 .xlsx")
    .argument("<new>", "后报送的报表 .xlsx")
    .option("--json", "以JSON输出新增、删除和修改的行")
    .option("--plan <file>", "计划文件(JSON)，默认内置连云港市行动计划")
    .action(async (older: string, newer: string, o: DiffOptions) => runDiff(older, newer, o, exit));
}
