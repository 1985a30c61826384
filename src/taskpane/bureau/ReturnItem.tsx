// One imported return in the list: include checkbox with the unit, status badge, counts, and on demand
// its file, reason, annotated copy and issues. Names wrap (never cut), so all of it is readable.
import * as React from "react";
import {
  Badge,
  Button,
  Checkbox,
  Text,
  makeStyles,
  tokens,
  type BadgeProps,
} from "@fluentui/react-components";
import type { ReturnResult } from "../../core/read/types";
import { IssueList } from "../common/IssueList";
import type { OnToggle, SelectCell, SheetName } from "../handlers";
import type { Messages } from "../messages";
import { Notices, type Notice } from "../common/Notices";
import type { ReturnState, ReturnStatus } from "./return-status";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  // A grid with a fixed badge column, so badges and buttons line up from row to row.
  head: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto auto auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    minWidth: 0,
    // Under 300 CSS px (a 450 px pane at 200 % zoom) the name column left beside the badge and two buttons
    // is narrower than the checkbox and one character, so the name ran under its badge: the name takes the
    // first line, badge and buttons the next.
    "@media (max-width: 299px)": { gridTemplateColumns: "auto auto minmax(0, 1fr)" },
  },
  check: { minWidth: 0, "@media (max-width: 299px)": { gridColumn: "1 / -1" } },
  badge: { justifySelf: "start", whiteSpace: "nowrap" },
  start: { alignSelf: "flex-start" },
  label: { overflowWrap: "anywhere" },
  small: { minWidth: "auto", flexShrink: 0, justifySelf: "start" },
  counts: { paddingLeft: "32px", color: tokens.colorNeutralForeground3 },
  details: {
    paddingLeft: "32px",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    overflowWrap: "anywhere",
  },
});

// A colour per state: a file that cannot be read (red) never looks like a return the bureau sent back.
const COLOR: Record<ReturnStatus, BadgeProps["color"]> = {
  accepted: "success",
  partial: "warning",
  rejected: "danger",
  outside: "danger",
  sentBack: "important",
  late: "severe",
  duplicate: "informative",
  excluded: "subtle",
};

/** States no tick can count: the box is shown empty and cannot be ticked. */
const UNCOUNTABLE: ReadonlySet<ReturnStatus> = new Set(["rejected", "outside"]);

export interface ReturnItemProps {
  result: ReturnResult;
  state: ReturnState;
  included: boolean;
  messages: Messages;
  busy: boolean;
  onInclude: OnToggle;
  onRemove(): void;
  onDownload(): void;
  /** Go-to for issues when the return's sheets are kept in the workbook. */
  onSelect: SelectCell | null;
  sheetIn?: SheetName;
  /** More of the details: the earlier return compared, the review (ReturnExtras). */
  extra?: React.ReactNode;
  /** What the last action on this return did (said here, beside it). */
  notice?: Notice | null;
}

export function ReturnItem(p: ReturnItemProps): React.JSX.Element {
  const s = useStyles();
  const m = p.messages;
  const r = p.result;
  const [open, setOpen] = React.useState(false);
  const detailsId = React.useId();
  const name = r.unitName ?? r.file;
  const issues = [...r.errors, ...r.warnings];
  const countable = !UNCOUNTABLE.has(p.state.status);
  // An annotated copy is a copy of the workbook: none for a file that is not one (or cannot be opened).
  const workbook = !r.errors.some((i) => i.sheet === null && /^file\./.test(i.code));
  return (
    <li className={s.item} data-testid="return-row">
      <div className={s.head}>
        <Checkbox
          className={s.check}
          checked={p.included && countable}
          disabled={!countable}
          onChange={(_, d) => p.onInclude(!!d.checked)}
          label={{ children: name, className: s.label }}
          aria-label={countable ? m.includeReturn(name) : `${m.cannotCount}：${name}`}
        />
        <Badge appearance="tint" className={s.badge} color={COLOR[p.state.status]} data-testid="status">
          {m.status[p.state.status]}
        </Badge>
        <Button
          size="small"
          appearance="subtle"
          className={s.small}
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={m.showIssues(name, open)}
          onClick={() => setOpen(!open)}
        >
          {open ? m.hideDetails : m.details}
        </Button>
        <Button
          size="small"
          appearance="subtle"
          className={s.small}
          aria-label={m.removeReturn(name)}
          onClick={p.onRemove}
        >
          {m.remove}
        </Button>
      </div>
      <Text size={200} className={s.counts} data-testid="counts">
        {m.returnCounts(r.rows.accepted, r.rows.rejected, r.errors.length, r.warnings.length)}
      </Text>
      <Notices notices={p.notice ? [p.notice] : []} label={m.notices} testId="row-notice" />
      {open && (
        <div id={detailsId} className={s.details}>
          <Text size={200}>
            {m.colFile}：{r.file}
            {r.period ? `；${m.colPeriod}：${r.period}` : ""}
          </Text>
          {p.state.reason && <Text size={200}>{p.state.reason}</Text>}
          {issues.length > 0 && workbook && (
            <Button
              size="small"
              className={s.start}
              disabled={p.busy}
              onClick={p.onDownload}
              aria-label={m.downloadAnnotated(name)}
            >
              {m.exportAnnotated}
            </Button>
          )}
          <IssueList issues={issues} messages={m} onSelect={p.onSelect} sheetIn={p.sheetIn} />
          {p.extra}
        </div>
      )}
    </li>
  );
}
