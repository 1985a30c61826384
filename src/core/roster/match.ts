// Matching a claimed recognition to the roster, and what the roster then says of it. A roster row and a
// claim are one firm when both have a 统一社会信用代码 and the codes are equal, or when one of them has
// none and the names are the same name (names.ts): never by similarity. Two firms of one name with
// different codes (two counties) are never joined.
import { firmNameKey, usccKey } from "./names";
import type { ClaimOutcome, RosterEntry, RosterStatus } from "./types";

export interface RosterIndex {
  byUscc: Map<string, RosterEntry[]>;
  /** Every entry by name key (with or without a code). */
  byName: Map<string, RosterEntry[]>;
}

export function indexRoster(entries: readonly RosterEntry[]): RosterIndex {
  const byUscc = new Map<string, RosterEntry[]>();
  const byName = new Map<string, RosterEntry[]>();
  const add = (m: Map<string, RosterEntry[]>, k: string, e: RosterEntry) => {
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  };
  for (const e of entries) {
    if (e.uscc !== null) add(byUscc, e.uscc, e);
    add(byName, e.nameKey, e);
  }
  return { byUscc, byName };
}

export interface FirmMatch {
  entries: RosterEntry[];
  by: "uscc" | "name" | null;
}

/** The roster rows of one firm (every tier), by the rule above. */
export function findFirm(index: RosterIndex, name: string, uscc: string | null): FirmMatch {
  const code = uscc === null || uscc.trim() === "" ? null : usccKey(uscc);
  const byCode = code === null ? [] : (index.byUscc.get(code) ?? []);
  const byName = (index.byName.get(firmNameKey(name)) ?? []).filter((e) => e.uscc === null || code === null);
  if (byCode.length === 0 && byName.length === 0) return { entries: [], by: null };
  const entries = byCode.length === 0 ? byName : [...byCode, ...byName.filter((e) => !byCode.includes(e))];
  return { entries, by: byCode.length > 0 ? "uscc" : "name" };
}

/** Later in a year: a review or revocation follows the recognition it concerns. */
const STATUS_ORDER: Record<RosterStatus, number> = {
  recognised: 0,
  review_passed: 1,
  review_failed: 2,
  revoked: 3,
};
const positive = (s: RosterStatus) => s === "recognised" || s === "review_passed";

export interface TierState {
  /** The latest row of the tier up to the period's year. */
  latest: RosterEntry;
  /** Years of recognition or passed review (up to the period's year). */
  years: Set<number>;
  /** True when the latest row is a recognition or passed review. */
  standing: boolean;
}

/** What the roster says of a firm's tier as of `periodYear`; null when it has no row of the tier then. */
export function tierState(
  entries: readonly RosterEntry[],
  tier: string,
  periodYear: number,
): TierState | null {
  let latest: RosterEntry | null = null;
  const years = new Set<number>();
  for (const e of entries) {
    if (e.tier !== tier || e.year > periodYear) continue;
    if (positive(e.status)) years.add(e.year);
    if (
      !latest ||
      e.year > latest.year ||
      (e.year === latest.year && STATUS_ORDER[e.status] > STATUS_ORDER[latest.status])
    )
      latest = e;
  }
  return latest ? { latest, years, standing: positive(latest.status) } : null;
}

export interface Verdict {
  outcome: ClaimOutcome;
  /** The roster's latest year of the tier (recognition, review or its failure); null when not found. */
  rosterYear: number | null;
  /** The year the roster vouches for (null when not found or revoked). */
  verifiedYear: number | null;
}

/**
 * 核实 when the claimed year is the roster's latest recognition or passed review: the form asks for that
 * year. An earlier year the roster also records (recognised 2022, reviewed 2025, 2022 written) is 年份不符
 * like any other: counted with the roster's year, and the clerk told which year to write, or the stale
 * year lapses in a later round (issue 26).
 */
export function verdict(state: TierState | null, claimedYear: number): Verdict {
  if (!state) return { outcome: "not_found", rosterYear: null, verifiedYear: null };
  const rosterYear = state.latest.year;
  if (!state.standing) return { outcome: "revoked", rosterYear, verifiedYear: null };
  return {
    outcome: claimedYear === rosterYear ? "verified" : "wrong_year",
    rosterYear,
    verifiedYear: rosterYear,
  };
}
