// The offline page (专精特新报表工具.html): the pane's views over the browser-files host (src/files), one
// self-contained file opened from disk. No Office.js, no request: every byte read is a file the user picks,
// every result a download. States its version and the plan it carries, and loads another plan workbook.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Text, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_PLAN } from "../core/plan/default-plan";
import type { Plan } from "../core/plan/types";
import { chinaToday, reportingQuarter } from "../core/china-date";
import { FILES_SUPPORT, readPlanFile, type FileActions } from "../files/actions";
import { browserFiles } from "../files/io";
import { App } from "../taskpane/App";
import { HostFilesContext } from "../taskpane/host-files";
import { MESSAGES } from "../taskpane/messages";
import { PAGE_TEXT as P } from "../taskpane/page-messages";
import { base64Bytes, embeddedPlan } from "./embedded-plan";
import { localFileActions } from "./local-actions";
import { remoteFileActions, startPageWorker } from "./remote-actions";

declare const __SRDI_VERSION__: string;
const VERSION = typeof __SRDI_VERSION__ === "string" ? __SRDI_VERSION__ : "dev";

/** The page's worker (reading returns, 汇总, downloads made there), or null where it cannot start. */
const worker = startPageWorker(window.__srdiSource);

/** The file actions for a plan: in the worker once it answers, on the page where it does not. */
function pageActions(plan: Plan): FileActions {
  const impl = worker.then((w) => (w ? remoteFileActions(w, plan) : localFileActions(plan)));
  const out: Record<string, unknown> = {};
  const keys = Object.keys(localFileActions(plan)) as (keyof FileActions)[];
  for (const k of keys)
    out[k] =
      k === "support"
        ? () => ({ ...FILES_SUPPORT })
        : (...args: unknown[]) =>
            impl.then((a) => Reflect.apply(a[k] as never, a, args) as Promise<unknown>);
  return out as unknown as FileActions;
}

const useStyles = makeStyles({
  header: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    overflowWrap: "anywhere",
  },
});

function Root({ now, initial, carried }: { now: Date; initial: Plan; carried: string | null }) {
  const s = useStyles();
  const [plan, setPlan] = React.useState<Plan>(initial);
  const actions = React.useMemo(() => pageActions(plan), [plan]);
  const [noWorker, setNoWorker] = React.useState(false);
  React.useEffect(() => {
    void worker.then((w) => setNoWorker(!w));
  }, []);
  return (
    <HostFilesContext.Provider value={browserFiles}>
      <FluentProvider theme={webLightTheme}>
        <header className={s.header} data-testid="page-header">
          <Text size={200}>{P.version(VERSION)}</Text>
          <Text size={200} data-testid="page-plan">
            {P.planCarried(plan.title, plan.start, plan.end, carried)}
          </Text>
          <Text size={200}>{P.offline}</Text>
          {noWorker && (
            <Text size={200} role="status" data-testid="no-worker">
              {P.noWorker}
            </Text>
          )}
        </header>
      </FluentProvider>
      <App
        actions={actions}
        plan={plan}
        messages={MESSAGES}
        initialView="clerk"
        defaultPeriod={reportingQuarter(now)}
        today={chinaToday(now)}
        planFile={{ read: readPlanFile, onPlan: setPlan }}
      />
    </HostFilesContext.Provider>
  );
}

async function start() {
  const el = document.getElementById("root");
  if (!el) return;
  const carried = embeddedPlan(document);
  let plan = DEFAULT_PLAN;
  let name: string | null = null;
  if (carried) {
    const r = await readPlanFile({ name: carried.name, bytes: base64Bytes(carried.base64), modified: null });
    if (r.plan) {
      plan = r.plan;
      name = carried.name;
    }
  }
  createRoot(el).render(<Root now={new Date()} initial={plan} carried={name} />);
}

void start();
