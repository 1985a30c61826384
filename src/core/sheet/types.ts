// The "sheet description": what an adapter writes into a workbook. It knows nothing of ExcelJS or
// Office.js, so the template written by the CLI and the one inserted by the task pane are the same.

/** A value to write. Strings are always written as text, even when they start with "=" (returns are
 * untrusted: no formula injection). Only a `Formula` object is written as a formula. */
export type CellValue = string | number | boolean | null | Formula;

export interface Formula {
  /** Without the leading "=", A1 references, English function names, e.g. `SUM(B2:B9)`. */
  formula: string;
  /** Optional cached result, written where the adapter can (ExcelJS) so readers see it before recalculation. */
  result?: string | number | boolean;
}

/** Colours are 6-digit hex RGB without "#", e.g. "C6EFCE". */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fontName?: string;
  fill?: string;
  numFmt?: string;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  border?: boolean;
  /** false = unlocked (an input cell) when the sheet is protected. Cells are locked by default. */
  locked?: boolean;
}

export interface StyledRange {
  /** A1 range, e.g. "A1:F1" or "B7". */
  range: string;
  style: CellStyle;
}

export type ValidationType = "list" | "whole" | "decimal" | "textLength" | "date" | "custom";
export type ValidationOperator =
  | "between"
  | "notBetween"
  | "equal"
  | "notEqual"
  | "greaterThan"
  | "lessThan"
  | "greaterThanOrEqual"
  | "lessThanOrEqual";

export interface DataValidation {
  /** A1 range, e.g. "B2:B5001". */
  range: string;
  type: ValidationType;
  operator?: ValidationOperator;
  /** For "list": the allowed values (written as an inline list; keep the joined text under 255 chars). */
  list?: string[];
  /** For whole/decimal/textLength/date: bounds (dates as ISO yyyy-mm-dd strings). */
  min?: number | string;
  max?: number | string;
  /** For "custom": a formula without "=". */
  formula?: string;
  allowBlank: boolean;
  prompt?: { title: string; message: string };
  error: { title: string; message: string; style?: "stop" | "warning" | "information" };
}

export interface ConditionalFormat {
  range: string;
  /** "expression": formula (without "=") relative to the top-left cell of range. "cellIs": compare the cell. */
  type: "expression" | "cellIs";
  operator?: ValidationOperator;
  formula: string;
  formula2?: string;
  style: Pick<CellStyle, "fill" | "fontColor" | "bold">;
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  paperSize: "A4";
  fitToWidth: boolean;
  /** Rows repeated at the top of each printed page, e.g. "1:1" or "1:3". */
  printTitleRows?: string;
  /** Columns repeated at the left of each printed page when a sheet is several pages wide, e.g. "A:B". */
  printTitleColumns?: string;
  /** Print scale in percent when not fitted to width (see core/sheet/print-fit.ts). */
  scale?: number;
  printArea?: string;
  centerHorizontally?: boolean;
  margins?: { left: number; right: number; top: number; bottom: number }; // inches
  footer?: string;
}

export interface ChartDescription {
  type: "bar" | "column" | "line";
  title: string;
  /** A1 range on the same sheet holding the category labels. */
  categories: string;
  /** A1 ranges holding the series values, with their names; `dash`: a dashed line (a target path). */
  series: { name: string; values: string; dash?: boolean }[];
  /** Top-left cell and size in cells. */
  anchor: { cell: string; widthCols: number; heightRows: number };
  /** Axis and legend text size in points (default 9; the title is 5 points larger). */
  textPoints?: number;
}

export interface NoteDescription {
  cell: string;
  text: string;
  /** Who the note is from, as the spreadsheet shows it (the bureau); default: the template's own words. */
  author?: string;
}

export interface SheetDescription {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Row-major values from A1 (rows[0][0] is A1). Shorter rows are padded with empty cells. */
  rows: CellValue[][];
  /** Column widths in characters, index 0 = column A. */
  columnWidths?: number[];
  /** 0-based columns hidden on screen and paper (machine keys a reader needs but a person does not). */
  hiddenColumns?: number[];
  /** Height in points per row index (0-based), where it matters (titles, wrapped text). */
  rowHeights?: Record<number, number>;
  styles?: StyledRange[];
  merges?: string[];
  /** Number of top rows / left columns frozen. */
  freeze?: { rows: number; columns: number };
  validations?: DataValidation[];
  conditionalFormats?: ConditionalFormat[];
  /** Protected sheets allow editing only of cells styled `locked: false`; no password. */
  protection?: {
    protected: boolean;
    allowFormatColumns?: boolean;
    allowSort?: boolean;
    allowAutoFilter?: boolean;
  };
  autoFilter?: string;
  print?: PrintSetup;
  charts?: ChartDescription[];
  notes?: NoteDescription[];
  /** 0-based rows that start a new printed page (manual page breaks above them). */
  pageBreaks?: number[];
  /** Tab colour, hex RGB. */
  tabColor?: string;
}

export interface DefinedName {
  name: string;
  /** Absolute reference with sheet, e.g. `'企业名录'!$A$2:$A$5001`. */
  ref: string;
}

export interface WorkbookDescription {
  sheets: SheetDescription[];
  names?: DefinedName[];
  /** Document properties. */
  /** `modified` (ISO): the saved time written to docProps/core.xml; absent: `created`. */
  properties?: { title?: string; creator?: string; created?: string; modified?: string };
}
