// .xlsx bytes -> WorkbookSnapshot, in Node and the browser: one code path. The zip directory is read under
// caps (read-zip.ts) and only the parts the snapshot needs are inflated, each once: the workbook and its
// relationships, the shared strings, the styles, the listed worksheets and docProps/core.xml. Parts are
// scanned byte by byte (read-scan.ts) straight into the snapshot, with every bound inside the scan.
// The htmlparser2 reader this replaced is kept as the test oracle (tests/xlsx/read/legacy/).
import type { WorkbookSnapshot } from "../core/snapshot";
import { DEFAULT_LIMITS, type ReadLimits } from "./limits";
import { bookParts, corePropsPath, readCellFormats, readSavedAt, readSharedStrings } from "./read-book";
import { readCells, type CellsContext } from "./read-cells";
import { WorkbookReadError } from "./read-error";
import { sniff } from "./read-sniff";
import { partKey, ZipReader, type Checksum, type Inflater } from "./read-zip";

export { WorkbookReadError } from "./read-error";
export type { Checksum, Inflater } from "./read-zip";

export interface ReadWorkbookOptions {
  name?: string;
  modified?: string;
  limits?: Partial<ReadLimits>;
  /** Raw DEFLATE inflater; default fflate (the CLI passes Node's zlib, which is faster there). */
  inflate?: Inflater;
  /** CRC-32 of a part's bytes, checked against the zip's; default crc-32's (the CLI passes zlib's). */
  crc32?: Checksum;
  /** Only the sheets this keeps are inflated and read (a previous bulletin's data sheet, not its 明细). */
  sheets?: (name: string) => boolean;
}

/** docProps/core.xml is a few hundred bytes; anything far larger is ignored, not read. */
const MAX_CORE_PROPS = 1024 * 1024;

/** Reads a workbook; throws WorkbookReadError (code + zh-CN message) when the bytes cannot be used. */
export async function readWorkbook(
  bytes: Uint8Array,
  opts: ReadWorkbookOptions = {},
): Promise<WorkbookSnapshot> {
  return readWorkbookSync(bytes, opts);
}

export function readWorkbookSync(bytes: Uint8Array, opts: ReadWorkbookOptions = {}): WorkbookSnapshot {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  sniff(bytes);
  const zip = new ZipReader(bytes, limits, opts.inflate, opts.crc32);
  const wbXml = zip.read("xl/workbook.xml");
  if (!wbXml)
    throw new WorkbookReadError("file.not_workbook", { detail: "压缩包中没有工作簿(xl/workbook.xml)" });
  const book = bookParts(wbXml, zip.read("xl/_rels/workbook.xml.rels") ?? null, limits);

  // Two sheets of one name (Excel forbids it, ignoring case) or two sheets on one part: which one a
  // program reads is arbitrary, so rows could vanish without a word; the file is refused instead.
  const names = new Set<string>();
  const paths = new Set<string>();
  for (const s of book.sheets) {
    const key = s.name.toLowerCase();
    if (names.has(key))
      throw new WorkbookReadError("file.corrupt", { detail: `有两个名为\u201c${s.name}\u201d的工作表` });
    names.add(key);
    if (s.path === null || !zip.has(s.path)) continue;
    const part = partKey(s.path);
    if (paths.has(part))
      throw new WorkbookReadError("file.corrupt", {
        detail: `工作表\u201c${s.name}\u201d与另一工作表指向同一部件 ${s.path}`,
      });
    paths.add(part);
  }

  const ssXml = book.sharedStrings === null ? undefined : zip.read(book.sharedStrings);
  const stXml = book.styles === null ? undefined : zip.read(book.styles);
  const ctx: CellsContext = {
    shared: ssXml === undefined ? [] : readSharedStrings(ssXml, book.sharedStrings!, limits),
    formats: stXml === undefined ? [] : readCellFormats(stXml, book.styles!, limits),
    date1904: book.date1904,
    limits,
    cellCount: 0,
    gridCells: 0,
    mergeCount: 0,
  };
  // A sheet whose part is missing or is not a worksheet (a chart sheet) has no cells to read.
  const sheets = book.sheets.flatMap((entry) => {
    if (opts.sheets && !opts.sheets(entry.name)) return [];
    const xml = entry.path === null ? undefined : zip.read(entry.path);
    return xml === undefined ? [] : [readCells(xml, entry, ctx)];
  });

  const source: WorkbookSnapshot["source"] = {};
  if (opts.name !== undefined) source.name = opts.name;
  if (opts.modified !== undefined) source.modified = opts.modified;
  const corePath = corePropsPath(zip.read("_rels/.rels", MAX_CORE_PROPS), limits);
  const core = zip.entry(corePath);
  if (core && core.size <= MAX_CORE_PROPS) {
    const savedAt = readSavedAt(zip.read(corePath)!, limits);
    if (savedAt !== undefined) source.savedAt = savedAt;
  }
  return { sheets, source };
}
