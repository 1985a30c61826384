// Rosters for tests: a roster workbook as the template writes it, with rows pasted under the header.
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { usccCheckChar } from "../../src/core/read/uscc";
import { readRoster } from "../../src/core/roster/read";
import type { Roster } from "../../src/core/roster/types";
import { buildRosterWorkbook } from "../../src/core/roster/workbook";
import type { SnapshotValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { snapshotOf } from "../targets/snapshot-of";

export const THIS_YEAR = 2026;

/** A valid 统一社会信用代码 unique per n. */
export function uscc(n: number): string {
  const first = `91320700MA${String(n).padStart(7, "0")}`;
  return first + usccCheckChar(first)!;
}

/** 企业名称, 统一社会信用代码, 层级, 年份, 批次或文号, 所在地区, 状态 (the template's order). */
export type RosterRow = [
  string | null,
  string | null,
  string | null,
  SnapshotValue,
  string | null,
  string | null,
  string | null,
];

/** The template's workbook with `rows` from the first data row (row 4). */
export function rosterSnapshot(rows: SnapshotValue[][]): WorkbookSnapshot {
  const snap = snapshotOf(buildRosterWorkbook(DEFAULT_PLAN, { thisYear: THIS_YEAR }));
  snap.sheets[0].cells.push(...rows.map((r) => [...r]));
  return snap;
}

export function roster(rows: RosterRow[]): Roster {
  const r = readRoster(rosterSnapshot(rows), DEFAULT_PLAN, { thisYear: THIS_YEAR });
  const errors = r.issues.filter((i) => i.severity === "error");
  if (!r.roster || errors.length)
    throw new Error(`fixture roster refused: ${r.issues.map((i) => i.message).join("; ")}`);
  return r.roster;
}
