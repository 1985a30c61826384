// The bulletin as a document (the .docx a bureau issues): the drafted 公文 text and the 附件 tables
// that fit a portrait A4 page, every figure already written as the paper shows it. The adapter
// (src/docx) only lays it out; the workbook stays the data behind it.
import type { Plan } from "../plan/types";
import { NO_DATA, percentText, statusLabel, valueText } from "./format";
import type { Comparison } from "./previous";
import { buildTrend, type Trend } from "./trend";
import { CHART_COLORS, lineChart, periodTick, type ChartPicture } from "./chart";
import { shortLabel } from "./attachments/trend";
import type { RoundResult } from "./round-result";
import { deltaCell } from "./attachments/frame";
import { roundTargetYear, targetLabel, targetYearOf } from "./completion";
import { attachmentTitles } from "./attachments/titles";
import { draftBulletinText, type BulletinOptions, type BulletinText } from "./text";

export interface DocumentTable {
  /** 附件 number as listed in the text. */
  number: number;
  /** The line above the title instead of 附件N (a table that is not a listed 附件). */
  label?: string;
  title: string;
  header: string[];
  rows: string[][];
  /** Relative column widths. */
  widths: number[];
  note?: string;
  /** A chart drawn above the table, from the same figures (the table is the chart's data). */
  chart?: DocumentChart;
}

export interface DocumentChart {
  picture: ChartPicture;
  /** The line under the chart: what is drawn, the legend in words. */
  caption: string;
  /** The image's description for screen readers (alt text). */
  alt: string;
}

export interface BulletinDocument {
  text: BulletinText;
  tables: DocumentTable[];
}

const two = (x: number | null) => (x === null ? NO_DATA : (Math.round(x * 100) / 100).toFixed(2));

export function bulletinDocument(result: RoundResult, plan: Plan, opts: BulletinOptions): BulletinDocument {
  const text = draftBulletinText(result, plan, opts);
  const cmp: Comparison | null = opts.comparison ?? null;
  const label = result.aggregate.periodLabel;
  const titles = attachmentTitles(plan);
  const city: DocumentTable = {
    number: 1,
    title: `${titles.city}（${label}）`,
    header: [
      "序号",
      "指标",
      `${roundTargetYear(result.score, plan)}年目标`,
      "当前值",
      "完成率",
      "状态",
      ...(cmp ? ["较上期"] : []),
    ],
    widths: [6, 40, 14, 14, 11, 9, ...(cmp ? [14] : [])],
    rows: plan.indicators.map((ind, i) => {
      const s = result.score.city[i];
      const d = cmp ? deltaCell(ind, cmp.city[ind.code]) : null;
      return [
        String(i + 1),
        ind.name +
          (s.shownAs === "increase" ? "(较基期新增)" : "") +
          (targetYearOf(s, plan) === roundTargetYear(result.score, plan) ? "" : `(${targetLabel(s, plan)})`),
        valueText(ind, s.target),
        valueText(ind, s.actual),
        percentText(s.reached ?? null),
        statusLabel(s.status),
        ...(cmp ? [typeof d === "string" ? d : String(d)] : []),
      ].map((x) => x.replace(/(\d)\.0(?=[家个件项])/, "$1"));
    }),
    note: `完成率 = 当前值÷目标；序时进度${percentText(result.score.timeProgress)}；状态按当前值与序时进度应达值比较，—表示无数据。`,
  };
  const units = [...result.score.units].sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity));
  const scores: DocumentTable = {
    number: 2,
    title: `${titles.scores}（${label}）`,
    header: ["排名", "单位", "指标得分", "加分", "扣分", "综合得分", "等次", ...(cmp ? ["排名变化"] : [])],
    widths: [7, 30, 11, 9, 9, 11, 8, ...(cmp ? [12] : [])],
    rows: units.map((u) => {
      const m = cmp?.units[u.code]?.rankMove;
      return [
        u.rank === null ? NO_DATA : String(u.rank),
        u.name,
        two(u.indicatorPart),
        two(u.bonus),
        two(u.deductions.total),
        two(u.score),
        u.band ?? NO_DATA,
        ...(cmp
          ? [m === null || m === undefined ? NO_DATA : m > 0 ? `升${m}位` : m < 0 ? `降${-m}位` : "持平"]
          : []),
      ];
    }),
    note: "扣分含逾期、缺报和数据退回扣分，明细见工作簿附件2；分指标完成情况、报送情况、数据问题和企业名单见工作簿附件3至附件6。",
  };
  const trend = opts.history?.rounds.length ? paceTable(buildTrend(result, plan, opts.history)) : null;
  return { text, tables: [city, scores, ...(trend ? [trend] : [])] };
}

/** The count of indicators on and off pace by round (the 趋势 sheet's first table), for the paper. */
export function paceTable(t: Trend): DocumentTable {
  return {
    number: 0,
    label: "参考",
    title: `各期达到和低于序时进度的指标数（${t.rounds.length}期）`,
    header: ["报告期", "达到序时进度", "低于序时进度", "其中明显滞后", "无数据或无目标", "达到占比"],
    widths: [22, 14, 14, 14, 14, 12],
    rows: t.pace.map((p, i) => [
      shortLabel(t.rounds[i].label) + (t.rounds[i].otherPlan ? "*" : ""),
      ...(p.known
        ? [
            String(p.on),
            String(p.behind),
            String(p.red),
            String(p.none),
            percentText(p.total > 0 ? p.on / p.total : null),
          ]
        : [NO_DATA, NO_DATA, NO_DATA, NO_DATA, NO_DATA]),
    ]),
    note:
      "据本期及往期工作通报整理；各期状态按该期序时进度应达值判断，分指标分期情况见工作簿趋势工作表。" +
      (t.rounds.some((r) => r.otherPlan) ? "标*的报告期属于另一规划，按该规划的目标。" : ""),
    chart: paceChart(t),
  };
}

/** The pace counts by round as a line chart for A4 (156 mm wide): on pace solid blue, behind dashed
 * vermilion; x labels are period ids ("25Q3"), the words are in the caption. */
export function paceChart(t: Trend): DocumentChart {
  const known = (f: (p: Trend["pace"][number]) => number) => t.pace.map((p) => (p.known ? f(p) : null));
  const on = known((p) => p.on);
  const behind = known((p) => p.behind);
  const first = shortLabel(t.rounds[0].label);
  const last = shortLabel(t.rounds[t.rounds.length - 1].label);
  const says = (xs: (number | null)[]) => xs.map((x) => (x === null ? NO_DATA : String(x))).join("、");
  return {
    picture: lineChart({
      width: 960,
      height: 420,
      categories: t.rounds.map((r) => periodTick(r.period)),
      series: [
        { values: on, color: CHART_COLORS.blue },
        { values: behind, color: CHART_COLORS.vermilion, dash: true },
      ],
      text: 21,
      line: 4,
    }),
    caption: `图\u3000${first}至${last}各期达到序时进度(蓝色实线)和低于序时进度(橙色虚线)的指标数(项)，横轴为报告期(如25Q3即2025年第三季度)，数据见下表`,
    alt: `折线图：${first}至${last}各期达到序时进度的指标数依次为${says(on)}项，低于序时进度的依次为${says(behind)}项。`,
  };
}
