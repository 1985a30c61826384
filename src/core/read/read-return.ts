// Reading one return (datapackr order): identify the form from the metadata sheet, check the structure,
// then parse values row by row. Everything found is reported; no row is dropped silently:
// rows.read = rows.accepted + rows.rejected over the 企业名录 and 平台与集群 data rows, always.
import { chainOptions } from "../form/template";
import type { FormDef, TableSheetDef } from "../form/types";
import { formTables } from "../form/tables";
import { chainFieldKey } from "../form/lists";
import { formOfSnapshot, formsOf } from "../form/versions";
import type { Issue } from "../issues";
import type { Plan } from "../plan/types";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { identify, type Expectation } from "./identify";
import { makeIssue, sortInto } from "./issue";
import { parseField, rawCell, rawText } from "./normalise";
import { dataRowIndexes, readTable, type TableResult } from "./rows";
import { headerIssues, regionLabelIssues, sheetIssues, unheadedDataIssues } from "./structure";
import { historyIssues } from "../history/check";
import { HISTORY_SHEET, readHistorySheet, type PreviousRound } from "../history/previous";
import type { EnterpriseRecord, PlatformRecord, RegionRecord, RejectedRow, ReturnResult } from "./types";

export interface ReadOptions {
  plan: Plan;
  form?: FormDef;
  file: string;
  modified?: string | null;
  expect?: Expectation;
  /** Today, ISO date in China time: the latest 填报日期 accepted. Absent: that bound is not checked. */
  today?: string | null;
  /** Last round's figures for the history rules; absent: the workbook's own 上期数据 sheet (a prefilled
   * template), if any; null: none. */
  previous?: PreviousRound | null;
}

/** An error about the workbook as a whole makes the return unusable: no record of it may be counted. */
export function isFileLevel(issue: Issue): boolean {
  return issue.severity === "error" && issue.scope === "file";
}

interface SheetRead {
  table: TableSheetDef;
  sheet: SheetSnapshot | undefined;
  /** null when the structure is broken and values were not parsed. */
  result: TableResult | null;
  /** Rows counted when values were not parsed. */
  unparsed: number[];
}

export function readReturn(snapshot: WorkbookSnapshot, opts: ReadOptions): ReturnResult {
  // The version the return says it is (version 1 returns are still read), else the current form.
  const form = opts.form ?? formOfSnapshot(snapshot, formsOf(opts.plan));
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const id = identify(snapshot, form, opts.plan, opts.expect);
  errors.push(...id.errors);
  sortInto(sheetIssues(snapshot, form), errors, warnings);

  const byName = new Map(snapshot.sheets.map((s) => [s.name, s]));
  // The chain field's options are the plan's chains (the field names the list; its key is the form's).
  const chainKey = chainFieldKey(form.enterprises.fields);
  const ctx = {
    yearMax: id.period?.year ?? null,
    options: chainKey === null ? {} : { [chainKey]: chainOptions(opts.plan) },
  };

  const reads: SheetRead[] = formTables(form).map((table) => {
    const sheet = byName.get(table.name);
    if (!sheet) return { table, sheet, result: null, unparsed: [] };
    const structure = headerIssues(sheet, table);
    sortInto(structure, errors, warnings);
    if (structure.some((i) => i.severity === "error")) {
      // Columns cannot be trusted: count every non-blank row, parse none.
      const width = sheet.cells.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
      return { table, sheet, result: null, unparsed: dataRowIndexes(sheet, table.firstDataRow, width) };
    }
    sortInto(unheadedDataIssues(sheet, table), errors, warnings);
    const result = readTable(sheet, table, ctx);
    sortInto(result.rowIssues, errors, warnings);
    warnings.push(...result.warnings);
    return { table, sheet, result, unparsed: [] };
  });

  const region = readRegion(
    byName.get(form.region.name),
    form,
    ctx.yearMax,
    opts.today ?? null,
    errors,
    warnings,
  );

  const fileErrors = errors.filter(isFileLevel);
  const rejected = fileErrors.length > 0;
  const rejectedRows: RejectedRow[] = [];
  let read = 0;
  let accepted = 0;
  const enterprises: EnterpriseRecord[] = [];
  const platforms: PlatformRecord[] = [];
  for (const s of reads) {
    const rowsOfSheet = s.result ? s.result.read : s.unparsed.length;
    read += rowsOfSheet;
    if (s.result) {
      if (rejected) {
        const own = new Map(s.result.rejected.map((x) => [x.row, x]));
        const all = [
          ...s.result.rejected,
          ...s.result.accepted.map((a) => ({ sheet: a.sheet, row: a.row, issues: [] })),
        ];
        all.sort((a, b) => a.row - b.row);
        for (const x of all)
          rejectedRows.push(own.get(x.row) ?? { sheet: x.sheet, row: x.row, issues: fileErrors });
      } else {
        rejectedRows.push(...s.result.rejected);
        accepted += s.result.accepted.length;
        const target = (s.table === form.enterprises ? enterprises : platforms) as unknown[];
        target.push(...s.result.accepted);
      }
    } else {
      for (const r of s.unparsed) rejectedRows.push({ sheet: s.table.name, row: r + 1, issues: fileErrors });
    }
  }

  const meta = id.meta;
  const unitName = meta
    ? (opts.plan.units.find((u) => u.code === meta.unitCode)?.name ?? meta.unitName)
    : null;
  const result: ReturnResult = {
    file: opts.file,
    unit: meta?.unitCode ?? null,
    unitName: unitName || null,
    period: meta?.period ?? null,
    formVersion: meta?.formVersion ?? null,
    meta,
    rejected,
    errors,
    warnings,
    rows: { read, accepted, rejected: read - accepted },
    enterprises,
    platforms,
    region: rejected ? null : region,
    rejectedRows,
    modified: opts.modified ?? snapshot.source?.modified ?? null,
    savedAt: snapshot.source?.savedAt ?? null,
    filledOn: rejected ? null : (region?.filled_on ?? null),
  };
  // History rules (warnings only): against last round's figures when known, and rules without prev().
  if (!rejected && form.enterprises.checks?.length && id.period) {
    const previous =
      opts.previous !== undefined ? opts.previous : readHistorySheet(byName.get(HISTORY_SHEET), form);
    result.previous = previous;
    warnings.push(...historyIssues(result, previous, { plan: opts.plan, form, periodYear: id.period.year }));
  }
  return result;
}

/**
 * The 区域指标 values. An error here is listed (and makes the check fail) but does not reject the
 * enterprise rows: the unit's enterprises still count; only the indicator needing the value has no data.
 */
function readRegion(
  sheet: SheetSnapshot | undefined,
  form: FormDef,
  yearMax: number | null,
  today: string | null,
  errors: Issue[],
  warnings: Issue[],
): RegionRecord | null {
  if (!sheet) return null;
  const labels = regionLabelIssues(sheet, form.region);
  errors.push(...labels);
  if (labels.length > 0) return null;
  const record: Record<string, string | number | boolean | null> = {};
  for (const c of form.region.cells) {
    const v = (sheet.cells[c.row - 1] ?? [])[1];
    const p = parseField(c, v, { yearMax, today });
    record[c.key] = p.error ? null : p.value;
    const at = { sheet: sheet.name, cell: `B${c.row}`, field: c.key, label: c.header };
    const value = rawText(rawCell(v));
    if (p.warning) warnings.push(makeIssue(p.warning.code, { ...at, value, args: p.warning.args }));
    if (p.error) errors.push(makeIssue(p.error.code, { ...at, value, args: p.error.args }));
  }
  return record as unknown as RegionRecord;
}
