// Issue 25 item 2: a plan whose form is not the built-in version 1 (the 云南 plan: its own 企业名录 columns,
// no platform sheet) goes through template → fill → check → kept return → diff → prefill with its own
// columns, every step given the plan's forms and nothing else.
import { buildDemoRound } from "../../src/core/demo/round";
import { diffReturns } from "../../src/core/diff/diff";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { FORM_V1 } from "../../src/core/form/v1";
import { currentForm } from "../../src/core/form/versions";
import { parsePeriod } from "../../src/core/plan/periods";
import { YUNNAN_PLAN } from "../../src/core/plans/yunnan-2025-2027";
import { prefillTemplate } from "../../src/core/prefill/prefill";
import { readReturn } from "../../src/core/read/read-return";
import type { CellValue } from "../../src/core/sheet/types";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { keptMetaSheet, keptReturns, keptSheetNames, unitPrefix } from "../../src/excel/kept-returns";
import { descToSnapshot } from "../read/fixtures";

const plan = YUNNAN_PLAN;
const form = currentForm(plan);
const demo = buildDemoRound(plan);
const d = demo.returns.find((r) => r.form === form)!;
const template = (period = demo.period) =>
  buildTemplate({ plan, form, unit: d.unit, period, generatedAt: demo.generatedAt });
const headers = (snap: WorkbookSnapshot) =>
  snap.sheets.find((s) => s.name === form.enterprises.name)!.cells[form.enterprises.headerRow - 1];
const read = (snap: WorkbookSnapshot, file: string) => readReturn(snap, { plan, file, today: "2026-01-20" });

test("the plan's form is not version 1", () => {
  expect(form.enterprises.fields.map((f) => f.header)).not.toEqual(
    FORM_V1.enterprises.fields.map((f) => f.header),
  );
  expect(d).toBeDefined();
});

test("template → fill → check → kept return → diff → prefill, all on the plan's own columns", () => {
  // Template and fill: the plan's headers, no platform sheet when its form has none.
  const filled = descToSnapshot(fillTemplate(template(), d.data, form));
  expect(headers(filled)).toEqual(form.enterprises.fields.map((f) => f.header));
  const r = read(filled, "a.xlsx");
  expect(r.errors).toEqual([]);
  expect(r.formVersion).toBe(form.version);
  expect(r.enterprises.length).toBe(d.data.enterprises!.length);

  // Kept in the bureau's workbook under the unit's prefix, found again by the plan's forms.
  const prefix = unitPrefix(d.unit.name, d.unit.code, plan.forms);
  const names = keptSheetNames([form]);
  const book: WorkbookSnapshot = {
    sheets: [
      ...filled.sheets
        .filter((s) => names.includes(s.name))
        .map((s) => ({ ...s, name: `${prefix}${s.name}` })),
      {
        name: keptMetaSheet(prefix, r.meta!, "a.xlsx", null, null, form).name,
        cells: keptMetaSheet(prefix, r.meta!, "a.xlsx", null, null, form).rows as CellValue[][],
      },
    ],
  } as WorkbookSnapshot;
  const kept = keptReturns(book, plan.forms);
  expect(kept.map((k) => k.prefix)).toEqual([prefix]);
  const again = read(kept[0].snapshot, "a.xlsx");
  expect(again.enterprises.map((e) => e.uscc)).toEqual(r.enterprises.map((e) => e.uscc));

  // Diff: one changed name, in the plan's column.
  const rows = d.data.enterprises!.map((row) => [...row]);
  rows[0][0] = `${String(rows[0][0])}改`;
  const r2 = read(descToSnapshot(fillTemplate(template(), { ...d.data, enterprises: rows }, form)), "b.xlsx");
  const diff = diffReturns(r, r2, plan.forms);
  expect(diff.enterprises.changed.map((c) => c.changes.map((x) => x.key))).toEqual([["name"]]);
  expect(diff.enterprises.unchanged).toBe(rows.length - 1);

  // Prefill the next round's template from it: every firm carried, in the plan's columns.
  const next = parsePeriod("2025Q4")!;
  const pre = prefillTemplate(template(next), r, form, plan);
  expect(pre.summary.enterprises).toBe(r.enterprises.length);
  const snap = descToSnapshot(pre.workbook);
  expect(headers(snap)).toEqual(form.enterprises.fields.map((f) => f.header));
  // The carried identity in the plan's own 统一社会信用代码 column (the period's figures are the clerk's to fill).
  const col = form.enterprises.fields.findIndex((f) => f.key === "uscc");
  const ent = snap.sheets.find((s) => s.name === form.enterprises.name)!.cells;
  const carried = ent
    .slice(form.enterprises.firstDataRow - 1)
    .map((row) => row?.[col])
    .filter((v) => v);
  expect(carried).toEqual(r.enterprises.map((e) => e.uscc));
});
