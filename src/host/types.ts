// The contract between the shared views (src/taskpane) and a host adapter: src/excel (the Excel task pane,
// Office.js) or src/files (the offline page: File objects in, downloads out). Types only: the views import
// this, never an adapter, so the same views run in either host.
import type { Issue } from "../core/issues";
import type { Period } from "../core/plan/periods";
import type { Unit } from "../core/plan/types";
import type { ReturnBytes } from "../core/read/read-bytes";
import type { ReturnResult } from "../core/read/types";
import type { ReturnMeta } from "../core/read/types";
import type { RoundResult } from "../core/report/round-result";
import type { RoundSummary } from "../core/report/summary";
import type { Review } from "../core/review/review";
import type { BulletinOptions } from "../core/report/text";
import type { ScoringSettings } from "../core/targets/types";

/** What the host can do above its baseline; a view offers a feature or its fallback from this. */
export interface HostSupport {
  /** ExcelApi 1.8: data validation. Below it the template is offered as a file download. */
  validation: boolean;
  /** ExcelApi 1.9: page layout (print setup) and auto filter. Below it print setup is skipped. */
  pageLayout: boolean;
  /** ExcelApi 1.10: threaded comments, used for notes when notes are missing. */
  comments: boolean;
  /** ExcelApi 1.13: insertWorksheetsFromBase64, to keep imported returns' sheets in the workbook. */
  insertSheets: boolean;
  /** ExcelApi 1.18: notes. */
  notes: boolean;
  /**
   * No workbook open beside the views (the offline page): the clerk opens a filled file to check, the
   * targets workbook and the bulletin are files chosen and downloaded, a cell cannot be selected.
   */
  filesOnly?: boolean;
  /** The host can save a file through the browser (a blob download). Excel for Mac and iPad cannot
   * (OfficeDev/office-js#3385): the views offer another route there. Absent = it can. */
  downloads?: boolean;
}

/** Stops a change watch. */
export type StopWatching = () => Promise<void>;

/** Where a review was written (报送登记 of the targets workbook), or why not. */
export type ReviewWrite = "written" | "noSheet" | "noColumns" | "noUnit";

/** Error codes a host adapter throws with (`{ code, detail }`); the views word them (messages.ts). */
export type HostErrorCode =
  "cellEditMode" | "payloadTooLarge" | "sheetExists" | "protected" | "unsupported" | "notFound" | "host";

export interface TemplateRequest {
  unit: Unit;
  period: Period;
  deadline: string | null;
  /** 按上期报表预填: the unit's previous return, read through the one reader (refused with the reason). */
  from?: ReturnFile;
}

export type TemplateOutcome =
  { kind: "inserted"; skipped: string[] } | { kind: "download"; fileName: string; bytes: Uint8Array };

export interface CheckOutcome {
  result: ReturnResult;
  /** Cells highlighted in the workbook. */
  marked: number;
}

/** A return file picked in the pane (name, bytes, ISO modification time). */
export type ReturnFile = ReturnBytes;

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
  /** Files left out of the round by the user (kept in the workbook or not). */
  exclude?: string[];
  /** The previous round's returns, read (as `srdi aggregate --history-returns DIR`): each return is
   * compared with its unit's latest usable one; firms moved between units and firms gone (退出) show. */
  history?: ReturnResult[];
  /** The previous round's bulletin workbook, for 较上期 (as `srdi aggregate --previous`). */
  previous?: ReturnFile;
  /** Where the work stands: computing the round, then writing the bulletin (requests sent of all). */
  onProgress?: (p: AggregateProgress) => void;
}

export type AggregateProgress = { stage: "computing" } | { stage: "writing"; sent: number; total: number };

/** The round's counts (the core's roundSummary, as the CLI prints them) and what was written. */
export interface AggregateOutcome extends RoundSummary {
  targets: boolean;
  sheets: string[];
  skipped: string[];
  /** The whole round, for the pane's compact result. */
  round: RoundResult;
  /** Problems of the target allocation sheet (the CLI prints them too). */
  targetIssues: Issue[];
  /** What the bulletin was written with (the .docx download uses the same). */
  bulletin?: BulletinOptions;
  /** Why the previous bulletin picked could not be compared; "" when it was, or none was picked. */
  previousReason?: string;
  /** Problems of the roster sheet (认定名单) kept in the workbook; the round's check is round.roster. */
  rosterIssues?: Issue[];
  /** The bulletin workbook as a file, where the host has no workbook to write it into (the page). */
  download?: Download;
}

/** A roster file loaded into the workbook: rows kept, rows refused (with their issues), or refused whole. */
export interface RosterOutcome {
  kept: number;
  rejected: number;
  /** Whole-file refusals and row problems, located in the file as read. */
  issues: Issue[];
  /** False when the file was refused whole (nothing written), or the user declined a partial roster. */
  loaded: boolean;
  /** The user declined to load a roster covering only some tiers (nothing written). */
  declined?: boolean;
}

/** Asked before keeping a roster that has no rows for some of the plan's tiers (names given). */
export type ConfirmPartialRoster = (missingTiers: string[], coveredTiers: string[]) => Promise<boolean>;

