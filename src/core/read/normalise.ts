// Reading one cell (datapackr style): every cell is first taken as what was written (text, or the number,
// boolean or error the file holds), then parsed by its field's type. What a clerk plausibly meant is read
// (numbers stored as text, thousands separators, full-width characters, 是/否 written as Y/N or √/×,
// 45% or 0.45 in a percent column), with a warning naming the original; what cannot be read is an error.
// Trimming surrounding or invisible whitespace is not warned: it changes no meaning and would flood the list.
import { parseDateText, serialToIso } from "./date";
import type { IssueCode, MessageArgs } from "../catalogue";
import type { FieldDef } from "../form/types";
import { isErrorValue, isFormulaValue, type SnapshotValue } from "../snapshot";
import { usccProblem } from "./uscc";

/** A cell as written, before any field rule. */
export type RawCell =
  | { kind: "blank" }
  | { kind: "text"; text: string }
  | { kind: "number"; n: number }
  | { kind: "bool"; b: boolean }
  | { kind: "error"; code: "cell.error_value" | "cell.formula_no_cache"; text: string };

const INVISIBLE = "\\s\\u200b-\\u200d\\u2060\\ufeff";
/** What trimInvisible removes at either end (kept as its definition; the tests compare the two). */
export const TRIM_RE = new RegExp(`^[${INVISIBLE}]+|[${INVISIBLE}]+$`, "g");
const ALL_SPACE_RE = new RegExp(`[${INVISIBLE}]+`, "g");

