// The print-ready 工作通报 sheet: title, issuer and date, the drafted sections, then 附表1 (city
// attainment with status colours) and 附表2 (unit scores and ranks) with a bar chart of the scores.
import { TABLE_HEADER } from "../sheet/styles";
import type { Plan } from "../plan/types";
import type { CellStyle, CellValue, ChartDescription, SheetDescription, StyledRange } from "../sheet/types";
import {
  expectedNumFmt,
  FONT_TEXT,
  FONT_TITLE,
  NO_DATA,
  STATUS_STYLE,
  statusLabel,
  UNSCORED_STYLE,
  valueNumFmt,
} from "./format";
import type { RoundResult } from "./round-result";
import type { BulletinText } from "./text";

export const SHEET_BULLETIN = "工作通报";

const WIDTHS = [7, 40, 12, 12, 11, 14, 9, 9];
const LAST = "H";
/** CJK characters per printed line across A:H at 12 pt (conservative, so no text is cut off). */
const CHARS_PER_LINE = 52;
const LINE_PT = 21;

const text: CellStyle = { fontName: FONT_TEXT, fontSize: 12, wrap: true, vAlign: "top" };
const heading: CellStyle = { fontName: FONT_TITLE, fontSize: 14, vAlign: "middle" };
const head: CellStyle = { ...TABLE_HEADER, fontName: FONT_TITLE, fontSize: 10 };
const cell: CellStyle = { fontName: FONT_TEXT, fontSize: 10, border: true, vAlign: "middle" };

export function paragraphHeight(s: string, charsPerLine = CHARS_PER_LINE): number {
  // Latin letters and digits take about half the width of a CJK character.
  let units = 0;
  for (const ch of s) units += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return Math.max(1, Math.ceil((units + 2) / charsPerLine)) * LINE_PT + 4;
}

