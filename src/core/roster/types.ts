// 名单核验: the official recognition lists the bureau holds (认定名单) and what checking a round's
// claimed recognitions against them yields. Plain data: the CLI, the pane and the bulletin read it.
import type { Occurrence } from "../aggregate/types";
import type { RosterPolicy } from "../targets/types";

/** 状态 of a roster row, as the announcements say it. */
export type RosterStatus = "recognised" | "review_passed" | "review_failed" | "revoked";

export const STATUS_LABELS: Record<RosterStatus, string> = {
  recognised: "认定",
  review_passed: "复核通过",
  review_failed: "复核未通过",
  revoked: "撤销",
};

/** One accepted row of the roster. */
export interface RosterEntry {
  /** 1-based row in the roster sheet. */
  row: number;
  name: string;
  /** Normalised (names.ts): what matching compares. */
  nameKey: string;
  /** Upper case, no spaces; null when the list gives none or it does not check out. */
  uscc: string | null;
  /** The plan tier's key (plan.tiers). */
  tier: string;
  year: number;
  batch: string | null;
  /** 所在地区 as written. */
  region: string | null;
  /** The plan unit the region names (a county or zone); null for the city as a whole or unknown. */
  unit: string | null;
  /** True when the region is the plan's city or one of its units (漏报 is looked for only there). */
  inCity: boolean;
  status: RosterStatus;
}

export interface Roster {
  sheet: string;
  entries: RosterEntry[];
  /** Data rows read (accepted + rejected), so nothing is lost without a word. */
  rowsRead: number;
  rowsRejected: number;
}

/** How a round counts recognitions (a scoring setting of the targets workbook: targets/types.ts). */
export { POLICY_LABELS, type RosterPolicy } from "../targets/types";

/** 核实 / 年份不符 / 名单中未找到 / 名单显示已撤销或复核未通过. */
export type ClaimOutcome = "verified" | "wrong_year" | "not_found" | "revoked";

export const OUTCOME_LABELS: Record<ClaimOutcome, string> = {
  verified: "核实",
  wrong_year: "年份不符",
  not_found: "名单中未找到",
  revoked: "名单显示已撤销或复核未通过",
};

/** One recognition a return claims (a filled recognition-year cell: `cell`) and what the roster says. */
export interface ClaimCheck extends Occurrence {
  name: string;
  uscc: string;
  tier: string;
  /** The form field of the claimed year. */
  field: string;
  claimedYear: number;
  outcome: ClaimOutcome;
  /** The roster's latest year for the firm and tier (recognition or review), when found. */
  rosterYear: number | null;
  /** The roster rows the claim matched (1-based). */
  rosterRows: number[];
  /** How the roster row was found: by 统一社会信用代码 or by the normalised name. */
  matchedBy: "uscc" | "name" | null;
  /** The year the round counts under its policy; null = not counted as recognised. */
  countedYear: number | null;
}

/** A recognition on the roster, valid in the period, in the city, that no counted return claims. */
export interface MissedEntry {
  /** The unit the roster's 所在地区 names; null when it names only the city. */
  unit: string | null;
  unitName: string | null;
  name: string;
  uscc: string | null;
  tier: string;
  year: number;
  row: number;
}

export interface UnitRosterSummary {
  unit: string;
  unitName: string;
  claims: number;
  verified: number;
  wrongYear: number;
  notFound: number;
  revoked: number;
  missed: number;
}

export interface RosterCheck {
  policy: RosterPolicy;
  /** Claims of the counted returns, in the plan's unit order then row order. */
  claims: ClaimCheck[];
  missed: MissedEntry[];
  units: UnitRosterSummary[];
  /** Roster rows used (accepted). */
  rosterRows: number;
  /** Each tier's name in force in the period's year, by tier key. */
  tierNames: Record<string, string>;
  /** What a missed recognition the roster places in no unit is listed under, in the plan's words:
   * 全市(名单未注明县区), 全省(名单未注明州（市）). */
  unplacedLabel: string;
}
