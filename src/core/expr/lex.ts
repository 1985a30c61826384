// The tokenizer. Officers type through a Chinese IME, so every character outside a string literal is
// NFKC-folded when that keeps it one character (（）＝＜＞，＋ and full-width digits become ASCII), which
// keeps each token's offset that of the text as typed. No regular expression runs over the whole text.
import { ExprError } from "./errors";

export type TokenKind = "num" | "str" | "name" | "field" | "op" | "(" | ")" | "," | "eof";

export interface Token {
  kind: TokenKind;
  /** num: the number; str: the unquoted text; name/field: the name; op: the operator (normalised). */
  text: string;
  value: number;
  start: number;
  end: number;
}

/** Longest expression accepted: a cap that counts data (the text is a cell of an untrusted workbook). */
export const MAX_EXPR_LENGTH = 2000;

const CLOSER: Record<string, string> = { '"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019" };
const TWO_CHAR_OPS = new Map([
  ["==", "="],
  ["<>", "<>"],
  ["!=", "<>"],
  ["<=", "<="],
  [">=", ">="],
]);
const ONE_CHAR_OPS = new Set(["=", "<", ">", "+", "-", "*", "/"]);

function fold(c: string): string {
  if (c === "\u3001") return ","; // 、 between list items
  const n = c.normalize("NFKC");
  return n.length === 1 ? n : c;
}

const isDigit = (c: string) => c >= "0" && c <= "9";
const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\u3000";
function isNameStart(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_" || (c >= "\u3400" && c <= "\u9fff");
}
const isNamePart = (c: string) => isNameStart(c) || isDigit(c);

export function tokenize(text: string): Token[] {
  if (text.length > MAX_EXPR_LENGTH)
    throw new ExprError(
      "EXPR_TOO_LONG",
      MAX_EXPR_LENGTH,
      text.length,
      `表达式不能超过${MAX_EXPR_LENGTH}个字符`,
    );
  const out: Token[] = [];
  const at = (i: number) => (i < text.length ? fold(text[i]) : "");
  let i = 0;
  while (i < text.length) {
    const c = at(i);
    const start = i;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const closer = CLOSER[text[i]] ?? CLOSER[c];
    if (closer !== undefined) {
      // A string: kept as typed (no folding inside); a closing quote doubled stands for itself. A quote
      // typed full-width (＂) closes only with one typed full-width or folded the same.
      const folded = CLOSER[text[i]] === undefined;
      const closes = (k: number) => k < text.length && (folded ? fold(text[k]) : text[k]) === closer;
      let s = "";
      i++;
      for (;;) {
        if (i >= text.length) throw new ExprError("EXPR_SYNTAX", start, text.length, "文字缺少结束引号");
        if (closes(i)) {
          if (closes(i + 1)) {
            s += text[i];
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += text[i++];
      }
      out.push({ kind: "str", text: s, value: NaN, start, end: i });
      continue;
    }
    if (isDigit(c) || (c === "." && isDigit(at(i + 1)))) {
      let s = "";
      while (isDigit(at(i))) s += at(i++);
      if (at(i) === "." && isDigit(at(i + 1))) {
        s += at(i++);
        while (isDigit(at(i))) s += at(i++);
      }
      let value = Number(s);
      if (at(i) === "%") {
        i++;
        value = value / 100;
      }
      if (isNameStart(at(i)))
        throw new ExprError("EXPR_SYNTAX", start, i + 1, `数字后不能紧跟\u201c${text[i]}\u201d`);
      out.push({ kind: "num", text: s, value, start, end: i });
      continue;
    }
    if (c === "$" && at(i + 1) === "{") {
      const close = text.indexOf("}", i + 2);
      const closeFw = text.indexOf("\uff5d", i + 2);
      const j = close < 0 ? closeFw : closeFw < 0 ? close : Math.min(close, closeFw);
      if (j < 0) throw new ExprError("EXPR_SYNTAX", start, text.length, "${…} 缺少右花括号");
      const name = text.slice(i + 2, j).trim();
      if (!name) throw new ExprError("EXPR_SYNTAX", start, j + 1, "${} 中缺少字段名");
      out.push({ kind: "field", text: name, value: NaN, start, end: j + 1 });
      i = j + 1;
      continue;
    }
    if (isNameStart(c)) {
      let s = "";
      while (isNamePart(at(i))) s += at(i++);
      out.push({ kind: "name", text: s, value: NaN, start, end: i });
      continue;
    }
    const two = TWO_CHAR_OPS.get(c + at(i + 1));
    if (two !== undefined) {
      out.push({ kind: "op", text: two, value: NaN, start, end: i + 2 });
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPS.has(c)) {
      out.push({ kind: "op", text: c, value: NaN, start, end: i + 1 });
      i++;
      continue;
    }
    if (c === "(" || c === ")" || c === ",") {
      out.push({ kind: c, text: c, value: NaN, start, end: i + 1 });
      i++;
      continue;
    }
    throw new ExprError("EXPR_SYNTAX", start, start + 1, `不认识的符号\u201c${text[i]}\u201d`);
  }
  out.push({ kind: "eof", text: "", value: NaN, start: text.length, end: text.length });
  return out;
}
