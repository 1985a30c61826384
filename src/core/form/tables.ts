// Which sheets a form version has. A form may leave out the platform sheet (a plan that counts no
// platforms: its 字段 sheet has no row for 平台与集群): then no template, reader or prefill deals with it.
import type { FormDef, TableSheetDef } from "./types";

/** True when the form has a platform sheet (at least one platform field). */
export function hasPlatforms(form: FormDef): boolean {
  return form.platforms.fields.length > 0;
}

/** The form's table sheets, enterprises first: the platform sheet only when the form has one. */
export function formTables(form: FormDef): TableSheetDef[] {
  return hasPlatforms(form) ? [form.enterprises, form.platforms] : [form.enterprises];
}

/** The sheets a template of the form shows, in order (the metadata sheet aside). */
export function formSheetNames(form: FormDef): string[] {
  return [form.instructionsSheet, ...formTables(form).map((t) => t.name), form.region.name];
}
