// What makes two written firm names the same name, and nothing more: the same characters once width,
// bracket form, spaces, letter case and the legal-form spelling 有限责任公司/有限公司 are set aside. No
// similarity score: two real firms whose names differ by one character must never be joined. A trailing
// 分公司 is part of the name (a branch is its own registration), so it is never stripped.
import { halfWidth, isInvisible as isSpace } from "../read/normalise";

/** Longest name a roster row may have: far above any registered firm name (read.ts refuses longer). */
export const MAX_NAME_CHARS = 200;

/** What a code unit becomes in a key: "" dropped (spaces), a bracket, or null when kept as it is.
 * The CJK brackets 〔〕【】 are used in firm names only as brackets; （） are mapped by halfWidth. */
function keyUnit(c: number): string | null {
  if (isSpace(c)) return "";
  if (c === 0x3014 || c === 0x3010) return "(";
  if (c === 0x3015 || c === 0x3011) return ")";
  return null;
}

/** The key two names must share to be one firm's name. Linear in the length; copies only what changes
 * (a roster is matched against tens of thousands of claims). */
export function firmNameKey(name: string): string {
  const t = halfWidth(name);
  let out = "";
  let last = 0;
  for (let i = 0; i < t.length; i++) {
    const r = keyUnit(t.charCodeAt(i));
    if (r === null) continue;
    out += t.slice(last, i) + r;
    last = i + 1;
  }
  const key = (last === 0 ? t : out + t.slice(last)).toUpperCase();
  return key.includes("有限责任公司") ? key.split("有限责任公司").join("有限公司") : key;
}

/** 统一社会信用代码 as compared: half-width, no spaces, upper case. */
export function usccKey(code: string): string {
  let out = "";
  const t = halfWidth(code.slice(0, 64));
  for (let i = 0; i < t.length; i++) if (!isSpace(t.charCodeAt(i))) out += t[i];
  return out.toUpperCase();
}
