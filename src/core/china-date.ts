// Calendar days in China time (UTC+8, no daylight saving): deadlines, bulletin dates and the current
// quarter are days in Lianyungang, whatever the clock or locale of the machine running the CLI or the pane.

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar day (yyyy-mm-dd, China time) of an ISO timestamp, or null when it is not a time. */
export function chinaDay(isoTime: string): string | null {
  const ms = Date.parse(isoTime);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today (yyyy-mm-dd) in China time: the bulletin's date when none is given. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The quarter of `now` in China time as a period id, e.g. "2025Q3". */
export function currentQuarter(now: Date): string {
  const d = new Date(now.getTime() + CHINA_OFFSET_MS);
  return `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/**
 * The quarter a return made now most likely reports: the last one that has ended (China time). Returns
 * are filled in the weeks after a quarter closes, so in October the pane proposes Q3, not Q4.
 */
export function reportingQuarter(now: Date): string {
  const d = new Date(now.getTime() + CHINA_OFFSET_MS);
  const q = Math.floor(d.getUTCMonth() / 3);
  return q === 0 ? `${d.getUTCFullYear() - 1}Q4` : `${d.getUTCFullYear()}Q${q}`;
}

/** A day written the Chinese way, as on a bulletin's date line or a template: 2025年10月15日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
