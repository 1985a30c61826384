// The plan every command runs on: `--plan 规划配置.xlsx` (the plan workbook) or `--plan plan.json`, else
// the built-in plan. `srdi plan --out 规划配置.xlsx` writes the plan in force as the workbook a bureau
// edits; `srdi plan --plan FILE` checks one and lists every problem with its sheet and cell.
import { writeFileSync } from "fs";
import type { Command } from "commander";
import { issueText } from "../core/issues";
import { DEFAULT_PLAN } from "../core/plan/default-plan";
import { loadPlanJson, PlanSchemaError } from "../core/plan/schema";
import type { Plan } from "../core/plan/types";
import { formsOf } from "../core/form/versions";
import { PlanBookError, type PlanIssue } from "../core/planbook/issues";
import { readPlanBook } from "../core/planbook/read-plan";
import { buildPlanBook } from "../core/planbook/write-plan";
import { escapeControls } from "../core/report/terminal";
import { readWorkbookSync, WorkbookReadError } from "../xlsx/read";
import { UsageError, type ExitHolder } from "./common";
import { FileRefusal, readRegularFile } from "./read-regular";
import { writeWorkbookLazily } from "./write-lazily";

/** A plan workbook is a few hundred KB; a JSON plan less. */
const MAX_PLAN_BYTES = 20 * 1024 * 1024;

export interface PlanLoad {
  plan: Plan | null;
  /** Problems of a plan workbook (warnings too); empty for JSON and the built-in plan. */
  issues: PlanIssue[];
}

function readBytes(file: string): Uint8Array {
  try {
    return readRegularFile(file, MAX_PLAN_BYTES).bytes;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      e instanceof FileRefusal
        ? e.detail
        : code === "ENOENT"
          ? "文件不存在，请检查路径"
          : code === "EACCES" || code === "EPERM"
            ? "没有读取权限"
            : code === "EISDIR"
              ? "这是文件夹，不是文件"
              : (e as Error).message;
    throw new UsageError(`无法读取计划文件 ${file}：${why}`);
  }
}

const isZip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x50 && b[1] === 0x4b;

/** Reads a plan file; a workbook with errors gives plan null and its issues (never a half plan). */
export function readPlanFile(file: string): PlanLoad {
  const bytes = readBytes(file);
  if (!isZip(bytes)) {
    try {
      // The JSON format predates forms as data: its fields are those of the built-in 连云港 plan's forms.
      return { plan: loadPlanJson(new TextDecoder().decode(bytes), DEFAULT_PLAN.forms), issues: [] };
    } catch (e) {
      if (e instanceof PlanSchemaError) throw new UsageError(`${file}：${e.message}`);
      throw e;
    }
  }
  let snapshot;
  try {
    // The same guarded reader and caps as a return: a plan workbook is untrusted input too.
    snapshot = readWorkbookSync(bytes, { name: file });
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UsageError(`${file}：${e.message}`);
    throw e;
  }
  return readPlanBook(snapshot);
}

/** Warnings of a loaded plan shown on stderr by every command; the rest are counted. */
const MAX_PLAN_WARNINGS = 20;

/**
 * The plan of `--plan` (workbook or JSON), else the built-in one; a plan with errors is a usage error.
 * A workbook's warnings (an unknown column ignored, full-width symbols read as half-width) go to stderr,
 * so the officer sees them whatever the command, and stdout stays the command's own output.
 */
export function loadPlanFile(file: string | undefined): Plan {
  if (!file) return DEFAULT_PLAN;
  const r = readPlanFile(file);
  if (!r.plan) throw new UsageError(`${file}：${escapeControls(new PlanBookError(r.issues).message)}`);
  const warnings = r.issues.filter((i) => i.severity === "warning");
  const shown = warnings
    .slice(0, MAX_PLAN_WARNINGS)
    .map((i) => escapeControls(`${file}：提示 ${issueText(i)}`));
  if (warnings.length > MAX_PLAN_WARNINGS)
    shown.push(
      `${escapeControls(file)}：另有 ${warnings.length - MAX_PLAN_WARNINGS} 条提示，srdi plan --plan 可列出全部`,
    );
  if (shown.length) process.stderr.write(shown.join("\n") + "\n");
  return r.plan;
}

interface PlanOptions {
  plan?: string;
  out?: string;
  json?: boolean;
}

function summary(plan: Plan): string {
  const forms = formsOf(plan);
  return [
    `${plan.title}${plan.document ? `(${plan.document})` : ""}`,
    `  期间 ${plan.start} 至 ${plan.end}，基期 ${plan.baseDate}`,
    `  填报单位 ${plan.units.length} 个，重点产业链 ${plan.chains.length} 条，指标 ${plan.indicators.length} 项`,
    `  表单版本 ${forms.map((f) => `${f.id} v${f.version}`).join("、")}(新模板用 v${forms[forms.length - 1].version})`,
  ].join("\n");
}

export async function runPlan(o: PlanOptions, exit: ExitHolder): Promise<void> {
  const r: PlanLoad = o.plan ? readPlanFile(o.plan) : { plan: DEFAULT_PLAN, issues: [] };
  const lines = r.issues.map((i) =>
    escapeControls(`${i.severity === "error" ? "错误" : "提示"} ${issueText(i)}`),
  );
  if (o.json) {
    const out = {
      ok: r.plan !== null,
      plan: r.plan ? { id: r.plan.id, title: r.plan.title } : null,
      issues: r.issues,
    };
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  } else {
    if (lines.length) process.stdout.write(lines.join("\n") + "\n");
    if (r.plan) process.stdout.write(escapeControls(summary(r.plan)) + "\n");
  }
  if (!r.plan) {
    if (!o.json)
      process.stdout.write(
        `规划配置有错误，未载入(共${r.issues.filter((i) => i.severity === "error").length}处)\n`,
      );
    exit.code = 1;
    return;
  }
  if (o.out) {
    writeFileSync(o.out, await writeWorkbookLazily(buildPlanBook(r.plan)));
    (o.json ? process.stderr : process.stdout).write(
      `已写出规划配置 ${o.out}：在 Excel 中编辑后用 --plan ${o.out} 载入\n`,
    );
  }
  exit.code = 0;
}

export function registerPlan(program: Command, exit: ExitHolder): void {
  program
    .command("plan")
    .description("导出或检查规划配置工作簿 (write the plan as an editable workbook, or check one)")
    .option("--plan <file>", "规划配置(.xlsx)或计划文件(JSON)；缺省为内置连云港市行动计划")
    .option("--out <file>", "把规划写成规划配置工作簿 .xlsx")
    .option("--json", "以JSON输出检查结果")
    .action(async (o: PlanOptions) => runPlan(o, exit));
}
