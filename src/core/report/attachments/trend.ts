// 趋势: the series over rounds, when earlier rounds were given. Page 1: indicators on and off pace by round;
// then line charts (the pace counts; the key ratios' value against the expected path), each on its own
// landscape page so no page break cuts one; then each indicator by round (value, expected value, 完成率,
// status, 环比, 同比) and each unit's score and rank by round. A round of another plan is marked and keeps
// that plan's targets.
import { columnLetter } from "../../a1";
import type { Plan } from "../../plan/types";
import type { CellValue, ChartDescription, SheetDescription, StyledRange } from "../../sheet/types";
import { NO_DATA, STATUS_STYLE, statusLabel, valueNumFmt } from "../format";
import type { Trend } from "../trend";
import { BODY, deltaCell, expectedFmt, HEAD, landscape, NOTE, TITLE, v } from "./frame";

export const SHEET_TREND = "趋势";
/** Rounds shown in the unit table (the latest); the indicator table shows them all. */
export const UNIT_ROUNDS = 8;
/** Rows a chart takes: one landscape page. */
const CHART_ROWS = 26;
const LAST = "L";
/** Chart text size: 11 pt on screen is above 8.5 pt on paper at the sheet's smallest print scale. */
const CHART_TEXT = 11;

/** The indicators whose value against the expected path is charted: the plan's shares (unit %), else its
 * first indicators; two at most. */
export function keyRatios(plan: Plan): string[] {
  const shares = plan.indicators.filter((i) => i.unit === "%");
  return (shares.length > 0 ? shares : plan.indicators).slice(0, 2).map((i) => i.code);
}

/** A round as the sheet and its charts name it: "2024年一季度" (short enough for eight on a chart's axis);
 * a round of another plan marked *. */
export const shortLabel = (label: string) => label.replace(/第([一二三四])季度$/, "$1季度");
const roundLabel = (t: Trend, i: number) =>
  shortLabel(t.rounds[i].label) + (t.rounds[i].otherPlan ? "*" : "");
const two = (x: number | null) => (x === null ? NO_DATA : (Math.round(x * 100) / 100).toFixed(2));

