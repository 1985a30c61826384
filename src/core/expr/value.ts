// What an indicator's computation gives: the value, and for a ratio its numerator and denominator (a zero
// or blank denominator gives no value, never 0). Defined here, with the language, so that the evaluator in
// src/core/aggregate depends on the language and not the other way round.
export interface IndicatorValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** A relative indicator (Indicator.relativeTo): its own figure and the figure it is compared with. */
  own?: number | null;
  reference?: number | null;
}
