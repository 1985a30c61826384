// Issues to work through: errors apart from warnings; within each, one group per rule (the issue's code
// and field), in the order they first occur, and within a group the sheets and cells. A group is a
// disclosure (<details>): a long list shows its groups closed but the first, so the keyboard passes a
// few summaries, not hundreds of links; 跳过问题清单 jumps past the whole list. A filter narrows it to
// errors or warnings, or to issues whose sheet, cell or text contains what is typed. Each location is
// the link that selects its cell; the message follows as text (React escapes it: texts come from returns),
// in Chinese (identifiers named as the plan names them). A history or outlier warning (issue 26) shows
// last round's value beside its cell and whether the row's 说明 answers it; the filter narrows the list
// to the warnings still to explain (未说明) or those explained (已说明).
import * as React from "react";
import { Button, Input, Link, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue, Severity } from "../../core/issues";
import type { Say, SelectCell, SheetName } from "../handlers";
import type { Messages } from "../messages";
import { WordsContext, inChinese } from "./words";
import { HISTORY_TEXT as H } from "../history-messages";

/** Rendered per severity at most; the rest are counted (a hostile return may carry thousands). */
export const MAX_SHOWN = 200;
/** Up to this many issues every group is open; past it only the first. */
const ALL_OPEN = 30;

/** What the list needs of an issue (plan workbook problems have no field or scope). */
export type ListedIssue = Pick<
  Issue,
  "severity" | "sheet" | "cell" | "message" | "previous" | "explanation"
> & {
  code: string;
  field?: string | null;
};

/** A history or outlier warning (the core's isHistoryIssue): one the clerk may explain in 说明. */
const isHistory = (i: ListedIssue) => i.previous !== undefined;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  tools: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  filter: { flex: "1 1 9em", minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  group: { borderLeft: `2px solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalS },
  summary: {
    cursor: "pointer",
    minHeight: "24px",
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase300,
    paddingTop: "2px",
    paddingBottom: "2px",
  },
  sheet: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    marginTop: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
    minWidth: 0,
    flexWrap: "wrap",
  },
  cells: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: "2px" },
  // 24 × 24 px at least (WCAG 2.2 target size).
  where: { flexShrink: 0, fontSize: tokens.fontSizeBase200, minHeight: "24px", minWidth: "24px" },
  message: { minWidth: 0, overflowWrap: "anywhere", fontSize: tokens.fontSizeBase300 },
  previous: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  unexplained: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  explained: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteGreenForeground1,
    overflowWrap: "anywhere",
  },
  end: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

export type { SelectCell };

export interface IssueListProps {
  issues: ListedIssue[];
  messages: Messages;
  /** Selects a cell in the workbook; without it locations are plain text. */
  onSelect?: SelectCell | null;
  /** The sheet's name in this workbook (kept returns carry a unit prefix). */
  sheetIn?: SheetName;
}

interface RuleGroup {
  key: string;
  title: string;
  /** All messages of the group are the title: cells only. */
  same: boolean;
  sheets: { sheet: string | null; issues: ListedIssue[] }[];
  count: number;
}

const CELL = /^([A-Z]{1,3})([0-9]{1,7})$/;

function rowCol(cell: string | null): [number, number] {
  const m = cell ? CELL.exec(cell) : null;
  if (!m) return [-1, 0];
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/** Groups by rule (code and field), in order of first occurrence (whole-file issues first, then by sheet, row and column). */
export function groupIssues(issues: ListedIssue[], say: Say = (t) => t): RuleGroup[] {
  const sheetOrder = new Map<string | null, number>();
  for (const i of issues)
    if (!sheetOrder.has(i.sheet)) sheetOrder.set(i.sheet, i.sheet === null ? -1 : sheetOrder.size);
  const sorted = issues
    .map((i, k) => ({ i, k, rc: rowCol(i.cell) }))
    .sort(
      (a, b) =>
        sheetOrder.get(a.i.sheet)! - sheetOrder.get(b.i.sheet)! ||
        a.rc[0] - b.rc[0] ||
        a.rc[1] - b.rc[1] ||
        a.k - b.k,
    );
  const groups = new Map<string, RuleGroup>();
  for (const { i } of sorted) {
    const key = `${i.code}|${i.field ?? ""}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, title: say(i.message), same: true, sheets: [], count: 0 }));
    if (say(i.message) !== g.title) g.same = false;
    let s = g.sheets.find((x) => x.sheet === i.sheet);
    if (!s) g.sheets.push((s = { sheet: i.sheet, issues: [] }));
    s.issues.push(i);
    g.count++;
  }
  return [...groups.values()];
}

