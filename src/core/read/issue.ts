// Builds an Issue: one place where code, severity, scope, location and message text come together.
import {
  defaultSeverity,
  issueMessage,
  issueScope,
  type IssueCode,
  type MessageArgs,
} from "../form/messages";
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

export function makeIssue(code: IssueCode, at: IssueAt = {}): Issue {
  const sheet = at.sheet ?? null;
  const cell = at.cell ?? null;
  const value = at.value ?? null;
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
