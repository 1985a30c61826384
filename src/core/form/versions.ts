// Every form version the reader accepts, and the one new templates use.
import type { WorkbookSnapshot } from "../snapshot";
import type { FormDef } from "./types";
import { FORM_V1 } from "./v1";
import { FORM_V2 } from "./v2";

export const FORMS: readonly FormDef[] = [FORM_V1, FORM_V2];
/** What new templates are built with. */
export const CURRENT_FORM: FormDef = FORM_V2;

export function formByVersion(version: string | null | undefined): FormDef | null {
  return FORMS.find((f) => f.version === version) ?? null;
}

/** How many of a form's 企业名录 headers stand where the workbook has them. */
function headerMatches(snapshot: WorkbookSnapshot, form: FormDef): number {
  const t = form.enterprises;
  const row = snapshot.sheets.find((s) => s.name === t.name)?.cells[t.headerRow - 1] ?? [];
  return t.fields.filter((f, i) => typeof row[i] === "string" && (row[i] as string).trim() === f.header)
    .length;
}

/**
 * The form a workbook says it uses (form_version on its metadata sheet). When the version is missing or
 * unknown, the form whose headers it has (the current one on a tie): the reader then reports the version
 * problem alone, not every column as renamed.
 */
export function formOfSnapshot(snapshot: WorkbookSnapshot): FormDef {
  const meta = snapshot.sheets.find((s) => s.name === CURRENT_FORM.metaSheet);
  // Bounded: the metadata sheet has a handful of rows; a hostile one is only scanned to its first 100.
  const row = meta?.cells
    .slice(0, 100)
    .find((r) => typeof r?.[0] === "string" && r[0].trim() === "form_version");
  const v = row?.[1];
  const version = typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : null;
  const named = formByVersion(version);
  if (named) return named;
  let best = CURRENT_FORM;
  let bestScore = headerMatches(snapshot, CURRENT_FORM);
  for (const f of FORMS) {
    const score = headerMatches(snapshot, f);
    if (score > bestScore) [best, bestScore] = [f, score];
  }
  return best;
}
