// The first-run card: the order of the steps for the view at hand and a link to the help page. Shown until
// the user closes it (remembered on this machine); 使用步骤 brings it back.
import * as React from "react";
import { Button, Card, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Messages } from "../messages";

const KEY = "srdi.firstRunClosed";

const useStyles = makeStyles({
  card: { padding: tokens.spacingVerticalS, gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  steps: { margin: 0, paddingLeft: "1.6em", fontSize: tokens.fontSizeBase300, overflowWrap: "anywhere" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  link: { minHeight: "24px", display: "inline-flex", alignItems: "center" },
});

function closedBefore(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === "1";
  } catch {
    return false;
  }
}

export function FirstRun({ view, messages: m }: { view: "clerk" | "bureau"; messages: Messages }) {
  const s = useStyles();
  const [open, setOpen] = React.useState(() => !closedBefore());
  const headingId = React.useId();
  const reopen = React.useRef<HTMLButtonElement>(null);
  const close = React.useRef<HTMLButtonElement>(null);
  const steps = view === "clerk" ? m.stepsClerk : m.stepsBureau;
  if (!open)
    return (
      <div className={s.row}>
        <Button
          ref={reopen}
          size="small"
          appearance="subtle"
          onClick={() => {
            setOpen(true);
            setTimeout(() => close.current?.focus(), 0);
          }}
        >
          {m.stepsShow}
        </Button>
        <Link className={s.link} href="help.html" target="_blank" rel="noopener">
          {m.helpLink}
        </Link>
      </div>
    );
  return (
    <Card className={s.card} aria-labelledby={headingId} data-testid="first-run">
      <h2 id={headingId} className={s.heading}>
        {view === "clerk" ? m.stepsClerkHeading : m.stepsBureauHeading}
      </h2>
      <ol className={s.steps}>
        {steps.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ol>
      <div className={s.row}>
        <Link className={s.link} href="help.html" target="_blank" rel="noopener">
          {m.helpLink}
        </Link>
        <Button
          ref={close}
          size="small"
          onClick={() => {
            setOpen(false);
            try {
              globalThis.localStorage?.setItem(KEY, "1");
            } catch {
              // Not remembered: the card shows again next time.
            }
            setTimeout(() => reopen.current?.focus(), 0);
          }}
        >
          {m.stepsClose}
        </Button>
      </div>
    </Card>
  );
}
