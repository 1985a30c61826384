// How returns kept in the bureau's workbook are named: each return's data sheets under a unit prefix
// ("连云区-企业名录"), one set per unit. Pure: the Excel adapter (src/excel/kept-returns.ts) writes and reads
// them, the views show which imported file a unit's kept sheets hold.
import type { FormDef } from "../core/form/types";
import { formSheetNames } from "../core/form/tables";
import type { ReturnResult } from "../core/read/types";

export const MAX_SHEET_NAME = 31;

/**
 * The sheets kept from a return of any of the plan's form versions: all but the metadata sheet, which is
 * written anew beside them. The union over the versions, so a unit's older return is found whichever
 * version it used.
 */
export function keptSheetNames(forms: readonly FormDef[]): string[] {
  return [...new Set(forms.flatMap((f) => formSheetNames(f)))];
}

/** The metadata sheet names of the plan's form versions (one name when they share it). */
export function metaSheetNames(forms: readonly FormDef[]): string[] {
  return [...new Set(forms.map((f) => f.metaSheet))];
}

const BAD_CHARS = /[[\]:*?/\\']/g;

/** The prefix of a unit's kept sheets: its name, or its code when a sheet name would pass 31 characters. */
export function unitPrefix(unitName: string, unitCode: string, forms: readonly FormDef[]): string {
  const longest = Math.max(...[...metaSheetNames(forms), ...keptSheetNames(forms)].map((n) => n.length));
  const byName = `${unitName.replace(BAD_CHARS, "")}-`;
  if (byName.length > 1 && byName.length + longest <= MAX_SHEET_NAME) return byName;
  return `${unitCode.replace(BAD_CHARS, "").slice(0, MAX_SHEET_NAME - longest - 1)}-`;
}

/** The prefix a return is kept under: its unit's (from the template's metadata). */
export function returnPrefix(result: ReturnResult, forms: readonly FormDef[]): string | null {
  if (result.rejected || !result.meta) return null;
  return unitPrefix(result.meta.unitName || result.unitName || "", result.meta.unitCode, forms);
}

/**
 * Which of the imported returns are kept, by prefix: one set of sheets per unit, so of two returns of a
 * unit in one import the later (by saved time, else file time; the later in the list on a tie) is kept. The other still
 * reaches the round from the pane, where the core supersedes it.
 */
export function keptChoice<T extends { file: { modified: string | null }; result: ReturnResult }>(
  imported: T[],
  forms: readonly FormDef[],
): Map<string, T> {
  // The core's order (aggregateRound): the workbook's saved time, else the file time.
  const time = (i: T) => Date.parse(i.result.savedAt ?? i.file.modified ?? "") || 0;
  const out = new Map<string, T>();
  for (const i of imported) {
    const prefix = returnPrefix(i.result, forms);
    if (prefix === null) continue;
    const had = out.get(prefix);
    if (!had || time(i) >= time(had)) out.set(prefix, i);
  }
  return out;
}
