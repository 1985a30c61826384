// The bulletin workbook: the 工作通报 first (what the bureau prints), then its 附件 as sheets, then the
// hidden data sheet that lets the next round compare with this one.
import type { Plan } from "../plan/types";
import type { WorkbookDescription } from "../sheet/types";
import { bulletinSheet } from "./bulletin-sheet";
import { detailsSheet } from "./details";
import { dataSheet, figuresOf } from "./previous";
import { buildTrend } from "./trend";
import { trendSheet } from "./attachments/trend";
import type { RoundResult } from "./round-result";
import { citySheet } from "./attachments/city";
import { scoresSheet } from "./attachments/scores";
import { unitsSheet } from "./attachments/units";
import { submissionsSheet } from "./attachments/submissions";
import { issuesSheet } from "./attachments/issues";
import { listsSheet } from "./attachments/lists";
import { rosterSheet } from "./attachments/roster";
import { draftBulletinText, type BulletinOptions } from "./text";

export function buildBulletin(result: RoundResult, plan: Plan, opts: BulletinOptions): WorkbookDescription {
  const t = draftBulletinText(result, plan, opts);
  const cmp = opts.comparison ?? null;
  const details = detailsSheet(result, plan);
  return {
    sheets: [
      bulletinSheet(t),
      citySheet(result, plan, cmp, details.index),
      scoresSheet(result, plan, cmp),
      unitsSheet(result, plan, details.index),
      submissionsSheet(result, plan),
      issuesSheet(result, plan),
      listsSheet(result, plan, cmp),
      ...(result.roster ? [rosterSheet(result, t.attachments.length)!] : []),
      ...(opts.history?.rounds.length ? [trendSheet(buildTrend(result, plan, opts.history), plan)] : []),
      details.sheet,
      dataSheet(figuresOf(result, plan), opts.history?.rounds ?? []),
    ],
    properties: {
      title: `${t.masthead}（${result.aggregate.periodLabel}）`,
      creator: "srdi",
      created: `${opts.issuedOn.slice(0, 10)}T00:00:00.000Z`,
    },
  };
}
