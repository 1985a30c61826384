// `srdi aggregate FILE... --out FILE`: reads every return (an unreadable file becomes a rejected return,
// never a crash), aggregates, scores against the targets and writes the bulletin workbook.
import { measuresPlatforms } from "../core/plan/words";
import { writeFileSync } from "fs";
import type { Command } from "commander";
import { issueText } from "../core/issues";
import { roundPeriod } from "../core/aggregate/round-period";
import { chinaToday } from "../core/china-date";
import type { Period } from "../core/plan/periods";
import type { Plan } from "../core/plan/types";
import type { ReturnResult } from "../core/read/types";
import { buildBulletin } from "../core/report/bulletin";
import { bulletinDocument } from "../core/report/document";
import { toAggregateJson } from "../core/report/json";
import { runRound, type RoundResult } from "../core/report/round-result";
import { cityTableText, escapeControls, unitTableText } from "../core/report/terminal";
import { roundSummary } from "../core/report/summary";
import { UsageError, type ExitHolder } from "./common";
import { readReturnFiles } from "./read-pool";
import { readEarlierRounds } from "./previous-bulletins";
import { readRosterFile } from "./roster";
import { readHistoryDir } from "./history-dir";
import { rosterSummaryText } from "../core/roster/text";
import { terminalProgress } from "./progress";
import { writeWorkbookFile } from "./write-lazily";
import { loadPlanFile, periodOption } from "./template";
import { readTargetsFile } from "./targets-file";

interface AggregateOptions {
  targets?: string;
  deadline?: string;
  period?: string;
  plan?: string;
  out?: string;
  json?: boolean;
  date?: string;
  docx?: string;
  previous?: string;
  history?: string;
  roster?: string;
  /** The previous round's returns (issue 26; --history is the older bulletins, issue 27). */
  historyReturns?: string;
}

export function isoDateOption(text: string | undefined, what: string): string | null {
  if (text === undefined) return null;
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== t)
    throw new UsageError(`${what}\u201c${text}\u201d格式不对，应为 YYYY-MM-DD`);
  return t;
}

/** The round's period: given, else the core's choice from the returns (as the pane makes it). */
export function inferPeriod(returns: ReturnResult[], given: string | undefined): Period {
  if (given) return periodOption(given);
  const p = roundPeriod(returns);
  if (!p) throw new UsageError("无法从报表中识别报告期，请用 --period 指定(如 2025Q3)");
  return p;
}

export function summaryText(result: RoundResult, plan: Plan): string {
  const n = roundSummary(result, plan);
  const lines = [
    cityTableText(result, plan),
    "",
    unitTableText(result),
    "",
    `报送：${n.reported}/${n.units}个单位计入汇总；未计入的报表${n.excluded}份；退回数据行${n.rejectedRows}行；` +
      `跨单位重复企业${n.duplicateEnterprises}家` +
      (measuresPlatforms(plan) || n.duplicatePlatforms > 0 ? `、重复平台${n.duplicatePlatforms}个` : "") +
      "。",
  ];
  return lines.join("\n");
}

