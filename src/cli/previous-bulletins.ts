// `--previous 上期通报.xlsx` and `--history DIR`: earlier bulletins read through the same guarded reader
// as a return. The previous bulletin gives 较上期 and the rounds it carries; a folder of older bulletins
// fills gaps. A file in the folder that is not a bulletin (no 通报数据 sheet) is skipped and said so.
import { readdirSync, statSync } from "fs";
import * as path from "path";
import type { Plan } from "../core/plan/types";
import { collectHistory, type History, type HistorySource } from "../core/report/history";
import { compareRounds, DATA_SHEET, figuresOf, readFigures, type Comparison } from "../core/report/previous";
import type { RoundResult } from "../core/report/round-result";
import { readWorkbook } from "../xlsx/read";
import { zlibCrc32, zlibInflater } from "../xlsx/read-inflate-node";
import { UsageError } from "./common";
import { readRegularFile } from "./read-regular";

/** A cap that counts data: bulletins read from one --history folder. */
export const MAX_HISTORY_FILES = 240;

async function readBulletin(file: string): Promise<HistorySource> {
  const name = path.basename(file);
  try {
    // Only the data sheet holds figures: the bulletin's other sheets (明细, 企业名单: a row per firm) are
    // left unread, and Node's zlib inflates, as for returns.
    const snapshot = await readWorkbook(readRegularFile(file).bytes, {
      name,
      sheets: (n) => n === DATA_SHEET,
      inflate: zlibInflater,
      crc32: zlibCrc32,
    });
    return { name, read: readFigures(snapshot, name) };
  } catch (e) {
    return {
      name,
      read: {
        figures: null,
        reason: `无法读取：${(e as Error).message}`,
        history: [],
        problems: [],
      },
    };
  }
}

function bulletinFilesIn(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory())
      throw new UsageError(`--history 应为往期通报所在的文件夹：\u201c${dir}\u201d不是文件夹`);
    names = readdirSync(dir);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`找不到往期通报文件夹\u201c${dir}\u201d`);
  }
  const files = names.filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$")).sort();
  if (files.length > MAX_HISTORY_FILES)
    throw new UsageError(
      `往期通报文件夹\u201c${dir}\u201d中的.xlsx文件超过${MAX_HISTORY_FILES}个，请只放往期通报`,
    );
  return files.map((n) => path.join(dir, n));
}

export interface EarlierRounds {
  comparison: Comparison | null;
  history: History;
}

/** The previous bulletin (refused with the reason when it holds no usable figures) and the history folder. */
export async function readEarlierRounds(
  previous: string | undefined,
  historyDir: string | undefined,
  result: RoundResult,
  plan: Plan,
): Promise<EarlierRounds> {
  const sources: HistorySource[] = [];
  let comparison: Comparison | null = null;
  if (previous) {
    const s = await readBulletin(previous);
    if (!s.read.figures) throw new UsageError(`上期通报 ${previous}：${s.read.reason}`);
    comparison = compareRounds(figuresOf(result, plan), s.read.figures);
    sources.push(s);
  }
  if (historyDir)
    for (const file of bulletinFilesIn(historyDir)) {
      const s = await readBulletin(file);
      if (!s.read.figures && s.read.history.length === 0)
        s.read.problems.push({
          kind: "skipped",
          period: "",
          where: s.name,
          message: `不是可用的工作通报(${s.read.reason})，已跳过`,
        });
      sources.push(s);
    }
  return { comparison, history: collectHistory(result.aggregate.period, sources) };
}
