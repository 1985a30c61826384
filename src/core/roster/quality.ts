// 名单核验 in the bulletin's text: the 数据质量 sentences. Apart from the 附件 sheet (roster/bulletin.ts),
// which uses the bulletin's table layout: the text and the tables of the bulletin import this, so this
// imports neither.
import { listText } from "../report/format";
import type { RoundResult } from "../report/round-result";
import { OUTCOME_LABELS, type RosterCheck } from "./types";

export const ROSTER_ATTACHMENT_TITLE = "认定名单核验情况";

/** Claims by outcome. */
export function totals(check: RosterCheck) {
  const n = (o: keyof typeof OUTCOME_LABELS) => check.claims.filter((c) => c.outcome === o).length;
  return {
    verified: n("verified"),
    wrongYear: n("wrong_year"),
    notFound: n("not_found"),
    revoked: n("revoked"),
  };
}

/** The 数据质量 sentences on the roster; none without a roster. */
export function rosterQuality(result: RoundResult, attachment: number): string[] {
  const check = result.roster;
  if (!check) return [];
  const t = totals(check);
  const unverified = t.notFound + t.revoked;
  const byUnit = check.units
    .filter((u) => u.notFound + u.revoked > 0)
    .map((u) => `${u.unitName}${u.notFound + u.revoked}项`);
  const parts = [
    `经与认定名单(${check.rosterRows}条)核对，各单位填报的有效期内认定${check.claims.length}项，` +
      `核实${t.verified}项、年份不符${t.wrongYear}项、名单中未找到${t.notFound}项、名单显示已撤销或复核未通过${t.revoked}项`,
  ];
  if (unverified > 0) parts.push(`未能核实的${unverified}项涉及${listText(byUnit)}`);
  parts.push(
    check.policy === "verified"
      ? "本期认定类指标只计核实的认定，年份不符的按名单年份计"
      : "本期认定类指标仍按填报计数，未能核实的请相关单位核实",
  );
  if (check.missed.length > 0) parts.push(`名单中另有${check.missed.length}项有效认定未见任何单位填报(漏报)`);
  return [`${parts.join("；")}。明细见附件${attachment}。`];
}
