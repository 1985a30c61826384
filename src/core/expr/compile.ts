// Type-checks an AST against the plan's names and compiles it once into closures over the AST (no eval,
// no new Function: the add-in's content security policy may forbid them). Two contexts, as DHIS2's parse
// types: a row filter (yes/no over one row) and an indicator (a number over the rows of a unit).
// Blank semantics: a comparison or `in` with a blank side is false; arithmetic with a blank is blank.
import type { IndicatorValue } from "./value";
import { ExprError, type ExprErrorCode } from "./errors";
import type { ExprEnv, ExprField, ExprTier, ExprType } from "./env";
import { functionOf, FUNCTIONS, type ExprFunction } from "./functions";
import {
  TYPE_NAMES,
  type Aggregate,
  type CallNode,
  type Checker,
  type RowScope,
  type Typed,
} from "./functions/types";
import { parseExpr, type Node } from "./parse";
import {
  get,
  isBlank,
  ratioValue,
  type AggregateTrace,
  type IndicatorRuntime,
  type NumFn,
  type PartsFn,
  type Row,
  type RowFilter,
  type RowFn,
  type RowRuntime,
} from "./runtime";

export type { AggregateTrace, IndicatorRuntime, Row, RowFilter, RowRuntime } from "./runtime";

export interface CompiledIndicator {
  evaluate(rt: IndicatorRuntime): IndicatorValue;
  /** The expression is one ratio (a / b or share, mean, ratio_of_sums, chain_coverage). */
  trace: AggregateTrace | null;
  /** The top node is this function (share for 全覆盖 lists). */
  top: string | null;
}

// The functions: one module each under functions/, looked up in its registry (functions/index.ts).
export { FUNCTIONS };

/** A field named by key, by header, or by header without its (unit). */
function findField(fields: ExprField[], name: string): ExprField | undefined {
  return (
    fields.find((f) => f.key === name) ??
    fields.find((f) => f.header === name) ??
    fields.find((f) => f.header.replace(/[(（][^()（）]*[)）]$/, "") === name)
  );
}

class Compiler implements Checker {
  readonly errors: ExprError[] = [];
  /** Field keys the expression reads, first use first (history rules point at the first one's cell). */
  readonly fieldsUsed: string[] = [];
  /** The expression calls prev(): it needs the previous round's row. */
  usesPrev = false;
  constructor(readonly env: ExprEnv) {}

  fail(code: ExprErrorCode, n: { start: number; end: number }, detail: string): void {
    this.errors.push(new ExprError(code, n.start, n.end, detail));
  }
  usesPrevious(): void {
    this.usesPrev = true;
  }
  private bad(): Typed {
    return { type: "bool", fn: () => null };
  }

  // ---- row filters ----

  condition(n: Node, scope: "enterprise" | "platform"): RowFilter {
    const t = this.row(n, scope);
    if (t.type !== "bool") {
      this.fail("EXPR_TYPE", n, `条件必须是是/否的判断，这里得到的是${TYPE_NAMES[t.type]}`);
      return () => false;
    }
    const fn = t.fn;
    return (r, rt) => fn(r, rt) === true;
  }

  field(n: Node, scope: RowScope | "region"): ExprField | null {
    if (n.type !== "name") {
      this.fail("EXPR_TYPE", n, "此处应为字段名");
      return null;
    }
    const f = findField(this.env[scope], n.name);
    if (f && !this.fieldsUsed.includes(f.key)) this.fieldsUsed.push(f.key);
    if (!f) {
      const where = scope === "enterprise" ? "企业名录" : scope === "platform" ? "平台与集群" : "区域指标";
      this.fail("EXPR_UNKNOWN_FIELD", n, `未知字段\u201c${n.name}\u201d(${where}中没有这一列)`);
    }
    return f ?? null;
  }

  row(n: Node, scope: "enterprise" | "platform"): Typed {
    switch (n.type) {
      case "num": {
        const v = n.value;
        return { type: "number", fn: () => v };
      }
      case "str": {
        const v = n.value;
        return { type: "text", fn: () => v };
      }
      case "bool": {
        const v = n.value;
        return { type: "bool", fn: () => v };
      }
      case "name": {
        if (!n.braced && this.isPopulation(n.name)) {
          this.fail("EXPR_TYPE", n, `企业范围\u201c${n.name}\u201d不能用在条件中`);
          return this.bad();
        }
        const f = this.field(n, scope);
        return f ? { type: f.type, fn: get(f.key) } : this.bad();
      }
      case "call":
        return this.rowCall(n, scope);
      case "neg": {
        const a = this.number(n.arg, scope);
        return {
          type: "number",
          fn: (r, rt) => {
            const v = a(r, rt) as number | null;
            return v === null ? null : -v;
          },
        };
      }
      case "not": {
        const a = this.condition(n.arg, scope);
        return { type: "bool", fn: (r, rt) => !a(r, rt) };
      }
      case "in":
        return this.inList(n, scope);
      case "binary":
        return this.rowBinary(n, scope);
    }
  }

