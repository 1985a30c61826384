// The browser-files host: what the views ask (src/host/types.ts PaneActions) done on files the user picks,
// for the offline page (src/page). No workbook is open beside the views: the clerk opens a filled
// template to check, the bureau chooses its targets workbook and roster as files, and everything the
// round writes (the bulletin, the updated targets workbook, templates) comes back as bytes to download.
// The same core and readers as the CLI (`srdi aggregate`), so the page's answers are the CLI's.
import { annotatedFileName, templateFileName } from "../core/form/file-name";
import { buildTemplate } from "../core/form/template";
import { currentForm } from "../core/form/versions";
import type { Issue } from "../core/issues";
import type { Period } from "../core/plan/periods";
import type { Plan } from "../core/plan/types";
import type { PlanBookResult } from "../core/planbook/read-plan";
import { readPlanFile as readPlanBytes } from "../host/plan-file";
import { chooseSources, prefillTemplate } from "../core/prefill/prefill";
import { readReturnBytes } from "../core/read/read-bytes";
import type { ReturnResult } from "../core/read/types";
import { buildBulletin } from "../core/report/bulletin";
import { compareRounds, figuresOf, readFigures } from "../core/report/previous";
import { collectHistory, type History } from "../core/report/history";
import { runRound } from "../core/report/round-result";
import { roundSummary } from "../core/report/summary";
import type { BulletinOptions } from "../core/report/text";
import { readRoster } from "../core/roster/read";
import type { Roster } from "../core/roster/types";
import { readTargets, type TargetsReadResult } from "../core/targets/read";
import { buildTargetsWorkbook } from "../core/targets/workbook";
import { DEFAULT_SETTINGS } from "../core/targets/types";
import { chinaToday } from "../core/china-date";
import { describeTemplate } from "../host/template";
import type { Download, PaneActions, ReturnFile, TemplateRequest } from "../host/types";
import type { WorkbookSnapshot } from "../core/snapshot";
import { annotateWorkbook } from "../xlsx/annotate";
import { readWorkbook } from "../xlsx/read";
import { writeWorkbook } from "../xlsx/write";
import { writeReviewIntoWorkbook } from "../xlsx/write-review";
import { zipFiles } from "./zip";

export const FILES_SUPPORT = {
  validation: false,
  pageLayout: false,
  comments: false,
  insertSheets: false,
  notes: false,
  filesOnly: true,
} as const;

const reader = (bytes: Uint8Array, source: { name: string; modified?: string }) =>
  readWorkbook(bytes, source);

/** A file read as a workbook, or the reader's refusal worded as a return's would be (file.too_large, …). */
async function snapshotOf(
  file: ReturnFile,
  plan: Plan,
): Promise<{ snapshot: WorkbookSnapshot } | { issues: Issue[]; message: string }> {
  try {
    return { snapshot: await reader(file.bytes, { name: file.name, modified: file.modified ?? undefined }) };
  } catch (e) {
    const refused = await readReturnBytes(file, () => Promise.reject(e), { plan });
    return { issues: refused.errors, message: e instanceof Error ? e.message : String(e) };
  }
}

/** A plan workbook (规划配置.xlsx) picked on the page, read as the pane reads one. */
export const readPlanFile = (file: ReturnFile): Promise<PlanBookResult> => readPlanBytes(file, reader);

/** What the page's bureau has loaded: the targets workbook (bytes and as read) and the roster. */
interface Loaded {
  targets: { file: ReturnFile; read: TargetsReadResult } | null;
  roster: Roster | null;
}

/** Extra operations of the files host (optional in the contract: the Excel host has a workbook instead). */
export type FileActions = PaneActions & Required<Pick<PaneActions, FilesOnlyKeys>>;
type FilesOnlyKeys = "openReturn" | "loadTargets" | "downloadTargets" | "targetsFile" | "templatesZip";

