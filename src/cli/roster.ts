// `srdi roster --out 认定名单.xlsx`: the blank roster workbook; and reading a filled one for
// `aggregate --roster` and `check --roster`, through the same guarded reader and caps as a return.
import { writeFileSync } from "fs";
import * as path from "path";
import type { Command } from "commander";
import { chinaToday } from "../core/china-date";
import { issueText } from "../core/issues";
import type { Plan } from "../core/plan/types";
import { readRoster } from "../core/roster/read";
import type { Roster } from "../core/roster/types";
import { buildRosterWorkbook } from "../core/roster/workbook";
import { escapeControls } from "../core/report/terminal";
import { readWorkbook } from "../xlsx/read";
import { UsageError, type ExitHolder } from "./common";
import { readRegularFile } from "./read-regular";
import { loadPlanFile } from "./plan";
import { writeWorkbookLazily } from "./write-lazily";

const thisYear = () => Number(chinaToday(new Date()).slice(0, 4));

/**
 * The roster, or a UsageError when the file cannot be used; row problems go to stderr, located, for the
 * bureau that keeps the roster. A clerk checking a return against it (`check --roster`, `forClerk`) is
 * shown only their own problems: the roster's rows are the bureau's to mend.
 */
export async function readRosterFile(
  file: string,
  plan: Plan,
  o: { forClerk?: boolean } = {},
): Promise<Roster> {
  let snapshot;
  try {
    snapshot = await readWorkbook(readRegularFile(file).bytes, { name: path.basename(file) });
  } catch (e) {
    throw new UsageError(`无法读取认定名单 ${file}：${(e as Error).message}`);
  }
  const r = readRoster(snapshot, plan, { thisYear: thisYear() });
  if (!r.roster) throw new UsageError(`${file}：${r.issues.map(issueText).join("；")}`);
  if (o.forClerk) return r.roster;
  for (const i of r.issues)
    process.stderr.write(
      escapeControls(`认定名单：${i.severity === "error" ? "" : "提示："}${issueText(i)}\n`),
    );
  const { rowsRead, rowsRejected, entries } = r.roster;
  process.stderr.write(
    `认定名单：读取${rowsRead}行，采用${entries.length}行` +
      (rowsRejected ? `，未采用${rowsRejected}行(见上)` : "") +
      "\n",
  );
  return r.roster;
}

interface RosterOptions {
  out?: string;
  plan?: string;
}

export async function runRoster(o: RosterOptions, exit: ExitHolder): Promise<void> {
  if (!o.out) throw new UsageError("缺少 --out(认定名单的保存位置)，如：srdi roster --out 认定名单.xlsx");
  const plan = loadPlanFile(o.plan);
  const desc = buildRosterWorkbook(plan, { thisYear: thisYear(), generatedAt: new Date().toISOString() });
  writeFileSync(o.out, await writeWorkbookLazily(desc));
  process.stdout.write(
    `已生成认定名单 ${o.out}。按省、部公告逐行录入后，用 srdi aggregate --roster ${o.out} 核验各地填报的认定。\n`,
  );
  exit.code = 0;
}

export function registerRoster(program: Command, exit: ExitHolder): void {
  program
    .command("roster")
    .description("生成空白认定名单，用于核验各地填报的认定 (the blank recognition roster workbook)")
    .option("--out <file>", "保存位置 .xlsx")
    .option("--plan <file>", "规划配置(.xlsx)或计划文件(JSON)，默认内置连云港市行动计划")
    .action(async (o: RosterOptions) => runRoster(o, exit));
}
