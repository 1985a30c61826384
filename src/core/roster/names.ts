// What makes two written firm names the same name, and nothing more: the same characters once width,
// bracket form, spaces, letter case and the legal-form spelling 有限责任公司/有限公司 are set aside. No
// similarity score: two real firms whose names differ by one character must never be joined. A trailing
// 分公司 is part of the name (a branch is its own registration), so it is never stripped.
import { halfWidth, isInvisible as isSpace, trimInvisible } from "../read/normalise";

/** Longest name a roster row may have: far above any registered firm name (read.ts refuses longer). */
export const MAX_NAME_CHARS = 200;

/** The key two names must share to be one firm's name. Linear in the (capped) length. */
export function firmNameKey(name: string): string {
  const t = halfWidth(trimInvisible(name));
  let out = "";
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isSpace(c)) continue;
    // Brackets other than the full-width （） halfWidth maps already: the CJK 〔〕 and corner forms are
    // used in names only as brackets.
    if (c === 0x3014 || c === 0x3010) out += "(";
    else if (c === 0x3015 || c === 0x3011) out += ")";
    else out += t[i];
  }
  return out.toUpperCase().split("有限责任公司").join("有限公司");
}

/** 统一社会信用代码 as compared: half-width, no spaces, upper case. */
export function usccKey(code: string): string {
  let out = "";
  const t = halfWidth(code.slice(0, 64));
  for (let i = 0; i < t.length; i++) if (!isSpace(t.charCodeAt(i))) out += t[i];
  return out.toUpperCase();
}
