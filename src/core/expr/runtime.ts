// What a compiled expression runs over: a row, the round it belongs to, and for an indicator the rows and
// figures of a unit. Shared by the compiler (compile.ts) and each function (functions/), so neither
// imports the other's module for its types.

/** One row (enterprise or platform) as the reader gives it; a missing key reads as blank. */
export type Row = object;
/** What a row filter needs besides the row. */
export interface RowRuntime {
  periodYear: number;
  /** The plan's start year (since_plan_start). */
  startYear: number;
  /** The firm's row of the previous round (prev(...) reads it); null or absent: a new firm, prev is blank. */
  prev?: Row | null;
}
/** What an indicator needs: the rows of a unit (or the city) and its figures. */
export interface IndicatorRuntime extends RowRuntime {
  /** The rows of a population, filtered once per unit (see populationRows). */
  population(name: string): readonly Row[];
  platforms: readonly Row[];
  regions: readonly Row[];
  /** The plan's key chains. */
  chains: readonly string[];
}

export type RowFilter = (r: Row, rt: RowRuntime) => boolean;
export type RowFn = (r: Row, rt: RowRuntime) => unknown;
export type NumFn = (rt: IndicatorRuntime) => number | null;
export type PartsFn = (rt: IndicatorRuntime) => [number | null, number | null];

/** The first aggregate of an indicator (drill-down lists the rows it counts and how). */
export interface AggregateTrace {
  fn: string;
  /** Population name; null for platforms() and region(). */
  population: string | null;
  /** The row filter given to the function, if any. */
  filter: RowFilter | null;
  /** Fields the function reads, in argument order (sum: [field]; ratio_of_sums: [num, den]). */
  fields: string[];
}

export const isBlank = (v: unknown): boolean => v === null || v === undefined;

/** A field's value on a row, blank as null. */
export const get =
  (key: string) =>
  (r: Row): unknown => {
    const v = (r as Record<string, unknown>)[key];
    return v === undefined ? null : v;
  };

export function countRows(rows: readonly Row[], filter: RowFilter | null, rt: RowRuntime): number {
  if (!filter) return rows.length;
  let k = 0;
  for (const r of rows) if (filter(r, rt)) k++;
  return k;
}

/** A zero or blank denominator is no data, never 0 (DHIS2). */
export function ratioValue([num, den]: [number | null, number | null]): number | null {
  return num === null || den === null || den === 0 ? null : num / den;
}
