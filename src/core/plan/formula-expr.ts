// A plan file written before issue 17 states each computation as a structured `formula`; the evaluator
// reads expressions only, so such a file gets the expression that says the same thing (same figures).
import type { Formula, Indicator, Predicate, YearField } from "./types";

/** The built-in tiers' year fields (plan files before issue 17 know only these four). */
const TIER_OF_YEAR: Record<YearField, string> = {
  innovative_year: "innovative",
  provincial_srdi_year: "provincial_srdi",
  little_giant_year: "little_giant",
  champion_year: "champion",
};

/** A string literal of the expression language: double quotes, a quote inside doubled (as in Excel). */
export function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

const list = (values: string[]) => `(${values.map(quote).join(", ")})`;

function predicateExpr(p: Predicate): string {
  switch (p.op) {
    case "recognised":
      return `recognised(${TIER_OF_YEAR[p.field]})`;
    case "since":
      return `since_plan_start(${p.field})`;
    case "all":
      return p.of.map((q) => (q.op === "all" ? `(${predicateExpr(q)})` : predicateExpr(q))).join(" and ");
    case "yes":
      return p.field;
    case "in":
      return p.values.length === 1 ? `${p.field} = ${quote(p.values[0])}` : `${p.field} in ${list(p.values)}`;
    case "notIn":
      return p.values.length === 1
        ? `${p.field} <> ${quote(p.values[0])}`
        : `${p.field} not in ${list(p.values)}`;
  }
}

const where = (p: Predicate | undefined) => (p ? `, ${predicateExpr(p)}` : "");

/** The expression computing what `f` computes; `measure` as the indicator's (platform counts use it). */
export function formulaToExpr(f: Formula, measure: Indicator["measure"] = "stock"): string {
  switch (f.type) {
    case "count":
      return `count(${f.population}${where(f.where)})`;
    case "sum":
      return `sum(${f.field}, ${f.population})`;
    case "share":
      return `share(${f.population}, ${predicateExpr(f.where)})`;
    case "ratioOfSums":
      return `ratio_of_sums(${f.numerator}, ${f.denominator}, ${f.population})`;
    case "sumPerFirm":
      return `sum(${f.field}, ${f.population}) / count(${f.population})`;
    case "mean":
      return `mean(${f.field}, ${f.population})`;
    case "shareOfRegion":
      return `sum(${f.field}, ${f.population}${where(f.where)}) / region(${f.region})`;
    case "chainCoverage":
      return `chain_coverage(${f.population})`;
    case "platformCount": {
      const parts = [
        f.kinds.length === 1 ? `kind = ${quote(f.kinds[0])}` : `kind in ${list(f.kinds)}`,
        f.levels.length === 1 ? `level = ${quote(f.levels[0])}` : `level in ${list(f.levels)}`,
      ];
      if (measure === "since_plan_start") parts.push("since_plan_start(year)");
      return `platforms(${parts.join(" and ")})`;
    }
    case "distinctPerFirm":
      return `distinct(${f.field}, ${f.population}) / count(${f.population})`;
  }
}
