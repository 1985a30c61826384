// 名单核验 as plain text, for the terminal (`srdi aggregate --roster`, `srdi check --roster`).
import { OUTCOME_LABELS, POLICY_LABELS, type ClaimCheck, type RosterCheck } from "./types";

/** One line per unit with a problem, then the 漏报 count; the policy first. */
export function rosterSummaryText(check: RosterCheck): string {
  const lines = [`名单核验(${POLICY_LABELS[check.policy]})：填报的有效期内认定${check.claims.length}项`];
  for (const u of check.units)
    if (u.claims > u.verified || u.missed > 0)
      lines.push(
        `  ${u.unitName}：核实${u.verified}，年份不符${u.wrongYear}，名单中未找到${u.notFound}，` +
          `已撤销或复核未通过${u.revoked}，漏报${u.missed}`,
      );
  const cityMissed = check.missed.filter((m) => m.unit === null).length;
  if (cityMissed > 0) lines.push(`  ${check.unplacedLabel}漏报${cityMissed}`);
  return lines.join("\n");
}

/** A claim as a clerk reads it: where, what was written, what the roster says and, for a wrong year, what to write. */
export function claimText(c: ClaimCheck, tierNames: Record<string, string>): string {
  const roster =
    c.rosterYear === null
      ? ""
      : c.outcome === "wrong_year"
        ? `(名单最近一次认定或复核为${c.rosterYear}年，请改填${c.rosterYear})`
        : `(名单年份${c.rosterYear})`;
  return (
    `${c.sheet}!${c.cell} ${c.name} ${tierNames[c.tier] ?? c.tier}${c.claimedYear}年：` +
    `${OUTCOME_LABELS[c.outcome]}${roster}`
  );
}
