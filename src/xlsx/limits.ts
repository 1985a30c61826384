// Bounds on what the reader accepts, checked before ExcelJS parses anything: returns are untrusted.
// A real return is a few MB; these leave a wide margin and refuse zip bombs and runaway sheets fast.

export interface ReadLimits {
  /** Sum of uncompressed sizes of all zip entries, declared and actual. */
  maxTotalBytes: number;
  /** Compression ratio above which a large entry is taken for a zip bomb. */
  maxRatio: number;
  /** An entry counts as large (ratio-checked) from this uncompressed size. */
  ratioCheckFrom: number;
  /** Row elements per worksheet. */
  maxRows: number;
  /** Cell elements per worksheet. */
  maxCells: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioCheckFrom: 1024 * 1024,
  maxRows: 100_000,
  maxCells: 1_000_000,
};
