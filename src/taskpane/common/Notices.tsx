// The pane's notices in one live region that is always in the page, so a screen reader announces each
// new notice (a region that appears together with its text is often not read).
import * as React from "react";
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";

export type Notice = { intent: "success" | "warning" | "error" | "info"; text: string };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { overflowWrap: "anywhere" },
});

export function Notices({ notices, label }: { notices: Notice[]; label: string }): React.JSX.Element {
  const s = useStyles();
  return (
    <div className={s.root} role="status" aria-live="polite" aria-label={label} data-testid="notices">
      {notices.map((n, i) => (
        <MessageBar key={`${i}-${n.text}`} intent={n.intent}>
          <MessageBarBody className={s.text}>{n.text}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
