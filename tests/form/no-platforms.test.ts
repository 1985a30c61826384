// A form without a platform sheet (issue 25 item 3): the plan loads, the template has no platform sheet
// (it used to crash print-fit with "not an A1 address: 1"), a filled return reads clean, and an indicator
// that counts platforms is refused at load with its cell.
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import type { FormDef } from "../../src/core/form/types";
import { parsePeriod } from "../../src/core/plan/periods";
import { YUNNAN_PLAN } from "../../src/core/plans/yunnan-2025-2027";
import type { Plan } from "../../src/core/plan/types";
import { readPlanBook } from "../../src/core/planbook/read-plan";
import { buildPlanBook } from "../../src/core/planbook/write-plan";
import { readReturn } from "../../src/core/read/read-return";
import { fitForPrint } from "../../src/core/sheet/print-fit";
import { snapshotOf } from "../targets/snapshot-of";

const noPlatforms = (f: FormDef): FormDef => ({ ...f, platforms: { ...f.platforms, fields: [] } });
const plan: Plan = { ...YUNNAN_PLAN, forms: YUNNAN_PLAN.forms!.map(noPlatforms) };
const form = plan.forms![plan.forms!.length - 1];
const args = {
  plan,
  form,
  unit: plan.units[0],
  period: parsePeriod("2025Q3")!,
  deadline: "2025-10-15",
  generatedAt: "2025-10-01T08:00:00.000Z",
};

test("the plan workbook of a form without platforms loads", () => {
  const r = readPlanBook(snapshotOf(buildPlanBook(plan)));
  expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  expect(r.plan!.forms!.every((f) => f.platforms.fields.length === 0)).toBe(true);
});

test("its template has no platform sheet, says nothing of platforms, and fits the page", () => {
  const desc = buildTemplate(args);
  expect(desc.sheets.map((s) => s.name)).toEqual(["填报说明", "企业名录", "区域指标", "_srdi_meta"]);
  expect((desc.names ?? []).map((n) => n.name)).not.toContain("srdi_platforms");
  const text = desc.sheets[0].rows.map((r) => String(r[0] ?? "")).join("\n");
  expect(text).not.toMatch(/平台/);
  expect(text).toMatch(/^2\. “区域指标”/m);
  for (const s of desc.sheets) expect(() => fitForPrint(s)).not.toThrow();
});

test("a filled return of it reads clean: no missing platform sheet", () => {
  const filled = fillTemplate(buildTemplate(args), { enterprises: [], platforms: [[1, 2]] }, form);
  const r = readReturn(snapshotOf(filled), { plan, form, file: "x.xlsx" });
  expect(r.errors.filter((i) => i.scope === "file").map((i) => i.code)).toEqual([]);
  expect(r.errors.filter((i) => i.sheet !== "区域指标").map((i) => i.code)).toEqual([]);
  expect(r.warnings.map((i) => `${i.code} ${i.sheet}`).filter((t) => t.includes("平台"))).toEqual([]);
  expect(r.platforms).toEqual([]);
});

test("an indicator counting platforms on a form without them is refused at load, at its cell", () => {
  const p: Plan = {
    ...plan,
    indicators: plan.indicators.map((ind, i) => (i === 0 ? { ...ind, expr: "platforms()" } : ind)),
  };
  const r = readPlanBook(snapshotOf(buildPlanBook(p)));
  expect(r.plan).toBeNull();
  const e = r.issues.filter((i) => i.severity === "error");
  expect(e.map((i) => [i.sheet, i.cell, i.code])).toEqual([["指标", "J2", "plan.expr"]]);
  expect(e[0].message).toMatch(/表单没有平台工作表/);
});
