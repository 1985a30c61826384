// `srdi demo [--out DIR]`: the whole job on built-in sample data — targets, templates, filled returns
// (one late by its file time), the bulletin — then the city table in the terminal.
import { mkdirSync, utimesSync } from "fs";
import * as path from "path";
import type { Command } from "commander";
import { buildDemoRound } from "../core/demo/round";
import { buildTemplate } from "../core/form/template";
import { fillTemplate } from "../core/form/template-fill";
import { buildBulletin } from "../core/report/bulletin";
import { toAggregateJson } from "../core/report/json";
import { runRound } from "../core/report/round-result";
import { buildTargetsWorkbook } from "../core/targets/workbook";
import type { FormDef } from "../core/form/types";
import { currentForm } from "../core/form/versions";
import { writeWorkbookFile } from "./write-lazily";
import { summaryText } from "./aggregate";
import { readTargetsFile } from "./targets-file";
import { readReturnFile } from "./read-file";
import type { ExitHolder } from "./common";
import { loadPlanFile } from "./plan";
import { templateFileName } from "./template";

interface DemoOptions {
  out?: string;
  json?: boolean;
  plan?: string;
}

export async function runDemo(o: DemoOptions, exit: ExitHolder): Promise<void> {
  const plan = loadPlanFile(o.plan);
  const form = currentForm(plan);
  const demo = buildDemoRound(plan);
  const dir = path.resolve(o.out ?? "srdi-demo");
  const templates = path.join(dir, "templates");
  const returnsDir = path.join(dir, "returns");
  mkdirSync(templates, { recursive: true });
  mkdirSync(returnsDir, { recursive: true });
  const log = o.json ? (s: string) => process.stderr.write(s) : (s: string) => process.stdout.write(s);

  const targetsFile = path.join(dir, `目标分解-${demo.period.id}.xlsx`);
  const targetsDesc = buildTargetsWorkbook(plan, demo.period, {
    allocation: demo.targets,
    settings: demo.settings,
    generatedAt: demo.generatedAt,
  });
  await writeWorkbookFile(targetsDesc, targetsFile);

  const files: string[] = [];
  for (const unit of plan.units) {
    const ret = demo.returns.find((r) => r.unit.code === unit.code);
    // Templates are the current form; a return is written in the form its unit filled (one is still v1).
    const template = (form: FormDef) =>
      buildTemplate({
        plan,
        form,
        unit,
        period: demo.period,
        deadline: demo.deadline,
        generatedAt: demo.generatedAt,
      });
    const desc = template(form);
    await writeWorkbookFile(desc, path.join(templates, templateFileName(unit, demo.period)));
    if (!ret) continue;
    const file = path.join(returnsDir, templateFileName(unit, demo.period));
    const filled = fillTemplate(ret.form === form ? desc : template(ret.form), ret.data, ret.form);
    // The workbook's own saved time is when the clerk saved it; the file time may be a later copy's.
    await writeWorkbookFile({ ...filled, properties: { ...filled.properties, modified: ret.savedAt } }, file);
    const t = new Date(ret.modified);
    utimesSync(file, t, t);
    files.push(file);
  }

  // Back through the same path as `srdi aggregate`: files -> snapshots -> returns -> bulletin.
  const t = await readTargetsFile(targetsFile, plan);
  const returns = [];
  for (const f of files) returns.push(await readReturnFile(f, plan));
  const result = runRound({
    plan,
    period: demo.period,
    returns,
    deadline: demo.deadline,
    targets: t.targets,
    settings: t.settings,
  });
  const bulletinFile = path.join(dir, `工作通报-${demo.period.id}.xlsx`);
  // Written through Node's zlib as `srdi aggregate` writes (fflate's JavaScript deflate took most of a
  // province's demo).
  await writeWorkbookFile(
    buildBulletin(result, plan, { issuedOn: demo.issuedOn, settings: t.bulletin }),
    bulletinFile,
  );

  if (o.json) process.stdout.write(JSON.stringify(toAggregateJson(result), null, 2) + "\n");
  else log(summaryText(result, plan) + "\n\n");
  log(
    [
      `示例数据(${demo.period.label}，截止${demo.deadline})中预置的问题：`,
      ...demo.defects.map((d) => `  - ${d}`),
      "",
      "生成的文件：",
      `  目标分解表  ${targetsFile}`,
      `  空白模板    ${templates}${path.sep}（${plan.units.length}份）`,
      `  已填报表    ${returnsDir}${path.sep}（${files.length}份；报送时间取目标分解表的报送登记，未登记的取工作簿自身的保存时间）`,
      `  工作通报    ${bulletinFile}`,
      "",
      `自己汇总一次：srdi aggregate "${returnsDir}${path.sep}"*.xlsx --targets "${targetsFile}" --out 通报.xlsx`,
      "",
    ].join("\n"),
  );
  exit.code = 0;
}

export function registerDemo(program: Command, exit: ExitHolder): void {
  program
    .command("demo")
    .description("用内置示例数据走一遍完整流程 (run the whole job on built-in sample data)")
    .option("--out <dir>", "输出目录", "srdi-demo")
    .option("--json", "以JSON输出汇总结果(同 srdi aggregate --json)")
    .option("--plan <file>", "规划配置(.xlsx)或计划文件(JSON)，默认内置连云港市行动计划")
    .action(async (o: DemoOptions) => runDemo(o, exit));
}
