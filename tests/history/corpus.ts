// The clean two-round corpus (the demo's 2025Q3 and the generated 2025Q4) and the figures issue 26
// asks for: the share of rows with any history or outlier warning, and which planted anomalies are found.
import { buildNextRound, type NextRound } from "../../src/core/demo/next-round";
import type { DemoReturn } from "../../src/core/demo/round";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { roundChecks } from "../../src/core/history/round";
import type { Period } from "../../src/core/plan/periods";
import type { ReturnResult } from "../../src/core/read/types";
import { DEFAULT_SETTINGS } from "../../src/core/targets/types";
import { demo, plan, readDesc } from "../prefill/fixtures";

export function readRound(returns: DemoReturn[], period: Period): ReturnResult[] {
  return returns.map((d) =>
    readDesc(
      fillTemplate(
        buildTemplate({ plan, form: d.form, unit: d.unit, period, generatedAt: demo.generatedAt }),
        d.data,
        d.form,
      ),
      d.fileName,
      d.savedAt,
    ),
  );
}

export interface Figures {
  rows: number;
  flagged: number;
  share: number;
  found: { kind: string; code: string; found: boolean }[];
}

export function figures(
  next: NextRound,
  history: ReturnResult[],
  threshold = DEFAULT_SETTINGS.outlierThreshold,
) {
  const checked = roundChecks({
    plan,
    period: next.period,
    returns: readRound(next.returns, next.period),
    history,
    outlierThreshold: threshold,
  });
  let rows = 0;
  let flagged = 0;
  for (const r of checked) {
    rows += r.enterprises.length;
    // Rows of the 企业名录 with any history or outlier warning (a firm gone is no row of this round).
    const cells = new Set(
      r.warnings
        .filter((w) => w.previous !== undefined && w.cell && w.sheet === "企业名录")
        .map((w) => Number(/\d+/.exec(w.cell!)![0])),
    );
    flagged += cells.size;
  }
  const found = next.plants.map((p) => {
    const r = checked.find((x) => x.unit === p.unit)!;
    const row = r.enterprises.find((e) => e.uscc === p.uscc)?.row;
    const hit = r.warnings.some((w) => w.code === p.code && w.cell && Number(/\d+/.exec(w.cell)![0]) === row);
    return { kind: p.kind, code: p.code, found: hit };
  });
  return { rows, flagged, share: flagged / rows, found, checked };
}

export const cleanNext = () => buildNextRound(demo);
export const plantedNext = () => buildNextRound(demo, { plant: true });
