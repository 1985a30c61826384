// The pane's actions as the first screen gets them: every operation loads src/excel/actions (and the
// core it pulls in: templates, reading returns, targets, roster, the round) on first use, in its own chunk,
// so the pane's initial script stays under its size budget (bench/run.js, 250 KB gzip). Only support(),
// asked while rendering, is answered at once.
import type { Plan } from "../core/plan/types";
import type { PaneActions } from "../host/types";
import type { RoundRunner } from "../worker/protocol";
import { detectSupport } from "./support";

/** Every asynchronous operation of PaneActions an Excel host implements (support() is synchronous). */
const LATER = [
  "insertTemplate",
  "downloadTemplate",
  "selfCheck",
  "selectCell",
  "clearHighlights",
  "readReturnFile",
  "keepReturns",
  "insertTargets",
  "loadRoster",
  "scoringSettings",
  "openWorkbook",
  "aggregate",
  "templateState",
  "newWorkbookTemplate",
  "watchChanges",
  "annotateFile",
  "annotateWorkbook",
  "removeKept",
  "setReview",
] as const satisfies readonly (keyof PaneActions)[];

type Later = (typeof LATER)[number];
type AnyFn = (...args: unknown[]) => Promise<unknown>;

export function lazyActions(plan: Plan, runner: RoundRunner | null = null): PaneActions {
  let made: Promise<PaneActions> | null = null;
  const actions = () =>
    (made ??= import(/* webpackChunkName: "excel-actions" */ "./actions").then((m) =>
      m.createActions(plan, undefined, runner),
    )).catch((e: unknown) => {
      // A chunk that failed to load (network blip on the add-in's server) is tried again next time.
      made = null;
      throw e;
    });
  const out = { support: detectSupport } as Pick<PaneActions, "support" | Later>;
  for (const k of LATER)
    (out as unknown as Record<Later, AnyFn>)[k] = async (...args) =>
      ((await actions())[k] as unknown as AnyFn)(...args);
  return out;
}
