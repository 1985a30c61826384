// The parser: recursive descent over lex.ts tokens into an AST whose nodes keep their character span,
// so every later error (unknown field, type) can point at the text. Precedence, lowest first:
// or, and, not, comparison / in, + -, * /, unary minus.
import { ExprError } from "./errors";
import { tokenize, type Token } from "./lex";

interface Span {
  start: number;
  end: number;
}

export type Node =
  | ({ type: "num"; value: number } & Span)
  | ({ type: "str"; value: string } & Span)
  | ({ type: "bool"; value: boolean } & Span)
  /** A bare name or `${name}` (braced: a field only). */
  | ({ type: "name"; name: string; braced: boolean } & Span)
  | ({ type: "call"; name: string; nameEnd: number; args: Node[] } & Span)
  | ({ type: "neg"; arg: Node } & Span)
  | ({ type: "not"; arg: Node } & Span)
  | ({ type: "binary"; op: BinaryOp; left: Node; right: Node; opStart: number } & Span)
  | ({ type: "in"; negated: boolean; arg: Node; values: Node[] } & Span);

export type BinaryOp = "or" | "and" | "=" | "<>" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "/";

/** Nesting the parser follows: bounds the recursion on a hostile cell. */
export const MAX_DEPTH = 40;
/** Items of one `in (...)` list and arguments of one call. */
export const MAX_LIST = 200;

