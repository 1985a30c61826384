// What one function of the expression language is (DHIS2 gives each function its own class): its name,
// the arguments it takes, where it may be used, and one `compile` that type-checks its arguments through
// the compiler and returns its runtime. The compiler (../compile.ts) only looks the name up in the
// registry (index.ts), checks the number of arguments, and dispatches.
import type { ExprErrorCode } from "../errors";
import type { ExprEnv, ExprField, ExprTier, ExprType } from "../env";
import type { Node } from "../parse";
import type { AggregateTrace, NumFn, PartsFn, RowFilter, RowFn } from "../runtime";

export type CallNode = Extract<Node, { type: "call" }>;
/** Which rows a row expression reads: an enterprise's, a platform's. */
export type RowScope = "enterprise" | "platform";

/** The kinds of argument a function takes (for its usage line and the arity check). */
export type Param =
  "any" | "pop" | "tier" | "field" | "numField" | "yearField" | "regionField" | "filter" | "platformFilter";

/** A row expression's type (bool for a condition) and its runtime. */
export interface Typed {
  type: ExprType;
  fn: RowFn;
}

/** An indicator function's runtime: its value, and for a ratio its numerator and denominator. */
export interface Aggregate {
  fn: NumFn;
  parts: PartsFn | null;
  trace: AggregateTrace | null;
}

/** What a function may ask of the compiler while it checks its arguments. Each check reports its own
 * error (at the argument's characters) and returns null or a stand-in, so checking goes on. */
export interface Checker {
  readonly env: ExprEnv;
  fail(code: ExprErrorCode, span: { start: number; end: number }, detail: string): void;
  /** A field of the enterprise, platform or region sheet, by key or header. */
  field(n: Node, scope: RowScope | "region"): ExprField | null;
  /** An enterprise field the function `fn` reads; numeric: it must be a number or a year. "" if unknown. */
  fieldKey(n: Node, fn: string, numeric: boolean): string;
  /** A population's name, or null (reported). */
  population(n: Node): string | null;
  /** A tier of the plan, or null (reported). */
  tier(n: Node): ExprTier | null;
  /** A yes/no condition over a row. */
  condition(n: Node, scope: RowScope): RowFilter;
  /** Any row expression, typed. */
  row(n: Node, scope: RowScope): Typed;
  /** The expression reads the firm's previous-round row. */
  usesPrevious(): void;
}

interface Signature {
  name: string;
  params: Param[];
  optional?: Param[];
  /** The call as the README and the arity error show it: sum(字段, 企业范围[, 条件]). */
  usage: string;
}

/** A function over one row: used in conditions (a population's filter, count's condition, a rule). */
export interface RowFunction extends Signature {
  context: "filter";
  compile(c: Checker, n: CallNode, scope: RowScope): Typed | null;
}

/** A function over the rows of a unit: used in an indicator's expression. */
export interface IndicatorFunction extends Signature {
  context: "indicator";
  /** Gives a numerator and a denominator (a top-level ratio). */
  ratio?: boolean;
  compile(c: Checker, n: CallNode): Aggregate | null;
}

export type ExprFunction = RowFunction | IndicatorFunction;

/** A type as the error messages name it. */
export const TYPE_NAMES: Record<ExprType | "bool", string> = {
  number: "数值",
  year: "年份",
  bool: "是/否",
  text: "文字",
};

/** The drill-down trace of an aggregate call. */
export function traceOf(
  n: CallNode,
  population: string | null,
  filter: RowFilter | null,
  fields: string[],
): AggregateTrace {
  return { fn: n.name, population, filter, fields };
}
