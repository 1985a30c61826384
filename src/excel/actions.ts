// Every operation of the task pane as a plain async function (Office Yeoman template style): the
// components get these as props and are tested with fakes. The .xlsx library is loaded only on demand.
import { annotatedFileName, templateFileName } from "../core/form/file-name";
import { parseMetaRows } from "../core/form/meta";
import type { Issue } from "../core/issues";
import type { Plan } from "../core/plan/types";
import type { PlanBookResult } from "../core/planbook/read-plan";
import { readPlanFile } from "../host/plan-file";
import { readReturnBytes, type WorkbookReader } from "../core/read/read-bytes";
import { readReturn } from "../core/read/read-return";
import { HISTORY_SHEET } from "../core/history/previous";
import { roundSummary } from "../core/report/summary";
import { SHEET_BULLETIN } from "../core/report/bulletin-sheet";
import { readTargets } from "../core/targets/read";
import { buildTargetsWorkbook } from "../core/targets/workbook";
import { currentForm, formByVersion, formsOf } from "../core/form/versions";
import type { FormDef } from "../core/form/types";
import {
  RECEIPTS_SHEET,
  REGION_SHEET,
  SETTINGS_SHEET,
  TARGETS_META_SHEET,
  TARGETS_SHEET,
} from "../core/targets/types";
import { readRoster } from "../core/roster/read";
import { buildRosterWorkbook, ROSTER_META_SHEET, ROSTER_SHEET } from "../core/roster/workbook";
import { DEFAULT_SETTINGS } from "../core/targets/types";
import { chinaToday } from "../core/china-date";
import { currentWorkbookBytes } from "./file";
import { keepReturnSheets, bytesToBase64 } from "./import";
import { keptChoice, keptSheetNames, metaSheetNames } from "./kept-returns";
import { clearHighlights, selectCell, setHighlights } from "./marks";
import { readSheetsToSnapshot } from "./read";
import { detectSupport, excelApi } from "./support";
import { watchChanges } from "./watch";
import { writeWorkbookDescription } from "./write";
import { removeKeptSheets, writeReview } from "./round-actions";
import { previousComparison } from "./round-core";
import { describeTemplate } from "../host/template";
import type { BulletinOptions } from "../core/report/text";
import { bulletinOf, computeRound } from "../worker/round-job";
import type { RoundRunner } from "../worker/protocol";

export type {
  AggregateOutcome,
  AggregateProgress,
  AggregateRequest,
  CheckOutcome,
  Download,
  ImportedReturn,
  PaneActions,
  ReturnFile,
  RosterOutcome,
  TemplateOutcome,
  TemplateRequest,
  TemplateState,
} from "../host/types";
import type { PaneActions, ReturnFile, TemplateRequest } from "../host/types";

/** Cells of the issues, for highlighting. */
export function issueCells(issues: Issue[]): { sheet: string; cell: string }[] {
  return issues.filter((i) => i.sheet && i.cell).map((i) => ({ sheet: i.sheet!, cell: i.cell! }));
}

/** The .xlsx reader, loaded on first use (its own chunk): the pane opens without it. */
const lazyReader: WorkbookReader = async (bytes, source) => {
  const { readWorkbook } = await import(/* webpackChunkName: "xlsx-read" */ "../xlsx/read");
  return readWorkbook(bytes, source);
};

/** A plan workbook (规划配置.xlsx) chosen in the pane, read as the page and the worker read one. */
export const readPlanWorkbook = (file: ReturnFile): Promise<PlanBookResult> => readPlanFile(file, lazyReader);

/**
 * The percent columns of each form version's 企业名录, by sheet name: the current version's where two share
 * a name (the pane inserts templates of the current version).
 */
function percentColumns(forms: readonly FormDef[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const f of forms)
    out[f.enterprises.name] = f.enterprises.fields.flatMap((x, i) => (x.type === "percent" ? [i] : []));
  return out;
}

const rosterSheets = new Set([ROSTER_SHEET, ROSTER_META_SHEET]);
const targetSheets = new Set([
  TARGETS_SHEET,
  SETTINGS_SHEET,
  TARGETS_META_SHEET,
  REGION_SHEET,
  RECEIPTS_SHEET,
]);

