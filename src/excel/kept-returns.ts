// Returns kept in the bureau's workbook: each return's data sheets are stored under a unit prefix
// ("连云区-企业名录") with its metadata sheet ("连云区-_srdi_meta"), so they can be aggregated again later.
// Pure: naming and regrouping a workbook snapshot into one snapshot per return.
import { META_KEYS, metaRows, parseMetaRows } from "../core/form/meta";
import type { FormDef } from "../core/form/types";
import type { ReturnMeta } from "../core/read/types";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { SheetDescription } from "../core/sheet/types";
import { keptSheetNames, metaSheetNames } from "../host/kept-names";

// The naming is host-neutral (the views show which file a unit's kept sheets hold): src/host/kept-names.ts.
export {
  MAX_SHEET_NAME,
  keptChoice,
  keptSheetNames,
  metaSheetNames,
  returnPrefix,
  unitPrefix,
} from "../host/kept-names";

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
  savedAt: string | null,
  form: FormDef,
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
 * Every return stored in the workbook, recognised by a metadata sheet of one of the plan's form versions
 * (a template itself, with no prefix, counts as one). Sheets are given back under their standard names:
 * those of the version the metadata names (else of any version: the reader then reports the version).
 */
export function keptReturns(workbook: WorkbookSnapshot, forms: readonly FormDef[]): KeptReturn[] {
  const out: KeptReturn[] = [];
  const ids = new Set(forms.map((f) => f.id));
  const metaNames = metaSheetNames(forms);
  for (const s of workbook.sheets) {
    const metaName = metaNames.find((m) => s.name.endsWith(m));
    if (metaName === undefined) continue;
    const rows = s.cells.map((r) => (r ?? []).slice(0, 2).map(cellText));
    const meta = parseMetaRows(rows);
    if (!meta || !ids.has(meta.formId)) continue;
    const form = forms.find((f) => f.id === meta.formId && f.version === meta.formVersion);
    const names = new Set(
      form ? [form.metaSheet, ...keptSheetNames([form])] : [metaName, ...keptSheetNames(forms)],
    );
    const prefix = s.name.slice(0, s.name.length - metaName.length);
    const get = (k: string) => rows.find((r) => r[0] === k)?.[1] ?? "";
    const sheets = workbook.sheets
      .filter((x) => x.name.startsWith(prefix))
      .map((x) => ({ ...x, name: x.name.slice(prefix.length) }))
      .filter((x) => names.has(x.name));
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

/** The sheet names a unit's kept return may occupy, whichever version it used (to replace or remove it). */
export function keptNames(prefix: string, forms: readonly FormDef[]): string[] {
  return [...keptSheetNames(forms), ...metaSheetNames(forms)].map((n) => `${prefix}${n}`);
}

export { META_KEYS };
