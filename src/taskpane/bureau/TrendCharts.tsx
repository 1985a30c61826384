// 汇总's trend per indicator, when the previous bulletin carried earlier rounds: a small line chart (this
// value by round, solid; the expected value at each round, dashed) that fits a 320 px pane, named for
// screen readers, with the figures behind it in a table a click away (a <details>, open by keyboard).
// The chart's layout is the core's (src/core/report/chart.ts), the same the .docx draws.
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Plan } from "../../core/plan/types";
import { CHART_COLORS, lineChart, periodTick, type ChartPicture } from "../../core/report/chart";
import { NO_DATA, statusLabel, valueText } from "../../core/report/format";
import type { History } from "../../core/report/history";
import type { RoundResult } from "../../core/report/round-result";
import { buildTrend, type IndicatorTrend, type Trend } from "../../core/report/trend";
import { TREND_WORDS as W } from "./trend-words";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sub: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  caption: { fontSize: tokens.fontSizeBase200 },
  svg: { width: "100%", maxWidth: "288px", height: "auto", display: "block" },
  // 24 px high at least (WCAG 2.2 target size).
  summary: { minHeight: "24px", cursor: "pointer", fontSize: tokens.fontSizeBase200 },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      border: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: `0 ${tokens.spacingHorizontalXS}`,
      textAlign: "right",
    },
    "& th[scope=row]": { textAlign: "left", fontWeight: tokens.fontWeightRegular },
  },
  key: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** The chart's size in CSS px: inside a 320 px pane less its padding and borders. */
const WIDTH = 288;
const HEIGHT = 104;

/** Shares are drawn as percentages (the y labels say 40%, not 0.4). */
const scaleOf = (t: IndicatorTrend) => (t.indicator.unit === "%" ? 100 : 1);

function pictureOf(t: IndicatorTrend, trend: Trend): ChartPicture {
  const k = scaleOf(t);
  const scaled = (xs: (number | null | undefined)[]) =>
    xs.map((v) => (v === null || v === undefined ? null : v * k));
  return lineChart({
    width: WIDTH,
    height: HEIGHT,
    categories: trend.rounds.map((r) => periodTick(r.period)),
    series: [
      { values: scaled(t.points.map((p) => p?.expected)), color: CHART_COLORS.grey, dash: true },
      { values: scaled(t.points.map((p) => p?.value)), color: CHART_COLORS.blue },
    ],
    text: 11,
    line: 2,
    tickSuffix: k === 100 ? "%" : "",
  });
}

/** The picture's shapes as SVG elements (no markup strings: React escapes the labels). */
function Picture({ p, label }: { p: ChartPicture; label: string }): React.JSX.Element {
  const s = useStyles();
  return (
    <svg
      className={s.svg}
      viewBox={`0 0 ${p.width} ${p.height}`}
      role="img"
      aria-label={label}
      focusable="false"
    >
      {p.shapes.map((x, i) => {
        switch (x.kind) {
          case "rect":
            return <rect key={i} x={x.x} y={x.y} width={x.w} height={x.h} fill={x.fill} />;
          case "dot":
            return <circle key={i} cx={x.x} cy={x.y} r={x.r} fill={x.fill} />;
          case "line":
            return (
              <polyline
                key={i}
                fill="none"
                stroke={x.color}
                strokeWidth={x.width}
                strokeDasharray={x.dash?.join(" ")}
                points={x.points.map(([a, b]) => `${a},${b}`).join(" ")}
              />
            );
          case "text":
            return (
              <text key={i} x={x.x} y={x.y} fontSize={x.size} textAnchor={x.anchor} fill={x.fill}>
                {x.text}
              </text>
            );
        }
      })}
    </svg>
  );
}

function IndicatorChart({ t, trend }: { t: IndicatorTrend; trend: Trend }): React.JSX.Element {
  const s = useStyles();
  const captionId = React.useId();
  const ind = t.indicator;
  const known = t.points.filter((p) => p && p.value !== null);
  const first = known[0]?.value ?? null;
  const last = t.points[t.points.length - 1];
  const label = W.chartLabel(
    ind.name,
    trend.rounds.length,
    valueText(ind, first),
    valueText(ind, last?.value ?? null),
    valueText(ind, last?.expected ?? null),
  );
  return (
    <figure className={s.figure} aria-labelledby={captionId} data-testid="trend-chart">
      <figcaption id={captionId} className={s.caption}>
        {ind.name}
      </figcaption>
      <Picture p={pictureOf(t, trend)} label={label} />
      <details>
        <summary className={s.summary}>{W.showTable(ind.name)}</summary>
        <table className={s.table} data-testid="trend-table">
          <caption className={s.key}>{W.tableCaption(ind.name)}</caption>
          <thead>
            <tr>
              <th scope="col">{W.round}</th>
              <th scope="col">{W.value}</th>
              <th scope="col">{W.expected}</th>
              <th scope="col">{W.status}</th>
            </tr>
          </thead>
          <tbody>
            {t.points.map((p, i) => (
              <tr key={trend.rounds[i].period}>
                <th scope="row">
                  {trend.rounds[i].label}
                  {trend.rounds[i].otherPlan ? "*" : ""}
                </th>
                <td>{valueText(ind, p?.value ?? null)}</td>
                <td>{valueText(ind, p?.expected ?? null)}</td>
                <td>{p ? statusLabel(p.status) : NO_DATA}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export interface TrendChartsProps {
  round: RoundResult;
  plan: Plan;
  history: History | null | undefined;
}

/** Nothing without earlier rounds: one round is not a trend. */
export function TrendCharts({ round, plan, history }: TrendChartsProps): React.JSX.Element | null {
  const s = useStyles();
  const headingId = React.useId();
  const trend = React.useMemo(
    () => (history?.rounds.length ? buildTrend(round, plan, history) : null),
    [round, plan, history],
  );
  if (!trend) return null;
  const shown = trend.indicators.filter((t) => t.points.some((p) => p && p.value !== null));
  return (
    <section className={s.root} aria-labelledby={headingId} data-testid="trends">
      <h3 id={headingId} className={s.sub}>
        {W.heading(trend.rounds.length)}
      </h3>
      <span className={s.key}>{W.key}</span>
      {shown.map((t) => (
        <IndicatorChart key={t.indicator.code} t={t} trend={trend} />
      ))}
    </section>
  );
}
