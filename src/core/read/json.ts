// The JSON contract of `srdi check --json`:
// {"files": [{"file","unit","period","form_version","errors":[...],"warnings":[...],"rows":{"read","accepted","rejected"}}]}
// with each issue {"code","severity","sheet","cell","field","value","message","scope"}: `message` says
// what is wrong, sheet and cell say where; scope (file, row, cell) was added later (fields are only added).
import type { Issue } from "../issues";
import type { ReturnResult, RowCounts } from "./types";

export interface IssueJson {
  code: string;
  severity: Issue["severity"];
  sheet: string | null;
  cell: string | null;
  field: string | null;
  value: string | null;
  message: string;
  scope: Issue["scope"];
  /** History and outlier warnings: last round's value (null when none applies) and the row's 说明. */
  previous?: string | null;
  explanation?: string | null;
}

export interface FileJson {
  file: string;
  unit: string | null;
  period: string | null;
  form_version: string | null;
  errors: IssueJson[];
  warnings: IssueJson[];
  rows: RowCounts;
}

export interface CheckJson {
  files: FileJson[];
}

export function issueJson(i: Issue): IssueJson {
  return {
    code: i.code,
    severity: i.severity,
    sheet: i.sheet,
    cell: i.cell,
    field: i.field,
    value: i.value,
    message: i.message,
    scope: i.scope,
    ...(i.previous !== undefined ? { previous: i.previous, explanation: i.explanation ?? null } : {}),
  };
}

export function fileJson(r: ReturnResult): FileJson {
  return {
    file: r.file,
    unit: r.unit,
    period: r.period,
    form_version: r.formVersion,
    errors: r.errors.map(issueJson),
    warnings: r.warnings.map(issueJson),
    rows: { read: r.rows.read, accepted: r.rows.accepted, rejected: r.rows.rejected },
  };
}

export function checkJson(results: ReturnResult[]): CheckJson {
  return { files: results.map(fileJson) };
}
