// Calendar dates in cells: adapters give dates as Excel serial numbers (1900 system); clerks also type
// them as text (2025-10-12, 2025/10/12, 2025.10.12, 2025年10月12日). Pure, no time zones: a date is a day.

/** Full-width digits and punctuation as ASCII, surrounding whitespace dropped (normalise.ts would import us). */
function plainText(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
}

/** Excel serial of 1970-01-01 (1900 date system). */
const EPOCH_SERIAL = 25569;
const DAY_MS = 24 * 3600 * 1000;

export function isoFromParts(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

/** The day of an Excel serial (its time of day ignored); null outside 1900–9999. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  return new Date((Math.floor(serial) - EPOCH_SERIAL) * DAY_MS).toISOString().slice(0, 10);
}

export function isoToSerial(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS) + EPOCH_SERIAL;
}

/** Year, month and day separated by - / . or 年 月 (日); each part digits only. No regex backtracking. */
export function parseDateText(text: string): string | null {
  const t = plainText(text);
  if (t.length > 20) return null;
  const parts: string[] = [];
  let cur = "";
  for (const ch of t) {
    if (ch >= "0" && ch <= "9") cur += ch;
    else if ("-/.年月日".includes(ch)) {
      if (cur === "") return null;
      parts.push(cur);
      cur = "";
      if (ch === "日") break;
    } else return null;
  }
  if (cur !== "") parts.push(cur);
  if (parts.length === 1 && parts[0].length === 8)
    return isoFromParts(
      Number(parts[0].slice(0, 4)),
      Number(parts[0].slice(4, 6)),
      Number(parts[0].slice(6)),
    );
  if (parts.length !== 3 || parts[0].length !== 4) return null;
  return isoFromParts(Number(parts[0]), Number(parts[1]), Number(parts[2]));
}

/** A cell as a day: a serial number or date text; null when blank or not a date. */
export function cellDate(v: unknown): string | null {
  if (typeof v === "number") return serialToIso(v);
  if (typeof v === "string") return parseDateText(v);
  return null;
}
