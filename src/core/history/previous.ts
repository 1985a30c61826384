// Last round's figures of a unit's firms (issue 26): from the previous return prefill chose, or from the
// hidden, protected 上期数据 sheet a prefilled template carries, so that the self-check compares offline.
import type { FieldDef, FormDef } from "../form/types";
import type { PreviousRound, ReturnResult } from "../read/types";
import type { SheetDescription } from "../sheet/types";
import type { SheetSnapshot } from "../snapshot";

/** Name of the hidden sheet of last round's figures in a prefilled template. */
export const HISTORY_SHEET = "上期数据";

export type { PreviousRound };

/** Fields of last round the history rules can read: identity, figures and years. */
export function historyFields(form: FormDef): FieldDef[] {
  return form.enterprises.fields.filter(
    (f) =>
      f.key === "name" ||
      f.type === "uscc" ||
      f.type === "decimal" ||
      f.type === "whole" ||
      f.type === "percent" ||
      f.type === "year",
  );
}

export function previousOf(r: ReturnResult): PreviousRound {
  return {
    file: r.file,
    period: r.period ?? "",
    unit: r.unit,
    unitName: r.unitName,
    enterprises: r.enterprises as unknown as Record<string, unknown>[],
  };
}

const META = ["source_file", "source_period", "source_unit", "source_unit_name"] as const;

/**
 * The 上期数据 sheet: four key/value rows naming the source, a blank row, then the field keys and one
 * row per firm. Very hidden and protected: the clerk neither sees nor edits it; the self-check reads it.
 */
export function historySheet(prev: PreviousRound, form: FormDef): SheetDescription {
  const fields = historyFields(form);
  const rows: (string | number | null)[][] = [
    ["source_file", prev.file],
    ["source_period", prev.period],
    ["source_unit", prev.unit ?? ""],
    ["source_unit_name", prev.unitName ?? ""],
    [],
    fields.map((f) => f.key),
    ...prev.enterprises.map((e) =>
      fields.map((f) => {
        const v = e[f.key];
        return typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" ? v : null;
      }),
    ),
  ];
  return {
    name: HISTORY_SHEET,
    state: "veryHidden",
    rows,
    styles: [{ range: "B1:B4", style: { numFmt: "@" } }],
    protection: { protected: true },
  };
}

/** Keys a field of the sheet may have: an identifier, nothing a hostile file could use to reach a prototype. */
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,59}$/;

/** The 上期数据 sheet read back; null when the workbook has none or it is not ours (no source named). */
export function readHistorySheet(sheet: SheetSnapshot | undefined, form: FormDef): PreviousRound | null {
  if (!sheet) return null;
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
  const meta = new Map<string, string>();
  for (const r of sheet.cells.slice(0, 4)) if (r) meta.set(text(r[0]), text(r[1]));
  if (!meta.get(META[0]) || !meta.get(META[1])) return null;
  const known = new Map(historyFields(form).map((f) => [f.key, f]));
  const header = (sheet.cells[5] ?? []).map((v) => text(v));
  const cols = header.flatMap((k, i) => (KEY.test(k) && known.has(k) ? [{ k, i, f: known.get(k)! }] : []));
  const enterprises: Record<string, unknown>[] = [];
  for (let r = 6; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    if (!row) continue;
    const rec: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    let any = false;
    for (const { k, i, f } of cols) {
      const v = row[i];
      const ok =
        f.type === "uscc" || f.key === "name"
          ? typeof v === "string"
          : typeof v === "number" && Number.isFinite(v);
      rec[k] = ok ? v : null;
      if (ok) any = true;
    }
    if (any) enterprises.push(rec);
  }
  return {
    file: meta.get(META[0])!,
    period: meta.get(META[1])!,
    unit: meta.get(META[2]) || null,
    unitName: meta.get(META[3]) || null,
    enterprises,
  };
}
