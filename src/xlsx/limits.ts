// Bounds on what the reader accepts: returns are untrusted. A real return is a few MB; these leave a wide
// margin and refuse zip bombs, runaway sheets and files built to exhaust time or memory, fast. Caps on cells
// count data (cells holding a value), not the template's empty formatted cells.

export interface ReadLimits {
  /** Sum of uncompressed sizes of all zip entries, declared and actual. */
  maxTotalBytes: number;
  /** Compression ratio above which a large entry is taken for a zip bomb. */
  maxRatio: number;
  /** An entry counts as large (ratio-checked) from this uncompressed size. */
  ratioCheckFrom: number;
  /** Last row holding a value, per worksheet. */
  maxRows: number;
  /** Cells holding a value, in the whole workbook. */
  maxCells: number;
  /** Zip entries (an .xlsx has a few dozen). */
  maxEntries: number;
  /** Sheets listed in the workbook. */
  maxSheets: number;
  /** Dense grid handed to the core (last row × last column with a value), summed over sheets. */
  maxGridCells: number;
  /** Merged ranges, in the whole workbook. */
  maxMerges: number;
  /** Characters of one cell's text or formula (Excel: 32,767 and 8,192). */
  maxTextLength: number;
  /** Element nesting depth of any part (SpreadsheetML needs about 10). */
  maxDepth: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioCheckFrom: 1024 * 1024,
  maxRows: 100_000,
  maxCells: 3_000_000,
  maxEntries: 10_000,
  maxSheets: 255,
  maxGridCells: 6_000_000,
  maxMerges: 20_000,
  maxTextLength: 32_767,
  maxDepth: 100,
};