function Section({
  severity,
  issues,
  messages: m,
  onSelect,
  sheetIn,
}: IssueListProps & { severity: Severity }): React.JSX.Element | null {
  const s = useStyles();
  const id = React.useId();
  const words = React.useContext(WordsContext);
  const say = (t: string) => inChinese(t, words);
  if (!issues.length) return null;
  const shown = issues.slice(0, MAX_SHOWN);
  const groups = groupIssues(shown, say);
  const allOpen = shown.length <= ALL_OPEN;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={`${s.heading} ${severity === "error" ? s.error : s.warning}`}>
        {severity === "error" ? m.errorsHeading(issues.length) : m.warningsHeading(issues.length)}
      </h3>
      <ul className={s.list}>
        {groups.map((g, n) => (
          <li key={g.key} className={s.group}>
            <details open={allOpen || n === 0} data-testid="issue-group">
              <summary className={s.summary}>
                {g.same ? g.title : m.ruleGroup(g.title)}
                {g.count > 1 ? m.groupCount(g.count) : ""}
              </summary>
              {g.sheets.map((sh) => (
                <div key={sh.sheet ?? ""}>
                  <div className={s.sheet}>{sh.sheet ?? m.wholeFile}</div>
                  <ul className={g.same ? `${s.list} ${s.cells}` : s.list}>
                    {sh.issues.map((i, k) => (
                      <li key={k} className={s.item} data-testid="issue">
                        {i.sheet && i.cell && onSelect ? (
                          <Link
                            as="button"
                            className={s.where}
                            aria-label={m.goToCell(`${i.sheet}!${i.cell}`)}
                            onClick={() => void onSelect(sheetIn ? sheetIn(i.sheet!) : i.sheet!, i.cell!)}
                          >
                            {i.cell}
                          </Link>
                        ) : i.cell ? (
                          <span className={s.where}>{i.cell}</span>
                        ) : null}
                        {(!g.same || !i.cell) && <span className={s.message}>{say(i.message)}</span>}
                        {isHistory(i) && <HistoryNote issue={i} />}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </details>
          </li>
        ))}
      </ul>
      {issues.length > shown.length && (
        <Text size={200} block>
          {m.moreIssues(issues.length - shown.length)}
        </Text>
      )}
    </section>
  );
}

/** Beside a history or outlier warning: last round's value, and the 说明 that answers it or 未说明. */
function HistoryNote({ issue: i }: { issue: ListedIssue }): React.JSX.Element {
  const s = useStyles();
  return (
    <>
      {i.previous !== null && i.previous !== undefined && (
        <span className={s.previous} data-testid="issue-previous">
          {H.previous(i.previous)}
        </span>
      )}
      {i.explanation ? (
        <span className={s.explained} data-testid="issue-explained">
          {H.explained(i.explanation)}
        </span>
      ) : (
        <span className={s.unexplained} data-testid="issue-unexplained">
          {H.unexplained}
        </span>
      )}
    </>
  );
}

type Show = "all" | "error" | "warning" | "unexplained" | "explained";

const SHOWN: Record<Show, typeof isHistory> = {
  all: () => true,
  error: (i) => i.severity === "error",
  warning: (i) => i.severity !== "error",
  unexplained: (i) => isHistory(i) && !i.explanation,
  explained: (i) => isHistory(i) && !!i.explanation,
};

export function IssueList(props: IssueListProps): React.JSX.Element {
  const s = useStyles();
  const m = props.messages;
  const [show, setShow] = React.useState<Show>("all");
  const [text, setText] = React.useState("");
  const end = React.useRef<HTMLSpanElement>(null);
  const words = React.useContext(WordsContext);
  const q = text.trim().slice(0, 100);
  const match = (i: ListedIssue) =>
    !q ||
    (i.sheet ?? "").includes(q) ||
    (i.cell ?? "") === q.toUpperCase() ||
    inChinese(i.message, words).includes(q);
  const history = props.issues.some(isHistory);
  // A later check without such warnings: the 说明 filters are gone, so is their choice.
  const showing: Show = history || show === "all" || show === "error" || show === "warning" ? show : "all";
  const shown = (i: ListedIssue) => SHOWN[showing](i) && match(i);
  const errors = props.issues.filter((i) => i.severity === "error" && shown(i));
  const warnings = props.issues.filter((i) => i.severity !== "error" && shown(i));
  // Tools only where there is something to narrow: a handful of issues is read at a glance, unless some
  // are warnings to explain (the 未说明 filter is how a clerk works through them).
  const tools = props.issues.length > 5 || history;
  return (
    <div className={s.root} role="group" aria-label={m.issuesLabel} data-testid="issue-list">
      {tools && (
        <div className={s.tools}>
          <Button size="small" appearance="subtle" onClick={() => end.current?.focus()}>
            {m.skipIssues}
          </Button>
          <Select
            size="small"
            aria-label={m.issueShow}
            value={showing}
            onChange={(_, d) => setShow(d.value as Show)}
          >
            <option value="all">{m.issueShowAll}</option>
            <option value="error">{m.issueShowErrors}</option>
            <option value="warning">{m.issueShowWarnings}</option>
            {history && <option value="unexplained">{H.showUnexplained}</option>}
            {history && <option value="explained">{H.showExplained}</option>}
          </Select>
          <Input
            size="small"
            className={s.filter}
            aria-label={m.issueFilter}
            placeholder={m.issueFilterHint}
            value={text}
            onChange={(_, d) => setText(d.value)}
          />
        </div>
      )}
      <Section {...props} severity="error" issues={errors} />
      <Section {...props} severity="warning" issues={warnings} />
      {tools && !errors.length && !warnings.length && <Text size={200}>{m.issueNoneMatch}</Text>}
      <span ref={end} tabIndex={-1} className={s.end}>
        {m.issuesEnd}
      </span>
    </div>
  );
}
