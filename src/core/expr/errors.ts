// Errors of the expression language: a stable code, the character span it points at, a zh-CN message
// that names the (1-based) character, as officers count them in the cell.

export type ExprErrorCode =
  | "EXPR_EMPTY"
  | "EXPR_TOO_LONG"
  | "EXPR_SYNTAX"
  | "EXPR_UNKNOWN_FIELD"
  | "EXPR_UNKNOWN_FUNCTION"
  | "EXPR_UNKNOWN_NAME"
  | "EXPR_ARITY"
  | "EXPR_TYPE"
  | "EXPR_TOO_DEEP";

export class ExprError extends Error {
  /**
   * @param offset 0-based offset of the first character the error points at, in the expression as typed.
   * @param end offset just after the span.
   * @param detail what is wrong, without the position.
   */
  constructor(
    readonly code: ExprErrorCode,
    readonly offset: number,
    readonly end: number,
    readonly detail: string,
  ) {
    super(`第${offset + 1}个字符：${detail}`);
  }
}
