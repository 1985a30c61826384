// 统一社会信用代码 (GB 32100-2015): 18 characters; the 18th is a check character over the first 17.

export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
export const USCC_LENGTH = 18;
/** 3^i mod 31 for i = 0..16. */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters, or null when one of them is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== USCC_LENGTH - 1) return null;
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

export type UsccProblem =
  | { kind: "length"; length: number }
  | { kind: "charset"; position: number; char: string }
  /** The check character does not match: which character would pass is deliberately not given (see the
   * uscc.checksum message). */
  | { kind: "checksum"; actual: string };

/** null when the code is valid. Expects upper case, no spaces (normalise first). */
export function usccProblem(code: string): UsccProblem | null {
  const chars = Array.from(code);
  if (chars.length !== USCC_LENGTH) return { kind: "length", length: chars.length };
  for (let i = 0; i < chars.length; i++) {
    if (!USCC_ALPHABET.includes(chars[i])) return { kind: "charset", position: i + 1, char: chars[i] };
  }
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : { kind: "checksum", actual: code[17] };
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}
