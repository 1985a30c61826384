// The issue catalogue: every issue code the project produces — returns, the targets workbook, the roster,
// the plan workbook and the expression language — each with one entry of one shape (severity, scope,
// audience, a zh-CN template; entry.ts says the message grammar). One function, issueMessage, makes the
// text, so the CLI, the task pane, the bulletin and the annotated workbook say the same thing.
//
// To add a code: one entry in the file of its concern; the type IssueCode then includes it, a code not in
// the catalogue does not compile where an IssueCode is expected, and tests/catalogue checks every entry
// (and that every code literal in src is one of them).
import type { CatalogueEntry, IssueScope, MessageArgs } from "./entry";
import { EXPR } from "./expr";
import { PLAN } from "./plan";
import { RETURNS } from "./returns";
import { ROSTER } from "./roster";
import { TARGETS } from "./targets";

export { label, q, shown, where } from "./entry";
export type { Audience, CatalogueEntry, IssueScope, MessageArgs } from "./entry";

/** A code of the plan workbook (plan.*). */
export type PlanIssueCode = keyof typeof PLAN;
/** A code of the expression language (EXPR_*). */
export type ExprErrorCode = keyof typeof EXPR;

type FixedCode =
  keyof typeof RETURNS | keyof typeof TARGETS | keyof typeof ROSTER | PlanIssueCode | ExprErrorCode;

/** Every issue code: a fixed one of the catalogue, or rule.* from a form's cross-field rules. */
export type IssueCode = FixedCode | `rule.${string}`;

const ENTRIES: Readonly<Record<FixedCode, CatalogueEntry>> = {
  ...RETURNS,
  ...TARGETS,
  ...ROSTER,
  ...PLAN,
  ...EXPR,
};

/** Every fixed code (rule.* codes come from the form's cross-field rules). */
export const ISSUE_CODES = Object.keys(ENTRIES) as FixedCode[];

/** A form's cross-field rule (rule.*): the rule gives its own text and may lower the severity. */
const RULE_ENTRY: CatalogueEntry = {
  severity: "error",
  scope: "row",
  audience: "clerk",
  text: (a) => `${a.ruleText ?? "逻辑关系不符"}${a.detail ? `(${a.detail})` : ""}`,
};

/** The entry of a code, or undefined for a string that is none (own keys only: "constructor" is none). */
export function entryOf(code: string): CatalogueEntry | undefined {
  if (Object.prototype.hasOwnProperty.call(ENTRIES, code)) return ENTRIES[code as FixedCode];
  return code.startsWith("rule.") ? RULE_ENTRY : undefined;
}

/** True for a code of the catalogue (a fixed one or rule.*): text from outside (a reader's error) is checked. */
export function isIssueCode(code: string): code is IssueCode {
  return entryOf(code) !== undefined;
}

export function defaultSeverity(code: IssueCode): "error" | "warning" {
  return entryOf(code)?.severity ?? "error";
}

/** The catalogue's scope of a code (an unknown code counts as the whole file: nothing is assumed). */
export function issueScope(code: IssueCode): IssueScope {
  return entryOf(code)?.scope ?? "file";
}

/** What is wrong, in zh-CN, without where (the issue's sheet and cell say that). */
export function issueMessage(code: IssueCode, a: MessageArgs = {}): string {
  const entry = entryOf(code);
  return entry ? entry.text(a) : `${code}${a.detail ? `：${a.detail}` : ""}`;
}
