// The registry of the expression language's functions, closed: one module per function, each with its
// signature, its type check and its runtime. The order is the order the "可用：" list of an unknown
// function's error names them in.
import { chainCoverage } from "./chain-coverage";
import { count } from "./count";
import { distinct } from "./distinct";
import { filled } from "./filled";
import { isblank } from "./isblank";
import { mean } from "./mean";
import { platforms } from "./platforms";
import { prev } from "./prev";
import { ratioOfSums } from "./ratio-of-sums";
import { recognised } from "./recognised";
import { region } from "./region";
import { share } from "./share";
import { sincePlanStart } from "./since-plan-start";
import { sum } from "./sum";
import type { ExprFunction } from "./types";

const ALL: readonly ExprFunction[] = [
  recognised,
  sincePlanStart,
  isblank,
  filled,
  prev,
  count,
  sum,
  mean,
  share,
  ratioOfSums,
  distinct,
  chainCoverage,
  platforms,
  region,
];

/** Every function by name. */
export const FUNCTIONS: Readonly<Record<string, ExprFunction>> = Object.fromEntries(
  ALL.map((f) => [f.name, f]),
);

/** The function of a name, or undefined (own names only: "constructor" is no function). */
export function functionOf(name: string): ExprFunction | undefined {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}

export type { ExprFunction, IndicatorFunction, RowFunction } from "./types";