const COMPARISONS = new Set(["=", "<>", "<", "<=", ">", ">="]);
const KEYWORDS = new Set(["and", "or", "not", "in", "true", "false"]);

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(): Token {
    return this.toks[this.i];
  }
  private keyword(k: string): boolean {
    return this.peek().kind === "name" && this.peek().text.toLowerCase() === k;
  }
  private fail(t: Token, what: string): never {
    throw new ExprError("EXPR_SYNTAX", t.start, Math.max(t.end, t.start + 1), what);
  }
  private describe(t: Token): string {
    return t.kind === "eof"
      ? "表达式不完整"
      : `此处不应出现\u201c${t.kind === "str" ? `"${t.text}"` : t.text}\u201d`;
  }
  private expect(kind: Token["kind"], what: string): Token {
    const t = this.peek();
    if (t.kind !== kind) this.fail(t, `${this.describe(t)}，应为${what}`);
    this.i++;
    return t;
  }
  private enter(t: Token): void {
    if (++this.depth > MAX_DEPTH)
      throw new ExprError("EXPR_TOO_DEEP", t.start, t.end, `嵌套不能超过${MAX_DEPTH}层`);
  }

  parse(): Node {
    if (this.peek().kind === "eof") throw new ExprError("EXPR_EMPTY", 0, 0, "表达式为空");
    const n = this.or();
    if (this.peek().kind !== "eof") this.fail(this.peek(), this.describe(this.peek()));
    return n;
  }

  private binary(op: BinaryOp, left: Node, right: Node, opStart: number): Node {
    return { type: "binary", op, left, right, opStart, start: left.start, end: right.end };
  }

  private or(): Node {
    let left = this.and();
    while (this.keyword("or")) {
      const t = this.peek();
      this.i++;
      left = this.binary("or", left, this.and(), t.start);
    }
    return left;
  }
  private and(): Node {
    let left = this.not();
    while (this.keyword("and")) {
      const t = this.peek();
      this.i++;
      left = this.binary("and", left, this.not(), t.start);
    }
    return left;
  }
  private not(): Node {
    if (this.keyword("not")) {
      const t = this.peek();
      this.enter(t);
      this.i++;
      const arg = this.not();
      this.depth--;
      return { type: "not", arg, start: t.start, end: arg.end };
    }
    return this.comparison();
  }
  private comparison(): Node {
    const left = this.sum();
    const t = this.peek();
    if (t.kind === "op" && COMPARISONS.has(t.text)) {
      this.i++;
      return this.binary(t.text as BinaryOp, left, this.sum(), t.start);
    }
    const negated =
      this.keyword("not") &&
      this.toks[this.i + 1].kind === "name" &&
      this.toks[this.i + 1].text.toLowerCase() === "in";
    if (negated || this.keyword("in")) {
      this.i += negated ? 2 : 1;
      this.expect("(", "\u201c(\u201d");
      const values: Node[] = [];
      for (;;) {
        if (values.length >= MAX_LIST) this.fail(this.peek(), `列表不能超过${MAX_LIST}项`);
        values.push(this.literal());
        if (this.peek().kind === ",") {
          this.i++;
          continue;
        }
        break;
      }
      const close = this.expect(")", "\u201c)\u201d或\u201c,\u201d");
      return { type: "in", negated, arg: left, values, start: left.start, end: close.end };
    }
    return left;
  }
  private literal(): Node {
    const t = this.peek();
    const minus = t.kind === "op" && t.text === "-" && this.toks[this.i + 1].kind === "num";
    if (minus) this.i++;
    const v = this.peek();
    if (v.kind === "num") {
      this.i++;
      return { type: "num", value: minus ? -v.value : v.value, start: t.start, end: v.end };
    }
    if (v.kind === "str") {
      this.i++;
      return { type: "str", value: v.text, start: v.start, end: v.end };
    }
    return this.fail(v, `${this.describe(v)}，列表中只能是数字或带引号的文字`);
  }
  /** Left-associative operators of one precedence level over the next level. */
  private level(ops: string[], next: () => Node): Node {
    let left = next();
    while (this.peek().kind === "op" && ops.includes(this.peek().text)) {
      const t = this.peek();
      this.i++;
      left = this.binary(t.text as BinaryOp, left, next(), t.start);
    }
    return left;
  }
  private sum(): Node {
    return this.level(["+", "-"], () => this.product());
  }
  private product(): Node {
    return this.level(["*", "/"], () => this.unary());
  }
  private unary(): Node {
    const t = this.peek();
    if (t.kind === "op" && t.text === "-") {
      this.enter(t);
      this.i++;
      const arg = this.unary();
      this.depth--;
      return { type: "neg", arg, start: t.start, end: arg.end };
    }
    return this.primary();
  }
  private primary(): Node {
    const t = this.peek();
    switch (t.kind) {
      case "num":
        this.i++;
        return { type: "num", value: t.value, start: t.start, end: t.end };
      case "str":
        this.i++;
        return { type: "str", value: t.text, start: t.start, end: t.end };
      case "field":
        this.i++;
        return { type: "name", name: t.text, braced: true, start: t.start, end: t.end };
      case "(": {
        this.enter(t);
        this.i++;
        const inner = this.or();
        const close = this.expect(")", "\u201c)\u201d");
        this.depth--;
        // The span of a parenthesised expression includes its parentheses.
        return { ...inner, start: t.start, end: close.end };
      }
      case "name": {
        const lower = t.text.toLowerCase();
        if (lower === "true" || lower === "false") {
          this.i++;
          return { type: "bool", value: lower === "true", start: t.start, end: t.end };
        }
        if (KEYWORDS.has(lower)) return this.fail(t, this.describe(t));
        this.i++;
        if (this.peek().kind !== "(")
          return { type: "name", name: t.text, braced: false, start: t.start, end: t.end };
        this.enter(t);
        this.i++;
        const args: Node[] = [];
        if (this.peek().kind !== ")")
          for (;;) {
            if (args.length >= MAX_LIST) this.fail(this.peek(), `参数不能超过${MAX_LIST}个`);
            args.push(this.or());
            if (this.peek().kind === ",") {
              this.i++;
              continue;
            }
            break;
          }
        const close = this.expect(")", "\u201c)\u201d或\u201c,\u201d");
        this.depth--;
        // Function names, like keywords, are case-insensitive.
        return {
          type: "call",
          name: t.text.toLowerCase(),
          nameEnd: t.end,
          args,
          start: t.start,
          end: close.end,
        };
      }
      default:
        return this.fail(t, this.describe(t));
    }
  }
}

/** The AST of an expression, or an ExprError (syntax, empty, too long, too deep) naming its offset. */
export function parseExpr(text: string): Node {
  return new Parser(tokenize(text)).parse();
}
