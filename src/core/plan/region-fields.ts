// Region figures (issue 25 item 2): the figures a plan's computations read with region(f), any number of
// them. Each is supplied by the units (a cell of their return's 区域指标 sheet), by the bureau (a column
// of the targets workbook's 区域数据, typed each round; it wins over the unit's own), or both. The targets
// workbook gets one 区域数据 column per figure listed here, and the plan loader warns about a figure only
// the bureau can supply (it is — until typed).
import { envOf, type ExprField } from "../expr/env";
import { parseExpr, type Node } from "../expr/parse";
import type { FormDef } from "../form/types";
import type { Plan } from "./types";

export interface RegionField {
  key: string;
  /** The 区域数据 column header: the plan's label for a bureau figure, else the first form's cell header. */
  label: string;
  /** A fraction (never summed over units: the whole's is the bureau's own) or an amount (summed). */
  percent: boolean;
  /** Units fill it on the plan's current form (their return's 区域指标 sheet). */
  unitsSupply: boolean;
  /** Codes of the indicators whose computation reads it, in plan order. */
  indicators: string[];
}

/** The same lookup as the expression compiler's: key, header, or header without its (unit). */
function findField(fields: ExprField[], name: string): ExprField | undefined {
  return (
    fields.find((f) => f.key === name) ??
    fields.find((f) => f.header === name) ??
    fields.find((f) => f.header.replace(/[(（][^()（）]*[)）]$/, "") === name)
  );
}

/** The names given to region(...) in an expression (a parse error: none; the loader reports it). */
export function regionNamesOf(expr: string): { name: string; start: number }[] {
  let root: Node;
  try {
    root = parseExpr(expr);
  } catch {
    return [];
  }
  const out: { name: string; start: number }[] = [];
  // Bounded: an expression is at most 2,000 characters, so its tree has at most that many nodes.
  const stack: Node[] = [root];
  while (stack.length > 0 && out.length < 100) {
    const n = stack.pop()!;
    switch (n.type) {
      case "call":
        if (n.name.toLowerCase() === "region" && n.args[0]?.type === "name")
          out.push({ name: n.args[0].name, start: n.args[0].start });
        stack.push(...n.args);
        break;
      case "neg":
      case "not":
        stack.push(n.arg);
        break;
      case "binary":
        stack.push(n.left, n.right);
        break;
      case "in":
        stack.push(n.arg, ...n.values);
        break;
      default:
        break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The region figures the plan's indicators read, first use first. `forms`: the plan's form versions
 * (the last is the current one).
 */
export function regionFieldsOf(
  plan: Pick<Plan, "indicators" | "tiers" | "populations" | "regionFigures">,
  forms: readonly FormDef[],
): RegionField[] {
  const env = envOf(plan, forms);
  const current = forms[forms.length - 1];
  const out = new Map<string, RegionField>();
  for (const ind of plan.indicators)
    for (const { name } of [
      ...regionNamesOf(ind.expr ?? ""),
      ...(ind.relativeTo ? [{ name: ind.relativeTo, start: Infinity }] : []),
    ]) {
      const f = findField(env.region, name);
      if (!f) continue;
      let hit = out.get(f.key);
      if (!hit) {
        const cell = forms.flatMap((x) => x.region.cells).find((c) => c.key === f.key);
        const bureau = (plan.regionFigures ?? []).find((r) => r.key === f.key);
        hit = {
          key: f.key,
          label: cell?.header ?? bureau?.label ?? f.header,
          percent: (cell?.type ?? bureau?.type) === "percent",
          unitsSupply: !!current?.region.cells.some((c) => c.key === f.key),
          indicators: [],
        };
        out.set(f.key, hit);
      }
      if (!hit.indicators.includes(ind.code)) hit.indicators.push(ind.code);
    }
  return [...out.values()];
}
