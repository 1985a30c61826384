// The demo's target allocation: count targets split across units by their size with the largest
// remainder (so they add up to the city target exactly), and base values at the end of 2022.
import { milestoneInForce } from "../plan/milestones";
import type { Plan } from "../plan/types";
import type { TargetAllocation } from "../targets/types";

/** Demo base values at the end of 2022 (invented, of a plausible size for the city). */
export const DEMO_CITY_BASE: Record<string, number> = {
  innovative_smes: 380,
  provincial_srdi: 92,
  little_giants: 9,
  champions: 1,
  rd_intensity: 0.041,
  patents_per_firm: 3.6,
  transformation_coverage: 0.55,
  cnc_rate: 0.42,
  digital_mgmt_rate: 0.45,
  digital_rd_tools_rate: 0.52,
  srdi_revenue_share: 0.36,
  chain_coverage: 5 / 7,
  provincial_platforms: 5,
  city_platforms: 9,
  rd_institution_coverage: 0.6,
  clusters: 0,
  jiangsu_quality: 1,
  mayor_quality_award: 0,
  ip_standard_srdi: 0.5,
  ip_standard_inno: 0.2,
  diagnosis_coverage: 0.6,
  integration_std_coverage: 0.3,
  smart_workshops: 3,
  smart_factories: 0,
  cloud_star_firms: 21,
  ipo_reserve: 8,
  srdi_board_listings: 2,
  listed_firms: 1,
  service_officer_ratio: 0.3,
};

/** Split a whole total by weights, the largest remainders getting the leftover units. */
export function splitByWeight(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const out = raw.map(Math.floor);
  let left = Math.round(total - out.reduce((a, b) => a + b, 0));
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

/**
 * The allocation of the milestone in force in `periodYear` (the end target without it). Base values: the
 * plan's own where it states one (云南: 3019户), else the invented demo figure.
 */
export function demoAllocation(plan: Plan, weights: number[], periodYear?: number): TargetAllocation {
  const alloc: TargetAllocation = { units: {}, city: {} };
  for (const ind of plan.indicators) {
    const base = ind.base ?? DEMO_CITY_BASE[ind.code] ?? null;
    alloc.city[ind.code] = { base, target: null };
    // Rates are left to the city target, as INDICATORS.md allows.
    if (ind.kind !== "count") continue;
    const target = periodYear === undefined ? ind.target : milestoneInForce(plan, ind, periodYear).target;
    const targets = splitByWeight(target, weights);
    const bases = base === null ? null : splitByWeight(base, weights);
    plan.units.forEach((u, i) => {
      (alloc.units[u.code] ??= {})[ind.code] = { base: bases ? bases[i] : null, target: targets[i] };
    });
  }
  return alloc;
}
