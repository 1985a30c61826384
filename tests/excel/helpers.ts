// Shared set-up of the adapter tests: a fake host installed as the globals, and sample data.
import { buildDemoRound, type DemoReturn } from "../../src/core/demo/round";
import { FORM_V1 } from "../../src/core/form/v1";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import type { CellValue, WorkbookDescription } from "../../src/core/sheet/types";
import { readWorkbook } from "../../src/xlsx/read";
import { createFakeHost, installFakeOffice, type FakeHost } from "../fake-excel";
import type { FakeSheet } from "../fake-excel/model";

export const plan = DEFAULT_PLAN;
export const period = parsePeriod("2025Q3")!;
export const GENERATED = "2025-09-01T08:00:00.000Z";

export function install(excelApi = 18): FakeHost {
  const host = createFakeHost({ excelApi, readXlsx: (b) => readWorkbook(b) });
  installFakeOffice(globalThis as unknown as Record<string, unknown>, host);
  return host;
}

export function template(unitIndex = 0): WorkbookDescription {
  return buildTemplate({
    plan,
    form: FORM_V1,
    unit: plan.units[unitIndex],
    period,
    deadline: "2025-10-15",
    generatedAt: GENERATED,
  });
}

/** A demo return's rows in the version-1 column order (the demo fills most units on version 2). */
function asV1(r: DemoReturn): CellValue[][] {
  const at = FORM_V1.enterprises.fields.map((f) =>
    r.form.enterprises.fields.findIndex((g) => g.key === f.key),
  );
  return (r.data.enterprises ?? []).map((row) => at.map((i) => (i < 0 ? null : row[i])));
}

/** `n` enterprise rows made by repeating the demo round's rows (USCCs repeat: the reader will say so). */
export function enterpriseRows(n: number): CellValue[][] {
  const demo = buildDemoRound(plan);
  const pool = demo.returns.flatMap(asV1);
  return Array.from({ length: n }, (_, i) => pool[i % pool.length]);
}

export function filledTemplate(rows: number, unitIndex = 0): WorkbookDescription {
  const demo = buildDemoRound(plan);
  const data =
    demo.returns.find((r) => r.unit.code === plan.units[unitIndex].code)?.data ?? demo.returns[0].data;
  const keys = new Set(FORM_V1.region.cells.map((c) => c.key));
  const region = Object.fromEntries(Object.entries(data.region ?? {}).filter(([k]) => keys.has(k)));
  return fillTemplate(template(unitIndex), { ...data, region, enterprises: enterpriseRows(rows) }, FORM_V1);
}

/** Stored values of a fake sheet as a grid (null for empty), formulas as "=...". */
export function fakeGrid(s: FakeSheet): (string | number | boolean | null)[][] {
  const out: (string | number | boolean | null)[][] = [];
  for (const [k, c] of s.cells) {
    const [r, col] = k.split(",").map(Number);
    const v = c.formula ?? c.error ?? c.value;
    if (v === null || v === undefined) continue;
    while (out.length <= r) out.push([]);
    out[r][col] = v;
  }
  return out.map((row) => Array.from({ length: row.length }, (_, i) => row[i] ?? null));
}
