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
    gridTemplateColumns: "minmax(0, 1fr) 4.5em auto auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  check: { minWidth: 0 },
  badge: { justifySelf: "start", whiteSpace: "nowrap" },
  start: { alignSelf: "flex-start" },
  label: { overflowWrap: "anywhere" },
  small: { minWidth: "auto", flexShrink: 0 },
  counts: { paddingLeft: "32px", color: tokens.colorNeutralForeground3 },
  details: {
    paddingLeft: "32px",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    overflowWrap: "anywhere",
  },
});

const COLOR: Record<ReturnStatus, BadgeProps["color"]> = {
  accepted: "success",
  partial: "warning",
  rejected: "danger",
  late: "severe",
  duplicate: "informative",
  excluded: "subtle",
};

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
}

export function ReturnItem(p: ReturnItemProps): React.JSX.Element {
  const s = useStyles();
  const m = p.messages;
  const r = p.result;
  const [open, setOpen] = React.useState(false);
  const detailsId = React.useId();
  const name = r.unitName ?? r.file;
  const issues = [...r.errors, ...r.warnings];
  return (
    <li className={s.item} data-testid="return-row">
      <div className={s.head}>
        <Checkbox
          className={s.check}
          checked={p.included}
          onChange={(_, d) => p.onInclude(!!d.checked)}
          label={{ children: name, className: s.label }}
          aria-label={m.includeReturn(name)}
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
      {open && (
        <div id={detailsId} className={s.details}>
          <Text size={200}>
            {m.colFile}：{r.file}
            {r.period ? `；${m.colPeriod}：${r.period}` : ""}
          </Text>
          {p.state.reason && <Text size={200}>{p.state.reason}</Text>}
          {issues.length > 0 && (
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
