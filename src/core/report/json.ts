// The `srdi aggregate --json` contract: shares as fractions, null for no data, indicator codes as in
// INDICATORS.md. Keys and their order are part of the contract.
import { issueText, type Issue } from "../issues";
import type { RowCounts } from "../read/types";
import type { IndicatorScore } from "../score/score";
import { rosterJson, type RosterJson } from "../roster/json";
import type { RoundResult } from "./round-result";

export interface IndicatorJson {
  code: string;
  actual: number | null;
  target: number | null;
  completion: number | null;
  expected: number | null;
  status: "green" | "yellow" | "red" | null;
  // Added with issue 10 (fields are only ever added):
  base: number | null;
  completionBasis: "increase" | "stock" | null;
  /** Counted in the unit's score (always false for the city). */
  scored: boolean;
}

export interface RejectedJson {
  kind: "rejected" | "unknown_unit" | "other_period" | "superseded" | "sent_back" | "row";
  file: string;
  unit: string | null;
  unitName: string | null;
  sheet: string | null;
  row: number | null;
  reason: string;
  issues: Issue[];
}

export interface AggregateJson {
  period: string;
  city: { indicators: IndicatorJson[] };
  units: {
    code: string;
    name: string;
    indicators: IndicatorJson[];
    score: number | null;
    rank: number | null;
    // Added with issue 10:
    reported: boolean;
    indicatorPart: number | null;
    bonus: number;
    deductions: { late: number; missing: number; rejectedRows: number; total: number };
    band: string | null;
    daysLate: number | null;
    /** 规上中小企业主营业务收入: the bureau's figure, the unit's own (a check) and which one was used. */
    /** The first region field's figures (the built-in plan: 规上中小企业主营业务收入). */
    region: RegionFigureJson;
    /** Every region field the plan's computations read, by key. */
    regions: Record<string, RegionFigureJson>;
  }[];
  submissions: {
    unit: string;
    name: string;
    status: string;
    file: string | null;
    submittedAt: string | null;
    timing: string | null;
    errors: number;
    warnings: number;
    /** Rows of the counted return: every row read is either accepted or rejected (listed in `rejected`). */
    rows: RowCounts | null;
    // Added with issue 10: where submittedAt came from, and the form version of the counted return.
    submittedAtSource: "receipt" | "workbook" | "file" | null;
    formVersion: string | null;
  }[];
  rejected: RejectedJson[];
  duplicates: {
    kind: "enterprise" | "platform";
    key: string;
    name: string;
    usedUnit: string;
    occurrences: { unit: string; unitName: string; file: string; sheet: string; row: number; cell: string }[];
  }[];
  /** Added with issue 10: the grade bands, highest first. */
  bands: { label: string; min: number }[];
  /** Added with issue 20, only when a roster (认定名单) was given: every claim checked, and 漏报. */
  roster?: RosterJson;
}

const ind = (s: IndicatorScore): IndicatorJson => ({
  code: s.code,
  actual: s.actual,
  target: s.target,
  completion: s.completion,
  expected: s.expected,
  status: s.status,
  base: s.base,
  completionBasis: s.completionBasis,
  scored: s.scored,
});

interface RegionFigureJson {
  bureau: number | null;
  county: number | null;
  used: "bureau" | "county" | null;
}

export function toAggregateJson(result: RoundResult): AggregateJson {
  const { aggregate: a, score } = result;
  const figure = (f: RegionFigureJson | undefined): RegionFigureJson => ({
    bureau: f?.bureau ?? null,
    county: f?.county ?? null,
    used: f?.used ?? null,
  });
  const regionOf = (code: string) => figure(a.units.find((x) => x.code === code)?.region);
  const regionsOf = (code: string) =>
    Object.fromEntries(
      Object.entries(a.units.find((x) => x.code === code)?.regions ?? {}).map(([k, f]) => [k, figure(f)]),
    );
  return {
    period: a.period,
    city: { indicators: score.city.map(ind) },
    units: score.units.map((u) => ({
      code: u.code,
      name: u.name,
      indicators: u.indicators.map(ind),
      score: u.score,
      rank: u.rank,
      reported: u.reported,
      indicatorPart: u.indicatorPart,
      bonus: u.bonus,
      deductions: { ...u.deductions },
      band: u.band,
      daysLate: u.daysLate,
      region: regionOf(u.code),
      regions: regionsOf(u.code),
    })),
    submissions: a.submissions.map((s) => ({
      unit: s.unit,
      name: s.name,
      status: s.status,
      file: s.file,
      submittedAt: s.submittedAt,
      timing: s.timing,
      errors: s.errors,
      warnings: s.warnings,
      rows: s.rows && { read: s.rows.read, accepted: s.rows.accepted, rejected: s.rows.rejected },
      submittedAtSource: s.submittedAtSource,
      formVersion: s.formVersion,
    })),
    rejected: [
      ...a.excluded.map((x): RejectedJson => ({
        kind: x.kind,
        file: x.file,
        unit: x.unit,
        unitName: x.unitName,
        sheet: null,
        row: null,
        reason: x.reason,
        issues: x.issues,
      })),
      ...a.rejectedRows.map((r): RejectedJson => ({
        kind: "row",
        file: r.file,
        unit: r.unit,
        unitName: r.unitName,
        sheet: r.sheet,
        row: r.row,
        reason: r.issues.map(issueText).join("；"),
        issues: r.issues,
      })),
    ],
    duplicates: a.duplicates.map((d) => ({
      kind: d.kind,
      key: d.key,
      name: d.name,
      usedUnit: d.usedUnit,
      occurrences: d.occurrences.map((o) => ({ ...o })),
    })),
    bands: score.bands.map((b) => ({ label: b.label, min: b.min })),
    ...(result.roster ? { roster: rosterJson(result.roster) } : {}),
  };
}