  private number(n: Node, scope: "enterprise" | "platform"): RowFn {
    const t = this.row(n, scope);
    if (t.type !== "number" && t.type !== "year")
      this.fail("EXPR_TYPE", n, `此处应为数值，这里得到的是${TYPE_NAMES[t.type]}`);
    return t.fn;
  }

  private inList(n: Extract<Node, { type: "in" }>, scope: "enterprise" | "platform"): Typed {
    const a = this.row(n.arg, scope);
    const numeric = a.type === "number" || a.type === "year";
    if (a.type === "bool") this.fail("EXPR_TYPE", n.arg, "是/否字段不能用 in，直接写字段名即可");
    const values = new Set<unknown>();
    for (const v of n.values) {
      if ((v.type === "num") !== numeric)
        this.fail("EXPR_TYPE", v, `列表项应为${numeric ? "数值" : "带引号的文字"}`);
      values.add((v as { value: unknown }).value);
    }
    const fn = a.fn;
    const negated = n.negated;
    return {
      type: "bool",
      fn: (r, rt) => {
        const v = fn(r, rt);
        return !isBlank(v) && values.has(v) !== negated;
      },
    };
  }

  private rowBinary(n: Extract<Node, { type: "binary" }>, scope: "enterprise" | "platform"): Typed {
    const op = n.op;
    if (op === "and" || op === "or") {
      const a = this.condition(n.left, scope);
      const b = this.condition(n.right, scope);
      return {
        type: "bool",
        fn: op === "and" ? (r, rt) => a(r, rt) && b(r, rt) : (r, rt) => a(r, rt) || b(r, rt),
      };
    }
    if (op === "+" || op === "-" || op === "*" || op === "/") {
      const a = this.number(n.left, scope);
      const b = this.number(n.right, scope);
      const f = arith(op);
      return {
        type: "number",
        fn: (r, rt) => f(a(r, rt) as number | null, b(r, rt) as number | null),
      };
    }
    const l = this.row(n.left, scope);
    const rt2 = this.row(n.right, scope);
    const kind = (t: ExprType) => (t === "year" ? "number" : t);
    if (kind(l.type) !== kind(rt2.type))
      this.fail(
        "EXPR_TYPE",
        { start: n.opStart, end: n.opStart + op.length },
        `不能比较${TYPE_NAMES[l.type]}和${TYPE_NAMES[rt2.type]}`,
      );
    else if ((l.type === "text" || l.type === "bool") && op !== "=" && op !== "<>")
      this.fail(
        "EXPR_TYPE",
        { start: n.opStart, end: n.opStart + op.length },
        `${TYPE_NAMES[l.type]}只能用 = 或 <> 比较`,
      );
    const a = l.fn;
    const b = rt2.fn;
    const cmp = compare(op);
    return {
      type: "bool",
      fn: (r, rt) => {
        const x = a(r, rt);
        const y = b(r, rt);
        return !isBlank(x) && !isBlank(y) && cmp(x as number, y as number);
      },
    };
  }

  private rowCall(n: CallNode, scope: RowScope): Typed {
    const fn = this.spec(n);
    if (!fn) return this.bad();
    if (fn.context !== "filter") {
      this.fail(
        "EXPR_TYPE",
        { start: n.start, end: n.nameEnd },
        `${n.name} 只能用在指标表达式中，不能用在条件里`,
      );
      return this.bad();
    }
    return fn.compile(this, n, scope) ?? this.bad();
  }

  // ---- names ----

  private isPopulation(name: string): boolean {
    return this.env.populations.some((p) => p.name === name || p.label === name);
  }