/** JS \\s and the invisible characters above, by code unit. */
export function isInvisible(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Same result as s.replace(TRIM_RE, ""), in linear time (the regex is quadratic on inner runs of spaces). */
export function trimInvisible(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isInvisible(s.charCodeAt(start))) start++;
  while (end > start && isInvisible(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space to their half-width forms; U+2212 minus to "-". */
export function halfWidth(s: string): string {
  // By code unit (none of the mapped characters is a surrogate); the input itself when nothing maps, so
  // a long text costs one pass and no copy.
  let out = "";
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let r: string;
    if (c >= 0xff01 && c <= 0xff5e) r = String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) r = " ";
    else if (c === 0x2212) r = "-";
    else continue;
    out += s.slice(last, i) + r;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** One shared blank: most cells read are blank, and a RawCell is never changed once made. */
const BLANK: RawCell = Object.freeze({ kind: "blank" });

/** The cell as written; a formula is its cached result. */
export function rawCell(v: SnapshotValue | undefined): RawCell {
  if (v === null || v === undefined) return BLANK;
  if (isFormulaValue(v)) {
    if (v.result === undefined)
      return { kind: "error", code: "cell.formula_no_cache", text: `=${v.formula}` };
    return rawCell(v.result);
  }
  if (isErrorValue(v)) return { kind: "error", code: "cell.error_value", text: String(v.error) };
  if (typeof v === "number")
    return Number.isFinite(v)
      ? { kind: "number", n: v }
      : { kind: "error", code: "cell.error_value", text: "#NUM!" };
  if (typeof v === "boolean") return { kind: "bool", b: v };
  if (typeof v === "string") return trimInvisible(v) === "" ? BLANK : { kind: "text", text: v };
  return { kind: "text", text: String(v) };
}

/** The cell's value as text, for the `value` of an issue. null when blank. */
export function rawText(c: RawCell): string | null {
  switch (c.kind) {
    case "blank":
      return null;
    case "text":
      return c.text;
    case "number":
      return String(c.n);
    case "bool":
      return c.b ? "TRUE" : "FALSE";
    case "error":
      return c.text;
  }
}

export function isBlankValue(v: SnapshotValue | undefined): boolean {
  return rawCell(v).kind === "blank";
}

export type ParsedValue = string | number | boolean | null;

export interface Problem {
  code: IssueCode;
  args?: MessageArgs;
}

export interface Parsed {
  value: ParsedValue;
  /** The value was read, but not as written. */
  warning?: Problem;
  /** The value cannot be accepted. */
  error?: Problem;
}

export interface ParseContext {
  /** The latest year a year field accepts (the period's year); null when the period is unknown. */
  yearMax: number | null;
  /** Options of a list field, when they differ from the field's own (the plan's chains). */
  options?: string[];
  /** The cell's number format says percent: its number is already a fraction. */
  percentFormat?: boolean;
  /** Today (ISO date, China time): the latest day a "date" field accepts; absent: not checked. */
  today?: string | null;
}

type NumberHow = "plain" | "fullwidth" | "thousands";

/** No number or year is written in more characters than this (a 30,000-character cell is not one). */
const MAX_NUMBER_TEXT = 400;

/** A number written as text, or null. */
export function parseNumberText(text: string): { n: number; how: NumberHow } | null {
  if (text.length > MAX_NUMBER_TEXT) return null;
  const hw = halfWidth(text);
  let s = trimInvisible(hw);
  let how: NumberHow = hw === text ? "plain" : "fullwidth";
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
    s = s.replace(/,/g, "");
    if (how === "plain") how = "thousands";
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? { n, how } : null;
}

/** Rounds away binary noise (0.1 + 0.2) for comparisons and display. */
export function tidy(n: number): number {
  // Integers below 1e12 have no noise to round away, and most cells are such (toPrecision is slow).
  if (Number.isInteger(n) && Math.abs(n) < 1e12) return n;
  return Number(n.toPrecision(12));
}

export function percentText(fraction: number): string {
  return `${tidy(fraction * 100)}%`;
}

const YES = new Set(["y", "yes", "√", "✓", "✔", "1", "true", "是的", "对"]);
const NO = new Set(["n", "no", "×", "✗", "✘", "✕", "✖", "0", "false", "不是"]);

function rangeText(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `须在 ${min} 至 ${max} 之间`;
  if (min !== undefined) return `不得小于 ${min}`;
  return `不得大于 ${max}`;
}

function numberWarning(how: NumberHow, value: string, read: string): Problem {
  const code: IssueCode =
    how === "fullwidth" ? "norm.fullwidth" : how === "thousands" ? "norm.thousands" : "norm.number_text";
  return { code, args: { value, detail: read } };
}

type FieldLike = Pick<
  FieldDef,
  | "key"
  | "header"
  | "type"
  | "required"
  | "minLength"
  | "maxLength"
  | "min"
  | "max"
  | "yearMin"
  | "options"
  | "dateMin"
>;

/** The result of a blank optional cell, shared: most cells of a return are such (a Parsed is never changed). */
const BLANK_OK: Parsed = Object.freeze({ value: null });

const YES_OK: Parsed = Object.freeze({ value: true });
const NO_OK: Parsed = Object.freeze({ value: false });

/** Parses one cell by its field's type and rules (not cross-field or cross-row rules). */
export function parseField(field: FieldLike, v: SnapshotValue | undefined, ctx: ParseContext): Parsed {
  // The cells most returns are made of (a text, a finite number) without the RawCell the general path
  // builds; each case gives what parseFieldGeneral gives (tests/read/parse-fast.test.ts compares them).
  if (typeof v === "string") {
    const text = trimInvisible(v);
    if (text !== "")
      switch (field.type) {
        case "text":
          return parseTrimmedText(field, text);
        case "list":
          return parseTrimmedList(text, ctx.options ?? field.options ?? []);
        case "yesno":
          if (text === "是") return YES_OK;
          if (text === "否") return NO_OK;
          break;
        case "uscc":
          return parseUsccText(v);
      }
  } else if (typeof v === "number" && Number.isFinite(v)) {
    switch (field.type) {
      case "decimal":
        return { value: v, error: checkRange(field, v, v) };
      case "whole":
        if (!Number.isInteger(tidy(v))) return { value: v, error: { code: "value.not_whole" } };
        return { value: Math.round(v), error: checkRange(field, Math.round(v), Math.round(v)) };
      case "year":
        return yearResult(field, v, undefined, ctx.yearMax);
    }
  }
  return parseFieldGeneral(field, v, ctx);
}

/** parseField without its fast paths: every cell by its RawCell. */
export function parseFieldGeneral(field: FieldLike, v: SnapshotValue | undefined, ctx: ParseContext): Parsed {
  const raw = rawCell(v);
  if (raw.kind === "error") return { value: null, error: { code: raw.code, args: { value: raw.text } } };
  if (raw.kind === "blank")
    return field.required ? { value: null, error: { code: "value.required" } } : BLANK_OK;
  switch (field.type) {
    case "text":
      return parseText(field, raw);
    case "uscc":
      return parseUscc(raw);
    case "list":
      return parseList(raw, ctx.options ?? field.options ?? []);
    case "yesno":
      return parseYesNo(raw);
    case "year":
      return parseYear(field, raw, ctx.yearMax);
    case "decimal":
    case "whole":
      return parseNumber(field, raw);
    case "percent":
      return parsePercent(field, raw, !!ctx.percentFormat);
    case "date":
      return parseDate(field, raw, ctx.today ?? null);
  }
}

function parseDate(
  field: FieldLike,
  raw: Exclude<RawCell, { kind: "blank" | "error" }>,
  today: string | null,
): Parsed {
  let day: string | null = null;
  let warning: Problem | undefined;
  if (raw.kind === "number") day = serialToIso(raw.n);
  else if (raw.kind === "text") {
    day = parseDateText(raw.text);
    if (day) warning = { code: "norm.date_text", args: { detail: day } };
  }
  if (!day) return { value: null, error: { code: "value.not_date" } };
  const min = field.dateMin ?? "2000-01-01";
  if (day < min || (today !== null && day > today))
    return { value: day, warning, error: { code: "value.date_range", args: { min, max: today ?? "今天" } } };
  return { value: day, warning };
}

/** Array.from(s).length without the array: a surrogate pair counts once, a lone surrogate once. */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

function parseText(field: FieldLike, raw: Exclude<RawCell, { kind: "blank" | "error" }>): Parsed {
  return parseTrimmedText(field, trimInvisible(rawText(raw)!));
}

function parseTrimmedText(field: FieldLike, text: string): Parsed {
  const n = codePoints(text);
  if (field.minLength !== undefined && n < field.minLength)
    return {
      value: text,
      error: { code: "value.too_short", args: { min: field.minLength, actual: String(n) } },
    };
  if (field.maxLength !== undefined && n > field.maxLength)
    return {
      value: text,
      error: { code: "value.too_long", args: { max: field.maxLength, actual: String(n) } },
    };
  return { value: text };
}

function parseUscc(raw: Exclude<RawCell, { kind: "blank" | "error" }>): Parsed {
  if (raw.kind === "number" && !Number.isSafeInteger(raw.n))
    return { value: null, error: { code: "uscc.number" } };
  return parseUsccText(rawText(raw)!);
}

function parseUsccText(written: string): Parsed {
  const code = halfWidth(written).replace(ALL_SPACE_RE, "").toUpperCase();
  const warning: Problem | undefined =
    code !== trimInvisible(written) ? { code: "norm.uscc", args: { detail: code } } : undefined;
  const p = usccProblem(code);
  if (!p) return { value: code, warning };
  const error: Problem =
    p.kind === "length"
      ? { code: "uscc.length", args: { actual: String(p.length) } }
      : p.kind === "charset"
        ? { code: "uscc.charset", args: { detail: String(p.position), actual: p.char } }
        : { code: "uscc.checksum" };
  return { value: code, warning, error };
}

const listKey = (s: string) => halfWidth(s).replace(ALL_SPACE_RE, "").toLowerCase();

function parseList(raw: Exclude<RawCell, { kind: "blank" | "error" }>, options: string[]): Parsed {
  return parseTrimmedList(trimInvisible(rawText(raw)!), options);
}

function parseTrimmedList(text: string, options: string[]): Parsed {
  if (options.includes(text)) return { value: text };
  const key = listKey(text);
  const match = options.find((o) => listKey(o) === key);
  if (match !== undefined) return { value: match, warning: { code: "norm.list", args: { detail: match } } };
  const all = options.join("、");
  return {
    value: null,
    error: { code: "value.not_in_list", args: { detail: all.length > 200 ? all.slice(0, 200) + "…" : all } },
  };
}

function parseYesNo(raw: Exclude<RawCell, { kind: "blank" | "error" }>): Parsed {
  let key: string;
  if (raw.kind === "bool") key = raw.b ? "true" : "false";
  else if (raw.kind === "number") key = String(raw.n);
  else {
    const t = trimInvisible(raw.text);
    if (t === "是") return { value: true };
    if (t === "否") return { value: false };
    key = trimInvisible(halfWidth(t)).toLowerCase();
  }
  const yes = YES.has(key);
  if (yes || NO.has(key))
    return { value: yes, warning: { code: "norm.yesno", args: { detail: yes ? "是" : "否" } } };
  return { value: null, error: { code: "value.not_in_list", args: { detail: "是、否" } } };
}

function parseYear(
  field: FieldLike,
  raw: Exclude<RawCell, { kind: "blank" | "error" }>,
  yearMax: number | null,
): Parsed {
  let year: number | null = null;
  let warning: Problem | undefined;
  if (raw.kind === "number") year = raw.n;
  else if (raw.kind === "text") {
    const num = parseNumberText(raw.text);
    if (num) {
      year = num.n;
      warning = numberWarning(num.how, raw.text, String(num.n));
    } else {
      const m =
        raw.text.length > MAX_NUMBER_TEXT
          ? null
          : /^(\d{4})\s*年度?$/.exec(trimInvisible(halfWidth(raw.text)));
      if (m) {
        year = Number(m[1]);
        warning = { code: "norm.year_text", args: { detail: m[1] } };
      }
    }
  }
  return yearResult(field, year, warning, yearMax);
}

function yearResult(
  field: FieldLike,
  year: number | null,
  warning: Problem | undefined,
  yearMax: number | null,
): Parsed {
  if (year === null || !Number.isInteger(year)) return { value: null, error: { code: "value.not_year" } };
  const min = field.yearMin ?? 1900;
  if (year < min || (yearMax !== null && year > yearMax))
    return {
      value: year,
      warning,
      error: { code: "value.year_range", args: { min, max: yearMax ?? "报告期" } },
    };
  return { value: year, warning };
}

function numberOf(
  raw: Exclude<RawCell, { kind: "blank" | "error" }>,
): { n: number; warning?: Problem } | null {
  if (raw.kind === "number") return { n: raw.n };
  if (raw.kind !== "text") return null;
  const num = parseNumberText(raw.text);
  return num ? { n: num.n, warning: numberWarning(num.how, raw.text, String(num.n)) } : null;
}

/** Whether tidy could move x to or across bound b (it moves a number by less than 1e-11 of its size). */
function nearBound(x: number, b: number | undefined): boolean {
  return b !== undefined && Math.abs(x - b) <= 1e-11 * (Math.abs(x) + Math.abs(b));
}

function checkRange(field: FieldLike, n: number, shownValue: number): Problem | undefined {
  if (field.min === undefined && field.max === undefined) return undefined;
  // tidy (toPrecision) only when it could change the answer: most numbers are far from both bounds.
  const v =
    nearBound(shownValue, field.min) || nearBound(shownValue, field.max) ? tidy(shownValue) : shownValue;
  if ((field.min !== undefined && v < field.min) || (field.max !== undefined && v > field.max))
    return {
      code: "value.out_of_range",
      args: { detail: rangeText(field.min, field.max), min: field.min, max: field.max },
    };
  return undefined;
}

function parseNumber(field: FieldLike, raw: Exclude<RawCell, { kind: "blank" | "error" }>): Parsed {
  const num = numberOf(raw);
  if (!num) return { value: null, error: { code: "value.not_number" } };
  if (field.type === "whole" && !Number.isInteger(tidy(num.n)))
    return { value: num.n, warning: num.warning, error: { code: "value.not_whole" } };
  const n = field.type === "whole" ? Math.round(num.n) : num.n;
  return { value: n, warning: num.warning, error: checkRange(field, n, n) };
}

/** PERCENT_RULE in form/messages.ts says the same in words. */
function parsePercent(
  field: FieldLike,
  raw: Exclude<RawCell, { kind: "blank" | "error" }>,
  percentFormat: boolean,
): Parsed {
  let fraction: number;
  let warning: Problem | undefined;
  if (raw.kind === "number" && percentFormat) fraction = raw.n;
  else if (raw.kind === "text" && /[%％]\s*$/.test(trimInvisible(raw.text))) {
    const num = parseNumberText(trimInvisible(raw.text).replace(/[%％]$/, ""));
    if (!num) return { value: null, error: { code: "value.not_number" } };
    fraction = num.n / 100;
    warning = { code: "norm.percent_text", args: { detail: percentText(fraction) } };
  } else {
    const num = numberOf(raw);
    if (!num) return { value: null, error: { code: "value.not_number" } };
    if (num.n > 0 && num.n < 1) {
      fraction = num.n;
      warning = { code: "norm.percent_fraction", args: { detail: percentText(fraction) } };
    } else {
      fraction = num.n / 100;
      warning = num.warning && {
        ...num.warning,
        args: { ...num.warning.args, detail: percentText(fraction) },
      };
    }
  }
  return { value: fraction, warning, error: checkRange(field, fraction, fraction * 100) };
}
