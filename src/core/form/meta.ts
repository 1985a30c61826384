// The very hidden metadata sheet: identifies a return (form, version, unit, period) and fingerprints the
// structure it was generated with, so that a tampered structure is detected on import.
import type { FormDef } from "./types";

/** What a template says about itself on its metadata sheet; the reader gives it back (read/types). */
export interface ReturnMeta {
  formId: string;
  formVersion: string;
  unitCode: string;
  unitName: string;
  period: string;
  planId: string;
  deadline: string | null;
  generatedAt: string;
  fingerprint: string;
  /** Form version 2: the period the money fields cover, e.g. "本年1月至报告期末累计(2025-01-01至2025-09-30)". */
  moneyPeriod?: string;
}

export const META_KEYS: Record<keyof ReturnMeta, string> = {
  formId: "form_id",
  formVersion: "form_version",
  unitCode: "unit_code",
  unitName: "unit_name",
  period: "period",
  planId: "plan_id",
  deadline: "deadline",
  generatedAt: "generated_at",
  fingerprint: "fingerprint",
  moneyPeriod: "money_period",
};

/** The structure that must not change: sheet names and every header, in order. */
export function structureText(form: FormDef): string {
  const parts = [
    form.id,
    form.version,
    form.instructionsSheet,
    form.enterprises.name,
    ...form.enterprises.fields.map((f) => f.header),
    form.platforms.name,
    ...form.platforms.fields.map((f) => f.header),
    form.region.name,
    ...form.region.cells.map((c) => `${c.row}:${c.header}`),
  ];
  return parts.join("\u001f");
}

/** FNV-1a 32-bit over UTF-16 code units, hex. Not a security measure: it catches edits, not forgers. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

export function fingerprint(form: FormDef): string {
  return fnv1a(structureText(form));
}

/** Rows of the metadata sheet: [key, value]. */
export function metaRows(meta: ReturnMeta): string[][] {
  // Optional keys (added with form version 2) are written only when set, so version 1 is unchanged.
  return (Object.keys(META_KEYS) as (keyof ReturnMeta)[])
    .filter((k) => k !== "moneyPeriod" || meta[k] !== undefined)
    .map((k) => [META_KEYS[k], meta[k] ?? ""]);
}

/** Reads the key/value rows back; null when a required key is missing. */
export function parseMetaRows(rows: unknown[][]): ReturnMeta | null {
  const byKey = new Map<string, string>();
  for (const r of rows) {
    if (r && typeof r[0] === "string")
      byKey.set(r[0].trim(), r[1] === null || r[1] === undefined ? "" : String(r[1]).trim());
  }
  const get = (k: keyof ReturnMeta) => byKey.get(META_KEYS[k]);
  const required: (keyof ReturnMeta)[] = ["formId", "formVersion", "unitCode", "period", "fingerprint"];
  if (required.some((k) => !get(k))) return null;
  return {
    formId: get("formId")!,
    formVersion: get("formVersion")!,
    unitCode: get("unitCode")!,
    unitName: get("unitName") ?? "",
    period: get("period")!,
    planId: get("planId") ?? "",
    deadline: get("deadline") || null,
    generatedAt: get("generatedAt") ?? "",
    fingerprint: get("fingerprint")!,
    ...(get("moneyPeriod") ? { moneyPeriod: get("moneyPeriod") } : {}),
  };
}
