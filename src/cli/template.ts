// `srdi template`: one unit's template, or every unit's (--all) into a folder.
import { currentForm } from "../core/form/versions";
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import type { Command } from "commander";
import { buildTemplate } from "../core/form/template";
import { parsePeriod, type Period } from "../core/plan/periods";
import type { Plan, Unit } from "../core/plan/types";
import { assertPeriodInPlan } from "../core/plan/window";
export { templateFileName } from "../core/form/file-name";
import { templateFileName } from "../core/form/file-name";
import { writeWorkbookLazily as writeWorkbook } from "./write-lazily";
import { UsageError, type ExitHolder } from "./common";
import { loadPlanFile } from "./plan";
export { loadPlanFile } from "./plan";
import { prefillStatement, prefillTemplate } from "../core/prefill/prefill";
import type { ReturnResult } from "../core/read/types";
import type { Review } from "../core/review/review";
import { escapeControls } from "../core/report/terminal";
import { chooseFrom, sourceFor } from "./template-from";
import { readTargetsFile } from "./targets-file";

interface TemplateOptions {
  unit?: string;
  period?: string;
  out?: string;
  deadline?: string;
  plan?: string;
  all?: boolean;
  from?: string;
  targets?: string;
}

const unitList = (plan: Plan) => plan.units.map((u) => `${u.code} ${u.name}`).join("、");

export function findUnit(plan: Plan, text: string): Unit {
  const t = text.trim();
  const u = plan.units.find((x) => x.code === t || x.name === t);
  if (!u) throw new UsageError(`未知的填报单位\u201c${text}\u201d。可选：${unitList(plan)}`);
  return u;
}

/** The --period option parsed; with `plan`, refused when outside the plan's years (PeriodOutsidePlanError). */
export function periodOption(text: string | undefined, plan?: Plan): Period {
  if (!text) throw new UsageError("缺少 --period。格式：2025、2025H1、2025Q3 或 2025-09");
  const p = parsePeriod(text);
  if (!p)
    throw new UsageError(
      `报告期\u201c${text}\u201d格式不对。可用：2025(年)、2025H1(半年)、2025Q3(季度)、2025-09(月)`,
    );
  if (plan) assertPeriodInPlan(plan, p);
  return p;
}

function deadlineOption(text: string | undefined): string | null {
  if (text === undefined) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1)
    throw new UsageError(`截止日期\u201c${text}\u201d格式不对，应为 YYYY-MM-DD`);
  return text.trim();
}

/** `<code>-<name>-<period>.xlsx`, with characters that file systems refuse replaced. */
async function writeOne(
  plan: Plan,
  unit: Unit,
  period: Period,
  deadline: string | null,
  file: string,
  source?: ReturnResult,
  review?: Review,
) {
  const blank = buildTemplate({
    plan,
    form: currentForm(plan),
    unit,
    period,
    deadline,
    generatedAt: new Date().toISOString(),
  });
  const prefilled = source ? prefillTemplate(blank, source, currentForm(plan), plan, review) : null;
  const bytes = await writeWorkbook(prefilled?.workbook ?? blank);
  writeFileSync(file, bytes);
  process.stdout.write(`已生成 ${file}（${unit.name}，${period.label}）\n`);
  if (prefilled) process.stdout.write(escapeControls(`  ${prefillStatement(prefilled.summary)}\n`));
}

export async function runTemplate(o: TemplateOptions): Promise<void> {
  const plan = loadPlanFile(o.plan);
  const period = periodOption(o.period, plan);
  const deadline = deadlineOption(o.deadline);
  if (o.targets && !o.from) throw new UsageError("--targets 只与 --from 同用(上期目标分解表中的审核结果)");
  // The previous round's 报送登记: a unit whose return was sent back (退回) is prefilled from it with the
  // bureau's reason in 填报说明, or (评分设置 退回单位模板 空白模板) not prefilled from it.
  const read = o.targets ? await readTargetsFile(o.targets, plan) : null;
  const reviews = read?.targets.reviews ?? {};
  const sentBack = read?.settings.sentBackTemplate ?? "prefill";
  if (o.all) {
    if (o.unit) throw new UsageError("--all 与 --unit 不能同时使用");
    const dir = o.out ?? ".";
    const choice = o.from ? await chooseFrom(o.from, plan, period, reviews, sentBack) : null;
    mkdirSync(dir, { recursive: true });
    for (const unit of plan.units) {
      const file = path.join(dir, templateFileName(unit, period));
      await writeOne(plan, unit, period, deadline, file, choice?.byUnit.get(unit.code), reviews[unit.code]);
    }
    process.stdout.write(`共 ${plan.units.length} 个单位的模板已写入 ${dir}\n`);
    if (choice) {
      const notes = [`按上期报表预填 ${choice.byUnit.size} 个单位`];
      const sentBackUnits = plan.units.filter(
        (u) => choice.byUnit.has(u.code) && reviews[u.code]?.state === "returned",
      );
      if (sentBackUnits.length)
        notes.push(
          `其中按退回的报表预填(填报说明中写明退回原因)：${sentBackUnits.map((u) => `${u.code} ${u.name}`).join("、")}`,
        );
      if (choice.blank.length)
        notes.push(
          `没有可用上期报表、生成空白模板的单位：${choice.blank.map((u) => `${u.code} ${u.name}`).join("、")}`,
        );
      for (const u of choice.unused) notes.push(`未使用 ${u.file}：${u.reason}`);
      process.stdout.write(escapeControls(notes.join("\n") + "\n"));
    }
    return;
  }
  if (!o.unit) throw new UsageError(`缺少 --unit(或用 --all 生成全部单位)。可选：${unitList(plan)}`);
  const unit = findUnit(plan, o.unit);
  const source = o.from ? await sourceFor(o.from, plan, unit, period, reviews, sentBack) : undefined;
  const out = o.out ?? templateFileName(unit, period);
  await writeOne(plan, unit, period, deadline, out, source, reviews[unit.code]);
}

export function registerTemplate(program: Command, exit: ExitHolder): void {
  program
    .command("template")
    .description("生成填报单位的报表模板 (write a unit's submission template)")
    .option("--unit <unit>", "填报单位代码或名称 (unit code or name)")
    .option("--period <period>", "报告期：2025、2025H1、2025Q3、2025-09")
    .option("--out <file>", "输出文件；与 --all 同用时为输出目录")
    .option("--deadline <date>", "报送截止日期 YYYY-MM-DD")
    .option("--plan <file>", "规划配置(.xlsx)或计划文件(JSON)，默认为内置的连云港市计划")
    .option("--all", "为计划中的每个单位各生成一个模板")
    .option("--from <path>", "按上期报表预填：上期报表文件，或(与 --all 同用)上期报表目录")
    .option(
      "--targets <file>",
      "上期目标分解表：报送登记中审核结果为退回的单位按评分设置(退回单位模板)预填并写明退回原因，或生成空白模板(与 --from 同用)",
    )
    .action(async (o: TemplateOptions) => {
      await runTemplate(o);
      exit.code = 0;
    });
}
