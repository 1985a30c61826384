// The form versions of a plan: which one a workbook uses, and the one new templates use. No built-in
// default: a plan names its forms (the built-in plans in src/core/plans name theirs).
import type { WorkbookSnapshot } from "../snapshot";
import type { FormDef } from "./types";

/** The form versions a plan has issued, oldest first. */
export function formsOf(plan: { forms: readonly FormDef[] }): readonly FormDef[] {
  return plan.forms;
}

/** The version new templates of the plan use: its last. */
export function currentForm(plan: { forms: readonly FormDef[] }): FormDef {
  const forms = formsOf(plan);
  return forms[forms.length - 1];
}

export function formByVersion(version: string | null | undefined, forms: readonly FormDef[]): FormDef | null {
  return forms.find((f) => f.version === version) ?? null;
}

/** How many of a form's 企业名录 headers stand where the workbook has them. */
function headerMatches(snapshot: WorkbookSnapshot, form: FormDef): number {
  const t = form.enterprises;
  const row = snapshot.sheets.find((s) => s.name === t.name)?.cells[t.headerRow - 1] ?? [];
  return t.fields.filter((f, i) => typeof row[i] === "string" && (row[i] as string).trim() === f.header)
    .length;
}

/**
 * The form a workbook says it uses (form_id and form_version on its metadata sheet), among the plan's
 * versions. When the version is missing or unknown, the form whose headers it has (the current one on a
 * tie): the reader then reports the version problem alone, not every column as renamed.
 */
export function formOfSnapshot(snapshot: WorkbookSnapshot, forms: readonly FormDef[]): FormDef {
  const current = forms[forms.length - 1];
  const metaNames = new Set(forms.map((f) => f.metaSheet));
  const meta = snapshot.sheets.find((s) => metaNames.has(s.name));
  // Bounded: the metadata sheet has a handful of rows; a hostile one is only scanned to its first 100.
  const value = (key: string) => {
    const row = meta?.cells.slice(0, 100).find((r) => typeof r?.[0] === "string" && r[0].trim() === key);
    const v = row?.[1];
    return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : null;
  };
  const id = value("form_id");
  const version = value("form_version");
  const named = forms.find((f) => f.version === version && (id === null || f.id === id));
  if (named) return named;
  let best = current;
  let bestScore = headerMatches(snapshot, current);
  for (const f of forms) {
    const score = headerMatches(snapshot, f);
    if (score > bestScore) [best, bestScore] = [f, score];
  }
  return best;
}
