// Entry of the task pane: Office.onReady only wires the page; every Office call is in src/excel. What the
// first screen does not need (the actions and the core behind them, 汇总's view) loads on first use, so
// this script stays under its budget (bench/run.js: 250 KB gzip).
import * as React from "react";
import { createRoot } from "react-dom/client";
import { DEFAULT_PLAN } from "../core/plan/default-plan";
import { lazyActions } from "../excel/lazy-actions";
import { workbookPlanMemory } from "../excel/plan-setting";
import type { Plan } from "../core/plan/types";
import type { ReturnBytes } from "../core/read/read-bytes";
import { chinaToday, reportingQuarter } from "../core/china-date";
import { localPlanMemory } from "../host/plan-memory";
import { App, viewFromQuery } from "./App";
import { messagesFor } from "./messages";
import { startRoundWorker } from "./round-worker-start";
import { browserFiles } from "../files/io";
import { HostFilesContext } from "./host-files";

/** Reading returns and plan workbooks and 汇总's computing run in a Web Worker, so the pane never freezes. */
const runner = startRoundWorker();

/** The loaded plan workbook, kept in the workbook's settings (it travels with the file), else on this machine. */
const planMemory = workbookPlanMemory(localPlanMemory);

/** A plan workbook read off the UI thread (in the worker), or here where the host refuses workers. */
async function readPlan(file: ReturnBytes) {
  if (runner) {
    try {
      return await runner.plan(file);
    } catch {
      // The worker died (or was refused after it started): read here rather than fail the pick.
    }
  }
  const { readPlanWorkbook } = await import(/* webpackChunkName: "excel-actions" */ "../excel/actions");
  return readPlanWorkbook(file);
}

/**
 * The plan in force (the remembered plan workbook, else the built-in one, until the user loads another)
 * and its actions.
 */
function Root({ now, initial }: { now: Date; initial: Plan | null }): React.JSX.Element {
  const [plan, setPlan] = React.useState<Plan>(initial ?? DEFAULT_PLAN);
  const [fromMemory, setFromMemory] = React.useState(!!initial);
  const actions = React.useMemo(() => lazyActions(plan, runner), [plan]);
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
          read: readPlan,
          onPlan: (p) => {
            setPlan(p);
            setFromMemory(true);
          },
          memory: planMemory,
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

/**
 * The plan workbook remembered in this workbook (else on this machine), read again by the guarded reader;
 * a file no longer readable is forgotten.
 */
async function rememberedPlan(): Promise<Plan | null> {
  const file = await planMemory.get();
  if (!file) return null;
  try {
    const r = await readPlan(file);
    if (r.plan) return r.plan;
  } catch {
    // Unreadable now: forgotten below.
  }
  await planMemory.clear();
  return null;
}

Office.onReady(async () => {
  const el = document.getElementById("root");
  if (!el) return;
  const initial = await rememberedPlan();
  createRoot(el).render(<Root now={new Date()} initial={initial} />);
});
