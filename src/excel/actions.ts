// Every operation of the task pane as a plain async function (Office Yeoman template style): the
// components get these as props and are tested with fakes. The .xlsx library is loaded only on demand.
import { templateFileName } from "../core/form/file-name";
import type { IssueCode } from "../core/form/messages";
import { buildTemplate } from "../core/form/template";
import { FORM_V1 } from "../core/form/v1";
import type { Issue } from "../core/issues";
import type { Period } from "../core/plan/periods";
import type { Plan, Unit } from "../core/plan/types";
import { readReturn } from "../core/read/read-return";
import type { ReturnResult } from "../core/read/types";
import { unreadableReturn } from "../core/read/unreadable";
import { buildBulletin } from "../core/report/bulletin";
import { runRound } from "../core/report/round-result";
import { SHEET_BULLETIN } from "../core/report/bulletin-sheet";
import { readTargets } from "../core/targets/read";
import { buildTargetsWorkbook } from "../core/targets/workbook";
import { CURRENT_FORM } from "../core/form/versions";
import {
  RECEIPTS_SHEET,
  REGION_SHEET,
  SETTINGS_SHEET,
  TARGETS_META_SHEET,
  TARGETS_SHEET,
} from "../core/targets/types";
import { keepReturnSheets, bytesToBase64 } from "./import";
import { keptReturns, keptSheetNames, unitPrefix } from "./kept-returns";
import { clearHighlights, selectCell, setHighlights } from "./marks";
import { readSheetsToSnapshot } from "./read";
import { detectSupport, type HostSupport } from "./support";
import { writeWorkbookDescription } from "./write";

export interface TemplateRequest {
  unit: Unit;
  period: Period;
  deadline: string | null;
}

export type TemplateOutcome =
  { kind: "inserted"; skipped: string[] } | { kind: "download"; fileName: string; bytes: Uint8Array };

export interface CheckOutcome {
  result: ReturnResult;
  /** Cells highlighted in the workbook. */
  marked: number;
}

export interface ReturnFile {
  name: string;
  bytes: Uint8Array;
  /** ISO time the file was last modified. */
  modified: string | null;
}

export interface ImportedReturn {
  file: ReturnFile;
  result: ReturnResult;
}

export interface AggregateRequest {
  period: Period;
  deadline: string | null;
  issuedOn: string;
  /** Returns parsed from files in the pane (those kept in the workbook are read from it again). */
  files: ReturnResult[];
}

export interface AggregateOutcome {
  returns: number;
  reported: number;
  units: number;
  excluded: number;
  duplicates: number;
  targets: boolean;
  sheets: string[];
  skipped: string[];
}

/** What the pane can do. Components receive this (or a fake of it) as a prop. */
export interface PaneActions {
  support(): HostSupport;
  insertTemplate(req: TemplateRequest): Promise<TemplateOutcome>;
  downloadTemplate(req: TemplateRequest): Promise<{ fileName: string; bytes: Uint8Array }>;
  selfCheck(): Promise<CheckOutcome>;
  selectCell(sheet: string, cell: string): Promise<void>;
  clearHighlights(): Promise<void>;
  readReturnFile(file: ReturnFile): Promise<ReturnResult>;
  keepReturns(imported: ImportedReturn[]): Promise<number>;
  workbookReturns(): Promise<ReturnResult[]>;
  insertTargets(period: Period): Promise<"inserted" | "exists">;
  aggregate(req: AggregateRequest): Promise<AggregateOutcome>;
}

/** Cells of the issues, for highlighting. */
export function issueCells(issues: Issue[]): { sheet: string; cell: string }[] {
  return issues.filter((i) => i.sheet && i.cell).map((i) => ({ sheet: i.sheet!, cell: i.cell! }));
}

function unreadable(file: ReturnFile, e: unknown): ReturnResult {
  const code = (e as { code?: unknown }).code;
  return unreadableReturn(
    file.name,
    (typeof code === "string" && code.startsWith("file.") ? code : "file.corrupt") as IssueCode,
    { message: `${file.name}：${(e as Error).message}`, modified: file.modified },
  );
}

