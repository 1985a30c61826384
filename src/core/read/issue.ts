// Builds an Issue: one place where code, severity, scope, location and message text come together.
import { defaultSeverity, issueMessage, issueScope, type IssueCode, type MessageArgs } from "../catalogue";
import type { Issue, Severity } from "../issues";

export interface IssueAt {
  sheet?: string | null;
  cell?: string | null;
  field?: string | null;
  /** The field's header, used in the message. */
  label?: string;
  value?: string | null;
  severity?: Severity;
  args?: MessageArgs;
}

/** An issue quotes at most this much of the value (untrusted: a 30,000-character cell quoted by 40,000
 * issues would make the JSON output larger than a string can be). */
export const ISSUE_VALUE_MAX = 200;

export function makeIssue(code: IssueCode, at: IssueAt = {}): Issue {
  const sheet = at.sheet ?? null;
  const cell = at.cell ?? null;
  const raw = at.value ?? null;
  const value = raw !== null && raw.length > ISSUE_VALUE_MAX ? raw.slice(0, ISSUE_VALUE_MAX) + "…" : raw;
  return {
    code,
    severity: at.severity ?? defaultSeverity(code),
    sheet,
    cell,
    field: at.field ?? null,
    value,
    message: issueMessage(code, { label: at.label, value, ...at.args }),
    scope: issueScope(code),
  };
}

/** Appends each issue to errors or warnings by its severity. */
export function sortInto(issues: Issue[], errors: Issue[], warnings: Issue[]): void {
  for (const i of issues) (i.severity === "error" ? errors : warnings).push(i);
}
