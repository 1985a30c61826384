// Entry of the task pane: Office.onReady only wires the page; every Office call is in src/excel/actions.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { DEFAULT_PLAN } from "../core/plan/default-plan";
import { createActions, readPlanWorkbook } from "../excel/actions";
import type { Plan } from "../core/plan/types";
import { chinaToday, reportingQuarter } from "../core/china-date";
import { App, viewFromQuery } from "./App";
import { localPlanMemory } from "./common/plan-memory";
import { messagesFor } from "./messages";
import { startRoundWorker } from "./round-worker-start";
import { browserFiles } from "../files/io";
import { HostFilesContext } from "./host-files";

/** Reading returns and 汇总's computing run in a Web Worker, so the pane never freezes. */
const runner = startRoundWorker();

/**
 * The plan in force (the remembered plan workbook, else the built-in one, until the user loads another)
 * and its actions.
 */
function Root({ now, initial }: { now: Date; initial: Plan | null }): React.JSX.Element {
  const [plan, setPlan] = React.useState<Plan>(initial ?? DEFAULT_PLAN);
  const [fromMemory, setFromMemory] = React.useState(!!initial);
  const actions = React.useMemo(() => createActions(plan, undefined, runner), [plan]);
  return (
    <HostFilesContext.Provider value={browserFiles}>
      <App
        actions={actions}
        plan={plan}
        messages={messagesFor(Office.context?.displayLanguage)}
        initialView={viewFromQuery(window.location.search)}
        defaultPeriod={reportingQuarter(now)}
        today={chinaToday(now)}
        planFile={{
          read: readPlanWorkbook,
          onPlan: (p) => {
            setPlan(p);
            setFromMemory(true);
          },
          memory: localPlanMemory,
          fromMemory,
          onBuiltin: () => {
            setPlan(DEFAULT_PLAN);
            setFromMemory(false);
          },
        }}
      />
    </HostFilesContext.Provider>
  );
}

/** The plan workbook remembered on this machine, read again (a file no longer readable is forgotten). */
async function rememberedPlan(): Promise<Plan | null> {
  const file = localPlanMemory.get();
  if (!file) return null;
  try {
    const r = await readPlanWorkbook(file);
    if (r.plan) return r.plan;
  } catch {
    // Unreadable now: forgotten below.
  }
  localPlanMemory.clear();
  return null;
}

Office.onReady(async () => {
  const el = document.getElementById("root");
  if (!el) return;
  const initial = await rememberedPlan();
  createRoot(el).render(<Root now={new Date()} initial={initial} />);
});
