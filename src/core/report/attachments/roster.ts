// 名单核验 in the bulletin: the 数据质量 paragraph (how many claims could not be verified, by which
// units, and how the round counted them) and the 附件 sheet (per unit: verified, wrong year, not found,
// revoked, 漏报; then every unverified claim and every 漏报 firm). Text from returns is written as text.
import { columnLetter } from "../../a1";
import { FONT_TABLE, NO_DATA, listText } from "../format";
import type { RoundResult } from "../round-result";
import { HEAD, landscape, titleBlock } from "./frame";
import type { CellStyle, CellValue, SheetDescription, StyledRange } from "../../sheet/types";
import { OUTCOME_LABELS, type RosterCheck } from "../../roster/types";

export const ROSTER_ATTACHMENT_TITLE = "认定名单核验情况";
export const SHEET_ROSTER = "名单核验";
/** Rows listed per part on paper (a cap that counts data); the rest are counted in a closing line. */
export const MAX_ROSTER_LIST_ROWS = 20_000;

const BODY: CellStyle = { border: true, fontName: FONT_TABLE, fontSize: 10, vAlign: "top", wrap: true };
const SUB: CellStyle = { bold: true, fontName: FONT_TABLE, fontSize: 12 };

function totals(check: RosterCheck) {
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
  if (unverified > 0) parts.push(`未能核实的${unverified}项涉及${listText(byUnit, 6, "个单位")}`);
  parts.push(
    check.policy === "verified"
      ? "本期认定类指标只计核实的认定，年份不符的按名单年份计"
      : "本期认定类指标仍按填报计数，未能核实的请相关单位核实",
  );
  if (check.missed.length > 0) parts.push(`名单中另有${check.missed.length}项有效认定未见任何单位填报(漏报)`);
  return [`${parts.join("；")}。明细见附件${attachment}。`];
}

export function rosterSheet(result: RoundResult, attachment: number): SheetDescription | null {
  const check = result.roster;
  if (!check) return null;
  const tierName = (k: string) => check.tierNames[k] ?? k;
  const last = "H";
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  titleBlock(
    rows,
    styles,
    merges,
    rowHeights,
    attachment,
    `${ROSTER_ATTACHMENT_TITLE}（${result.aggregate.periodLabel}）`,
    `各单位报表中填报的有效期内认定逐项与认定名单核对：有统一社会信用代码的按代码，否则按规范后的企业名称(不做近似匹配)。` +
      (check.policy === "verified"
        ? "本期只计核实的认定，年份不符的按名单年份计，名单中未找到、已撤销或复核未通过的不计。"
        : "本期仍按填报计数，未核实的认定列于下表，请相关单位核实。"),
    last,
  );
  const block = (title: string, header: string[]) => {
    rows.push([]);
    rows.push([title]);
    styles.push({ range: `A${rows.length}`, style: SUB });
    rows.push(header);
    const r = rows.length;
    styles.push({ range: `A${r}:${columnLetter(header.length - 1)}${r}`, style: HEAD });
    return r;
  };
  const body = (from: number, cols: number) => {
    if (rows.length >= from)
      styles.push({ range: `A${from}:${columnLetter(cols - 1)}${rows.length}`, style: BODY });
  };

  // 1. Per unit.
  let h = block("一、各单位核验情况", [
    "单位",
    "填报认定",
    "核实",
    "年份不符",
    "名单中未找到",
    "已撤销或复核未通过",
    "漏报",
  ]);
  for (const u of check.units)
    rows.push([u.unitName, u.claims, u.verified, u.wrongYear, u.notFound, u.revoked, u.missed]);
  const t = totals(check);
  const cityMissed = check.missed.filter((m) => m.unit === null).length;
  if (cityMissed > 0)
    rows.push([check.unplacedLabel, NO_DATA, NO_DATA, NO_DATA, NO_DATA, NO_DATA, cityMissed]);
  rows.push([
    "合计",
    check.claims.length,
    t.verified,
    t.wrongYear,
    t.notFound,
    t.revoked,
    check.missed.length,
  ]);
  body(h + 1, 7);

  // 2. Claims not verified as written.
  h = block("二、未核实的认定", [
    "单位",
    "企业名称",
    "统一社会信用代码",
    "层级",
    "填报年份",
    "核验结果",
    "名单年份",
    "报表位置",
  ]);
  const open = check.claims.filter((c) => c.outcome !== "verified");
  for (const c of open.slice(0, MAX_ROSTER_LIST_ROWS))
    rows.push([
      c.unitName,
      c.name,
      c.uscc,
      tierName(c.tier),
      c.claimedYear,
      OUTCOME_LABELS[c.outcome],
      c.rosterYear ?? NO_DATA,
      `${c.sheet} ${c.cell}`,
    ]);
  if (open.length === 0) rows.push(["无", "", "", "", "", "各单位填报的认定均已核实"]);
  if (open.length > MAX_ROSTER_LIST_ROWS) rows.push([`另有${open.length - MAX_ROSTER_LIST_ROWS}项未列出`]);
  body(h + 1, 8);

  // 3. 漏报.
  h = block("三、名单中有效但未见填报的认定(漏报)", [
    "单位",
    "企业名称",
    "统一社会信用代码",
    "层级",
    "名单年份",
    "名单行",
  ]);
  for (const m of check.missed.slice(0, MAX_ROSTER_LIST_ROWS))
    rows.push([
      m.unitName ?? check.unplacedLabel,
      m.name,
      m.uscc ?? NO_DATA,
      tierName(m.tier),
      m.year,
      m.row,
    ]);
  if (check.missed.length === 0) rows.push(["无", "", "", "", "", ""]);
  if (check.missed.length > MAX_ROSTER_LIST_ROWS)
    rows.push([`另有${check.missed.length - MAX_ROSTER_LIST_ROWS}项未列出`]);
  body(h + 1, 6);

  return {
    name: SHEET_ROSTER,
    state: "visible",
    rows,
    // Under 116 characters in all: A4 landscape at a legible scale (core/sheet/print-fit.ts).
    columnWidths: [12, 26, 19, 16, 8, 14, 8, 12],
    rowHeights,
    styles,
    merges,
    print: { ...landscape("1:3"), printArea: `A1:${last}${rows.length}` },
    tabColor: "C00000",
  };
}
