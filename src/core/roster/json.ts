// The `roster` member of `srdi aggregate --json` (present only when a roster was given): per unit counts,
// every claim with its outcome and the year counted, and the 漏报 list.
import type {
  ClaimCheck,
  ClaimOutcome,
  MissedEntry,
  RosterCheck,
  RosterPolicy,
  UnitRosterSummary,
} from "./types";

export interface RosterJson {
  policy: RosterPolicy;
  rosterRows: number;
  units: UnitRosterSummary[];
  claims: (Omit<ClaimCheck, "rosterRows"> & { tierName: string; rosterRows: number[] })[];
  missed: (MissedEntry & { tierName: string })[];
}

export const OUTCOMES: ClaimOutcome[] = ["verified", "wrong_year", "not_found", "revoked"];

export function rosterJson(check: RosterCheck): RosterJson {
  const name = (tier: string) => check.tierNames[tier] ?? tier;
  return {
    policy: check.policy,
    rosterRows: check.rosterRows,
    units: check.units.map((u) => ({ ...u })),
    claims: check.claims.map((c) => ({ ...c, tierName: name(c.tier), rosterRows: [...c.rosterRows] })),
    missed: check.missed.map((m) => ({ ...m, tierName: name(m.tier) })),
  };
}
