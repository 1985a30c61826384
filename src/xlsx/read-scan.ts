// A pull scanner over the bytes of one XML part, built for SpreadsheetML: it yields open tags, close tags
// and text as byte ranges and decodes only what the reader asks for (a value, a formula, an attribute), so
// the template's thousands of empty formatted cells cost a few comparisons each. It is strict where the
// reader relies on it: tags must nest and close in order (what ExcelJS's strict parser required), nesting
// is capped, one root element, and a document type declaration (the door to entity expansion and external
// entities) is refused. Entities are the five of XML and character references; CDATA is text; element
// names lose their namespace prefix ("x:c" -> "c"); line breaks read as LF (XML 1.0 §2.11).
import { WorkbookReadError } from "./read-error";

export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export const END = 0;
/** XmlScanner.cell() results. */
export const CELL_NONE = 0;
export const CELL_EMPTY = 1;
export const CELL_VALUE = 2;
export const CELL_OPEN = 3;
export type Token = typeof OPEN | typeof CLOSE | typeof TEXT | typeof END;

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOT = 34;
const APOS = 39;
const BANG = 33;
const QUEST = 63;
const COLON = 58;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

const utf8 = new TextDecoder("utf-8");

/** Short names as one number (up to 3 bytes and the length), for a cache of their strings. */
const names = new Map<number, string>();

/** Names of one ASCII byte (c, v, f, t: most tags of a sheet), without a map look-up. */
const oneByteNames: (string | undefined)[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function codePoint(n: number): string {
  // As htmlparser2 decoded them: NUL, surrogates and values past U+10FFFF read as U+FFFD.
  if (!(n > 0) || (n >= 0xd800 && n <= 0xdfff) || n > 0x10ffff) return "\ufffd";
  return String.fromCodePoint(n);
}

/** Decodes the five entities and character references of XML; an unknown or unterminated one stays as is. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let last = 0;
  let semi = -1;
  while (amp >= 0) {
    // The next ';' is searched again only once passed, so a text of many "&"s stays linear.
    if (semi <= amp) semi = s.indexOf(";", amp + 1);
    if (semi < 0) break;
    if (semi - amp <= 12) {
      const body = s.slice(amp + 1, semi);
      let rep: string | undefined;
      if (body.charCodeAt(0) === 35 /* # */) {
        const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
        const digits = body.slice(hex ? 2 : 1);
        if (digits.length > 0 && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits))
          rep = codePoint(parseInt(digits, hex ? 16 : 10));
      } else rep = ENTITIES[body];
      if (rep !== undefined) {
        out += s.slice(last, amp) + rep;
        last = semi + 1;
      }
    }
    amp = s.indexOf("&", amp + 1 > last ? amp + 1 : last);
  }
  return out + s.slice(last);
}

export class XmlScanner {
  /** The token's local name (OPEN, CLOSE). */
  name = "";
  /** OPEN: the tag closes itself (<c/>). */
  selfClosing = false;
  /** OPEN: the attribute bytes [attrStart, attrEnd). TEXT: the text bytes [textStart, textEnd). */
  attrStart = 0;
  attrEnd = 0;
  textStart = 0;
  textEnd = 0;
  /** TEXT: a CDATA section (taken literally, no entities). */
  cdata = false;
  depth = 0;
  private p = 0;
  private roots = 0;
  private pendingClose = false;
  private readonly stackAt: Int32Array;
  private readonly stackLen: Int32Array;

  constructor(
    readonly bytes: Uint8Array,
    readonly part: string,
    private readonly maxDepth: number,
  ) {
    this.stackAt = new Int32Array(maxDepth + 1);
    this.stackLen = new Int32Array(maxDepth + 1);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.p = 3;
    else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
      throw this.fail("不是 UTF-8 编码");
  }

  fail(detail: string): WorkbookReadError {
    return new WorkbookReadError("file.corrupt", { detail: `${this.part}: ${detail}` });
  }

  private nameAt(start: number, end: number): string {
    // Local name: after the last ':'.
    for (let i = end - 1; i >= start; i--)
      if (this.bytes[i] === COLON) {
        start = i + 1;
        break;
      }
    const len = end - start;
    const b = this.bytes;
    if (len === 1) return oneByteNames[b[start]] ?? utf8.decode(b.subarray(start, end));
    if (len > 0 && len <= 3) {
      const key =
        b[start] | ((len > 1 ? b[start + 1] : 0) << 8) | ((len > 2 ? b[start + 2] : 0) << 16) | (len << 24);
      let s = names.get(key);
      if (s === undefined) {
        s = utf8.decode(b.subarray(start, end));
        names.set(key, s);
      }
      return s;
    }
    return utf8.decode(b.subarray(start, end));
  }

