// The reporting form as data (DHIS2 style): fields and cross-field rules, one engine evaluates them.

export type FieldType =
  | "text"
  | "uscc" // 统一社会信用代码, GB 32100-2015
  | "list" // one of `options`
  | "yesno" // 是/否
  | "year" // whole year between yearMin and the period's year
  | "decimal"
  | "whole"
  | "percent" // 0–100 percent points in the sheet; a fraction internally
  | "date"; // a day (Excel date or date text), between dateMin and today; ISO yyyy-mm-dd internally

export interface FieldDef {
  key: string;
  header: string;
  type: FieldType;
  required?: boolean;
  /** Required only when the row is a recognised enterprise (any recognition year filled). */
  requiredIfRecognised?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  /** For "year": the earliest year allowed; the latest is the period's year. */
  yearMin?: number;
  /** For "year": a recognition tier's year (filling one makes revenue required). Default true; false for
   * the years of honours (form version 2). */
  recognition?: boolean;
  /** For "date": the earliest day allowed, ISO; the latest is today. */
  dateMin?: string;
  /** For "list": allowed values. The plan's chains are filled in at build time for the chain list. */
  options?: string[];
  /** For "list": the name of the list the options come from (选项 sheet); "产业链" = the plan's chains
   * (form/lists.ts). */
  list?: string;
  /** Unique within the return (uscc). */
  unique?: boolean;
  /** Carried over when a template is prefilled from the unit's previous return: facts that persist
   * (identity, chain, statuses, recognition and honour years, 服务专员). Absent or false: a figure of
   * the period (本年累计 money, counts that change, 填报日期), left blank for the clerk. */
  carry?: boolean;
  /** Column width in characters in the template. */
  width: number;
  /** Input message shown by the template's data validation (zh-CN). */
  hint: string;
}

/** A rule between two fields of one row: left `op` right, skipped when either side is blank. */
export interface CrossFieldRule {
  code: string;
  severity: "error" | "warning";
  left: string;
  op: "<=" | ">=" | "<" | ">";
  right: string;
  message: string;
}

/**
 * A 校验规则 over expressions (src/core/expr): `left op right`, or a condition that must hold (op
 * "holds", right ""). `when`: the rule applies only to rows where this condition holds. A comparison is
 * checked only when both sides have a value. `prev(f)` reads the firm's row of the previous round (blank
 * for a new firm): such a rule runs only where last round's figures are known (a prefilled template's
 * 上期数据 sheet, `--history DIR`). Always a warning, never a rejection: the clerk explains it in 说明.
 */
export interface ExprRule {
  code: string;
  severity: "warning";
  left: string;
  op: "<=" | ">=" | "<" | ">" | "=" | "<>" | "holds";
  right: string;
  when?: string;
  message: string;
}

/**
 * An honour and its year (form v2): a warning when one is filled without the other, since an honour
 * without its year does not count for the plan period and a year without the honour means nothing.
 */
export interface PairedYearRule {
  code: string;
  /** The honour: a list field (filled and not `none`) or a yes/no-less year-only honour is not paired. */
  field: string;
  /** The list value meaning "none" (e.g. 无). */
  none: string;
  year: string;
  message: string;
}

export interface TableSheetDef {
  name: string;
  /** Header row (1-based) and first data row (1-based). */
  headerRow: number;
  firstDataRow: number;
  /** How many data rows the template validates and leaves unlocked. */
  templateRows: number;
  fields: FieldDef[];
  crossRules: CrossFieldRule[];
  /** Form v2: honour/year pairs checked as warnings. */
  pairedYears?: PairedYearRule[];
  /** Rules over expressions (history rules with prev()): warnings, see ExprRule. */
  checks?: ExprRule[];
}

export interface LabelCellDef extends Omit<FieldDef, "width"> {
  /** Label in column A, input in column B of the same row (1-based row). */
  row: number;
}

export interface RegionSheetDef {
  name: string;
  cells: LabelCellDef[];
}

export interface FormDef {
  id: string;
  version: string;
  title: string;
  instructionsSheet: string;
  enterprises: TableSheetDef;
  platforms: TableSheetDef;
  region: RegionSheetDef;
  metaSheet: string;
  /** The period the money fields (营业收入, 主营业务收入, 研发费用) cover, as stated in the template and in
   * the metadata (form version 2); absent in version 1, which did not say. */
  moneyPeriod?: string;
  /** Lines added to the template's 填报说明 for this version. */
  notes?: string[];
}
