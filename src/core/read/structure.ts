// Step 2 of reading a return: is the structure the template's (sheets, header rows, region labels)?
// Checked before any value is parsed: a moved column would otherwise be read as the wrong field.
import { HISTORY_SHEET } from "../history/previous";
import { address } from "../a1";
import type { FormDef, RegionSheetDef, TableSheetDef } from "../form/types";
import type { Issue } from "../issues";
import { formSheetNames } from "../form/tables";
import type { SheetSnapshot, SnapshotValue, WorkbookSnapshot } from "../snapshot";
import { makeIssue } from "./issue";
import { isBlankValue, rawCell, rawText } from "./normalise";

/** Header text compared without any whitespace (wrapped headers carry line breaks). */
function headerKey(v: SnapshotValue | undefined): string {
  const t = rawText(rawCell(v));
  return t === null ? "" : t.replace(/[\s\u200b-\u200d\ufeff]+/g, "");
}

export function sheetIssues(snapshot: WorkbookSnapshot, form: FormDef): Issue[] {
  const expected = formSheetNames(form);
  // 上期数据: last round's figures a prefilled template carries (very hidden, for the self-check).
  const known = new Set([...expected, form.metaSheet, HISTORY_SHEET]);
  const present = new Set(snapshot.sheets.map((s) => s.name));
  const added = snapshot.sheets.filter((s) => !known.has(s.name));
  const issues: Issue[] = [];
  for (const name of expected) {
    if (present.has(name)) continue;
    const detail =
      added.length > 0 ? `是否被改名为${added.map((s) => `\u201c${s.name}\u201d`).join("或")}？` : undefined;
    issues.push(makeIssue("sheet.missing", { sheet: name, args: { expected: name, detail } }));
  }
  for (const s of added) {
    const detail = s.state === "visible" ? undefined : "隐藏的工作表";
    issues.push(makeIssue("sheet.added", { sheet: s.name, value: s.name, args: { actual: s.name, detail } }));
  }
  return issues;
}

/** Header row against the form's headers, in order: missing, renamed, moved and added columns. */
export function headerIssues(sheet: SheetSnapshot, t: TableSheetDef): Issue[] {
  const hr = t.headerRow - 1;
  const row = sheet.cells[hr] ?? [];
  const actual = row.map(headerKey);
  const expected = t.fields.map((f) => headerKey(f.header));
  const issues: Issue[] = [];
  const explained = new Set<number>();
  t.fields.forEach((f, i) => {
    const at = address(hr, i);
    if (actual[i] === expected[i]) {
      explained.add(i);
      return;
    }
    const j = actual.indexOf(expected[i]);
    if (j >= 0) {
      explained.add(j);
      issues.push(
        makeIssue("column.moved", {
          sheet: sheet.name,
          cell: address(hr, j),
          field: f.key,
          value: f.header,
          args: { expected: f.header, other: at },
        }),
      );
    } else if (actual[i] && !expected.includes(actual[i])) {
      explained.add(i);
      const written = rawText(rawCell(row[i]));
      issues.push(
        makeIssue("column.renamed", {
          sheet: sheet.name,
          cell: at,
          field: f.key,
          value: written,
          args: { expected: f.header, actual: written ?? "" },
        }),
      );
    } else {
      issues.push(
        makeIssue("column.missing", {
          sheet: sheet.name,
          cell: at,
          field: f.key,
          args: { expected: f.header },
        }),
      );
    }
  });
  actual.forEach((key, j) => {
    if (!key || explained.has(j) || expected.includes(key)) return;
    const written = rawText(rawCell(row[j]));
    issues.push(
      makeIssue("column.added", {
        sheet: sheet.name,
        cell: address(hr, j),
        value: written,
        args: { actual: written ?? "" },
      }),
    );
  });
  return issues;
}

/** Data written right of the form's columns under no header: not read, so say so (once per column). */
export function unheadedDataIssues(sheet: SheetSnapshot, t: TableSheetDef): Issue[] {
  const n = t.fields.length;
  const header = sheet.cells[t.headerRow - 1] ?? [];
  const seen = new Set<number>();
  const issues: Issue[] = [];
  for (let r = t.firstDataRow - 1; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    if (!row || row.length <= n) continue;
    for (let c = n; c < row.length; c++) {
      if (seen.has(c) || headerKey(header[c]) || isBlankValue(row[c])) continue;
      seen.add(c);
      const written = rawText(rawCell(row[c]));
      issues.push(makeIssue("column.added", { sheet: sheet.name, cell: address(r, c), value: written }));
    }
  }
  return issues;
}

/** Labels of the region sheet in column A at their rows. */
export function regionLabelIssues(sheet: SheetSnapshot, region: RegionSheetDef): Issue[] {
  const issues: Issue[] = [];
  for (const c of region.cells) {
    const v = (sheet.cells[c.row - 1] ?? [])[0];
    if (headerKey(v) === headerKey(c.header)) continue;
    const written = rawText(rawCell(v));
    issues.push(
      makeIssue("region.label", {
        sheet: sheet.name,
        cell: `A${c.row}`,
        field: c.key,
        value: written,
        args: { expected: c.header, actual: written ?? "" },
      }),
    );
  }
  return issues;
}