export function createFileActions(plan: Plan, now: () => Date = () => new Date()): FileActions {
  let opened: ReturnFile | null = null;
  const loaded: Loaded = { targets: null, roster: null };
  const thisYear = () => Number(chinaToday(now()).slice(0, 4));

  const describe = (req: TemplateRequest) => describeTemplate(plan, req, reader, now().toISOString());
  const downloadTemplate = async (req: TemplateRequest) => ({
    fileName: templateFileName(req.unit, req.period),
    bytes: await writeWorkbook(await describe(req)),
  });
  const check = async () => {
    if (!opened) throw { code: "notFound", detail: "请先打开填好的报表文件" };
    const result = await readReturnBytes(opened, reader, { plan });
    return { result, marked: 0 };
  };

  return {
    support: () => ({ ...FILES_SUPPORT }),
    insertTemplate: async (req) => ({ kind: "download", ...(await downloadTemplate(req)) }),
    downloadTemplate,
    async openReturn(file) {
      opened = file;
      return check();
    },
    selfCheck: check,
    selectCell: async () => undefined,
    clearHighlights: async () => undefined,
    readReturnFile: (file) => readReturnBytes(file, reader, { plan }),
    keepReturns: async () => 0,
    async insertTargets() {
      return "exists";
    },
    async downloadTargets(period: Period): Promise<Download> {
      const desc = buildTargetsWorkbook(plan, period, { generatedAt: now().toISOString() });
      return { fileName: `目标分解表-${period.id}.xlsx`, bytes: await writeWorkbook(desc) };
    },
    async loadTargets(file) {
      const r = await snapshotOf(file, plan);
      if ("issues" in r) return { loaded: false, issues: r.issues };
      const read = readTargets(r.snapshot, plan);
      // As `srdi aggregate --targets` refuses it: not a targets workbook of this plan.
      const fatal = read.issues.some(
        (i) =>
          i.code === "targets.unknown_form" || (i.code === "targets.missing_sheet" && i.severity === "error"),
      );
      if (fatal) return { loaded: false, issues: read.issues };
      loaded.targets = { file, read };
      return { loaded: true, issues: read.issues };
    },
    async targetsFile() {
      return loaded.targets ? { fileName: loaded.targets.file.name, bytes: loaded.targets.file.bytes } : null;
    },
    async loadRoster(file) {
      const r = await snapshotOf(file, plan);
      if ("issues" in r) return { kept: 0, rejected: 0, issues: r.issues, loaded: false };
      const read = readRoster(r.snapshot, plan, { thisYear: thisYear() });
      if (!read.roster) return { kept: 0, rejected: 0, issues: read.issues, loaded: false };
      loaded.roster = read.roster;
      return {
        kept: read.roster.entries.length,
        rejected: read.roster.rowsRejected,
        issues: read.issues,
        loaded: true,
      };
    },
    async aggregate(req) {
      req.onProgress?.({ stage: "computing" });
      const left = new Set(req.exclude ?? []);
      const returns = req.files.filter((r) => !left.has(r.file));
      const t = loaded.targets?.read ?? null;
      const result = runRound({
        plan,
        period: req.period,
        returns,
        history: req.history ?? null,
        deadline: req.deadline,
        targets: t?.targets,
        settings: t?.settings,
        roster: loaded.roster,
      });
      let previousReason = "";
      let comparison = null;
      let history: History | null = null;
      if (req.previous) {
        const r = await snapshotOf(req.previous, plan);
        if ("issues" in r) previousReason = `无法读取上期通报 ${req.previous.name}：${r.message}`;
        else {
          const read = readFigures(r.snapshot, req.previous.name);
          const { figures, reason } = read;
          if (figures) {
            comparison = compareRounds(figuresOf(result, plan), figures);
            // The whole series the previous bulletin carries: the 趋势 sheet and the views' trend charts.
            history = collectHistory(result.aggregate.period, [{ name: req.previous.name, read }]);
          } else previousReason = `上期通报 ${req.previous.name}：${reason}`;
        }
      }
      // What `srdi aggregate` writes with: the issue date, 通报设置 of the targets workbook, 较上期.
      const bulletin: BulletinOptions = {
        issuedOn: req.issuedOn,
        ...(t?.bulletin ? { settings: t.bulletin } : {}),
        ...(comparison ? { comparison } : {}),
        ...(history ? { history } : {}),
      };
      const desc = buildBulletin(result, plan, bulletin);
      req.onProgress?.({ stage: "writing", sent: 0, total: 1 });
      const bytes = await writeWorkbook(desc);
      req.onProgress?.({ stage: "writing", sent: 1, total: 1 });
      return {
        ...roundSummary(result, plan),
        targets: !!t,
        sheets: desc.sheets.map((s) => s.name),
        skipped: [],
        round: result,
        targetIssues: t?.issues ?? [],
        bulletin,
        previousReason,
        rosterIssues: [],
        download: { fileName: `工作通报-${req.period.id}.xlsx`, bytes },
      };
    },
    templateState: async () => ({ meta: null, filled: 0, sheets: [] }),
    newWorkbookTemplate: async () => false,
    watchChanges: async () => async () => undefined,
    async annotateFile(file, result) {
      return { fileName: annotatedFileName(file.name), bytes: await annotateWorkbook(file.bytes, result) };
    },
    async annotateWorkbook(result) {
      if (!opened) return null;
      return {
        fileName: annotatedFileName(opened.name),
        bytes: await annotateWorkbook(opened.bytes, result),
      };
    },
    removeKept: async () => 0,
    // Opening a workbook in Excel: the page has none (the clerk opens a file with openReturn instead).
    openWorkbook: async () => false,
    async scoringSettings() {
      return loaded.targets?.read.settings ?? DEFAULT_SETTINGS;
    },
    async setReview(unitCode, review) {
      if (!plan.units.some((u) => u.code === unitCode)) return "noUnit";
      if (!loaded.targets) return "noSheet";
      const w = await writeReviewIntoWorkbook(loaded.targets.file.bytes, unitCode, review);
      if (w.outcome !== "written") return w.outcome;
      const file = { ...loaded.targets.file, bytes: w.bytes };
      const again = await snapshotOf(file, plan);
      if ("issues" in again) throw new Error(again.message);
      loaded.targets = { file, read: readTargets(again.snapshot, plan) };
      return "written";
    },
    async templatesZip({ period, deadline, from }) {
      const previous: ReturnResult[] = [];
      for (const f of from) previous.push(await readReturnBytes(f, reader, { plan }));
      const reviews = loaded.targets?.read.targets.reviews ?? {};
      const sentBack = loaded.targets?.read.settings.sentBackTemplate ?? "prefill";
      const choice = from.length ? chooseSources(previous, plan, period, reviews, sentBack) : null;
      const files: Record<string, Uint8Array> = {};
      let prefilled = 0;
      for (const unit of plan.units) {
        const blank = buildTemplate({
          plan,
          form: currentForm(plan),
          unit,
          period,
          deadline,
          generatedAt: now().toISOString(),
        });
        const source = choice?.byUnit.get(unit.code);
        const desc = source
          ? prefillTemplate(blank, source, currentForm(plan), plan, reviews[unit.code]).workbook
          : blank;
        if (source) prefilled++;
        files[templateFileName(unit, period)] = await writeWorkbook(desc);
      }
      return {
        fileName: `${plan.city}报表模板-${period.id}.zip`,
        bytes: zipFiles(files),
        prefilled,
        blank: choice ? choice.blank.map((u) => u.name) : [],
      };
    },
  };
}