export function bulletinSheet(result: RoundResult, plan: Plan, t: BulletinText): SheetDescription {
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const charts: ChartDescription[] = [];
  const line = (values: CellValue[], style: CellStyle, height?: number, merge = true) => {
    rows.push(values);
    const r = rows.length;
    if (merge) merges.push(`A${r}:${LAST}${r}`);
    styles.push({ range: `A${r}:${LAST}${r}`, style });
    if (height) rowHeights[r - 1] = height;
    return r;
  };

  line(
    [t.title],
    { fontName: FONT_TITLE, fontSize: 20, hAlign: "center", vAlign: "middle", fontColor: "C00000" },
    48,
  );
  rows.push([t.issuer, null, null, null, null, t.date]);
  const r2 = rows.length;
  merges.push(`A${r2}:E${r2}`, `F${r2}:${LAST}${r2}`);
  styles.push({ range: `A${r2}`, style: { fontName: FONT_TEXT, fontSize: 12, vAlign: "middle" } });
  styles.push({
    range: `F${r2}`,
    style: { fontName: FONT_TEXT, fontSize: 12, hAlign: "right", vAlign: "middle" },
  });
  rowHeights[r2 - 1] = 24;
  line([null], { fill: "C00000" }, 3);
  line([null], {}, 8);

  for (const s of t.sections) {
    line([s.heading], heading, 26);
    for (const p of s.paragraphs) line([`\u3000\u3000${p}`], text, paragraphHeight(p));
  }

  // 附表1: city attainment.
  line([null], {}, 10);
  line(["附表1：全市目标完成情况"], heading, 26);
  line(
    ["序号", "指标", "2025年目标", "当前值", "完成率", "序时进度应达值", "状态", "是否达标"],
    head,
    30,
    false,
  );
  plan.indicators.forEach((ind, i) => {
    const s = result.score.city[i];
    const r = line(
      [
        i + 1,
        ind.name,
        s.target,
        s.actual ?? NO_DATA,
        s.completion ?? NO_DATA,
        s.expected ?? NO_DATA,
        statusLabel(s.status),
        s.met === null ? NO_DATA : s.met ? "是" : "否",
      ],
      { ...cell, hAlign: "center" },
      ind.name.length > 19 ? 30 : 18,
      false,
    );
    styles.push({ range: `B${r}`, style: { ...cell, wrap: true, hAlign: "left" } });
    styles.push({ range: `C${r}:D${r}`, style: { ...cell, numFmt: valueNumFmt(ind), hAlign: "right" } });
    styles.push({ range: `E${r}`, style: { ...cell, numFmt: "0.0%", hAlign: "right" } });
    styles.push({ range: `F${r}`, style: { ...cell, numFmt: expectedNumFmt(ind), hAlign: "right" } });
    styles.push({
      range: `G${r}`,
      style: { ...cell, hAlign: "center", ...(s.status ? STATUS_STYLE[s.status] : UNSCORED_STYLE) },
    });
  });

  // 附表2: unit scores and ranks, with the chart beside them.
  line([null], {}, 10);
  line(["附表2：各县区、功能板块得分及排名"], heading, 26);
  const h2 = rows.length + 1;
  rows.push(["排名", "单位", "得分", "报送情况"]);
  styles.push({ range: `A${h2}:D${h2}`, style: head });
  rowHeights[h2 - 1] = 30;
  const timing = (code: string) => {
    const s = result.aggregate.submissions.find((x) => x.unit === code);
    if (!s || s.status === "missing") return "未报送";
    if (s.status === "rejected") return "已退回";
    return s.timing === "late" ? "逾期报送" : s.timing === "on_time" ? "按时报送" : "已报送";
  };
  const order = [...result.score.units].sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity));
  for (const u of order) {
    const r = rows.length + 1;
    rows.push([u.rank ?? NO_DATA, u.name, u.score ?? NO_DATA, timing(u.code)]);
    styles.push({ range: `A${r}:D${r}`, style: { ...cell, hAlign: "center" } });
    styles.push({ range: `B${r}`, style: { ...cell, hAlign: "left" } });
    styles.push({ range: `C${r}`, style: { ...cell, numFmt: "0.0", hAlign: "right" } });
    if (timing(u.code) !== "按时报送" && timing(u.code) !== "已报送")
      styles.push({ range: `D${r}`, style: { ...cell, hAlign: "center", ...STATUS_STYLE.red } });
    rowHeights[r - 1] = 20;
  }
  const ranked = order.filter((u) => u.score !== null).length;
  if (ranked > 0)
    charts.push({
      type: "bar",
      title: "各县区、功能板块得分",
      categories: `B${h2 + 1}:B${h2 + ranked}`,
      series: [{ name: "得分", values: `C${h2 + 1}:C${h2 + ranked}` }],
      anchor: { cell: `E${h2}`, widthCols: 4, heightRows: Math.max(12, order.length + 2) },
    });
  // Leave room under the table for the chart when there are few units.
  const chartRows = Math.max(12, order.length + 2);
  while (rows.length < h2 - 1 + chartRows) rows.push([]);
  line([null], {}, 10);
  line(
    [
      `注：${result.allocated ? "各地得分依据目标分解表计算" : "未导入目标分解表，计数类指标各地不计分"}；完成率封顶${Math.round(result.settings.cap * 100)}%；评分口径和各指标计算方法见\u201c县区完成情况及排名\u201d\u201c市级目标完成情况\u201d表。`,
    ],
    { ...text, fontSize: 10 },
    32,
  );

  return {
    name: SHEET_BULLETIN,
    state: "visible",
    rows,
    columnWidths: WIDTHS,
    rowHeights,
    styles,
    merges,
    charts,
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      centerHorizontally: true,
      printArea: `A1:${LAST}${rows.length}`,
      margins: { left: 0.7, right: 0.7, top: 0.8, bottom: 0.8 },
      footer: "第 &P 页，共 &N 页",
    },
    tabColor: "C00000",
  };
}