export function trendSheet(trend: Trend, plan: Plan): SheetDescription {
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const pageBreaks: number[] = [];
  const charts: ChartDescription[] = [];
  const n = trend.rounds.length;
  const current = trend.rounds[n - 1];
  const others = [...new Set(trend.rounds.filter((r) => r.otherPlan).map((r) => `《${r.planTitle}》`))];
  rows.push([`${plan.city}专精特新工作进展趋势（${trend.rounds[0].label}至${current.label}，共${n}期）`]);
  rows.push([
    "据本期及往期工作通报(通报数据工作表)整理。达到序时进度：当前值不低于该期序时进度应达值；环比为较上一期的增减，" +
      "同比为较上年同期的增减，同比增幅 = 同比÷上年同期值；—表示无数据或无可比期。" +
      (others.length > 0
        ? `标*的报告期属于${others.join("、")}，按指标代码对应，目标和应达值为该规划的。`
        : ""),
  ]);
  styles.push({ range: "A1", style: TITLE }, { range: "A2", style: NOTE });
  merges.push(`A1:${LAST}1`, `A2:${LAST}2`);
  rowHeights[0] = 30;
  rowHeights[1] = 44;

  // 一、indicators on and off pace by round.
  rows.push(["一、达到和低于序时进度的指标数"]);
  styles.push({ range: `A${rows.length}`, style: { ...BODY, border: false, bold: true } });
  const paceHead = [
    "序号",
    "报告期",
    "达到序时进度(项)",
    "低于序时进度(项)",
    "其中略滞后",
    "其中明显滞后",
    "无数据或无目标",
    "达到占比",
    "达到项数同比",
  ];
  rows.push(paceHead);
  styles.push({ range: `A${rows.length}:I${rows.length}`, style: HEAD });
  const paceFirst = rows.length + 1;
  trend.pace.forEach((p, i) => {
    const ago = yearAgoIndex(trend, i);
    const yoy = ago !== null && p.known && trend.pace[ago].known ? p.on - trend.pace[ago].on : null;
    rows.push([
      i + 1,
      roundLabel(trend, i),
      p.known ? p.on : NO_DATA,
      p.known ? p.behind : NO_DATA,
      p.known ? p.yellow : NO_DATA,
      p.known ? p.red : NO_DATA,
      p.known ? p.none : NO_DATA,
      p.known && p.total > 0 ? p.on / p.total : NO_DATA,
      yoy === null ? NO_DATA : yoy > 0 ? `+${yoy}` : yoy < 0 ? `−${-yoy}` : "持平",
    ]);
    const r = rows.length;
    styles.push({ range: `A${r}:I${r}`, style: { ...BODY, hAlign: "center" } });
    styles.push({ range: `H${r}`, style: { ...BODY, hAlign: "center", numFmt: "0.0%" } });
  });
  const paceLast = rows.length;

  // Charts, each on its own page.
  const chartAt = (c: Omit<ChartDescription, "anchor">) => {
    pageBreaks.push(rows.length);
    const top = rows.length + 1;
    charts.push({
      ...c,
      textPoints: CHART_TEXT,
      anchor: { cell: `A${top}`, widthCols: 12, heightRows: CHART_ROWS },
    });
    for (let k = 0; k < CHART_ROWS; k++) rows.push([]);
  };
  chartAt({
    type: "line",
    title: "达到和低于序时进度的指标数(项)",
    categories: `B${paceFirst}:B${paceLast}`,
    series: [
      { name: "达到序时进度", values: `C${paceFirst}:C${paceLast}` },
      { name: "低于序时进度", values: `D${paceFirst}:D${paceLast}` },
    ],
  });
  const ratioCharts: { code: string; at: number }[] = [];
  for (const code of keyRatios(plan)) {
    pageBreaks.push(rows.length);
    ratioCharts.push({ code, at: rows.length });
    for (let k = 0; k < CHART_ROWS; k++) rows.push([]);
  }

  // 二、each indicator by round.
  pageBreaks.push(rows.length);
  rows.push(["二、各项指标分期情况"]);
  styles.push({ range: `A${rows.length}`, style: { ...BODY, border: false, bold: true } });
  rows.push([
    "序号",
    "指标",
    "报告期",
    "当前值",
    "序时进度应达值",
    "完成率",
    "状态",
    "环比",
    "同比",
    "同比增幅",
    "目标",
  ]);
  const indHead = rows.length;
  styles.push({ range: `A${indHead}:K${indHead}`, style: HEAD });
  const blockOf = new Map<string, { first: number; last: number }>();
  trend.indicators.forEach((t, k) => {
    const ind = t.indicator;
    const first = rows.length + 1;
    t.points.forEach((p, i) => {
      rows.push([
        k + 1,
        ind.name + (ind.unit && ind.unit !== "%" ? `(${ind.unit})` : ""),
        roundLabel(trend, i),
        v(p?.value ?? null),
        v(p?.expected ?? null),
        v(p?.reached ?? null),
        p ? statusLabel(p.status) : NO_DATA,
        deltaCell(ind, p?.mom),
        deltaCell(ind, p?.yoy),
        v(p?.yoyRate ?? null),
        v(p?.target ?? null),
      ]);
      const r = rows.length;
      styles.push({ range: `A${r}:K${r}`, style: { ...BODY, hAlign: "right" } });
      styles.push({ range: `A${r}:C${r}`, style: { ...BODY, hAlign: "center", wrap: true } });
      styles.push({ range: `D${r}`, style: { ...BODY, hAlign: "right", numFmt: valueNumFmt(ind) } });
      styles.push({ range: `E${r}`, style: { ...BODY, hAlign: "right", numFmt: expectedFmt(ind) } });
      styles.push({ range: `K${r}`, style: { ...BODY, hAlign: "right", numFmt: valueNumFmt(ind) } });
      styles.push({ range: `F${r}`, style: { ...BODY, hAlign: "right", numFmt: "0.0%" } });
      styles.push({ range: `J${r}`, style: { ...BODY, hAlign: "right", numFmt: "0.0%" } });
      if (p?.status)
        styles.push({ range: `G${r}`, style: { ...BODY, hAlign: "center", ...STATUS_STYLE[p.status] } });
      else styles.push({ range: `G${r}`, style: { ...BODY, hAlign: "center" } });
    });
    const last = rows.length;
    blockOf.set(ind.code, { first, last });
    if (last > first) merges.push(`A${first}:A${last}`, `B${first}:B${last}`);
  });
  for (const { code, at } of ratioCharts) {
    const b = blockOf.get(code)!;
    const ind = plan.indicators.find((i) => i.code === code)!;
    charts.push({
      type: "line",
      title: `${ind.name}：当前值与序时进度应达值`,
      categories: `C${b.first}:C${b.last}`,
      series: [
        { name: "当前值", values: `D${b.first}:D${b.last}` },
        { name: "序时进度应达值", values: `E${b.first}:E${b.last}`, dash: true },
      ],
      textPoints: CHART_TEXT,
      anchor: { cell: `A${at + 1}`, widthCols: 12, heightRows: CHART_ROWS },
    });
  }

  // 三、each unit's score and rank by round (the latest rounds).
  pageBreaks.push(rows.length);
  rows.push(["三、各单位综合得分及排名(括号内为排名)"]);
  styles.push({ range: `A${rows.length}`, style: { ...BODY, border: false, bold: true } });
  const from = Math.max(0, n - UNIT_ROUNDS);
  const shown = trend.rounds.slice(from).map((_, j) => from + j);
  rows.push(["序号", "单位", ...shown.map((i) => roundLabel(trend, i)), "得分较上期", "排名变化"]);
  const unitHead = rows.length;
  const lastUnitCol = columnLetter(2 + shown.length + 1);
  styles.push({ range: `A${unitHead}:${lastUnitCol}${unitHead}`, style: { ...HEAD, wrap: true } });
  rowHeights[unitHead - 1] = 34;
  const order = [...trend.units].sort((a, b) => (a.ranks[n - 1] ?? Infinity) - (b.ranks[n - 1] ?? Infinity));
  order.forEach((u, k) => {
    const d =
      n > 1 && u.scores[n - 1] !== null && u.scores[n - 2] !== null
        ? (u.scores[n - 1] as number) - (u.scores[n - 2] as number)
        : null;
    const move =
      n > 1 && u.ranks[n - 1] !== null && u.ranks[n - 2] !== null
        ? (u.ranks[n - 2] as number) - (u.ranks[n - 1] as number)
        : null;
    rows.push([
      k + 1,
      u.name,
      ...shown.map((i) => (u.scores[i] === null ? NO_DATA : `${two(u.scores[i])}(${u.ranks[i] ?? NO_DATA})`)),
      d === null ? NO_DATA : Math.abs(d) < 0.005 ? "持平" : `${d > 0 ? "+" : "−"}${two(Math.abs(d))}`,
      move === null ? NO_DATA : move > 0 ? `升${move}位` : move < 0 ? `降${-move}位` : "持平",
    ]);
    const r = rows.length;
    styles.push({ range: `A${r}:${lastUnitCol}${r}`, style: { ...BODY, hAlign: "center" } });
    const moveCell = `${lastUnitCol}${r}`;
    if (move !== null && move !== 0)
      styles.push({
        range: moveCell,
        style: { ...BODY, hAlign: "center", ...STATUS_STYLE[move > 0 ? "green" : "red"] },
      });
  });

  return {
    name: SHEET_TREND,
    state: "visible",
    rows,
    // Landscape A4 at no less than 85 % (10 pt text, nothing printed under 8.5 pt).
    columnWidths: [5, 18, 13, 9, 10, 8, 7, 10, 10, 8, 9, 7],
    rowHeights,
    styles,
    merges,
    charts,
    pageBreaks: pageBreaks.filter((r) => r > 0),
    print: { ...landscape(""), printTitleRows: undefined },
    tabColor: "2F5597",
  };
}

function yearAgoIndex(t: Trend, i: number): number | null {
  const p = t.rounds[i].period;
  const m = /^(\d{4})(.*)$/.exec(p);
  if (!m) return null;
  const ago = `${Number(m[1]) - 1}${m[2]}`;
  const k = t.rounds.findIndex((r) => r.period === ago);
  return k < 0 ? null : k;
}
