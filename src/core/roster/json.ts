// The `roster` member of `srdi aggregate --json` (present only when a roster was given): per unit counts,
// every claim with its outcome and the year counted, and the 漏报 list. A claim is one of thousands: it
// carries its unit code (names are in `units`) and tier key (names in `tiers`), nothing repeated.
import type { ClaimCheck, MissedEntry, RosterCheck, RosterPolicy, UnitRosterSummary } from "./types";

export type ClaimJson = Omit<ClaimCheck, "unitName" | "file" | "field">;

export interface RosterJson {
  policy: RosterPolicy;
  rosterRows: number;
  /** Tier key → the tier's name in the period's year. */
  tiers: Record<string, string>;
  units: UnitRosterSummary[];
  claims: ClaimJson[];
  missed: MissedEntry[];
}

export function rosterJson(check: RosterCheck): RosterJson {
  return {
    policy: check.policy,
    rosterRows: check.rosterRows,
    tiers: { ...check.tierNames },
    units: check.units.map((u) => ({ ...u })),
    claims: check.claims.map((c) => ({
      unit: c.unit,
      sheet: c.sheet,
      row: c.row,
      cell: c.cell,
      name: c.name,
      uscc: c.uscc,
      tier: c.tier,
      claimedYear: c.claimedYear,
      outcome: c.outcome,
      rosterYear: c.rosterYear,
      rosterRows: [...c.rosterRows],
      matchedBy: c.matchedBy,
      countedYear: c.countedYear,
    })),
    missed: check.missed.map((m) => ({ ...m })),
  };
}
