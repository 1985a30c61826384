// Turns whatever an action threw into the catalogue's sentence.
import type { Messages } from "./messages";

export function errorText(e: unknown, m: Messages): string {
  if (typeof e === "object" && e !== null && "code" in e && "detail" in e) {
    const code = String((e as { code: unknown }).code) as keyof Messages["errors"];
    const say = m.errors[code];
    if (say) return say(String((e as { detail: unknown }).detail));
  }
  return m.unexpected(e instanceof Error ? e.message : String(e));
}
