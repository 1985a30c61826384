// The pane: two views (填报 / 汇总), opened on the one the ribbon button asked for (?view=).
import * as React from "react";
import { FluentProvider, Tab, TabList, makeStyles, webLightTheme } from "@fluentui/react-components";
import type { Plan } from "../core/plan/types";
import type { PaneActions } from "../excel/actions";
import { BureauView } from "./BureauView";
import { ClerkView } from "./ClerkView";
import type { Messages } from "./messages";

const useStyles = makeStyles({
  root: { padding: "8px 12px 24px", display: "flex", flexDirection: "column", gap: "12px" },
});

export type View = "clerk" | "check" | "bureau";

export function viewFromQuery(search: string): View {
  const v = new URLSearchParams(search).get("view");
  return v === "bureau" || v === "check" ? v : "clerk";
}

export interface AppProps {
  actions: PaneActions;
  plan: Plan;
  messages: Messages;
  initialView: View;
  defaultPeriod: string;
  today: string;
}

export function App({ actions, plan, messages, initialView, defaultPeriod, today }: AppProps): React.JSX.Element {
  const s = useStyles();
  const [tab, setTab] = React.useState<"clerk" | "bureau">(initialView === "bureau" ? "bureau" : "clerk");
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={s.root}>
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as "clerk" | "bureau")}>
          <Tab value="clerk">{messages.tabClerk}</Tab>
          <Tab value="bureau">{messages.tabBureau}</Tab>
        </TabList>
        {tab === "clerk" ? (
          <ClerkView
            actions={actions}
            plan={plan}
            messages={messages}
            defaultPeriod={defaultPeriod}
            checkOnOpen={initialView === "check"}
          />
        ) : (
          <BureauView actions={actions} messages={messages} defaultPeriod={defaultPeriod} today={today} />
        )}
      </main>
    </FluentProvider>
  );
}
