// The demo round's returns read through the core's reader (in memory), to prefill the next round from.
import { buildDemoRound } from "../../src/core/demo/round";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { readReturn } from "../../src/core/read/read-return";
import type { ReturnResult } from "../../src/core/read/types";
import type { WorkbookDescription } from "../../src/core/sheet/types";
import { snapshotOf } from "../targets/snapshot-of";

export const plan = DEFAULT_PLAN;
export const demo = buildDemoRound(plan);

export function readDesc(desc: WorkbookDescription, file: string, savedAt?: string): ReturnResult {
  const snap = snapshotOf(desc);
  snap.source = { name: file, modified: savedAt, savedAt };
  return readReturn(snap, { plan, file, today: "2026-01-20" });
}

/** The demo's returns of 2025Q3, read. */
export function demoReturns(): ReturnResult[] {
  return demo.returns.map((d) =>
    readDesc(
      fillTemplate(
        buildTemplate({
          plan,
          form: d.form,
          unit: d.unit,
          period: demo.period,
          deadline: demo.deadline,
          generatedAt: demo.generatedAt,
        }),
        d.data,
        d.form,
      ),
      d.fileName,
      d.savedAt,
    ),
  );
}
