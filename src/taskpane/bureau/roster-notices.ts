// What loading a roster and checking a round against it tell the bureau, as the pane's notices. (A .ts
// file: the callback types' parameter names would read as unused variables in a .tsx file.)
import { issueText } from "../../core/issues";
import type { RosterCheck } from "../../core/roster/types";
import { rosterSummaryText } from "../../core/roster/text";
import type { PaneActions, ReturnFile } from "../../host/types";
import type { Notice } from "../common/Notices";

export type ToReturnFile = (f: File) => Promise<ReturnFile>;
export type OnNotices = (notices: Notice[]) => void;

export const ROSTER_TEXT = {
  load: "载入认定名单",
  loading: "正在读取认定名单",
  loaded: (kept: number, rejected: number) =>
    `已将认定名单${kept}行保存在本工作簿的\u201c认定名单\u201d工作表` +
    (rejected ? `，另有${rejected}行未采用(见下)` : "") +
    "；汇总时将逐项核验各地填报的认定。",
  refused: "认定名单未能载入：",
  declined: "未载入认定名单，工作簿未改动。",
  /** Issues listed under a notice at most (the rest are counted). */
  maxListed: 20,
};

/** Notices for a loaded (or refused) roster: the outcome, then its located problems. */
export function rosterNotices(o: Awaited<ReturnType<PaneActions["loadRoster"]>>): Notice[] {
  if (o.declined) return [{ intent: "info", text: ROSTER_TEXT.declined }];
  const head: Notice = o.loaded
    ? { intent: o.rejected ? "warning" : "success", text: ROSTER_TEXT.loaded(o.kept, o.rejected) }
    : { intent: "error", text: ROSTER_TEXT.refused + o.issues.map(issueText).join("；") };
  if (!o.loaded) return [head];
  const listed = o.issues
    .slice(0, ROSTER_TEXT.maxListed)
    .map((i): Notice => ({ intent: i.severity === "error" ? "warning" : "info", text: issueText(i) }));
  const more = o.issues.length - listed.length;
  return [
    head,
    ...listed,
    ...(more > 0 ? [{ intent: "info" as const, text: `另有${more}条提示未列出` }] : []),
  ];
}

/** The round's 名单核验 as a notice after 汇总. */
export function rosterCheckNotice(check: RosterCheck): Notice {
  return { intent: "info", text: rosterSummaryText(check) };
}
