// What 汇总 wrote, compactly: city attainment, top and bottom units, missing and late units, rejected
// rows, links to the written sheets, and any problem of the target allocation sheet.
import * as React from "react";
import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Plan } from "../../core/plan/types";
import { percentText, statusLabel } from "../../core/report/format";
import { attachmentTitles } from "../../core/report/attachments/titles";
import type { Status } from "../../core/score/score";
import type { AggregateOutcome } from "../../host/types";
import { IssueList } from "../common/IssueList";
import { TrendCharts } from "./TrendCharts";
import type { SelectCell } from "../handlers";
import type { Messages } from "../messages";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  sub: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  // 24 × 24 px at least (WCAG 2.2 target size).
  target: { minHeight: "24px", minWidth: "24px" },
  links: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
});

const TOP = 3;

export interface RoundSummaryProps {
  outcome: AggregateOutcome;
  plan: Plan;
  messages: Messages;
  /** Null where no workbook is open beside the views (the offline page). */
  onSelect: SelectCell | null;
  /** The heading, focused when the result appears. */
  headingRef?: React.Ref<HTMLHeadingElement>;
}

export function RoundSummary({
  outcome,
  plan,
  messages: m,
  onSelect,
  headingRef,
}: RoundSummaryProps): React.JSX.Element {
  const s = useStyles();
  const headingId = React.useId();
  const { aggregate: a, score } = outcome.round;
  const names = new Map(plan.indicators.map((i) => [i.code, i.name]));
  // Compact: how many indicators are where they should be, and by name only those behind.
  const count = (st: Status | null) => score.city.filter((c) => c.status === st).length;
  const behind = score.city.filter((c) => c.status === "red" || c.status === "yellow");
  const ranked = score.units
    .filter((u) => u.score !== null && u.rank !== null)
    .sort((x, y) => x.rank! - y.rank!);
  const top = ranked.slice(0, TOP);
  const bottom = ranked.length > TOP ? ranked.slice(-Math.min(TOP, ranked.length - TOP)).reverse() : [];
  const missing = a.submissions.filter((x) => x.status === "missing").map((x) => x.name);
  const late = a.submissions.filter((x) => x.timing === "late").map((x) => x.name);
  const score1 = (v: number) => String(Math.round(v * 10) / 10);
  const names1 = (xs: string[]) => (xs.length ? xs.join("、") : m.noneListed);
  return (
    <section className={s.root} aria-labelledby={headingId} data-testid="round-summary">
      <h2 id={headingId} className={s.heading} ref={headingRef} tabIndex={-1}>
        {m.resultHeading}
      </h2>
      <h3 className={s.sub}>{attachmentTitles(plan).city}</h3>
      <Text size={200} block data-testid="city-counts">
        {m.statusCounts(count("green"), count("yellow"), count("red"), count(null))}
      </Text>
      {behind.length > 0 && (
        <ul className={s.list} data-testid="city">
          {behind.map((c) => (
            <li key={c.code}>
              {names.get(c.code) ?? c.code}：{percentText(c.completion)}（{statusLabel(c.status)}）
            </li>
          ))}
        </ul>
      )}
      {top.length > 0 && (
        <>
          <h3 className={s.sub}>{m.topUnits}</h3>
          <Text size={200} block data-testid="top">
            {top.map((u) => m.unitScore(u.name, score1(u.score!))).join("、")}
          </Text>
        </>
      )}
      {bottom.length > 0 && (
        <>
          <h3 className={s.sub}>{m.bottomUnits}</h3>
          <Text size={200} block data-testid="bottom">
            {bottom.map((u) => m.unitScore(u.name, score1(u.score!))).join("、")}
          </Text>
        </>
      )}
      <Text size={200} block data-testid="missing-units">
        {m.missingUnits}：{names1(missing)}
      </Text>
      <Text size={200} block data-testid="late-units">
        {m.lateUnits}：{names1(late)}
      </Text>
      <Text size={200} block data-testid="rejected-rows">
        {m.rejectedRows(a.rejectedRows.length)}
      </Text>
      <h3 className={s.sub}>{m.writtenSheets}</h3>
      <div className={s.links}>
        {!onSelect && outcome.sheets.join("、")}
        {onSelect &&
          outcome.sheets.map((sheet) => (
            <Link
              key={sheet}
              as="button"
              className={s.target}
              aria-label={m.goToSheet(sheet)}
              onClick={() => void onSelect(sheet, "A1")}
            >
              {sheet}
            </Link>
          ))}
      </div>
      {outcome.targetIssues.length > 0 && (
        <>
          <h3 className={s.sub}>{m.targetIssuesHeading(outcome.targetIssues.length)}</h3>
          <IssueList issues={outcome.targetIssues} messages={m} onSelect={onSelect} />
        </>
      )}
      <TrendCharts round={outcome.round} plan={plan} history={outcome.bulletin?.history} />
    </section>
  );
}