const percentColumns = FORM_V1.enterprises.fields.flatMap((f, i) => (f.type === "percent" ? [i] : []));
const templateSheets = new Set([FORM_V1.metaSheet, FORM_V1.instructionsSheet, ...keptSheetNames()]);
const targetSheets = new Set([
  TARGETS_SHEET,
  SETTINGS_SHEET,
  TARGETS_META_SHEET,
  REGION_SHEET,
  RECEIPTS_SHEET,
]);

export function createActions(plan: Plan, now: () => Date = () => new Date()): PaneActions {
  const describe = (req: TemplateRequest) =>
    buildTemplate({
      plan,
      form: CURRENT_FORM,
      unit: req.unit,
      period: req.period,
      deadline: req.deadline,
      generatedAt: now().toISOString(),
    });

  const downloadTemplate = async (req: TemplateRequest) => {
    const { writeWorkbook } = await import(/* webpackChunkName: "xlsx-write" */ "../xlsx/write");
    return { fileName: templateFileName(req.unit, req.period), bytes: await writeWorkbook(describe(req)) };
  };

  const workbookReturns = async (): Promise<ReturnResult[]> => {
    const snapshot = await readSheetsToSnapshot({
      include: (n) => n.endsWith(FORM_V1.metaSheet) || keptSheetNames().some((k) => n.endsWith(k)),
    });
    return keptReturns(snapshot).map((k) =>
      readReturn(k.snapshot, { plan, file: k.file, modified: k.modified }),
    );
  };

  return {
    support: detectSupport,

    async insertTemplate(req) {
      if (!detectSupport().validation) return { kind: "download", ...(await downloadTemplate(req)) };
      const r = await writeWorkbookDescription(describe(req), { replace: true });
      return { kind: "inserted", skipped: r.skipped };
    },

    downloadTemplate,

    async selfCheck() {
      const snapshot = await readSheetsToSnapshot({
        include: (n) => templateSheets.has(n),
        numFmtColumns: { [FORM_V1.enterprises.name]: percentColumns },
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

    async readReturnFile(file) {
      try {
        const { readWorkbook } = await import(/* webpackChunkName: "xlsx-read" */ "../xlsx/read");
        const snapshot = await readWorkbook(file.bytes, {
          name: file.name,
          modified: file.modified ?? undefined,
        });
        return readReturn(snapshot, { plan, file: file.name, modified: file.modified });
      } catch (e) {
        return unreadable(file, e);
      }
    },

    async keepReturns(imported) {
      const accepted = imported.filter((i) => !i.result.rejected && i.result.meta);
      const names = await keepReturnSheets(
        accepted.map((i) => ({
          base64: bytesToBase64(i.file.bytes),
          prefix: unitPrefix(i.result.meta!.unitName || i.result.unitName || "", i.result.meta!.unitCode),
          meta: i.result.meta!,
          file: i.file.name,
          modified: i.file.modified,
        })),
      );
      return names.length ? accepted.length : 0;
    },

    workbookReturns,

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

    async aggregate(req) {
      const snapshot = await readSheetsToSnapshot({
        include: (n) =>
          targetSheets.has(n) || n.endsWith(FORM_V1.metaSheet) || keptSheetNames().some((k) => n.endsWith(k)),
      });
      const inBook = keptReturns(snapshot).map((k) =>
        readReturn(k.snapshot, { plan, file: k.file, modified: k.modified }),
      );
      // A file kept in the workbook is counted once, from the workbook.
      const keptFiles = new Set(inBook.map((r) => r.file));
      const returns = [...inBook, ...req.files.filter((r) => !keptFiles.has(r.file))];
      const hasTargets = snapshot.sheets.some((s) => s.name === TARGETS_SHEET);
      const t = hasTargets ? readTargets(snapshot, plan) : null;
      const result = runRound({
        plan,
        period: req.period,
        returns,
        deadline: req.deadline,
        targets: t?.targets,
        settings: t?.settings,
      });
      const desc = buildBulletin(result, plan, { issuedOn: req.issuedOn });
      const w = await writeWorkbookDescription(desc, { replace: true, activate: SHEET_BULLETIN });
      const a = result.aggregate;
      return {
        returns: returns.length,
        reported: a.submissions.filter((s) => s.status === "reported").length,
        units: plan.units.length,
        excluded: a.excluded.length,
        duplicates: a.duplicates.length,
        targets: !!t,
        sheets: w.sheets,
        skipped: w.skipped,
      };
    },
  };
}