export async function runAggregate(files: string[], o: AggregateOptions, exit: ExitHolder): Promise<void> {
  if (files.length === 0) throw new UsageError("请给出要汇总的报表文件");
  if (!o.out && !o.json && !o.docx)
    throw new UsageError("缺少 --out(通报工作簿的保存位置)；只看结果可用 --json");
  const plan = loadPlanFile(o.plan);
  const deadline = isoDateOption(o.deadline, "截止日期");
  const issuedOn = isoDateOption(o.date, "通报日期") ?? chinaToday(new Date());
  const t = o.targets ? await readTargetsFile(o.targets, plan) : null;
  for (const i of t?.issues ?? []) process.stderr.write(escapeControls(`目标分解表：${issueText(i)}\n`));
  const roster = o.roster ? await readRosterFile(o.roster, plan) : null;
  const progress = terminalProgress("读取报表", files.length, { json: o.json });
  const { results: returns } = await readReturnFiles(files, plan, { onFile: () => progress.step() });
  const period = inferPeriod(returns, o.period);
  const lastReturns = o.historyReturns ? await readHistoryDir(o.historyReturns, plan) : null;
  const result = runRound({
    history: lastReturns,
    plan,
    period,
    returns,
    deadline,
    targets: t?.targets,
    settings: t?.settings,
    roster,
  });
  const log = (s: string) => (o.json ? process.stderr : process.stdout).write(escapeControls(s));
  const { comparison, history } = await readEarlierRounds(o.previous, o.history, result, plan);
  for (const p of history.problems)
    process.stderr.write(escapeControls(`往期通报：${p.where}：${p.message}\n`));
  const bulletinOpts = { issuedOn, settings: t?.bulletin, comparison, history };
  if (o.out) {
    const desc = buildBulletin(result, plan, bulletinOpts);
    progress.phase("写出通报工作簿 工作表", desc.sheets.length);
    await writeWorkbookFile(desc, o.out, () => progress.step());
  }
  if (o.docx) {
    progress.phase("写出通报文档", 1);
    const { writeBulletinDocx } = await import("../docx/bulletin-docx");
    const { deflateSync } = await import("zlib");
    // Node's zlib for the chart's PNG: native, several times faster than fflate's (the pane's).
    const zlib = (data: Uint8Array) => deflateSync(data, { level: 6 });
    writeFileSync(o.docx, await writeBulletinDocx(bulletinDocument(result, plan, bulletinOpts), { zlib }));
  }
  progress.done();
  if (o.json) process.stdout.write(JSON.stringify(toAggregateJson(result), null, 2) + "\n");
  else log(summaryText(result, plan) + "\n" + (result.roster ? rosterSummaryText(result.roster) + "\n" : ""));
  if (o.out) log(`已生成通报工作簿 ${o.out}\n`);
  if (o.docx) log(`已生成通报文档 ${o.docx}\n`);
  if (comparison) log(`已与上期(${comparison.previous.periodLabel})通报比较\n`);
  if (history.rounds.length > 0) log(`趋势含往期${history.rounds.length}期\n`);
  exit.code = 0;
}

export function registerAggregate(program: Command, exit: ExitHolder): void {
  program
    .command("aggregate")
    .description("汇总报表，生成工作通报工作簿 (aggregate returns into the bulletin workbook)")
    .argument("<files...>", "各单位报送的报表 .xlsx")
    .option("--targets <file>", "目标分解表(srdi targets 生成并填写)；不给则计数类指标各地不计分")
    .option("--deadline <date>", "报送截止日期 YYYY-MM-DD(默认取模板中的截止日期)")
    .option("--period <period>", "报告期，如 2025Q3(默认取报表中最多的报告期)")
    .option("--plan <file>", "规划配置(.xlsx)或计划文件(JSON)，默认内置连云港市行动计划")
    .option("--out <file>", "通报工作簿的保存位置 .xlsx")
    .option("--date <date>", "通报日期 YYYY-MM-DD(默认今天)")
    .option("--docx <file>", "同时生成通报文档 .docx(公文格式)")
    .option("--previous <file>", "上期工作通报工作簿，用于列出较上期变化")
    .option("--history <dir>", "往期工作通报所在文件夹：补齐上期通报未带的各期数据，用于趋势")
    .option("--json", "以JSON输出市级和各单位结果、退回和重复清单")
    .option("--roster <file>", "认定名单(srdi roster 生成并录入)：逐项核验各地填报的认定，计数口径见评分设置")
    .option(
      "--history-returns <dir>",
      "上期报表所在文件夹：各单位逐户与上期比较，并查出跨单位迁移的企业(只提示)",
    )
    .action(async (files: string[], o: AggregateOptions) => runAggregate(files, o, exit));
}
