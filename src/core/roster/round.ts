// A round with a roster: every recognition claimed in a return is checked against the roster; under the
// "verified" policy the records the round counts carry the roster's year for a found claim and no year
// for one not found or revoked, so every indicator over a recognition or over 专精特新企业 counts only
// what the roster vouches for. Under "claims" the records stay as written and the check is only shown.
import { address } from "../a1";
import { isRecognised } from "../aggregate/evaluate";
import type { Submission } from "../aggregate/types";
import { currentForm, formByVersion, formsOf } from "../form/versions";
import type { Plan } from "../plan/types";
import { placeWords } from "../plan/words";
import type { EnterpriseRecord, ReturnResult } from "../read/types";
import { findFirm, indexRoster, tierState, verdict, type RosterIndex } from "./match";
import { claimedYear, planTiers, type PlanTier } from "./tiers";
import type {
  ClaimCheck,
  MissedEntry,
  Roster,
  RosterCheck,
  RosterEntry,
  RosterPolicy,
  UnitRosterSummary,
} from "./types";

type Claim = Omit<ClaimCheck, "unit" | "unitName" | "file">;

export interface RosterRound {
  /** The returns as the round counts them (the same objects when nothing changes). */
  returns: ReturnResult[];
  /** The check over the returns the round counted (the submissions reported). */
  check(submissions: readonly Submission[]): RosterCheck;
}

/** Column of each tier's year in the return's form (claims point at the cell). */
function yearColumns(r: ReturnResult, tiers: PlanTier[], plan: Plan): Map<string, number> {
  const fields = (formByVersion(r.formVersion, formsOf(plan)) ?? currentForm(plan)).enterprises.fields;
  return new Map(
    tiers.map((t) => [
      t.field,
      Math.max(
        0,
        fields.findIndex((f) => f.key === t.field),
      ),
    ]),
  );
}

/** Claims of one return, checked; the records with the counted years when `policy` is verified. */
function checkReturn(
  r: ReturnResult,
  index: RosterIndex,
  tiers: PlanTier[],
  periodYear: number,
  policy: RosterPolicy,
  claimed: Set<RosterEntry>,
  plan: Plan,
): { enterprises: EnterpriseRecord[]; claims: Claim[]; changed: boolean } {
  const claims: Claim[] = [];
  const columns = yearColumns(r, tiers, plan);
  let changed = false;
  const enterprises = r.enterprises.map((e) => {
    let out = e;
    let firm: ReturnType<typeof findFirm> | null = null;
    for (const t of tiers) {
      const year = claimedYear(e, t);
      if (year === null) continue;
      firm ??= findFirm(index, e.name, e.uscc);
      const state = tierState(firm.entries, t.key, periodYear);
      const v = verdict(state, year);
      const countedYear = policy === "verified" ? v.verifiedYear : year;
      if (countedYear !== year) {
        if (out === e) out = { ...e };
        (out as unknown as Record<string, unknown>)[t.field] = countedYear;
        changed = true;
      }
      const rows: number[] = [];
      for (const x of firm.entries)
        if (x.tier === t.key && x.year <= periodYear) (rows.push(x.row), claimed.add(x));
      // Claims that count under neither year are left out of the check: they move no figure.
      const matters =
        isRecognised(year, periodYear, t.validity) ||
        (v.verifiedYear !== null && isRecognised(v.verifiedYear, periodYear, t.validity));
      if (!matters) continue;
      claims.push({
        sheet: e.sheet,
        row: e.row,
        cell: address(e.row - 1, columns.get(t.field)!),
        name: e.name,
        uscc: e.uscc,
        tier: t.key,
        field: t.field,
        claimedYear: year,
        outcome: v.outcome,
        rosterYear: v.rosterYear,
        rosterRows: rows,
        matchedBy: firm.by,
        countedYear,
      });
    }
    return out;
  });
  return { enterprises, claims, changed };
}

