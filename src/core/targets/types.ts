// The bureau's target allocation (目标分解) and scoring settings (评分设置): both are data the bureau
// edits in the targets workbook, so changing a weight or the cap is not a release.
import type { TimeBasis } from "../plan/periods";

/** One cell pair of the allocation: base value at the plan's base date and the allocated target. */
export interface TargetCell {
  base: number | null;
  target: number | null;
}

/** Per unit code, then per indicator code. Missing = not allocated. Shares and ratios as fractions. */
export type UnitTargets = Record<string, Record<string, TargetCell>>;

export interface TargetAllocation {
  units: UnitTargets;
  /** City base values (and, rarely, a city target overriding the plan's) per indicator code. */
  city: Record<string, TargetCell>;
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
}

export const DEFAULT_SETTINGS: ScoringSettings = {
  weights: {},
  defaultWeight: 1,
  cap: 1.2,
  basis: "day",
  yellowThreshold: 0.1,
  approxShare: 0.8,
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