  private indexOf(seq: string, from: number): number {
    const b = this.bytes;
    const first = seq.charCodeAt(0);
    for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) {
      let k = 1;
      while (k < seq.length && b[i + k] === seq.charCodeAt(k)) k++;
      if (k === seq.length) return i;
    }
    return -1;
  }

  private startsWith(seq: string, at: number): boolean {
    for (let k = 0; k < seq.length; k++) if (this.bytes[at + k] !== seq.charCodeAt(k)) return false;
    return true;
  }

  /** The next token. */
  next(): Token {
    const b = this.bytes;
    const n = b.length;
    if (this.pendingClose) {
      // The CLOSE of a self-closing tag, so that readers see every element open and close.
      this.pendingClose = false;
      this.selfClosing = false;
      this.depth--;
      return CLOSE;
    }
    for (;;) {
      const p = this.p;
      if (p >= n) {
        if (this.depth > 0) throw this.fail("文件不完整(元素未闭合)");
        if (this.roots !== 1) throw this.fail(this.roots === 0 ? "没有根元素" : "有多个根元素");
        return END;
      }
      if (b[p] !== LT) {
        let q = b.indexOf(LT, p);
        if (q < 0) q = n;
        this.p = q;
        if (this.depth === 0) continue; // text outside the root: whitespace in practice
        this.textStart = p;
        this.textEnd = q;
        this.cdata = false;
        return TEXT;
      }
      const c1 = b[p + 1];
      if (c1 === QUEST) {
        const q = this.indexOf("?>", p + 2);
        if (q < 0) throw this.fail("文件不完整");
        this.p = q + 2;
        continue;
      }
      if (c1 === BANG) {
        if (this.startsWith("<!--", p)) {
          const q = this.indexOf("-->", p + 4);
          if (q < 0) throw this.fail("文件不完整(注释未结束)");
          this.p = q + 3;
          continue;
        }
        if (this.startsWith("<![CDATA[", p)) {
          const q = this.indexOf("]]>", p + 9);
          if (q < 0) throw this.fail("文件不完整(CDATA 未结束)");
          this.p = q + 3;
          if (this.depth === 0) continue;
          this.textStart = p + 9;
          this.textEnd = q;
          this.cdata = true;
          return TEXT;
        }
        throw this.fail("含有文档类型声明(DTD)，不予读取");
      }
      if (c1 === SLASH) {
        let e = p + 2;
        while (e < n && b[e] !== GT && !isSpace(b[e])) e++;
        const nameEnd = e;
        while (e < n && isSpace(b[e])) e++;
        if (e >= n || b[e] !== GT) throw this.fail("文件不完整");
        const d = this.depth;
        if (d === 0) throw this.fail("多余的结束标记");
        const at = this.stackAt[d - 1];
        const len = this.stackLen[d - 1];
        let same = len === nameEnd - p - 2;
        for (let k = 0; same && k < len; k++) same = b[at + k] === b[p + 2 + k];
        if (!same) throw this.fail(`<${utf8.decode(b.subarray(at, at + len))}> 未闭合`);
        this.depth = d - 1;
        this.name = this.nameAt(p + 2, nameEnd);
        this.p = e + 1;
        return CLOSE;
      }
      // An open tag: the name, then attributes up to the '>' that is outside quotes.
      let e = p + 1;
      while (e < n && b[e] !== GT && b[e] !== SLASH && !isSpace(b[e])) e++;
      const nameEnd = e;
      if (nameEnd === p + 1) throw this.fail("标记格式错误");
      const attrStart = e;
      let quote = 0;
      for (; e < n; e++) {
        const c = b[e];
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === QUOT || c === APOS) quote = c;
        else if (c === GT) break;
        else if (c === LT) throw this.fail("标记格式错误");
      }
      if (e >= n) throw this.fail("文件不完整");
      const selfClosing = b[e - 1] === SLASH && e - 1 >= attrStart;
      this.attrStart = attrStart;
      this.attrEnd = selfClosing ? e - 1 : e;
      this.selfClosing = selfClosing;
      this.p = e + 1;
      if (this.depth === 0) {
        this.roots++;
        if (this.roots > 1) throw this.fail("有多个根元素");
      }
      if (this.depth >= this.maxDepth) throw this.fail(`元素嵌套超过 ${this.maxDepth} 层`);
      this.stackAt[this.depth] = p + 1;
      this.stackLen[this.depth] = nameEnd - p - 1;
      this.depth++;
      this.name = this.nameAt(p + 1, nameEnd);
      if (selfClosing) this.pendingClose = true;
      return OPEN;
    }
  }

  /** cell(): the r, s and t attributes of the cell read, as byte ranges (-1: absent; the first counts). */
  rAt = -1;
  rEnd = 0;
  sAt = -1;
  sEnd = 0;
  tAt = -1;
  tEnd = 0;

  /**
   * Reads a cell tag `<c a="..." ...>` in one pass over its bytes, for the sheets' thousands of cells: the
   * attributes r, s and t as byte ranges, then
   * - CELL_EMPTY: `<c .../>` (a template's formatted empty cell), passed over with its CLOSE;
   * - CELL_VALUE: `<c ...><v>TEXT</v></c>` with some text, passed over whole, TEXT's bytes in
   *   textStart/textEnd (most cells with a value);
   * - CELL_OPEN: any other `<c ...>`, read as next() reads an OPEN (on the nesting stack; its content and
   *   CLOSE come from next()).
   * Returns CELL_NONE and reads nothing for anything else: another tag, text, no attributes, a prefix,
   * attributes not written `name="value"`, a tag cut short, the nesting cap reached. next() then reads or
   * refuses it as usual, so what is accepted and refused is next()'s in every case.
   */
  cell(): number {
    const d = this.depth;
    if (this.pendingClose || d === 0 || d + 1 >= this.maxDepth) return CELL_NONE;
    const b = this.bytes;
    const n = b.length;
    const p = this.p;
    if (p + 3 >= n || b[p] !== LT || b[p + 1] !== 99 /* c */ || !isSpace(b[p + 2])) return CELL_NONE;
    let rAt = -1;
    let rEnd = 0;
    let sAt = -1;
    let sEnd = 0;
    let tAt = -1;
    let tEnd = 0;
    let i = p + 2;
    while (i < n && isSpace(b[i])) {
      while (i < n && isSpace(b[i])) i++;
      const ns = i;
      let c = b[i];
      while (
        i < n &&
        c !== 61 /* = */ &&
        c !== GT &&
        c !== SLASH &&
        c !== LT &&
        c !== QUOT &&
        c !== APOS &&
        !isSpace(c)
      )
        c = b[++i];
      if (i === ns) break; // "/>" or ">" after the spaces
      if (c !== 61) return CELL_NONE;
      const q = b[i + 1];
      if (q !== QUOT && q !== APOS) return CELL_NONE;
      const vs = i + 2;
      let ve = vs;
      while (ve < n && b[ve] !== q) ve++;
      if (ve >= n) return CELL_NONE;
      if (i - ns === 1) {
        const k = b[ns];
        if (k === 114 /* r */) {
          if (rAt < 0) ((rAt = vs), (rEnd = ve));
        } else if (k === 115 /* s */) {
          if (sAt < 0) ((sAt = vs), (sEnd = ve));
        } else if (k === 116 /* t */ && tAt < 0) ((tAt = vs), (tEnd = ve));
      }
      i = ve + 1;
    }
    if (i === p + 2) return CELL_NONE; // no attribute
    let kind: number;
    if (b[i] === SLASH && b[i + 1] === GT) {
      this.attrEnd = i;
      this.p = i + 2;
      kind = CELL_EMPTY;
    } else if (b[i] === GT) {
      this.attrEnd = i;
      // <v>TEXT</v></c>, TEXT not empty
      const v = i + 1;
      const q =
        b[v] === LT && b[v + 1] === 118 && b[v + 2] === GT && b[v + 3] !== LT ? b.indexOf(LT, v + 3) : -1;
      if (
        q > 0 &&
        b[q + 1] === SLASH &&
        b[q + 2] === 118 &&
        b[q + 3] === GT &&
        b[q + 4] === LT &&
        b[q + 5] === SLASH &&
        b[q + 6] === 99 &&
        b[q + 7] === GT
      ) {
        this.textStart = v + 3;
        this.textEnd = q;
        this.cdata = false;
        this.p = q + 8;
        kind = CELL_VALUE;
      } else {
        this.stackAt[d] = p + 1;
        this.stackLen[d] = 1;
        this.depth = d + 1;
        this.name = "c";
        this.selfClosing = false;
        this.p = v;
        kind = CELL_OPEN;
      }
    } else return CELL_NONE;
    this.attrStart = p + 2;
    this.rAt = rAt;
    this.rEnd = rEnd;
    this.sAt = sAt;
    this.sEnd = sEnd;
    this.tAt = tAt;
    this.tEnd = tEnd;
    return kind;
  }

  /** Skips a self-closing tag's CLOSE (readers that do not need it). */
  skipClose(): void {
    if (this.pendingClose) {
      this.pendingClose = false;
      this.depth--;
    }
  }

  /** Decoded text of a byte range (entities unless CDATA, line breaks as LF). */
  decode(start: number, end: number, cdata = false): string {
    const b = this.bytes;
    let s: string;
    if (end - start <= 16) {
      s = "";
      let ascii = true;
      for (let i = start; i < end; i++) {
        const c = b[i];
        if (c >= 128) {
          ascii = false;
          break;
        }
        s += String.fromCharCode(c);
      }
      if (!ascii) s = utf8.decode(b.subarray(start, end));
    } else s = utf8.decode(b.subarray(start, end));
    if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
    return cdata ? s : decodeEntities(s);
  }

  text(): string {
    return this.decode(this.textStart, this.textEnd, this.cdata);
  }

  /** The raw (undecoded) range of an attribute's value by its qualified name, or -1. */
  private findAttr(qname: string): number {
    const b = this.bytes;
    const end = this.attrEnd;
    let i = this.attrStart;
    const len = qname.length;
    while (i < end) {
      while (i < end && isSpace(b[i])) i++;
      const ns = i;
      while (i < end && b[i] !== 61 /* = */ && !isSpace(b[i])) i++;
      const ne = i;
      while (i < end && isSpace(b[i])) i++;
      if (i >= end || b[i] !== 61) return -1; // not well formed: treated as no such attribute
      i++;
      while (i < end && isSpace(b[i])) i++;
      const q = b[i];
      if (q !== QUOT && q !== APOS) return -1;
      const vs = i + 1;
      const ve = b.indexOf(q, vs);
      if (ve < 0 || ve > end) return -1;
      if (ne - ns === len) {
        let same = true;
        for (let k = 0; same && k < len; k++) same = b[ns + k] === qname.charCodeAt(k);
        if (same) {
          this.valueEnd = ve;
          return vs;
        }
      }
      i = ve + 1;
    }
    return -1;
  }
  private valueEnd = 0;

  /** An attribute's decoded value by its qualified name ("r", "r:id"), undefined when absent. */
  attr(qname: string): string | undefined {
    const vs = this.findAttr(qname);
    return vs < 0 ? undefined : this.decode(vs, this.valueEnd);
  }

  /** A non-negative integer attribute read without building a string; -1 when absent or not digits. */
  attrInt(qname: string): number {
    const vs = this.findAttr(qname);
    if (vs < 0) return -1;
    const b = this.bytes;
    let v = 0;
    if (vs === this.valueEnd) return -1;
    for (let i = vs; i < this.valueEnd; i++) {
      const d = b[i] - 48;
      if (d < 0 || d > 9 || v > 1e15) return -1;
      v = v * 10 + d;
    }
    return v;
  }

  /** Every attribute, by qualified name (small parts only). */
  attrs(): Record<string, string> {
    const out: Record<string, string> = {};
    const b = this.bytes;
    const end = this.attrEnd;
    let i = this.attrStart;
    while (i < end) {
      while (i < end && isSpace(b[i])) i++;
      const ns = i;
      while (i < end && b[i] !== 61 && !isSpace(b[i])) i++;
      const ne = i;
      while (i < end && isSpace(b[i])) i++;
      if (i >= end || b[i] !== 61) break;
      i++;
      while (i < end && isSpace(b[i])) i++;
      const q = b[i];
      if (q !== QUOT && q !== APOS) break;
      const ve = b.indexOf(q, i + 1);
      if (ve < 0 || ve > end) break;
      out[utf8.decode(b.subarray(ns, ne))] = this.decode(i + 1, ve);
      i = ve + 1;
    }
    return out;
  }
}

/** Reads a part as a sequence of tokens, for the small parts (workbook, relationships, styles). */
export function scanTags(
  bytes: Uint8Array,
  part: string,
  maxDepth: number,
  open: (s: XmlScanner) => void,
  close?: (s: XmlScanner) => void,
): void {
  const s = new XmlScanner(bytes, part, maxDepth);
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === OPEN) open(s);
    else if (t === CLOSE) close?.(s);
  }
}
