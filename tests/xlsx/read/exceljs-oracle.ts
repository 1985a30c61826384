// TEST ORACLE: the ExcelJS-based reader as src/xlsx/read.ts was before the direct reader replaced it
// (copied verbatim, imports adjusted; with its guard in exceljs-oracle-guard.ts). equivalence.test.ts
// checks the direct reader against it. Do not "fix" it: its quirks are what the tests document.
import ExcelJS from "exceljs";
import { parseRange, rangeAddress } from "../../../src/core/a1";
import type { SheetSnapshot, SnapshotValue, WorkbookSnapshot } from "../../../src/core/snapshot";
import { DEFAULT_LIMITS, type ReadLimits } from "../../../src/xlsx/limits";
import { WorkbookReadError } from "../../../src/xlsx/read-error";
import { guardWorkbook, type SheetEntry } from "./exceljs-oracle-guard";

export interface ReadWorkbookOptions {
  name?: string;
  modified?: string;
  limits?: Partial<ReadLimits>;
}

const MS_PER_DAY = 86400000;
/** Excel serial of 1970-01-01 (1900 date system); the 1904 system is 1462 days less. */
const EPOCH_SERIAL = 25569;

function serial(d: Date, date1904: boolean): number {
  return EPOCH_SERIAL + d.getTime() / MS_PER_DAY - (date1904 ? 1462 : 0);
}

function richText(v: { richText?: { text?: string }[] }): string {
  return (v.richText ?? []).map((r) => r.text ?? "").join("");
}

type Plain = string | number | boolean | null | { error: string };

/** A non-formula value: dates as serials, rich text and hyperlinks as plain text. */
function plain(v: unknown, date1904: boolean): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: "#VALUE!" } : serial(v, date1904);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("error" in o) return { error: String(o.error) };
    if ("richText" in o) return richText(o as { richText: { text?: string }[] });
    if ("text" in o) {
      const t = o.text;
      return typeof t === "string"
        ? t
        : t && typeof t === "object"
          ? richText(t as { richText: { text: string }[] })
          : "";
    }
  }
  return String(v);
}

function cellValue(cell: ExcelJS.Cell, date1904: boolean): SnapshotValue {
  if (cell.type === ExcelJS.ValueType.Merge || cell.type === ExcelJS.ValueType.Null) return null;
  if (cell.type === ExcelJS.ValueType.Formula) {
    const v = cell.value as { result?: unknown };
    const result = v.result === undefined ? undefined : plain(v.result, date1904);
    return { formula: cell.formula ?? "", result };
  }
  return plain(cell.value, date1904);
}

function sheetSnapshot(
  ws: ExcelJS.Worksheet,
  entry: SheetEntry | undefined,
  date1904: boolean,
  limits: ReadLimits,
): SheetSnapshot {
  const name = ws.name;
  // Sparse first: only cells with a value count for the grid's extent (styled empty rows do not).
  const found: { r: number; c: number; v: SnapshotValue; pct: boolean }[] = [];
  let lastRow = 0;
  let lastCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cellValue(cell, date1904);
      if (v === null) return;
      const num =
        typeof v === "number" || (typeof v === "object" && "formula" in v && typeof v.result === "number");
      found.push({ r, c, v, pct: num && !!cell.numFmt && cell.numFmt.includes("%") });
      if (r > lastRow) lastRow = r;
      if (c > lastCol) lastCol = c;
    });
  });
  if (lastRow > limits.maxRows || lastRow * lastCol > limits.maxCells * 4)
    throw new WorkbookReadError("file.too_many_rows", {
      sheet: name,
      max: `${limits.maxRows} 行或 ${limits.maxCells * 4} 个单元格的区域`,
      detail: `数据区域为 ${lastRow} 行 × ${lastCol} 列`,
    });
  const cells: SnapshotValue[][] = [];
  for (let r = 0; r < lastRow; r++) cells.push(new Array<SnapshotValue>(lastCol).fill(null));
  const numFmts: Record<string, string> = {};
  for (const f of found) {
    cells[f.r - 1][f.c - 1] = f.v;
    if (f.pct)
      numFmts[rangeAddress({ top: f.r - 1, left: f.c - 1, bottom: f.r - 1, right: f.c - 1 })] = ws.getCell(
        f.r,
        f.c,
      ).numFmt;
  }
  const merges = Object.values(
    (ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {},
  )
    .map((m) => {
      try {
        return rangeAddress(parseRange(m.range.replace(/^.*!/, "")));
      } catch {
        return null;
      }
    })
    .filter((m): m is string => m !== null);
  const state = (ws.state as string) ?? "visible";
  return {
    name,
    state: state === "hidden" || state === "veryHidden" ? state : (entry?.state ?? "visible"),
    cells,
    merges,
    ...(Object.keys(numFmts).length > 0 ? { numFmts } : {}),
  };
}

/** Reads a workbook; throws WorkbookReadError (code + zh-CN message) when the bytes cannot be used. */
export async function readWorkbookExcelJS(
  bytes: Uint8Array,
  opts: ReadWorkbookOptions = {},
): Promise<WorkbookSnapshot> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const guard = await guardWorkbook(bytes, limits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new WorkbookReadError("file.corrupt", { detail: (e as Error).message });
  }
  const byName = new Map(guard.sheets.map((s) => [s.name, s]));
  const order = new Map(guard.sheets.map((s, i) => [s.name, i]));
  const worksheets = [...wb.worksheets].sort(
    (a, b) => (order.get(a.name) ?? 1e9) - (order.get(b.name) ?? 1e9),
  );
  const date1904 = guard.date1904 || !!(wb.properties as { date1904?: boolean }).date1904;
  const sheets = worksheets.map((ws) => sheetSnapshot(ws, byName.get(ws.name), date1904, limits));
  const source: WorkbookSnapshot["source"] = {};
  if (opts.name !== undefined) source.name = opts.name;
  if (opts.modified !== undefined) source.modified = opts.modified;
  return { sheets, source };
}
