// `srdi targets --period <p> --out FILE`: the blank target allocation workbook for the bureau to fill.
import { writeFileSync } from "fs";
import type { Command } from "commander";
import { buildTargetsWorkbook } from "../core/targets/workbook";
import { writeWorkbookLazily as writeWorkbook } from "./write-lazily";
import { UsageError, type ExitHolder } from "./common";
import { loadPlanFile, periodOption } from "./template";

interface TargetsOptions {
  period?: string;
  out?: string;
  plan?: string;
}

export async function runTargets(o: TargetsOptions, exit: ExitHolder): Promise<void> {
  const period = periodOption(o.period);
  if (!o.out) throw new UsageError("缺少 --out(目标分解表的保存位置)");
  const plan = loadPlanFile(o.plan);
  const desc = buildTargetsWorkbook(plan, period, { generatedAt: new Date().toISOString() });
  writeFileSync(o.out, await writeWorkbook(desc));
  process.stdout.write(
    `已生成目标分解表 ${o.out}（${period.label}）。填写后用 srdi aggregate --targets ${o.out} 汇总。\n`,
  );
  exit.code = 0;
}

export function registerTargets(program: Command, exit: ExitHolder): void {
  program
    .command("targets")
    .description("生成目标分解与评分设置表 (the target allocation and scoring settings workbook)")
    .option("--period <period>", "报告期，如 2025Q3")
    .option("--out <file>", "保存位置 .xlsx")
    .option("--plan <file>", "规划配置(.xlsx)或计划文件(JSON)，默认内置连云港市行动计划")
    .action(async (o: TargetsOptions) => runTargets(o, exit));
}
