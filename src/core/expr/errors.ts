// Errors of the expression language: a code of the one catalogue (src/core/catalogue/expr.ts), the
// character span it points at, a zh-CN message that names the (1-based) character, as officers count them
// in the cell.
import { issueMessage, type ExprErrorCode } from "../catalogue";

export type { ExprErrorCode };

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
    super(issueMessage(code, { char: offset + 1, detail }));
  }
}
