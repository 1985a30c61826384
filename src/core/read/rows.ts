// Step 3 of reading a return: the data rows of a table sheet, one by one. A row with any error is
// rejected and listed; every other row is accepted. Blank rows are skipped and not counted.
import { address, parseRange } from "../a1";
import type { CrossFieldRule, FieldDef, TableSheetDef } from "../form/types";
import type { Issue } from "../issues";
import type { SheetSnapshot, SnapshotValue } from "../snapshot";
import { makeIssue } from "./issue";
import { parseField, rawCell, rawText, tidy, type ParsedValue, type Problem } from "./normalise";
import type { RejectedRow } from "./types";

export interface TableContext {
  yearMax: number | null;
  /** Options per list field key that replace the form's (the plan's chains). */
  options?: Record<string, string[]>;
}

export interface TableResult {
  accepted: (Record<string, ParsedValue> & { sheet: string; row: number })[];
  rejected: RejectedRow[];
  /** Warnings of accepted rows. */
  warnings: Issue[];
  /** Errors and warnings of rejected rows, in row order. */
  rowIssues: Issue[];
  read: number;
}

const isBlank = (v: SnapshotValue | undefined) => rawCell(v).kind === "blank";

/** 0-based indexes of the data rows: at or below the first data row, with a non-blank cell in [0, width). */
export function dataRowIndexes(sheet: SheetSnapshot, firstDataRow: number, width: number): number[] {
  const out: number[] = [];
  for (let r = firstDataRow - 1; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    if (!row) continue;
    const n = Math.min(width, row.length);
    for (let c = 0; c < n; c++) {
      if (!isBlank(row[c])) {
        out.push(r);
        break;
      }
    }
  }
  return out;
}

/** For each data-area row (0-based) covered by a merge: the merge's range, for an error on that row. */
function mergedRows(sheet: SheetSnapshot, t: TableSheetDef): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of sheet.merges) {
    let r;
    try {
      r = parseRange(m);
    } catch {
      continue;
    }
    if (r.bottom < t.firstDataRow - 1 || r.left >= t.fields.length) continue;
    for (let row = Math.max(r.top, t.firstDataRow - 1); row <= r.bottom; row++)
      if (!out.has(row)) out.set(row, m);
  }
  return out;
}

const COMPARE: Record<CrossFieldRule["op"], (a: number, b: number) => boolean> = {
  "<=": (a, b) => a <= b,
  ">=": (a, b) => a >= b,
  "<": (a, b) => a < b,
  ">": (a, b) => a > b,
};

export function readTable(sheet: SheetSnapshot, t: TableSheetDef, ctx: TableContext): TableResult {
  const fields = t.fields;
  const col = new Map(fields.map((f, i) => [f.key, i]));
  // Recognition tiers only: a year of an honour (form v2) does not make revenue required.
  const yearFields = fields.filter((f) => f.type === "year" && f.recognition !== false);
  const merged = mergedRows(sheet, t);
  const firstSeen = new Map<string, Map<string, string>>(); // field key -> value -> first cell
  const result: TableResult = { accepted: [], rejected: [], warnings: [], rowIssues: [], read: 0 };

  for (const r of dataRowIndexes(sheet, t.firstDataRow, fields.length)) {
    result.read++;
    const row = sheet.cells[r];
    const issues: Issue[] = [];
    const values: Record<string, ParsedValue> = {};
    const bad = new Set<string>();
    const issue = (f: FieldDef, p: Problem, severity?: "error" | "warning") =>
      issues.push(
        makeIssue(p.code, {
          sheet: sheet.name,
          cell: address(r, col.get(f.key)!),
          field: f.key,
          label: f.header,
          value: rawText(rawCell(row[col.get(f.key)!])),
          severity,
          args: p.args,
        }),
      );

    fields.forEach((f, i) => {
      // Only percent columns look at the cell's format; the address is not worth making for the others.
      const percentFormat =
        f.type === "percent" && sheet.numFmts !== undefined && !!sheet.numFmts[address(r, i)]?.includes("%");
      const p = parseField(f, row[i], { yearMax: ctx.yearMax, options: ctx.options?.[f.key], percentFormat });
      values[f.key] = p.error ? null : p.value;
      if (p.warning) issue(f, p.warning);
      if (p.error) {
        bad.add(f.key);
        issue(f, p.error);
      }
    });

    const recognised = yearFields.some((f) => values[f.key] !== null);
    for (const f of fields) {
      if (f.requiredIfRecognised && recognised && !bad.has(f.key) && isBlank(row[col.get(f.key)!])) {
        bad.add(f.key);
        issue(f, { code: "value.required", args: { detail: "(已填认定或公告年份的企业必填)" } });
      }
    }

    for (const rule of t.crossRules) {
      const l = values[rule.left];
      const rv = values[rule.right];
      if (typeof l !== "number" || typeof rv !== "number") continue;
      if (COMPARE[rule.op](tidy(l), tidy(rv))) continue;
      const lf = fields[col.get(rule.left)!];
      const rf = fields[col.get(rule.right)!];
      issue(
        lf,
        {
          code: rule.code as Problem["code"],
          args: { ruleText: rule.message, detail: `${lf.header} ${tidy(l)}，${rf.header} ${tidy(rv)}` },
        },
        rule.severity,
      );
    }

    for (const rule of t.pairedYears ?? []) {
      if (bad.has(rule.field) || bad.has(rule.year)) continue;
      const honour = values[rule.field];
      const has = honour !== null && honour !== rule.none;
      const hasYear = values[rule.year] !== null;
      if (has === hasYear) continue;
      const f = fields[col.get(has ? rule.year : rule.field)!];
      const detail = has ? `已填${String(honour)}，未填年份` : "已填年份，未选获得的荣誉";
      issue(f, { code: rule.code as Problem["code"], args: { ruleText: rule.message, detail } }, "warning");
    }

    for (const f of fields) {
      const v = values[f.key];
      if (!f.unique || v === null || bad.has(f.key)) continue;
      const seen = firstSeen.get(f.key) ?? new Map<string, string>();
      firstSeen.set(f.key, seen);
      const key = String(v);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, address(r, col.get(f.key)!));
      else
        issue(f, { code: f.type === "uscc" ? "uscc.duplicate" : "value.duplicate", args: { other: first } });
    }

    const m = merged.get(r);
    if (m) {
      const left = Math.max(0, parseRange(m).left);
      issues.push(
        makeIssue("cell.merged", {
          sheet: sheet.name,
          cell: address(r, left),
          value: null,
          args: { detail: m },
        }),
      );
    }

    if (issues.some((i) => i.severity === "error")) {
      result.rejected.push({ sheet: sheet.name, row: r + 1, issues });
      result.rowIssues.push(...issues);
    } else {
      result.warnings.push(...issues);
      result.accepted.push({ sheet: sheet.name, row: r + 1, ...values });
    }
  }
  return result;
}
