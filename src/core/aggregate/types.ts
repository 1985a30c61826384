// What aggregating one round yields: indicator values per unit and for the city, and every return,
// row and duplicate that was not counted, so that nothing is silently dropped.
import type { Issue } from "../issues";
import type { RowCounts } from "../read/types";
import type { DiffCounts } from "../diff/diff";
import type { IndicatorValue } from "./evaluate";

/** sent_back: the bureau's review (报送登记 审核结果) sent the unit's return back. */
export type ExclusionKind = "rejected" | "unknown_unit" | "other_period" | "superseded" | "sent_back";

/** A return that was read but not counted. */
export interface ExcludedReturn {
  kind: ExclusionKind;
  file: string;
  unit: string | null;
  unitName: string | null;
  period: string | null;
  /** zh-CN, one line: why it was not counted. */
  reason: string;
  /** The return's errors (whole-file errors for a rejected return). */
  issues: Issue[];
  /** For "superseded": the file counted instead. */
  supersededBy?: string;
  /** For "superseded": rows the counted return adds, removes and changes compared with this one. */
  changes?: DiffCounts;
}

/** A data row of a counted return that the reader refused. */
export interface RejectedRowEntry {
  file: string;
  unit: string;
  unitName: string;
  sheet: string;
  row: number;
  issues: Issue[];
}

export interface Occurrence {
  unit: string;
  unitName: string;
  file: string;
  sheet: string;
  row: number;
  /** The cell holding the key (统一社会信用代码 or 名称). */
  cell: string;
}

export interface Duplicate {
  kind: "enterprise" | "platform";
  /** USCC for enterprises; "名称|类型|级别" for platforms. */
  key: string;
  name: string;
  /** The unit whose record the city counts: the one where the firm is registered (统一社会信用代码 digits
   * 3–8, aggregate/round.ts registeredUnitOf), else the first in the plan's unit order. */
  usedUnit: string;
  occurrences: Occurrence[];
}

export type Timing = "on_time" | "late" | "unknown";

export interface Submission {
  unit: string;
  name: string;
  /** reported: a return is counted; rejected: returns came but none could be counted; missing: none came. */
  status: "reported" | "rejected" | "missing";
  file: string | null;
  /**
   * When the counted return was submitted, ISO, when known: the bureau's receipt date (报送登记), else the
   * workbook's own saved time (docProps/core.xml, which copying does not change), else the file time.
   */
  submittedAt: string | null;
  /** Which of those `submittedAt` came from; null when not known. */
  submittedAtSource: "receipt" | "workbook" | "file" | null;
  /** Form version of the counted return ("1", "2"), from its metadata; null when none is counted. */
  formVersion: string | null;
  /** Against the deadline; null when not reported or no deadline. */
  timing: Timing | null;
  errors: number;
  warnings: number;
  rows: RowCounts | null;
}

export interface ScopeValues {
  values: Record<string, IndicatorValue>;
  enterprises: number;
  platforms: number;
}

/** A region figure used as a denominator: the bureau's (targets workbook) wins over the unit's own. */
export interface RegionFigure {
  /** Entered by the bureau from statistics-bureau data; null when not entered. */
  bureau: number | null;
  /** The unit's own figure from its return's 区域指标 sheet, a cross-check only when the bureau's is there. */
  county: number | null;
  used: "bureau" | "county" | null;
}

export interface UnitAggregate extends ScopeValues {
  code: string;
  name: string;
  reported: boolean;
  /** The figure of the first region field the plan reads (the built-in plan: 规上中小企业主营业务收入). */
  region?: RegionFigure;
  /** Every region field the plan's computations read (region(f)), by key. */
  regions?: Record<string, RegionFigure>;
}

export interface WarningEntry {
  file: string;
  unit: string;
  unitName: string;
  issue: Issue;
}

export interface AggregateResult {
  planId: string;
  period: string;
  periodLabel: string;
  periodEnd: string;
  deadline: string | null;
  city: ScopeValues;
  units: UnitAggregate[];
  submissions: Submission[];
  excluded: ExcludedReturn[];
  rejectedRows: RejectedRowEntry[];
  duplicates: Duplicate[];
  warnings: WarningEntry[];
}
