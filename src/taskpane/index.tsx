// Entry of the task pane: Office.onReady only wires the page; every Office call is in src/excel/actions.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { DEFAULT_PLAN } from "../core/plan/default-plan";
import { createActions } from "../excel/actions";
import { chinaToday, reportingQuarter } from "../core/china-date";
import { App, viewFromQuery } from "./App";
import { messagesFor } from "./messages";

Office.onReady(() => {
  const now = new Date();
  const el = document.getElementById("root");
  if (!el) return;
  createRoot(el).render(
    <App
      actions={createActions(DEFAULT_PLAN)}
      plan={DEFAULT_PLAN}
      messages={messagesFor(Office.context?.displayLanguage)}
      initialView={viewFromQuery(window.location.search)}
      defaultPeriod={reportingQuarter(now)}
      today={chinaToday(now)}
    />,
  );
});
