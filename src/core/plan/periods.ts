// Reporting periods: "2025" (year), "2025H1"/"2025H2", "2025Q3", "2025-09" (month).

export interface Period {
  /** Canonical text, e.g. "2025Q3". */
  id: string;
  kind: "year" | "half" | "quarter" | "month";
  year: number;
  /** First and last day, ISO yyyy-mm-dd. */
  start: string;
  end: string;
  /** zh-CN label, e.g. "2025年第三季度". */
  label: string;
}

const QUARTER_NAMES = ["一", "二", "三", "四"];

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Parses a period or returns null. Accepts lower case and full-width digits are not expected here. */
export function parsePeriod(text: string): Period | null {
  const t = String(text).trim().toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t))) {
    const y = Number(m[1]);
    return { id: `${y}`, kind: "year", year: y, start: iso(y, 1, 1), end: iso(y, 12, 31), label: `${y}年` };
  }
  if ((m = /^(\d{4})H([12])$/.exec(t))) {
    const y = Number(m[1]);
    const h = Number(m[2]);
    const sm = h === 1 ? 1 : 7;
    const em = h === 1 ? 6 : 12;
    return {
      id: `${y}H${h}`,
      kind: "half",
      year: y,
      start: iso(y, sm, 1),
      end: iso(y, em, lastDay(y, em)),
      label: `${y}年${h === 1 ? "上" : "下"}半年`,
    };
  }
  if ((m = /^(\d{4})Q([1-4])$/.exec(t))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const em = q * 3;
    return {
      id: `${y}Q${q}`,
      kind: "quarter",
      year: y,
      start: iso(y, em - 2, 1),
      end: iso(y, em, lastDay(y, em)),
      label: `${y}年第${QUARTER_NAMES[q - 1]}季度`,
    };
  }
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(t))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return {
      id: `${y}-${String(mo).padStart(2, "0")}`,
      kind: "month",
      year: y,
      start: iso(y, mo, 1),
      end: iso(y, mo, lastDay(y, mo)),
      label: `${y}年${mo}月`,
    };
  }
  return null;
}

export function isoToUtcMs(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

export type TimeBasis = "day" | "month";

/**
 * Share of the plan elapsed at the end of the period, clamped to [0, 1].
 * "day": (d − start) / (end − start) with d, start, end as the calendar days (d counted inclusive, so the
 * last day of the plan gives 1). "month": whole months elapsed at the end of d's month / plan months.
 */
export function timeProgress(
  planStart: string,
  planEnd: string,
  periodEnd: string,
  basis: TimeBasis = "day",
): number {
  let p: number;
  if (basis === "month") {
    const [sy, sm] = planStart.split("-").map(Number);
    const [ey, em] = planEnd.split("-").map(Number);
    const [py, pm] = periodEnd.split("-").map(Number);
    const total = (ey - sy) * 12 + (em - sm + 1);
    const done = (py - sy) * 12 + (pm - sm + 1);
    p = done / total;
  } else {
    const day = 86400000;
    const s = isoToUtcMs(planStart);
    const total = isoToUtcMs(planEnd) + day - s;
    const done = isoToUtcMs(periodEnd) + day - s;
    p = done / total;
  }
  return Math.min(1, Math.max(0, p));
}
