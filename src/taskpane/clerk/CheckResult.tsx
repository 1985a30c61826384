// The self-check's result: verdict, row counts, stale warning, export, and the issues to work through.
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CheckOutcome } from "../../host/types";
import { IssueList } from "../common/IssueList";
import type { SelectCell } from "../handlers";
import type { Messages } from "../messages";
import { HISTORY_TEXT as H } from "../history-messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  stale: { opacity: 0.6 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface CheckResultProps {
  check: CheckOutcome;
  stale: boolean;
  busy: boolean;
  messages: Messages;
  /** Null where no workbook is open beside the views (the offline page): cells are listed, not linked. */
  onSelect: SelectCell | null;
  onRecheck: () => void;
  onExport: () => void;
  /** The verdict, focused when a check is done. */
  verdictRef?: React.Ref<HTMLDivElement>;
}

export function CheckResult({
  check,
  stale,
  busy,
  messages: m,
  onSelect,
  onRecheck,
  onExport,
  verdictRef,
}: CheckResultProps) {
  const s = useStyles();
  const r = check.result;
  const issues = [...r.errors, ...r.warnings];
  // History and outlier warnings (issue 26): how many a 说明 still has to answer.
  const history = r.warnings.filter((w) => w.previous !== undefined);
  const unexplained = history.filter((w) => !w.explanation).length;
  return (
    <section className={s.root} data-testid="check-result" aria-label={m.selfCheck}>
      {stale && (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>{m.stale}</MessageBarBody>
        </MessageBar>
      )}
      <div ref={verdictRef} tabIndex={-1} data-testid="verdict">
        <MessageBar
          intent={r.errors.length ? "error" : r.warnings.length ? "warning" : "success"}
          layout="multiline"
        >
          <MessageBarBody>
            {issues.length ? m.checkSummary(r.errors.length, r.warnings.length, check.marked) : m.checkClean}
            {r.rejected ? ` ${m.checkRejected}` : ""}
          </MessageBarBody>
        </MessageBar>
      </div>
      <Text size={200} block>
        {m.rowsSummary(r.rows.read, r.rows.accepted, r.rows.rejected)}
        {r.previous ? ` ${H.comparedWith(r.previous.file, r.previous.period)}` : ""}
      </Text>
      {history.length > 0 && (
        <Text size={200} block data-testid="history-summary">
          {H.summary(unexplained, history.length - unexplained)}
        </Text>
      )}
      <div className={s.row}>
        {stale && (
          <Button appearance="primary" disabled={busy} onClick={onRecheck}>
            {m.recheck}
          </Button>
        )}
        {issues.length > 0 && (
          <Button disabled={busy} onClick={onExport}>
            {m.exportAnnotated}
          </Button>
        )}
      </div>
      <div className={stale ? s.stale : undefined}>
        <IssueList issues={issues} messages={m} onSelect={onSelect} />
      </div>
    </section>
  );
}