export function createActions(
  plan: Plan,
  now: () => Date = () => new Date(),
  runner: RoundRunner | null = null,
): PaneActions {
  // The plan's form versions decide which sheets are a template's and a kept return's.
  const forms = formsOf(plan);
  const metaNames = metaSheetNames(forms);
  // 上期数据: last round's figures a prefilled template carries, so the self-check compares with them.
  const templateSheets = new Set([...metaNames, HISTORY_SHEET, ...keptSheetNames(forms)]);
  const isTemplateMeta = (formId: string) => forms.some((f) => f.id === formId);
  const describe = (req: TemplateRequest) => describeTemplate(plan, req, lazyReader, now().toISOString());

  const downloadTemplate = async (req: TemplateRequest) => {
    const { writeWorkbook } = await import(/* webpackChunkName: "xlsx-write" */ "../xlsx/write");
    const desc = await describe(req);
    return { fileName: templateFileName(req.unit, req.period), bytes: await writeWorkbook(desc) };
  };

  return {
    support: detectSupport,

    async insertTemplate(req) {
      if (!detectSupport().validation) return { kind: "download", ...(await downloadTemplate(req)) };
      const r = await writeWorkbookDescription(await describe(req), { replace: true });
      return { kind: "inserted", skipped: r.skipped };
    },

    downloadTemplate,

    async selfCheck() {
      const snapshot = await readSheetsToSnapshot({
        include: (n) => templateSheets.has(n),
        numFmtColumns: percentColumns(forms),
        source: { name: "当前工作簿" },
      });
      const result = readReturn(snapshot, { plan, file: "当前工作簿" });
      const marked = await setHighlights(issueCells([...result.errors, ...result.warnings]));
      return { result, marked };
    },

    selectCell,

    async clearHighlights() {
      await clearHighlights();
    },

    readReturnFile: (file) =>
      runner ? runner.read(file, plan) : readReturnBytes(file, lazyReader, { plan }),

    async keepReturns(imported) {
      const accepted = [...keptChoice(imported, forms)];
      const names = await keepReturnSheets(
        accepted.map(([prefix, i]) => ({
          base64: bytesToBase64(i.file.bytes),
          prefix,
          meta: i.result.meta!,
          file: i.file.name,
          modified: i.file.modified,
          savedAt: i.result.savedAt ?? null,
          form: formByVersion(i.result.formVersion, forms) ?? currentForm(plan),
          forms,
          cells: () => lazyReader(i.file.bytes, { name: i.file.name }),
        })),
      );
      return names.length ? accepted.length : 0;
    },

    async insertTargets(period) {
      const desc = buildTargetsWorkbook(plan, period, { generatedAt: now().toISOString() });
      try {
        await writeWorkbookDescription(desc, { replace: false, activate: TARGETS_SHEET });
        return "inserted";
      } catch (e) {
        // Only an existing allocation sheet means "already there"; any other clash is reported as it is.
        const err = e as { code?: string; detail?: string };
        if (err.code === "sheetExists" && err.detail?.split("、").includes(TARGETS_SHEET)) return "exists";
        throw e;
      }
    },

    async loadRoster(file, confirmPartial) {
      // The same guarded reader and caps as a return: a hostile file is refused, not half-read.
      let snapshot;
      try {
        snapshot = await lazyReader(file.bytes, { name: file.name, modified: file.modified ?? undefined });
      } catch (e) {
        // The reader's refusal as a return's would be worded (file.too_large, file.encrypted, …).
        const refused = await readReturnBytes(file, () => Promise.reject(e), { plan });
        return { kept: 0, rejected: 0, issues: refused.errors, loaded: false };
      }
      const thisYear = Number(chinaToday(now()).slice(0, 4));
      const r = readRoster(snapshot, plan, { thisYear });
      if (!r.roster) return { kept: 0, rejected: 0, issues: r.issues, loaded: false };
      // A roster of some tiers only: every claim of the others would go unverified (a figure to 0 %).
      const covered = new Set(r.roster.entries.map((e) => e.tier));
      const tierName = (t: (typeof plan.tiers)[number]) => t.names[t.names.length - 1]?.name ?? t.key;
      const missing = plan.tiers.filter((t) => !covered.has(t.key)).map(tierName);
      if (missing.length && confirmPartial) {
        const have = plan.tiers.filter((t) => covered.has(t.key)).map(tierName);
        if (!(await confirmPartial(missing, have)))
          return { kept: 0, rejected: 0, issues: [], loaded: false, declined: true };
      }
      const desc = buildRosterWorkbook(plan, {
        thisYear,
        generatedAt: now().toISOString(),
        entries: r.roster.entries,
      });
      await writeWorkbookDescription(desc, { replace: true, activate: ROSTER_SHEET });
      return {
        kept: r.roster.entries.length,
        rejected: r.roster.rowsRejected,
        issues: r.issues,
        loaded: true,
      };
    },

    async aggregate(req) {
      req.onProgress?.({ stage: "computing" });
      const snapshot = await readSheetsToSnapshot({
        include: (n) =>
          targetSheets.has(n) ||
          rosterSheets.has(n) ||
          metaNames.some((m) => n.endsWith(m)) ||
          keptSheetNames(forms).some((k) => n.endsWith(k)),
      });
      // The CPU part (reading the kept returns, the round, the bulletin) off the UI thread where the host
      // gave a runner (a Web Worker), else here.
      const job = {
        plan,
        period: req.period,
        deadline: req.deadline,
        issuedOn: req.issuedOn,
        snapshot,
        files: req.files,
        exclude: req.exclude ?? [],
        ...(req.history ? { history: req.history } : {}),
        thisYear: Number(chinaToday(now()).slice(0, 4)),
      };
      const { result, hasTargets, targetIssues, rosterIssues } = runner
        ? await runner.round(job)
        : computeRound(job);
      const prev = req.previous ? await previousComparison(req.previous, result, plan) : null;
      const opts: BulletinOptions = {
        issuedOn: req.issuedOn,
        ...(prev?.comparison ? { comparison: prev.comparison } : {}),
        ...(prev?.history ? { history: prev.history } : {}),
      };
      const { desc, bulletin } = runner
        ? await runner.bulletin(result, plan, opts)
        : bulletinOf(result, plan, opts);
      const w = await writeWorkbookDescription(desc, {
        replace: true,
        activate: SHEET_BULLETIN,
        onSent: (sent, total) => req.onProgress?.({ stage: "writing", sent, total }),
      });
      return {
        ...roundSummary(result, plan),
        targets: hasTargets,
        sheets: w.sheets,
        skipped: w.skipped,
        round: result,
        targetIssues,
        bulletin,
        previousReason: prev?.reason ?? "",
        rosterIssues,
      };
    },

    async scoringSettings() {
      const snapshot = await readSheetsToSnapshot({ include: (n) => targetSheets.has(n) });
      if (!snapshot.sheets.some((s) => s.name === TARGETS_SHEET)) return DEFAULT_SETTINGS;
      return readTargets(snapshot, plan).settings;
    },

    async openWorkbook(bytes) {
      if (!excelApi("1.8") || typeof Excel.createWorkbook !== "function") return false;
      await Excel.createWorkbook(bytesToBase64(bytes));
      return true;
    },

    async templateState() {
      const snapshot = await readSheetsToSnapshot({
        include: (n) => templateSheets.has(n),
      });
      const metaSheet = snapshot.sheets.find((s) => metaNames.includes(s.name));
      const meta = metaSheet ? parseMetaRows(metaSheet.cells.map((r) => (r ?? []).slice(0, 2))) : null;
      const data = snapshot.sheets.filter(
        (s) => !metaNames.includes(s.name) && !forms.some((f) => f.instructionsSheet === s.name),
      );
      let filled = 0;
      if (meta && isTemplateMeta(meta.formId)) {
        const r = readReturn(snapshot, { plan, file: "当前工作簿" });
        const region = r.region;
        filled = r.rows.read + (region && Object.values(region).some((v) => v !== null && v !== "") ? 1 : 0);
      } else {
        // Sheets of the template's names that are not a template of ours: someone's data, never overwritten blindly.
        filled = data.filter((s) => s.cells.length > 0).length;
      }
      return {
        meta: meta && isTemplateMeta(meta.formId) ? meta : null,
        filled,
        sheets: snapshot.sheets.map((s) => s.name),
      };
    },

    async newWorkbookTemplate(req) {
      if (!excelApi("1.8") || typeof Excel.createWorkbook !== "function") return false;
      const { bytes } = await downloadTemplate(req);
      await Excel.createWorkbook(bytesToBase64(bytes));
      return true;
    },

    watchChanges,

    async annotateFile(file, result) {
      const { annotateWorkbook } = await import(/* webpackChunkName: "xlsx-annotate" */ "../xlsx/annotate");
      return { fileName: annotatedFileName(file.name), bytes: await annotateWorkbook(file.bytes, result) };
    },

    removeKept: (prefix: string) => removeKeptSheets(prefix, forms),

    setReview: (unitCode, review) => writeReview(plan, unitCode, review),

    async annotateWorkbook(result) {
      const bytes = await currentWorkbookBytes();
      if (!bytes) return null;
      const { annotateWorkbook } = await import(/* webpackChunkName: "xlsx-annotate" */ "../xlsx/annotate");
      return { fileName: annotatedFileName("当前工作簿.xlsx"), bytes: await annotateWorkbook(bytes, result) };
    },
  };
}