/** What the workbook already holds where a template would go. */
export interface TemplateState {
  /** The template's metadata (unit, period, deadline), when the workbook holds one. */
  meta: ReturnMeta | null;
  /** Data rows filled in 企业名录 and 平台与集群, plus 1 when the region sheet has values. */
  filled: number;
  /** Template sheets present in the workbook. */
  sheets: string[];
}

export interface Download {
  fileName: string;
  bytes: Uint8Array;
}

/** What the views can ask of the host. Components receive this (or a fake of it) as a prop. */
export interface PaneActions {
  support(): HostSupport;
  insertTemplate(req: TemplateRequest): Promise<TemplateOutcome>;
  downloadTemplate(req: TemplateRequest): Promise<{ fileName: string; bytes: Uint8Array }>;
  selfCheck(): Promise<CheckOutcome>;
  selectCell(sheet: string, cell: string): Promise<void>;
  clearHighlights(): Promise<void>;
  readReturnFile(file: ReturnFile): Promise<ReturnResult>;
  keepReturns(imported: ImportedReturn[]): Promise<number>;
  insertTargets(period: Period): Promise<"inserted" | "exists">;
  /** Reads a roster file (认定名单) and keeps its accepted rows in the workbook's 认定名单 sheet. */
  loadRoster(file: ReturnFile, confirmPartial?: ConfirmPartialRoster): Promise<RosterOutcome>;
  /** The scoring settings in force: the workbook's 评分设置 sheet, else the defaults. */
  scoringSettings(): Promise<ScoringSettings>;
  /** Opens bytes of a workbook as a new workbook (where downloads cannot happen); false if it cannot. */
  openWorkbook(bytes: Uint8Array): Promise<boolean>;
  aggregate(req: AggregateRequest): Promise<AggregateOutcome>;
  /** The template already in the workbook, if any (presets, and asking before overwriting). */
  templateState(): Promise<TemplateState>;
  /** ExcelApi 1.8: opens the template in a new workbook, leaving this one as it is. */
  newWorkbookTemplate(req: TemplateRequest): Promise<boolean>;
  /** Calls back when sheets change; resolves to a function that stops it. */
  watchChanges(onChange: () => void): Promise<StopWatching>;
  /** The annotated copy of a return file (what `srdi check --annotate` writes). */
  annotateFile(file: ReturnFile, result: ReturnResult): Promise<Download>;
  /** The annotated copy of this workbook for its self-check result; null where the host cannot copy it. */
  annotateWorkbook(result: ReturnResult): Promise<Download | null>;
  /** 移除: deletes the sheets a return kept in the workbook under `prefix`; how many. */
  removeKept(prefix: string): Promise<number>;
  /** The bureau's review of a unit's return, written into 报送登记 (the targets sheets). */
  setReview(unitCode: string, review: Review): Promise<ReviewWrite>;

  // A host without a workbook beside the views (support().filesOnly: the offline page) works on files:
  /** Opens a filled template to self-check (selfCheck then checks it again; annotateWorkbook copies it). */
  openReturn?(file: ReturnFile): Promise<CheckOutcome>;
  /** The bureau's targets workbook (目标分解表) chosen as a file: read for the round, reviews written into it. */
  loadTargets?(file: ReturnFile): Promise<{ loaded: boolean; issues: Issue[] }>;
  /** A blank targets workbook for the period, to download and fill. */
  downloadTargets?(period: Period): Promise<Download>;
  /** The targets workbook as it stands (with the reviews written this session); null when none loaded. */
  targetsFile?(): Promise<Download | null>;
  /** Every unit's template in one .zip, prefilled from the previous returns given (none: all blank). */
  templatesZip?(req: TemplatesRequest): Promise<TemplatesZip>;
  /**
   * The .docx of the round last aggregated, made where the round is kept (the page's worker: its round
   * reaches the page without the counted rows, which only the documents need). Absent: the view makes it.
   */
  bulletinDocx?(options: BulletinOptions): Promise<Uint8Array>;
}

export interface TemplatesRequest {
  period: Period;
  deadline: string | null;
  /** The previous round's returns; each unit's latest usable one prefills its template. */
  from: ReturnFile[];
}

export interface TemplatesZip extends Download {
  /** Templates prefilled from a previous return. */
  prefilled: number;
  /** Units left blank for want of a usable previous return (when returns were given). */
  blank: string[];
}

/**
 * Where a loaded plan workbook was remembered: in the workbook itself (it travels with the file to another
 * machine), on this machine only (the add-in's storage), or nowhere (too large, storage refused).
 */
export type PlanKept = "workbook" | "machine" | false;

/**
 * The plan workbook the user loaded, remembered so the pane reopens on it. The file is kept, not the plan
 * read from it: it is read again by the same guarded reader, never trusted more than a picked file.
 */
export interface PlanMemory {
  get(): Promise<ReturnBytes | null>;
  set(file: ReturnBytes): Promise<PlanKept>;
  clear(): Promise<void>;
}
