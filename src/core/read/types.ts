// What reading one return yields: typed records of accepted rows, every issue, and the reconciliation.
import type { Issue } from "../issues";
import type { ReturnMeta } from "../form/meta";

/** Last round's figures of a unit's firms (issue 26): the previous return prefill chose, or the very
 * hidden 上期数据 sheet of a prefilled template (src/core/history/previous). */
export interface PreviousRound {
  /** The previous return's file name and period. */
  file: string;
  period: string;
  unit: string | null;
  unitName: string | null;
  /** Its accepted enterprise rows, as the reader gives them (field key -> value; percent a fraction). */
  enterprises: Record<string, unknown>[];
}

/** Where a record came from, so duplicates and problems point at a cell. */
export interface RowOrigin {
  sheet: string;
  /** 1-based row number in the sheet. */
  row: number;
}

/** One accepted 企业名录 row, normalised. Blank optional cells are null. Percent is a fraction (45 % = 0.45). */
export interface EnterpriseRecord extends RowOrigin {
  name: string;
  uscc: string;
  chain: string | null;
  above_scale: boolean | null;
  pool: boolean | null;
  innovative_year: number | null;
  provincial_srdi_year: number | null;
  little_giant_year: number | null;
  champion_year: number | null;
  revenue: number | null;
  main_revenue: number | null;
  rd_expense: number | null;
  patents: number | null;
  invention_patents: number | null;
  rd_institution: string | null;
  cnc_rate: number | null;
  digital_mgmt: boolean | null;
  digital_rd_tools: boolean | null;
  transformation: boolean | null;
  free_diagnosis: boolean | null;
  integration_std: boolean | null;
  cloud_star: string | null;
  smart_workshops: number | null;
  smart_factory: boolean | null;
  ip_standard: boolean | null;
  jiangsu_quality: boolean | null;
  quality_award: string | null;
  ipo_reserve: boolean | null;
  srdi_board: boolean | null;
  listed: boolean | null;
  service_officer: string | null;
  note: string | null;
  // Form version 2 only (absent from version-1 records, read as blank): the year each honour was won.
  jiangsu_quality_year?: number | null;
  quality_award_year?: number | null;
  smart_factory_year?: number | null;
  cloud_star_year?: number | null;
  smart_workshops_new?: number | null;
  /** Form version 3: the clerk's 说明 (explains a history or outlier warning of the row). */
  explanation?: string | null;
}

export interface PlatformRecord extends RowOrigin {
  name: string;
  kind: string;
  level: string;
  year: number | null;
}

/** A return's 区域指标 sheet: one value per cell of its form, by key (the plan's form decides which). */
export interface RegionRecord {
  contact: string | null;
  /** Form version 2: 填报日期, ISO date. */
  filled_on?: string | null;
  /** Form version 3: why firms of last round are not reported now (explains 退出 warnings). */
  exit_note?: string | null;
  /** Every other cell of the form's 区域指标 sheet (规上中小企业主营业务收入 …), by key. */
  [key: string]: string | number | boolean | null | undefined;
}

export interface RowCounts {
  read: number;
  accepted: number;
  rejected: number;
}

export interface RejectedRow extends RowOrigin {
  /** The row's issues (errors; warnings of the row are listed too). */
  issues: Issue[];
  /** The row's first cell (the firm's or platform's name) as written, trimmed, at most 100 characters. */
  name?: string;
}

/** The metadata a template carries in its very hidden sheet. */
/** What a template says about itself on its metadata sheet (defined with the form: src/core/form/meta.ts). */
export type { ReturnMeta } from "../form/meta";

export interface ReturnResult {
  /** File name or sheet-set name as given by the adapter. */
  file: string;
  /** null when the return could not be identified. */
  unit: string | null;
  unitName: string | null;
  period: string | null;
  formVersion: string | null;
  meta: ReturnMeta | null;
  /** true when a whole-file error rejects the return: no record of it may be counted. */
  rejected: boolean;
  errors: Issue[];
  warnings: Issue[];
  /** Reconciliation over 企业名录 and 平台与集群 data rows: read = accepted + rejected. */
  rows: RowCounts;
  enterprises: EnterpriseRecord[];
  platforms: PlatformRecord[];
  region: RegionRecord | null;
  rejectedRows: RejectedRow[];
  /** When the file was last modified (ISO), from the adapter, for submission timing. */
  modified: string | null;
  /** The workbook's own saved time (docProps/core.xml dcterms:modified, ISO), which copying does not
   * change; preferred to `modified` for submission timing. Absent or null when unknown. */
  savedAt?: string | null;
  /** Form version 2: the 填报日期 the clerk entered (ISO date); absent or null when none. */
  filledOn?: string | null;
  /** Last round's figures the history warnings compared against (a prefilled template's 上期数据 sheet,
   * or the return `--history` chose); absent or null when none. */
  previous?: PreviousRound | null;
}
