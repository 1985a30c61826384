// Step 3 of reading a return: the data rows of a table sheet, one by one. A row with any error is
// rejected and listed; every other row is accepted. Blank rows are skipped and not counted.
import { address, parseRange } from "../a1";
import type { CrossFieldRule, FieldDef, TableSheetDef } from "../form/types";
import type { Issue } from "../issues";
import type { SheetSnapshot } from "../snapshot";
import { makeIssue } from "./issue";
import {
  isBlankValue as isBlank,
  parseField,
  rawCell,
  rawText,
  tidy,
  type ParsedValue,
  type Problem,
} from "./normalise";
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

/**
 * For each data-area row (0-based) covered by a merge: the first merge listed that covers it, for an error
 * on that row. Rows past the grid hold nothing and are not visited; each row is visited once whatever
 * the merges (a merge to row 4,000,000,000 or thousands of merges cost the grid's rows, no more).
 */
function mergedRows(sheet: SheetSnapshot, t: TableSheetDef): Map<number, string> {
  const out = new Map<number, string>();
  const first = t.firstDataRow - 1;
  const last = sheet.cells.length - 1;
  if (last < first || sheet.merges.length === 0) return out;
  // next[i]: the first row at or after first + i not yet given a merge (path-halving union-find).
  const next = new Int32Array(last - first + 2);
  for (let i = 0; i < next.length; i++) next[i] = i;
  const find = (i: number) => {
    while (next[i] !== i) {
      next[i] = next[next[i]];
      i = next[i];
    }
    return i;
  };
  for (const m of sheet.merges) {
    let r;
    try {
      r = parseRange(m);
    } catch {
      continue;
    }
    if (r.bottom < first || r.left >= t.fields.length) continue;
    const bottom = Math.min(r.bottom, last) - first;
    for (let i = find(Math.max(r.top, first) - first); i <= bottom; i = find(i + 1)) {
      out.set(i + first, m);
      next[i] = i + 1;
    }
  }
  return out;
}

/** Data rows and the data-area rows under a merge (blank once the merge hid their cells: still listed). */
function rowsToRead(sheet: SheetSnapshot, t: TableSheetDef, merged: Map<number, string>): number[] {
  const rows = dataRowIndexes(sheet, t.firstDataRow, t.fields.length);
  if (merged.size === 0) return rows;
  const all = new Set(rows);
  for (const r of merged.keys()) all.add(r);
  return [...all].sort((a, b) => a - b);
}

const COMPARE: Record<CrossFieldRule["op"], (a: number, b: number) => boolean> = {
  "<=": (a, b) => a <= b,
  ">=": (a, b) => a >= b,
  "<": (a, b) => a < b,
  ">": (a, b) => a > b,
};

/**
 * COMPARE[op](tidy(a), tidy(b)) without tidy's toPrecision when a and b are far apart: tidy moves a number
 * by less than 1e-11 of its size, so beyond that distance the order of a and b is the order of their tidy.
 */
function compareTidy(op: CrossFieldRule["op"], a: number, b: number): boolean {
  if (Math.abs(a - b) > 1e-11 * (Math.abs(a) + Math.abs(b))) return COMPARE[op](a, b);
  return COMPARE[op](tidy(a), tidy(b));
}

/**
 * The field with every property the row checks read, in one order: the form's fields are object literals
 * of a dozen shapes, and code compiled for the first few shapes was thrown away and compiled again as
 * each new one came (a property set to undefined reads as an absent one).
 */
function sameShape(f: FieldDef): FieldDef {
  return {
    key: f.key,
    header: f.header,
    type: f.type,
    required: f.required,
    requiredIfRecognised: f.requiredIfRecognised,
    minLength: f.minLength,
    maxLength: f.maxLength,
    min: f.min,
    max: f.max,
    yearMin: f.yearMin,
    recognition: f.recognition,
    dateMin: f.dateMin,
    options: f.options,
    unique: f.unique,
    width: f.width,
    hint: f.hint,
  };
}

