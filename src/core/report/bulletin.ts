// The bulletin workbook: the 工作通报 first (what the bureau prints), then the tables behind it.
import type { Plan } from "../plan/types";
import type { WorkbookDescription } from "../sheet/types";
import { bulletinSheet } from "./bulletin-sheet";
import type { RoundResult } from "./round-result";
import { citySheet, issuesSheet, submissionsSheet, unitsSheet } from "./tables";
import { draftBulletinText, type BulletinOptions } from "./text";

export function buildBulletin(result: RoundResult, plan: Plan, opts: BulletinOptions): WorkbookDescription {
  const t = draftBulletinText(result, plan, opts);
  return {
    sheets: [
      bulletinSheet(result, plan, t),
      citySheet(result, plan),
      unitsSheet(result, plan),
      submissionsSheet(result),
      issuesSheet(result),
    ],
    properties: { title: t.title, creator: "srdi", created: `${opts.issuedOn.slice(0, 10)}T00:00:00.000Z` },
  };
}
