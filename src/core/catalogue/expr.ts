// Errors of the expression language (计算, 筛选条件, 校验规则), for the bureau that writes them: each names
// the 1-based character it points at, as officers count them in the cell, then what is wrong there. A
// plan workbook reports them inside plan.expr at the expression's cell.
import type { CatalogueEntry } from "./entry";

const at = (a: { char?: number; detail?: string }) => `第${a.char ?? 1}个字符：${a.detail ?? ""}`;
const entry = { severity: "error", scope: "cell", audience: "bureau", text: at } as const;
/** The expression is the cell's value; the message points into it instead of repeating it. */
const noValue = "the message names the character of the expression in the cell";

export const EXPR = {
  EXPR_EMPTY: { ...entry, noValue },
  EXPR_TOO_LONG: { ...entry, noValue },
  EXPR_SYNTAX: { ...entry, noValue },
  EXPR_UNKNOWN_FIELD: { ...entry, noValue },
  EXPR_UNKNOWN_FUNCTION: { ...entry, noValue },
  EXPR_UNKNOWN_NAME: { ...entry, noValue },
  EXPR_ARITY: { ...entry, noValue },
  EXPR_TYPE: { ...entry, noValue },
  EXPR_TOO_DEEP: { ...entry, noValue },
} satisfies Record<string, CatalogueEntry>;
