// Option lists named in the field, as XLSForm's `select_one chains`: a list field says which list its
// options come from. One list is the plan's own: 产业链, the key chains of the plan's 产业链 sheet followed by
// 其他. Which field is "the chain field" is decided by this name, never by the field's key.
import type { FieldDef } from "./types";

/** The list whose options are the plan's key chains (产业链 sheet) followed by 其他. */
export const CHAIN_LIST = "产业链";

/** True for a field whose options are the plan's key chains. */
export function isChainField(f: Pick<FieldDef, "type" | "list">): boolean {
  return f.type === "list" && f.list === CHAIN_LIST;
}

/** The key of the form's chain field among `fields`, or null when the form has none. */
export function chainFieldKey(fields: readonly Pick<FieldDef, "key" | "type" | "list">[]): string | null {
  return fields.find(isChainField)?.key ?? null;
}
