// The CPU part of 汇总, host-neutral: from what the host read (the workbook's kept returns, targets and
// roster sheets as a snapshot; returns parsed from files) to the round and the bulletin's description.
// No Office.js, no DOM, no file API: the pane runs it in a Web Worker (round-worker.ts) so the pane never
// blocks, the offline page can run it the same way, and tests call it directly.
import type { Issue } from "../core/issues";
import type { Period } from "../core/plan/periods";
import type { Plan } from "../core/plan/types";
import { readReturn } from "../core/read/read-return";
import type { ReturnResult } from "../core/read/types";
import { buildBulletin } from "../core/report/bulletin";
import { runRound, type RoundResult } from "../core/report/round-result";
import type { BulletinOptions } from "../core/report/text";
import { readRoster } from "../core/roster/read";
import { ROSTER_META_SHEET, ROSTER_SHEET } from "../core/roster/workbook";
import type { Roster } from "../core/roster/types";
import type { WorkbookDescription } from "../core/sheet/types";
import type { WorkbookSnapshot } from "../core/snapshot";
import { readTargets } from "../core/targets/read";
import { TARGETS_SHEET } from "../core/targets/types";
import { formsOf } from "../core/form/versions";
import { keptReturns } from "../excel/kept-returns";

export interface RoundJobInput {
  plan: Plan;
  period: Period;
  deadline: string | null;
  issuedOn: string;
  /** The workbook's kept returns, targets and roster sheets, as the host read them. */
  snapshot: WorkbookSnapshot;
  /** Returns parsed from files (those kept in the workbook are counted from it). */
  files: ReturnResult[];
  exclude: string[];
  /** The calendar year today (China time), for the roster's validity. */
  thisYear: number;
  /** The previous round's returns (`srdi aggregate --history-returns`): history checks against them. */
  history?: ReturnResult[];
}

export interface RoundJobOutput {
  result: RoundResult;
  hasTargets: boolean;
  targetIssues: Issue[];
  rosterIssues: Issue[];
}

/** The round: kept returns read from the snapshot, the others as given, minus those left out. */
export function computeRound(input: RoundJobInput): RoundJobOutput {
  const { plan, snapshot } = input;
  const inBook = keptReturns(snapshot, formsOf(plan)).map((k) =>
    readReturn(k.snapshot, { plan, file: k.file, modified: k.modified }),
  );
  // A file kept in the workbook is counted once, from the workbook.
  const keptFiles = new Set(inBook.map((r) => r.file));
  const left = new Set(input.exclude);
  const returns = [...inBook, ...input.files.filter((r) => !keptFiles.has(r.file))].filter(
    (r) => !left.has(r.file),
  );
  const hasTargets = snapshot.sheets.some((s) => s.name === TARGETS_SHEET);
  const t = hasTargets ? readTargets(snapshot, plan) : null;
  let roster: Roster | null = null;
  let rosterIssues: Issue[] = [];
  if (snapshot.sheets.some((s) => s.name === ROSTER_SHEET)) {
    const sheets = snapshot.sheets.filter((s) => s.name === ROSTER_SHEET || s.name === ROSTER_META_SHEET);
    const r = readRoster({ sheets }, plan, { thisYear: input.thisYear });
    roster = r.roster;
    rosterIssues = r.issues;
  }
  const result = runRound({
    history: input.history ?? null,
    roster,
    plan,
    period: input.period,
    returns,
    deadline: input.deadline,
    targets: t?.targets,
    settings: t?.settings,
  });
  return { result, hasTargets, targetIssues: t?.issues ?? [], rosterIssues };
}

/** The bulletin's workbook description for a round. */
export function bulletinOf(
  result: RoundResult,
  plan: Plan,
  bulletin: BulletinOptions,
): { desc: WorkbookDescription; bulletin: BulletinOptions } {
  return { desc: buildBulletin(result, plan, bulletin), bulletin };
}
