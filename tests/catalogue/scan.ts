// Finds the issue codes a source text produces: string literals shaped like a catalogue code (a prefix
// the catalogue uses, a dot, a snake_case name: "uscc.checksum", "plan.invalid") and EXPR_* codes.
import { ISSUE_CODES, isIssueCode } from "../../src/core/catalogue";

const PREFIXES = [...new Set(ISSUE_CODES.filter((c) => c.includes(".")).map((c) => c.split(".")[0]))];
const DOTTED = new RegExp(`["'\`]((?:${PREFIXES.join("|")})\\.[a-z][a-z0-9_]*)["'\`]`, "g");
const EXPR = /["'`](EXPR_[A-Z_]+)["'`]/g;

/** Every code-shaped literal of a text that is not a code of the catalogue. */
export function unknownCodes(text: string): string[] {
  const out: string[] = [];
  for (const re of [DOTTED, EXPR])
    for (const m of text.matchAll(re)) if (!isIssueCode(m[1]) && !out.includes(m[1])) out.push(m[1]);
  return out;
}

/** Every code-shaped literal of a text (known or not). */
export function codesIn(text: string): string[] {
  return [...text.matchAll(DOTTED), ...text.matchAll(EXPR)].map((m) => m[1]);
}
