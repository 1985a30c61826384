// Plausible, valid 统一社会信用代码 for sample data: 9 (工商) 1 (企业), the 6-digit division, a 9-character
// organisation code with its GB 11714 check character, then the GB 32100 check character.
import { USCC_ALPHABET, usccCheckChar } from "../read/uscc";
import type { Rng } from "./prng";

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_CHARS = USCC_ALPHABET; // the letters GB 32100 allows are a subset of GB 11714's

function orgCheck(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i];
    const v = c >= "0" && c <= "9" ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? "X" : r === 11 ? "0" : String(r);
}

export function makeUscc(r: Rng, division: string): string {
  const div = /^\d{6}$/.test(division) ? division : "320700";
  // Codes issued since 2015 mostly start "MA"; older ones are all digits.
  const body = r.chance(0.7)
    ? "MA" + Array.from({ length: 6 }, () => r.pick(ORG_CHARS.split(""))).join("")
    : Array.from({ length: 8 }, () => String(r.int(0, 9))).join("");
  const first17 = `91${div}${body}${orgCheck(body)}`;
  return first17 + usccCheckChar(first17);
}

/** The same code with a wrong check character (a deliberate defect of the demo). */
export function breakUscc(code: string): string {
  const i = USCC_ALPHABET.indexOf(code[17]);
  return code.slice(0, 17) + USCC_ALPHABET[(i + 1) % USCC_ALPHABET.length];
}
