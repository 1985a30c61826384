// Puts data into a template description to make a filled return (demo data, tests). The template's
// validation and protection are kept; values are written as given (strings stay text).
import type { CellValue, SheetDescription, WorkbookDescription } from "../sheet/types";
import type { FormDef, TableSheetDef } from "./types";
import { hasPlatforms } from "./tables";

export interface FillData {
  /** 企业名录 data rows, values in form column order, written from the first data row down. */
  enterprises?: CellValue[][];
  /** 平台与集群 data rows, in form column order. */
  platforms?: CellValue[][];
  /** 区域指标 values by cell key (e.g. `contact`), written in column B of the cell's row. */
  region?: Record<string, CellValue>;
}

function withRows(sheet: SheetDescription, firstRow0: number, data: CellValue[][]): SheetDescription {
  const rows = sheet.rows.map((r) => [...r]);
  data.forEach((values, i) => {
    const r = firstRow0 + i;
    while (rows.length <= r) rows.push([]);
    rows[r] = [...values];
  });
  return { ...sheet, rows };
}

function sheetOf(desc: WorkbookDescription, name: string): number {
  const i = desc.sheets.findIndex((s) => s.name === name);
  if (i < 0) throw new Error(`模板中没有工作表\u201c${name}\u201d`);
  return i;
}

/**
 * A new description with the data filled in (the input is not changed). Rows beyond the template's
 * validated rows are written too (tests of the reader need them); unknown region keys throw.
 */
export function fillTemplate(desc: WorkbookDescription, data: FillData, form: FormDef): WorkbookDescription {
  const sheets = [...desc.sheets];
  const table = (t: TableSheetDef, rows: CellValue[][] | undefined) => {
    if (!rows || rows.length === 0) return;
    const i = sheetOf(desc, t.name);
    sheets[i] = withRows(sheets[i], t.firstDataRow - 1, rows);
  };
  table(form.enterprises, data.enterprises);
  if (hasPlatforms(form)) table(form.platforms, data.platforms);
  if (data.region) {
    const i = sheetOf(desc, form.region.name);
    const rows = sheets[i].rows.map((r) => [...r]);
    for (const [key, value] of Object.entries(data.region)) {
      const cell = form.region.cells.find((c) => c.key === key);
      if (!cell) throw new Error(`区域指标中没有\u201c${key}\u201d`);
      while (rows.length < cell.row) rows.push([]);
      const row = rows[cell.row - 1];
      while (row.length < 2) row.push(null);
      row[1] = value;
    }
    sheets[i] = { ...sheets[i], rows };
  }
  return { ...desc, sheets };
}
