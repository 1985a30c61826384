// Feedback shown where the action was taken: each group of buttons has its own live region right below
// it (always in the page, so a screen reader announces each new notice: a region that appears together
// with its text is often not read). Line breaks in a notice are kept.
import * as React from "react";
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";

export type Notice = { intent: "success" | "warning" | "error" | "info"; text: string };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  // Empty: kept in the accessibility tree, out of the layout (no gap of its own between the fields).
  empty: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  text: { overflowWrap: "anywhere", whiteSpace: "pre-line" },
});

export function Notices({
  notices,
  label,
  testId = "notices",
}: {
  notices: Notice[];
  label: string;
  testId?: string;
}): React.JSX.Element {
  const s = useStyles();
  return (
    <div
      className={notices.length ? s.root : s.empty}
      role="status"
      aria-live="polite"
      aria-label={label}
      data-testid={testId}
    >
      {notices.map((n, i) => (
        <MessageBar key={`${i}-${n.text}`} intent={n.intent} layout="multiline">
          <MessageBarBody className={s.text}>{n.text}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
