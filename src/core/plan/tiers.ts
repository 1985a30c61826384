// A tier's name as announced in a year: MIIT renamed 创新型中小企业 to 科技和创新型中小企业 from 2026, and a
// bulletin of a 2026 round says the name in force then.
import type { Tier } from "./types";

export function tierName(tier: Pick<Tier, "names">, year: number): string {
  let name = tier.names[0]?.name ?? "";
  for (const n of tier.names) if (n.from === undefined || n.from <= year) name = n.name;
  return name;
}
