// The pane: two views (填报 / 汇总) as tabs with their panels, opened on the one the ribbon button asked
// for (?view=).
import * as React from "react";
import {
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { Plan } from "../core/plan/types";
import type { PaneActions } from "../host/types";
import { useHostFiles } from "./host-files";
import { ClerkView } from "./ClerkView";
import { PlanPicker } from "./bureau/PlanPicker";
import { FirstRun } from "./common/FirstRun";
import { WordsContext, planWords } from "./common/words";
import type { PlanMemory } from "../host/types";
import type { OnPlan, ReadPlanFile } from "./handlers";
import type { Messages } from "./messages";

const useStyles = makeStyles({
  root: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    boxSizing: "border-box",
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/**
 * 汇总 (the bureau's view, with the round, the bulletin and their core) is its own chunk, loaded when its tab
 * is first shown: a clerk's first screen does not wait for it (the initial script's budget, bench/run.js).
 */
const BureauView = React.lazy(() =>
  import(/* webpackChunkName: "bureau-view" */ "./BureauView").then((m) => ({ default: m.BureauView })),
);

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
  /** Lets the user load a plan workbook (规划配置.xlsx), in either view, remembered in `memory`. */
  planFile?: {
    read: ReadPlanFile;
    onPlan: OnPlan;
    memory?: PlanMemory;
    fromMemory?: boolean;
    onBuiltin?: () => void;
  };
}

export function App({
  actions,
  plan,
  messages,
  initialView,
  defaultPeriod,
  today,
  planFile,
}: AppProps): React.JSX.Element {
  const s = useStyles();
  const words = React.useMemo(() => planWords(plan), [plan]);
  const files = useHostFiles();
  const [tab, setTab] = React.useState<"clerk" | "bureau">(initialView === "bureau" ? "bureau" : "clerk");
  // Once shown, 汇总 stays mounted (hidden when not selected), so switching tabs loses nothing.
  const [bureauShown, setBureauShown] = React.useState(tab === "bureau");
  React.useEffect(() => {
    if (tab === "bureau") setBureauShown(true);
  }, [tab]);
  return (
    <FluentProvider theme={webLightTheme}>
      <WordsContext.Provider value={words}>
        <main className={s.root}>
          <h1 className={s.title}>{messages.title}</h1>
          <FirstRun view={tab} messages={messages} />
          {planFile && (
            <PlanPicker
              plan={plan}
              messages={messages}
              disabled={false}
              read={planFile.read}
              toFile={(f) => files.read(f)}
              onPlan={planFile.onPlan}
              memory={planFile.memory}
              fromMemory={planFile.fromMemory}
              onBuiltin={planFile.onBuiltin}
            />
          )}
          <TabList
            selectedValue={tab}
            aria-label={messages.tabsLabel}
            onTabSelect={(_, d) => setTab(d.value as "clerk" | "bureau")}
          >
            <Tab id="tab-clerk" value="clerk" aria-controls="panel-clerk">
              {messages.tabClerk}
            </Tab>
            <Tab id="tab-bureau" value="bureau" aria-controls="panel-bureau">
              {messages.tabBureau}
            </Tab>
          </TabList>
          {/* Panels stay mounted once shown (hidden when not selected), so switching tabs loses nothing. */}
          <div role="tabpanel" id="panel-clerk" aria-labelledby="tab-clerk" hidden={tab !== "clerk"}>
            <ClerkView
              actions={actions}
              plan={plan}
              messages={messages}
              defaultPeriod={defaultPeriod}
              checkOnOpen={initialView === "check"}
            />
          </div>
          <div role="tabpanel" id="panel-bureau" aria-labelledby="tab-bureau" hidden={tab !== "bureau"}>
            {(bureauShown || tab === "bureau") && (
              <React.Suspense fallback={<Spinner size="small" label={messages.loadingView} />}>
                <BureauView
                  actions={actions}
                  plan={plan}
                  messages={messages}
                  defaultPeriod={defaultPeriod}
                  today={today}
                />
              </React.Suspense>
            )}
          </div>
        </main>
      </WordsContext.Provider>
    </FluentProvider>
  );
}