  private spec(n: CallNode): ExprFunction | null {
    const spec = functionOf(n.name);
    if (!spec) {
      this.fail(
        "EXPR_UNKNOWN_FUNCTION",
        { start: n.start, end: n.nameEnd },
        `未知函数\u201c${n.name}\u201d(可用：${Object.keys(FUNCTIONS).join("、")})`,
      );
      return null;
    }
    const min = spec.params.length;
    const max = min + (spec.optional?.length ?? 0);
    if (n.args.length < min || n.args.length > max) {
      this.fail(
        "EXPR_ARITY",
        n,
        `${n.name} 需要${min === max ? min : `${min}到${max}`}个参数，这里有${n.args.length}个(用法：${spec.usage})`,
      );
      return null;
    }
    return spec;
  }

  tier(n: Node): ExprTier | null {
    const name = n.type === "name" || n.type === "str" ? (n.type === "name" ? n.name : n.value) : null;
    const t =
      name === null ? undefined : this.env.tiers.find((x) => x.key === name || x.names.includes(name));
    if (!t)
      this.fail(
        "EXPR_UNKNOWN_NAME",
        n,
        `未知的认定梯度${name === null ? "" : `\u201c${name}\u201d`}(可用：${this.env.tiers.map((x) => x.key).join("、")})`,
      );
    return t ?? null;
  }

  population(n: Node): string | null {
    const name = n.type === "name" && !n.braced ? n.name : n.type === "str" ? n.value : null;
    const p =
      name === null ? undefined : this.env.populations.find((x) => x.name === name || x.label === name);
    if (!p)
      this.fail(
        "EXPR_UNKNOWN_NAME",
        n,
        `未知的企业范围${name === null ? "" : `\u201c${name}\u201d`}(可用：${this.env.populations.map((x) => x.name).join("、")})`,
      );
    return p?.name ?? null;
  }

  // ---- indicators ----

  indicator(n: Node): { fn: NumFn; parts: PartsFn | null; trace: AggregateTrace | null } {
    if (n.type === "binary" && n.op === "/") {
      const a = this.num(n.left);
      const b = this.num(n.right);
      return { fn: a.fn, parts: (rt) => [a.fn(rt), b.fn(rt)], trace: a.trace ?? b.trace };
    }
    if (n.type === "call") {
      const c = this.call(n);
      return c;
    }
    const v = this.num(n);
    return { fn: v.fn, parts: null, trace: v.trace };
  }

  private num(n: Node): { fn: NumFn; trace: AggregateTrace | null } {
    switch (n.type) {
      case "num": {
        const v = n.value;
        return { fn: () => v, trace: null };
      }
      case "call": {
        const c = this.call(n);
        const parts = c.parts;
        return { fn: parts ? (rt) => ratioValue(parts(rt)) : c.fn, trace: c.trace };
      }
      case "neg": {
        const a = this.num(n.arg);
        return {
          fn: (rt) => {
            const v = a.fn(rt);
            return v === null ? null : -v;
          },
          trace: a.trace,
        };
      }
      case "binary": {
        if (n.op === "+" || n.op === "-" || n.op === "*" || n.op === "/") {
          const a = this.num(n.left);
          const b = this.num(n.right);
          const f = arith(n.op);
          return { fn: (rt) => f(a.fn(rt), b.fn(rt)), trace: a.trace ?? b.trace };
        }
        this.fail("EXPR_TYPE", n, "指标表达式必须得出数值，这里是一个条件(条件应写在 count、share 等函数中)");
        return { fn: () => null, trace: null };
      }
      case "name":
        if (this.isPopulation(n.name) && !n.braced)
          this.fail(
            "EXPR_TYPE",
            n,
            `企业范围\u201c${n.name}\u201d不能单独使用，应写在函数中，例如 count(${n.name})`,
          );
        else if (findField(this.env.enterprise, n.name))
          this.fail(
            "EXPR_TYPE",
            n,
            `字段\u201c${n.name}\u201d是逐户的值，应写在函数中，例如 sum(${n.name}, SRDI)`,
          );
        else this.fail("EXPR_UNKNOWN_NAME", n, `未知名称\u201c${n.name}\u201d`);
        return { fn: () => null, trace: null };
      default:
        this.fail("EXPR_TYPE", n, "指标表达式必须得出数值");
        return { fn: () => null, trace: null };
    }
  }

  fieldKey(x: Node, fn: string, numeric: boolean): string {
    const f = this.field(x, "enterprise");
    if (f && numeric && f.type !== "number" && f.type !== "year")
      this.fail("EXPR_TYPE", x, `${fn} 需要数值字段，\u201c${f.header}\u201d是${TYPE_NAMES[f.type]}`);
    return f?.key ?? "";
  }