export function rosterRound(
  returns: readonly ReturnResult[],
  roster: Roster,
  plan: Plan,
  periodYear: number,
  policy: RosterPolicy,
): RosterRound {
  const index = indexRoster(roster.entries);
  const tiers = planTiers(plan, periodYear);
  const words = placeWords(plan);
  const claimsOf = new Map<
    ReturnResult,
    { claims: Claim[]; claimed: Set<RosterEntry>; listed: Set<RosterEntry> }
  >();
  const out = returns.map((r) => {
    if (r.rejected) return r;
    const claimed = new Set<RosterEntry>();
    const c = checkReturn(r, index, tiers, periodYear, policy, claimed, plan);
    // The roster rows of every firm the return lists, claimed or not: a 漏报 whose roster row names
    // only the city belongs to the unit that lists the firm.
    const listed = new Set<RosterEntry>();
    for (const e of r.enterprises) for (const x of findFirm(index, e.name, e.uscc).entries) listed.add(x);
    const counted = c.changed ? { ...r, enterprises: c.enterprises } : r;
    claimsOf.set(counted, { claims: c.claims, claimed, listed });
    return counted;
  });
  return {
    returns: out,
    check(submissions) {
      const counted = submissions.flatMap((s) =>
        s.status === "reported" && s.file !== null ? [{ unit: s.unit, unitName: s.name, file: s.file }] : [],
      );
      const claims: ClaimCheck[] = [];
      const claimedEntries = new Set<RosterEntry>();
      const listedBy = new Map<RosterEntry, string>();
      for (const c of counted) {
        const r = out.find((x) => x.unit === c.unit && x.file === c.file && !x.rejected);
        const got = r ? claimsOf.get(r) : undefined;
        if (!got) continue;
        for (const cl of got.claims) claims.push({ unit: c.unit, unitName: c.unitName, file: c.file, ...cl });
        for (const e of got.claimed) claimedEntries.add(e);
        for (const e of got.listed) if (!listedBy.has(e)) listedBy.set(e, c.unit);
      }
      const missed = missedEntries(roster, tiers, plan, periodYear, claimedEntries, listedBy);
      return {
        policy,
        claims,
        missed,
        units: unitSummaries(plan, counted, claims, missed),
        rosterRows: roster.entries.length,
        tierNames: Object.fromEntries(tiers.map((t) => [t.key, t.name])),
        unplacedLabel: `${words.whole}(名单未注明${words.unitsShort})`,
      };
    },
  };
}

/**
 * Recognitions in the city, standing and valid in the period, that no counted return claims; each by the
 * unit its roster rows name, else by the (first) unit whose return lists the firm without claiming it,
 * else the city as a whole.
 */
function missedEntries(
  roster: Roster,
  tiers: PlanTier[],
  plan: Plan,
  periodYear: number,
  claimed: Set<RosterEntry>,
  listedBy: Map<RosterEntry, string>,
): MissedEntry[] {
  const groups = new Map<string, RosterEntry[]>();
  for (const e of roster.entries) {
    if (e.year > periodYear) continue;
    const key = `${e.uscc ?? `名:${e.nameKey}`}|${e.tier}`;
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  const unitName = new Map(plan.units.map((u) => [u.code, u.name]));
  const out: MissedEntry[] = [];
  for (const g of groups.values()) {
    const tier = tiers.find((t) => t.key === g[0].tier);
    const state = tierState(g, g[0].tier, periodYear);
    if (!tier || !state || !state.standing || g.some((e) => claimed.has(e))) continue;
    const e = state.latest;
    if (!e.inCity || !isRecognised(e.year, periodYear, tier.validity)) continue;
    const unit =
      g.find((x) => x.unit !== null)?.unit ??
      g.map((x) => listedBy.get(x)).find((u) => u !== undefined) ??
      null;
    out.push({
      unit,
      unitName: unit === null ? null : (unitName.get(unit) ?? null),
      name: e.name,
      uscc: g.find((x) => x.uscc !== null)?.uscc ?? null,
      tier: e.tier,
      year: e.year,
      row: e.row,
    });
  }
  const order = new Map(plan.units.map((u, i) => [u.code, i]));
  const tierOrder = new Map(tiers.map((t, i) => [t.key, i]));
  return out.sort(
    (a, b) =>
      (a.unit === null ? Infinity : order.get(a.unit)!) - (b.unit === null ? Infinity : order.get(b.unit)!) ||
      tierOrder.get(a.tier)! - tierOrder.get(b.tier)! ||
      a.row - b.row,
  );
}

function unitSummaries(
  plan: Plan,
  counted: readonly { unit: string; unitName: string }[],
  claims: ClaimCheck[],
  missed: MissedEntry[],
): UnitRosterSummary[] {
  const reported = new Set(counted.map((c) => c.unit));
  return plan.units
    .filter((u) => reported.has(u.code) || missed.some((m) => m.unit === u.code))
    .map((u) => {
      const mine = claims.filter((c) => c.unit === u.code);
      const n = (o: ClaimCheck["outcome"]) => mine.filter((c) => c.outcome === o).length;
      return {
        unit: u.code,
        unitName: u.name,
        claims: mine.length,
        verified: n("verified"),
        wrongYear: n("wrong_year"),
        notFound: n("not_found"),
        revoked: n("revoked"),
        missed: missed.filter((m) => m.unit === u.code).length,
      };
    });
}

/** A clerk's self-check of one return before sending: its claims (as written), and the roster's
 * recognitions of its own unit it does not claim. */
export function checkOneReturn(
  r: ReturnResult,
  roster: Roster,
  plan: Plan,
  periodYear: number,
): RosterCheck | null {
  if (r.rejected || r.unit === null) return null;
  const unitName = r.unitName ?? plan.units.find((u) => u.code === r.unit)?.name ?? r.unit;
  const sub = { unit: r.unit, name: unitName, status: "reported", file: r.file } as Submission;
  const check = rosterRound([r], roster, plan, periodYear, "claims").check([sub]);
  const missed = check.missed.filter((m) => m.unit === r.unit);
  return { ...check, missed, units: check.units.filter((u) => u.unit === r.unit) };
}
