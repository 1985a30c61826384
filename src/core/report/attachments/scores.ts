// 附件2: each unit's score (indicator part, bonus, deductions), band and rank, with a bar chart for the
// screen.
import { columnLetter } from "../../a1";
import type { CellValue, ChartDescription, SheetDescription, StyledRange } from "../../sheet/types";
import { NO_DATA, STATUS_STYLE } from "../format";
import type { Comparison } from "../previous";
import { unallocatedReason, type RoundResult } from "../round-result";
import type { Plan } from "../../plan/types";
import { attachmentTitles } from "./titles";
import { BODY, HEAD, landscape, order, titleBlock } from "./frame";

export const SHEET_SCORES = "综合得分及排名";

function submissionText(result: RoundResult, code: string): string {
  const s = result.aggregate.submissions.find((x) => x.unit === code);
  if (!s || s.status === "missing") return "未报送";
  if (s.status === "rejected") return "已退回";
  return s.timing === "late" ? "逾期报送" : s.timing === "on_time" ? "按时报送" : "已报送";
}

const rankMoveText = (m: number | null | undefined): string =>
  m === null || m === undefined ? NO_DATA : m > 0 ? `上升${m}位` : m < 0 ? `下降${-m}位` : "持平";

export function scoresSheet(
  result: RoundResult,
  plan: Plan,
  cmp: Comparison | null = null,
): SheetDescription {
  const titles = attachmentTitles(plan);
  const header = [
    "排名",
    "单位",
    "指标完成得分",
    "超额加分",
    "逾期扣分",
    "缺报扣分",
    "退回数据扣分",
    "扣分合计",
    "综合得分",
    "等次",
    ...(cmp ? ["得分较上期", "排名变化"] : []),
    "报送情况",
  ];
  const last = columnLetter(header.length - 1);
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  titleBlock(
    rows,
    styles,
    merges,
    rowHeights,
    2,
    `${titles.scores}（${result.aggregate.periodLabel}）`,
    "综合得分 = 指标完成得分 + 超额加分 − 扣分合计。指标完成得分按各指标完成率(封顶100%)加权计算，超过100%的部分计入超额加分；" +
      "逾期、缺报和数据退回按评分设置扣分。" +
      (unallocatedReason(result) === null ? "" : `${unallocatedReason(result)}，计数类指标各地不计分。`),
    last,
  );
  rows.push(header);
  styles.push({ range: `A4:${last}4`, style: HEAD });
  rowHeights[3] = 30;
  const list = order(result.score.units);
  const num = (x: number | null) => (x === null ? NO_DATA : Math.round(x * 100) / 100);
  for (const u of list) {
    const r = rows.length + 1;
    const c = cmp?.units[u.code];
    rows.push([
      u.rank ?? NO_DATA,
      u.name,
      num(u.indicatorPart),
      num(u.bonus),
      num(u.deductions.late),
      num(u.deductions.missing),
      num(u.deductions.rejectedRows),
      num(u.deductions.total),
      num(u.score),
      u.band ?? NO_DATA,
      ...(cmp
        ? [
            c?.score === null || c?.score === undefined
              ? NO_DATA
              : `${c.score >= 0 ? "+" : "−"}${Math.abs(c.score).toFixed(2)}`,
            rankMoveText(c?.rankMove),
          ]
        : []),
      submissionText(result, u.code),
    ]);
    styles.push({ range: `A${r}:${last}${r}`, style: { ...BODY, hAlign: "center" } });
    styles.push({ range: `B${r}`, style: { ...BODY, hAlign: "left", wrap: true } });
    styles.push({ range: `C${r}:I${r}`, style: { ...BODY, numFmt: "0.00", hAlign: "right" } });
    styles.push({ range: `I${r}`, style: { ...BODY, numFmt: "0.00", hAlign: "right", bold: true } });
    const sub = submissionText(result, u.code);
    if (sub !== "按时报送" && sub !== "已报送")
      styles.push({ range: `${last}${r}`, style: { ...BODY, hAlign: "center", ...STATUS_STYLE.red } });
  }
  const first = 5;
  const ranked = list.filter((u) => u.score !== null).length;
  const charts: ChartDescription[] = [];
  if (ranked > 0) {
    const top = rows.length + 2;
    charts.push({
      type: "bar",
      title: titles.scores.replace(/及排名$/, ""),
      categories: `B${first}:B${first + ranked - 1}`,
      series: [{ name: "综合得分", values: `I${first}:I${first + ranked - 1}` }],
      anchor: { cell: `B${top}`, widthCols: 8, heightRows: Math.max(14, ranked + 4) },
    });
    while (rows.length < top + Math.max(14, ranked + 4)) rows.push([]);
  }
  return {
    name: SHEET_SCORES,
    state: "visible",
    rows,
    columnWidths: [5, 20, 9, 8, 8, 8, 8, 8, 8, 6, ...(cmp ? [9, 9] : []), 9],
    rowHeights,
    styles,
    merges,
    charts,
    freeze: { rows: 4, columns: 2 },
    // The chart is for the screen: on paper the table is the 附件, and a chart cut by a page break is not.
    print: { ...landscape("4:4"), printArea: `A1:${last}${first + list.length - 1}` },
    tabColor: "C00000",
  };
}
