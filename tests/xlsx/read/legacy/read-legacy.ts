// The htmlparser2 reader that read.ts replaced, kept as the test oracle of the new one (not shipped).
// .xlsx bytes -> WorkbookSnapshot. The file is sniffed and its zip
// inflated under caps first (read-guard.ts), which hands over the text of the parts read here; the parts
// are tokenised by htmlparser2 (read-xml.ts) straight into the snapshot, with no workbook model between.
import type { WorkbookSnapshot } from "../../../../src/core/snapshot";
import { DEFAULT_LIMITS, type ReadLimits } from "../../../../src/xlsx/limits";
import { guardWorkbook } from "./read-guard";
import { cellFormats, sharedStrings } from "./read-parts";
import { readSheet, type SheetContext } from "./read-sheet";

export { WorkbookReadError } from "../../../../src/xlsx/read-error";

export interface ReadWorkbookOptions {
  name?: string;
  modified?: string;
  limits?: Partial<ReadLimits>;
}

/** Reads a workbook; throws WorkbookReadError (code + zh-CN message) when the bytes cannot be used. */
export async function readWorkbookLegacy(
  bytes: Uint8Array,
  opts: ReadWorkbookOptions = {},
): Promise<WorkbookSnapshot> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const wb = await guardWorkbook(bytes, limits);
  const part = (path: string | null) => (path === null ? undefined : wb.parts.get(path));
  const ss = part(wb.sharedStrings);
  const st = part(wb.styles);
  const ctx: SheetContext = {
    shared: ss === undefined ? [] : sharedStrings(ss, wb.sharedStrings!),
    formats: st === undefined ? [] : cellFormats(st, wb.styles!),
    date1904: wb.date1904,
    limits,
  };
  // A sheet whose part is missing or is not a worksheet (a chart sheet) has no cells to read.
  const sheets = wb.sheets.flatMap((entry) => {
    const xml = part(entry.path);
    return xml === undefined ? [] : [readSheet(xml, entry, ctx)];
  });
  const source: WorkbookSnapshot["source"] = {};
  if (opts.name !== undefined) source.name = opts.name;
  if (opts.modified !== undefined) source.modified = opts.modified;
  return { sheets, source };
}
