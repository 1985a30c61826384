// Entry of the task pane: Office.onReady only wires the page; every Office call is in src/excel/actions.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { DEFAULT_PLAN } from "../core/plan/default-plan";
import { createActions, readPlanWorkbook } from "../excel/actions";
import type { Plan } from "../core/plan/types";
import { chinaToday, reportingQuarter } from "../core/china-date";
import { App, viewFromQuery } from "./App";
import { messagesFor } from "./messages";
import { browserFiles } from "../files/io";
import { HostFilesContext } from "./host-files";

/** The plan in force (the built-in one until the bureau loads a plan workbook) and its actions. */
function Root({ now }: { now: Date }): React.JSX.Element {
  const [plan, setPlan] = React.useState<Plan>(DEFAULT_PLAN);
  const actions = React.useMemo(() => createActions(plan), [plan]);
  return (
    <HostFilesContext.Provider value={browserFiles}>
      <App
      actions={actions}
      plan={plan}
      messages={messagesFor(Office.context?.displayLanguage)}
      initialView={viewFromQuery(window.location.search)}
      defaultPeriod={reportingQuarter(now)}
      today={chinaToday(now)}
      planFile={{ read: readPlanWorkbook, onPlan: setPlan }}
      />
    </HostFilesContext.Provider>
  );
}

Office.onReady(() => {
  const el = document.getElementById("root");
  if (!el) return;
  createRoot(el).render(<Root now={new Date()} />);
});