export function readTable(sheet: SheetSnapshot, t: TableSheetDef, ctx: TableContext): TableResult {
  // One pass per row over the fields by index: everything a row needs from the form (parse contexts, rule
  // columns) is resolved once per sheet, and an issue object is built only for a cell that has one.
  const fields = t.fields.map(sameShape);
  const width = fields.length;
  const col = new Map(fields.map((f, i) => [f.key, i]));
  const at = (key: string) => col.get(key)!;
  const contexts = fields.map((f) => ({
    yearMax: ctx.yearMax,
    options: ctx.options?.[f.key],
    percentFormat: false,
  }));
  const percentContexts = contexts.map((c) => ({ ...c, percentFormat: true }));
  const percentCols = fields.map((f) => f.type === "percent" && sheet.numFmts !== undefined);
  // Recognition tiers only: a year of an honour (form v2) does not make revenue required.
  const yearCols = fields.flatMap((f, i) => (f.type === "year" && f.recognition !== false ? [i] : []));
  const requiredIfCols = fields.flatMap((f, i) => (f.requiredIfRecognised ? [i] : []));
  const crossRules = t.crossRules.map((rule) => ({ rule, left: at(rule.left), right: at(rule.right) }));
  const pairedYears = (t.pairedYears ?? []).map((rule) => ({
    rule,
    field: at(rule.field),
    year: at(rule.year),
  }));
  // Per unique field: value -> 0-based row where first seen (its address is made only for a duplicate).
  const uniques = fields.flatMap((f, i) => (f.unique ? [{ i, seen: new Map<string, number>() }] : []));
  // Every record is a copy of one object with all its keys: adding 30-odd keys one by one by name turned
  // each record into a hash table (V8 leaves fast properties after a dozen added that way), which cost a
  // third of reading a return and 1.8 KB per record kept.
  const shape = Object.fromEntries([
    ["sheet", sheet.name],
    ["row", 0],
    ...fields.map((f) => [f.key, null]),
  ]) as Record<string, ParsedValue> & { sheet: string; row: number };
  const merged = mergedRows(sheet, t);
  const result: TableResult = { accepted: [], rejected: [], warnings: [], rowIssues: [], read: 0 };
  const bad = new Uint8Array(width); // 1 where this row's field has an error
  const issue = (
    issues: Issue[],
    r: number,
    row: SheetSnapshot["cells"][number],
    i: number,
    p: Problem,
    severity?: "error" | "warning",
  ) =>
    issues.push(
      makeIssue(p.code, {
        sheet: sheet.name,
        cell: address(r, i),
        field: fields[i].key,
        label: fields[i].header,
        value: rawText(rawCell(row[i])),
        severity,
        args: p.args,
      }),
    );

  for (const r of rowsToRead(sheet, t, merged)) {
    result.read++;
    const row = sheet.cells[r];
    const issues: Issue[] = [];
    // The record as accepted ({ sheet, row, ...values } in field order); dropped if the row is rejected.
    const values = { ...shape };
    values.row = r + 1;
    bad.fill(0);

    for (let i = 0; i < width; i++) {
      const f = fields[i];
      // Only percent columns look at the cell's format; the address is not worth making for the others.
      const percentFormat = percentCols[i] && !!sheet.numFmts![address(r, i)]?.includes("%");
      const p = parseField(f, row[i], percentFormat ? percentContexts[i] : contexts[i]);
      values[f.key] = p.error ? null : p.value;
      if (p.warning) issue(issues, r, row, i, p.warning);
      if (p.error) {
        bad[i] = 1;
        issue(issues, r, row, i, p.error);
      }
    }

    let recognised = false;
    for (const i of yearCols) if (values[fields[i].key] !== null) recognised = true;
    if (recognised)
      for (const i of requiredIfCols) {
        if (!bad[i] && isBlank(row[i])) {
          bad[i] = 1;
          issue(issues, r, row, i, {
            code: "value.required",
            args: { detail: "(已填认定或公告年份的企业必填)" },
          });
        }
      }

    for (const { rule, left, right } of crossRules) {
      const l = values[rule.left];
      const rv = values[rule.right];
      if (typeof l !== "number" || typeof rv !== "number") continue;
      if (compareTidy(rule.op, l, rv)) continue;
      const lf = fields[left];
      const rf = fields[right];
      issue(
        issues,
        r,
        row,
        left,
        {
          code: rule.code as Problem["code"],
          args: { ruleText: rule.message, detail: `${lf.header} ${tidy(l)}，${rf.header} ${tidy(rv)}` },
        },
        rule.severity,
      );
    }

    for (const { rule, field, year } of pairedYears) {
      if (bad[field] || bad[year]) continue;
      const honour = values[rule.field];
      const has = honour !== null && honour !== rule.none;
      const hasYear = values[rule.year] !== null;
      if (has === hasYear) continue;
      const detail = has ? `已填${String(honour)}，未填年份` : "已填年份，未选获得的荣誉";
      issue(
        issues,
        r,
        row,
        has ? year : field,
        { code: rule.code as Problem["code"], args: { ruleText: rule.message, detail } },
        "warning",
      );
    }

    for (const { i, seen } of uniques) {
      const v = values[fields[i].key];
      if (v === null || bad[i]) continue;
      const key = String(v);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, r);
      else
        issue(issues, r, row, i, {
          code: fields[i].type === "uscc" ? "uscc.duplicate" : "value.duplicate",
          args: { other: address(first, i) },
        });
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

    if (issues.length === 0) result.accepted.push(values);
    else if (issues.some((i) => i.severity === "error")) {
      const label = typeof row[0] === "string" ? row[0].trim().slice(0, 100) : "";
      result.rejected.push({ sheet: sheet.name, row: r + 1, issues, ...(label ? { name: label } : {}) });
      result.rowIssues.push(...issues);
    } else {
      result.warnings.push(...issues);
      result.accepted.push(values);
    }
  }
  return result;
}
