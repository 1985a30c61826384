// Returns kept in the bureau's workbook: each return's data sheets are stored under a unit prefix
// ("连云区-企业名录") with its metadata sheet ("连云区-_srdi_meta"), so they can be aggregated again later.
// Pure: naming and regrouping a workbook snapshot into one snapshot per return.
import { META_KEYS, metaRows, parseMetaRows } from "../core/form/meta";
import type { FormDef } from "../core/form/types";
import { FORM_V1 } from "../core/form/v1";
import type { ReturnMeta } from "../core/read/types";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { SheetDescription } from "../core/sheet/types";
import { keptSheetNames } from "../host/kept-names";

// The naming is host-neutral (the views show which file a unit's kept sheets hold): src/host/kept-names.ts.
export { MAX_SHEET_NAME, keptChoice, keptSheetNames, returnPrefix, unitPrefix } from "../host/kept-names";

/** Extra rows of a kept return's metadata sheet: where it came from (parseMetaRows ignores them). */
export const FILE_NAME_KEY = "source_file";
export const FILE_MODIFIED_KEY = "source_modified";
/** The workbook's own saved time (docProps/core.xml): the submission time when there is no receipt. */
export const SAVED_AT_KEY = "source_saved_at";

/** The metadata sheet written beside a kept return's sheets. */
export function keptMetaSheet(
  prefix: string,
  meta: ReturnMeta,
  file: string,
  modified: string | null,
  savedAt: string | null = null,
  form: FormDef = FORM_V1,
): SheetDescription {
  const rows = [
    ...metaRows(meta),
    [FILE_NAME_KEY, file],
    [FILE_MODIFIED_KEY, modified ?? ""],
    [SAVED_AT_KEY, savedAt ?? ""],
  ];
  return {
    name: `${prefix}${form.metaSheet}`,
    state: "veryHidden",
    rows,
    styles: [{ range: `B1:B${rows.length}`, style: { numFmt: "@" } }],
    protection: { protected: true },
  };
}

export interface KeptReturn {
  prefix: string;
  file: string;
  modified: string | null;
  /** The workbook's saved time as read from the file when it was kept. */
  savedAt: string | null;
  snapshot: WorkbookSnapshot;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "result" in (v as object)) return cellText((v as { result: unknown }).result);
  return typeof v === "object" ? "" : String(v);
}

/**
 * Every return stored in the workbook, recognised by a metadata sheet of this form (a template itself,
 * with no prefix, counts as one). Sheets are given back under their standard names.
 */
export function keptReturns(workbook: WorkbookSnapshot, form: FormDef = FORM_V1): KeptReturn[] {
  const out: KeptReturn[] = [];
  for (const s of workbook.sheets) {
    if (!s.name.endsWith(form.metaSheet)) continue;
    const rows = s.cells.map((r) => (r ?? []).slice(0, 2).map(cellText));
    const meta = parseMetaRows(rows);
    if (!meta || meta.formId !== form.id) continue;
    const prefix = s.name.slice(0, s.name.length - form.metaSheet.length);
    const get = (k: string) => rows.find((r) => r[0] === k)?.[1] ?? "";
    const sheets = workbook.sheets
      .filter((x) => x.name.startsWith(prefix))
      .map((x) => ({ ...x, name: x.name.slice(prefix.length) }))
      .filter((x) => x.name === form.metaSheet || keptSheetNames(form).includes(x.name));
    const file = get(FILE_NAME_KEY) || (prefix ? `${prefix.replace(/-$/, "")}(工作簿内)` : "当前工作簿");
    const modified = get(FILE_MODIFIED_KEY) || null;
    const savedAt = get(SAVED_AT_KEY) || null;
    out.push({
      prefix,
      file,
      modified,
      savedAt,
      snapshot: {
        sheets,
        source: { name: file, modified: modified ?? undefined, ...(savedAt ? { savedAt } : {}) },
      },
    });
  }
  return out;
}

/** The sheet names a kept return occupies (to replace an older return of the same unit). */
export function keptNames(prefix: string, form: FormDef = FORM_V1): string[] {
  return [...keptSheetNames(form), form.metaSheet].map((n) => `${prefix}${n}`);
}

export { META_KEYS };
