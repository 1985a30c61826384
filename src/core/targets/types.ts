// The bureau's target allocation (目标分解) and scoring settings (评分设置): both are data the bureau
// edits in the targets workbook, so changing a weight or the cap is not a release.
import type { TimeBasis } from "../plan/periods";
import type { Review } from "../review/review";

/** How a round counts recognitions when a roster is given (评分设置 名单核验计数). */
export type RosterPolicy = "verified" | "claims";

export const POLICY_LABELS: Record<RosterPolicy, string> = {
  verified: "只计核实的认定",
  claims: "按填报计并列出未核实的",
};

/** One cell pair of the allocation: base value at the plan's base date and the allocated target. */
export interface TargetCell {
  base: number | null;
  target: number | null;
}

/** Per unit code, then per indicator code. Missing = not allocated. Shares and ratios as fractions. */
export type UnitTargets = Record<string, Record<string, TargetCell>>;

/** Region figures the bureau enters per unit from statistics-bureau data (the county's own is a check),
 * by region field key (plan/region-fields.ts): one 区域数据 column each. */
export type RegionFigures = Record<string, number | null>;

export interface TargetAllocation {
  units: UnitTargets;
  /** City base values (and, rarely, a city target overriding the plan's) per indicator code. */
  city: Record<string, TargetCell>;
  /** Per unit code (and CITY_CODE for the whole's own row): the bureau's region figures (区域数据 sheet).
   * Absent: none entered. */
  regions?: Record<string, RegionFigures>;
  /** Per unit code: the day the bureau received the return (报送登记 sheet), ISO yyyy-mm-dd. */
  receipts?: Record<string, string>;
  /** Per unit code: the bureau's review of the return (报送登记 审核结果, 退回原因). Absent: 待审核. */
  reviews?: Record<string, Review>;
}

export interface Band {
  label: string;
  /** Lowest score of the band; a score below every band's min gets the last band. */
  min: number;
}

export interface ScoringSettings {
  /** Weight per indicator code; an indicator not listed weighs `defaultWeight`. 0 = not scored. */
  weights: Record<string, number>;
  defaultWeight: number;
  /** Completion is capped here (1.2 = 120 %) both where it is shown and in the score. */
  cap: number;
  /** How time progress is measured: calendar days or whole months. */
  basis: TimeBasis;
  /** Yellow when expected completion − completion ≤ this (0.10 = 10 percentage points). */
  yellowThreshold: number;
  /** A "~" (左右) target is met at this share of the target. */
  approxShare: number;
  /** Completion on the increase over the base ((actual − base) / (target − base), where a base is
   * given and target > base) or on the stock (actual / target). */
  completionBasis: "increase" | "stock";
  /** Over-performance bonus (beyond 100 %, weighted like the indicator part) is capped at these points. */
  bonusCap: number;
  /** Late return: points per working day late, or once. */
  lateMode: "per_day" | "flat";
  latePoints: number;
  /** Most points a late return can lose. */
  lateCap: number;
  /** No return counted: points deducted (on a zero indicator part); such units are ranked last. */
  missingPoints: number;
  /** Rejected rows above this share of a return's rows cost `rejectedPoints`. */
  rejectedShare: number;
  rejectedPoints: number;
  /** A count indicator a unit has no target for: scored on the city target × the unit's share, or
   * excluded for every unit (never for some). */
  noTarget: "scale" | "exclude";
  /** Grade bands, highest first. */
  bands: Band[];
  /** With a roster (认定名单): count only the recognitions it verifies, or count the claims and list the
   * unverified ones. Without a roster nothing changes. */
  rosterPolicy: RosterPolicy;
  /** Robust z (median and MAD, as DHIS2) beyond which a firm's figure is flagged among its size class; 0: off. */
  outlierThreshold: number;
  /** Points per history or outlier warning no 说明 explains (0: none), at most `unexplainedCap`. */
  unexplainedPoints: number;
  unexplainedCap: number;
  /** A unit whose last return the bureau sent back (退回): its next template is prefilled from that
   * return with the reason and the rows in error in 填报说明, or blank. */
  sentBackTemplate: "prefill" | "blank";
}

export const DEFAULT_BANDS: Band[] = [
  { label: "好", min: 90 },
  { label: "较好", min: 80 },
  { label: "一般", min: 60 },
  { label: "较差", min: 0 },
];

export const DEFAULT_SETTINGS: ScoringSettings = {
  weights: {},
  defaultWeight: 1,
  cap: 1.2,
  basis: "day",
  yellowThreshold: 0.1,
  approxShare: 0.8,
  completionBasis: "increase",
  bonusCap: 10,
  lateMode: "per_day",
  latePoints: 1,
  lateCap: 5,
  missingPoints: 10,
  rejectedShare: 0.05,
  rejectedPoints: 1,
  noTarget: "exclude",
  bands: DEFAULT_BANDS,
  rosterPolicy: "verified",
  outlierThreshold: 3.5,
  unexplainedPoints: 0,
  unexplainedCap: 5,
  sentBackTemplate: "prefill",
};

export const EMPTY_ALLOCATION: TargetAllocation = { units: {}, city: {} };

export function weightOf(settings: ScoringSettings, code: string): number {
  const w = settings.weights[code];
  return w === undefined || !Number.isFinite(w) ? settings.defaultWeight : w;
}

export const TARGETS_FORM_ID = "SRDI-TARGETS";
export const TARGETS_FORM_VERSION = "1";
export const TARGETS_SHEET = "目标分解";
export const SETTINGS_SHEET = "评分设置";
export const TARGETS_META_SHEET = "_srdi_targets_meta";
/** The name the first version gave the targets metadata sheet; it clashed with the template's own. */
export const LEGACY_TARGETS_META_SHEET = "_srdi_meta";
/** Unit column value of the city row in each block of the 目标分解 sheet. */
export const CITY_CODE = "全市";
export const BASIS_LABELS: Record<TimeBasis, string> = { day: "按日", month: "按月" };
export const COMPLETION_BASIS_LABELS: Record<ScoringSettings["completionBasis"], string> = {
  increase: "增量",
  stock: "存量",
};
export const LATE_MODE_LABELS: Record<ScoringSettings["lateMode"], string> = {
  per_day: "按工作日",
  flat: "一次性",
};
export const NO_TARGET_LABELS: Record<ScoringSettings["noTarget"], string> = {
  scale: "按份额折算",
  exclude: "全部不计",
};
export const SENT_BACK_TEMPLATE_LABELS: Record<ScoringSettings["sentBackTemplate"], string> = {
  prefill: "按退回报表预填",
  blank: "空白模板",
};
export const REGION_SHEET = "区域数据";
export const RECEIPTS_SHEET = "报送登记";