  private call(n: CallNode): Aggregate {
    const none = { fn: () => null, parts: null, trace: null };
    const fn = this.spec(n);
    if (!fn) return none;
    if (fn.context !== "indicator") {
      this.fail(
        "EXPR_TYPE",
        { start: n.start, end: n.nameEnd },
        `${n.name} 是条件，只能写在 count、share 等函数的条件参数中`,
      );
      return none;
    }
    return fn.compile(this, n) ?? none;
  }
}

function arith(op: "+" | "-" | "*" | "/"): (a: number | null, b: number | null) => number | null {
  switch (op) {
    case "+":
      return (a, b) => (a === null || b === null ? null : a + b);
    case "-":
      return (a, b) => (a === null || b === null ? null : a - b);
    case "*":
      return (a, b) => (a === null || b === null ? null : a * b);
    case "/":
      return (a, b) => (a === null || b === null || b === 0 ? null : a / b);
  }
}

function compare(op: string): (a: number, b: number) => boolean {
  switch (op) {
    case "=":
      return (a, b) => a === b;
    case "<>":
      return (a, b) => a !== b;
    case "<":
      return (a, b) => a < b;
    case "<=":
      return (a, b) => a <= b;
    case ">":
      return (a, b) => a > b;
    default:
      return (a, b) => a >= b;
  }
}

/** Thrown by the compile functions: every error of the expression, first by position. */
export class ExprErrors extends Error {
  constructor(readonly errors: ExprError[]) {
    super(errors.map((e) => e.message).join("；"));
  }
}

function parseOrThrow(text: string): Node {
  try {
    return parseExpr(text);
  } catch (e) {
    if (e instanceof ExprError) throw new ExprErrors([e]);
    throw e;
  }
}

function done(c: Compiler): void {
  if (c.errors.length) throw new ExprErrors([...c.errors].sort((a, b) => a.offset - b.offset));
}

/** A row filter over enterprise rows ("" = every row). Throws ExprErrors. */
export function compileFilter(text: string, env: ExprEnv): RowFilter {
  if (text.trim() === "") return () => true;
  const c = new Compiler(env);
  const f = c.condition(parseOrThrow(text), "enterprise");
  done(c);
  return f;
}

/** An indicator expression, compiled once and run per unit. Throws ExprErrors. */
export function compileIndicator(text: string, env: ExprEnv): CompiledIndicator {
  const c = new Compiler(env);
  const node = parseOrThrow(text);
  const r = c.indicator(node);
  done(c);
  const { fn, parts } = r;
  return {
    evaluate: parts
      ? (rt) => {
          const [num, den] = parts(rt);
          return { value: ratioValue([num, den]), numerator: num, denominator: den };
        }
      : (rt) => ({ value: fn(rt), numerator: null, denominator: null }),
    trace: r.trace,
    top: node.type === "call" ? node.name : null,
  };
}

/** Every error of an expression in a context ([] when it is fine): for plan validation. */
export function checkExpr(text: string, context: "filter" | "indicator", env: ExprEnv): ExprError[] {
  try {
    if (context === "filter") compileFilter(text, env);
    else compileIndicator(text, env);
    return [];
  } catch (e) {
    if (e instanceof ExprErrors) return e.errors;
    throw e;
  }
}

/** A row expression of a 校验规则 (a side of a comparison, or a condition), with what it reads. */
export interface CompiledRowExpr {
  /** The value on a row (blank as null); a condition gives true or false. */
  fn: (r: Row, rt: RowRuntime) => unknown;
  /** Field keys read, first use first (the rule's warning points at the first one's cell). */
  fields: string[];
  /** Calls prev(): needs the firm's previous-round row. */
  usesPrev: boolean;
}

/** A number (a rule's side) or a condition over one enterprise row. Throws ExprErrors. */
export function compileRowExpr(text: string, env: ExprEnv, want: "number" | "condition"): CompiledRowExpr {
  const c = new Compiler(env);
  const node = parseOrThrow(text);
  let fn: CompiledRowExpr["fn"];
  if (want === "condition") fn = c.condition(node, "enterprise");
  else {
    const t = c.row(node, "enterprise");
    if (t.type !== "number" && t.type !== "year")
      c.fail("EXPR_TYPE", node, `此处应为数值，这里得到的是${TYPE_NAMES[t.type]}`);
    fn = t.fn;
  }
  done(c);
  return { fn, fields: [...c.fieldsUsed], usesPrev: c.usesPrev };
}
