// Outliers within a round (issue 26 item 4): per numeric field and per firm size class, a robust score
// as DHIS2 computes it (modified z = 0.6745 × (x − median) / MAD, Iglewicz and Hoaglin), here on log(1 + x)
// because firm figures are skewed over orders of magnitude (a mean and standard deviation would flag every
// large firm). A warning only, explained in 说明 like a history warning.
import { address } from "../a1";
import type { FieldDef, FormDef } from "../form/types";
import type { Issue } from "../issues";
import { textOf } from "../prefill/cell";
import { makeIssue } from "../read/issue";
import type { ReturnResult } from "../read/types";
import { explanationOf } from "./check";

/** Fewer values than this in a field and class: too few to say what is usual. */
export const MIN_GROUP = 10;
/** The firm size class: 规上工业企业 or not (the built-in and Yunnan forms' above_scale). */
export const SIZE_FIELD = "above_scale";

type Rec = Record<string, unknown>;

function median(sorted: number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** Robust z of each value (0.6745 (x − median) / MAD); null when the MAD is 0 (no spread to measure by). */
export function robustScores(values: number[]): number[] | null {
  const sorted = [...values].sort((a, b) => a - b);
  const med = median(sorted);
  const dev = values.map((v) => Math.abs(v - med)).sort((a, b) => a - b);
  const mad = median(dev);
  if (!(mad > 0)) return null;
  return values.map((v) => (0.6745 * (v - med)) / mad);
}

const NUMERIC = new Set(["decimal", "whole", "percent"]);

export interface OutlierInput {
  result: ReturnResult;
  form: FormDef;
}

/** Outlier warnings per return (index-aligned with `inputs`); threshold 0 or less: none. */
export function roundOutliers(inputs: OutlierInput[], threshold: number): Issue[][] {
  const out: Issue[][] = inputs.map(() => []);
  if (!(threshold > 0)) return out;
  // Fields of every form in the round by key (the first form's definition), numeric ones only.
  const fields = new Map<string, FieldDef>();
  for (const { form } of inputs)
    for (const f of form.enterprises.fields)
      if (NUMERIC.has(f.type) && !fields.has(f.key)) fields.set(f.key, f);
  type Point = { i: number; e: Rec; v: number };
  for (const [key, field] of fields) {
    const groups = new Map<string, Point[]>();
    inputs.forEach(({ result }, i) => {
      if (result.rejected) return;
      for (const e of result.enterprises as unknown as Rec[]) {
        const v = e[key];
        if (typeof v !== "number" || !Number.isFinite(v) || v < 0) continue;
        const size = String(e[SIZE_FIELD] ?? "");
        const g = groups.get(size) ?? [];
        g.push({ i, e, v });
        groups.set(size, g);
      }
    });
    for (const points of groups.values()) {
      if (points.length < MIN_GROUP) continue;
      const z = robustScores(points.map((p) => Math.log1p(p.v)));
      if (!z) continue;
      points.forEach((p, k) => {
        if (Math.abs(z[k]) <= threshold) return;
        const { form } = inputs[p.i];
        const col = form.enterprises.fields.findIndex((f) => f.key === key);
        if (col < 0) return;
        const value = textOf(field, Number(p.v.toPrecision(12)));
        out[p.i].push({
          ...makeIssue("outlier.robust", {
            sheet: form.enterprises.name,
            cell: address((p.e.row as number) - 1, col),
            field: key,
            label: field.header,
            value,
            args: { detail: `${value}(${z[k] > 0 ? "偏高" : "偏低"}，稳健Z值${z[k].toFixed(1)})` },
          }),
          previous: null,
          explanation: explanationOf(p.e),
        });
      });
    }
  }
  return out;
}
