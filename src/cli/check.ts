// `srdi check FILE... [--period p] [--unit code] [--json] [--annotate DIR] [--plan plan.json]`
// Exit 0: no errors (warnings allowed); 1: errors found; 2: unusable input: bad arguments, a path that
// does not exist, or a file that is not a usable workbook (empty, CSV, an image, encrypted). Such a file
// is still listed with its error, in text and in --json, before the exit code says 2.
import { mkdirSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import type { Command } from "commander";
import { checkJson } from "../core/read/json";
import { formatCheckText } from "../core/read/text-report";
import { terminalProgress } from "./progress";
import { escapeControls } from "../core/report/terminal";
import type { ReturnResult } from "../core/read/types";
import { isUnreadable } from "../core/read/unreadable";
import { UsageError, type ExitHolder } from "./common";
import { loadReturnFile, type LoadedReturn } from "./read-file";
import { findUnit, loadPlanFile, periodOption } from "./template";
import { readRosterFile } from "./roster";
import { applyHistory, readHistoryDir } from "./history-dir";
import type { Plan } from "../core/plan/types";
import { parsePeriod } from "../core/plan/periods";
import { checkOneReturn } from "../core/roster/round";
import { rosterJson, type RosterJson } from "../core/roster/json";
import { claimText } from "../core/roster/text";

/** Each readable return's claims against the roster: the text a clerk reads and the --json member. */
async function rosterSelfCheck(
  file: string,
  results: ReturnResult[],
  plan: Plan,
  period: string | undefined,
): Promise<{ text: string; json: { file: string } & Partial<RosterJson> }[]> {
  const roster = await readRosterFile(file, plan, { forClerk: true });
  return results.map((r) => {
    const p = parsePeriod(period ?? r.period ?? "");
    const check = p ? checkOneReturn(r, roster, plan, p.year) : null;
    if (!check) return { text: "", json: { file: r.file } };
    const open = check.claims.filter((c) => c.outcome !== "verified");
    const lines = [
      `${r.file} 认定名单核对：填报的有效期内认定${check.claims.length}项，核实${check.claims.length - open.length}项` +
        (open.length ? `，请核实以下${open.length}项：` : "。"),
      ...open.map((c) => `    ${claimText(c, check.tierNames)}`),
      ...(check.missed.length ? [`  名单中本单位另有${check.missed.length}项有效认定未填报：`] : []),
      ...check.missed.map(
        (m) => `    ${m.name} ${check.tierNames[m.tier] ?? m.tier}${m.year}年(名单第${m.row}行)`,
      ),
    ];
    return { text: lines.join("\n") + "\n", json: { file: r.file, ...rosterJson(check) } };
  });
}

interface CheckOptions {
  period?: string;
  unit?: string;
  json?: boolean;
  annotate?: string;
  plan?: string;
  roster?: string;
  history?: string;
}

function annotatedName(file: string, used: Set<string>): string {
  const base = path.basename(file).replace(/\.[^.]*$/, "");
  let name = `${base}-校验结果.xlsx`;
  for (let n = 2; used.has(name); n++) name = `${base}-校验结果(${n}).xlsx`;
  used.add(name);
  return name;
}

export async function runCheck(
  files: string[],
  o: CheckOptions,
): Promise<{ results: ReturnResult[]; output: string }> {
  if (files.length === 0) throw new UsageError("请给出要校验的报表文件，如：srdi check 连云区.xlsx");
  const plan = loadPlanFile(o.plan);
  const expect: { period?: string; units?: string[] } = {};
  if (o.period !== undefined) expect.period = periodOption(o.period, plan).id;
  if (o.unit !== undefined) expect.units = [findUnit(plan, o.unit).code];
  const missing = files.filter((f) => {
    try {
      return !statSync(f).isFile();
    } catch {
      return true;
    }
  });
  if (missing.length > 0) throw new UsageError(`找不到文件(或不是文件)：${missing.join("、")}`);

  // Each file is listed under the path as given, so that files of the same name in two folders differ.
  const checked: LoadedReturn[] = [];
  const progress = terminalProgress("检查报表", files.length, { json: o.json });
  for (const f of files) {
    checked.push(await loadReturnFile(f, plan, { expect, name: f }));
    progress.step();
  }
  progress.done();
  let results = checked.map((c) => c.result);

  const notes: string[] = [];
  if (o.history) {
    // Last round's figures from the folder replace a prefilled template's own 上期数据 sheet.
    const applied = applyHistory(results, await readHistoryDir(o.history, plan), plan);
    results = applied.results;
    checked.forEach((c, i) => (c.result = results[i]));
    notes.push(...applied.notes);
  }
  const rosterChecks = o.roster ? await rosterSelfCheck(o.roster, results, plan, o.period) : null;
  if (o.annotate) {
    // ExcelJS is loaded only when a copy is written: a plain check starts faster.
    const { annotateWorkbook } = await import("../xlsx/annotate");
    mkdirSync(o.annotate, { recursive: true });
    const used = new Set<string>();
    for (const c of checked) {
      if (!c.bytes || isUnreadable(c.result)) {
        notes.push(`未生成标注副本：${c.result.file} 不是可读的工作簿`);
        continue;
      }
      const out = path.join(o.annotate, annotatedName(c.result.file, used));
      try {
        writeFileSync(out, await annotateWorkbook(c.bytes, c.result));
        notes.push(`已写出标注副本：${out}`);
      } catch (e) {
        notes.push(`未生成标注副本：${c.result.file}：${(e as Error).message}`);
      }
    }
  }
  const output = o.json
    ? JSON.stringify(
        { ...checkJson(results), ...(rosterChecks ? { roster: rosterChecks.map((c) => c.json) } : {}) },
        null,
        2,
      ) + "\n"
    : escapeControls(
        formatCheckText(results) +
          (rosterChecks ? rosterChecks.map((c) => c.text).join("") : "") +
          (notes.length ? notes.join("\n") + "\n" : ""),
      );
  if (o.json && notes.length) process.stderr.write(escapeControls(notes.join("\n") + "\n"));
  return { results, output };
}

/** 2 when any file was not a usable workbook (ARCHITECTURE.md: unreadable input), else 1 on errors. */
export function checkExitCode(results: ReturnResult[]): 0 | 1 | 2 {
  if (results.some(isUnreadable)) return 2;
  return results.some((r) => r.errors.length > 0) ? 1 : 0;
}

export function registerCheck(program: Command, exit: ExitHolder): void {
  program
    .command("check")
    .description("校验报表：单位、报告期、表式结构和每个单元格 (check returned workbooks)")
    .argument("<files...>", "报表文件(.xlsx)")
    .option("--period <period>", "本轮报告期，如 2025Q3；报表的报告期须与之相同")
    .option("--unit <code>", "填报单位代码或名称；报表须为该单位的")
    .option("--json", "以 JSON 输出(供程序读取)")
    .option("--annotate <dir>", "在该目录写出标注了问题单元格的报表副本")
    .option("--plan <file>", "规划配置(.xlsx)或计划文件(JSON)，缺省为内置计划")
    .option("--roster <file>", "认定名单：核对报表中填报的认定(不影响退出码)")
    .option("--history <dir>", "上期报表所在文件夹：逐户与本单位上期报表比较(只提示，不影响退出码)")
    .action(async (files: string[], o: CheckOptions) => {
      const { results, output } = await runCheck(files, o);
      process.stdout.write(output);
      exit.code = checkExitCode(results);
    });
}
