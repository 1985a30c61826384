// The pane's round actions on the fake host: 移除 deletes a kept return's sheets (its very hidden metadata
// sheet too), the review is written into 报送登记 and read back by the core, a prefilled template is
// inserted (or refused with the core's reason), and syncs do not follow the data.
import { buildDemoRound } from "../../src/core/demo/round";
import { formsOf } from "../../src/core/form/versions";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { parsePeriod } from "../../src/core/plan/periods";
import { readTargets } from "../../src/core/targets/read";
import { RECEIPTS_SHEET } from "../../src/core/targets/types";
import { createActions } from "../../src/excel/actions";
import { keptNames, unitPrefix } from "../../src/excel/kept-returns";
import { readSheetsToSnapshot } from "../../src/excel/read";
import { PrefillRefusal } from "../../src/excel/round-core";
import { writeWorkbook } from "../../src/xlsx/write";
import { uninstallFakeOffice } from "../fake-excel";
import { filledTemplate, install, period, plan } from "./helpers";

afterEach(() => uninstallFakeOffice(globalThis as unknown as Record<string, unknown>));

test("移除: the kept return's sheets, the very hidden one too, are deleted in two syncs", async () => {
  const host = install(13);
  const a = createActions(plan);
  const bytes = await writeWorkbook(filledTemplate(12, 1));
  const file = { name: "海州区.xlsx", bytes, modified: "2025-10-09T03:00:00.000Z" };
  const result = await a.readReturnFile(file);
  await a.keepReturns([{ file, result }]);
  const prefix = unitPrefix(plan.units[1].name, plan.units[1].code, formsOf(plan));
  const before = host.state.sheets.length;
  const n = keptNames(prefix, formsOf(plan)).length;
  let removed = -1;
  expect(await host.countSyncs(async () => (removed = await a.removeKept(prefix)))).toBe(2);
  expect(removed).toBe(n);
  expect(host.state.sheets.length).toBe(before - n);
  expect(host.state.sheets.some((s) => s.name.startsWith(prefix))).toBe(false);
  expect(await a.removeKept(prefix)).toBe(0);
  const round = await a.aggregate({ period, deadline: null, issuedOn: "2025-10-20", files: [] });
  expect(round).toMatchObject({ returns: 0 });
});

test("the review is written into 报送登记 and the round leaves the unit out", async () => {
  install(13);
  const a = createActions(plan);
  expect(await a.setReview("320724", { state: "returned", reason: "x" })).toBe("noSheet");
  await a.insertTargets(period);
  expect(await a.setReview("320724", { state: "returned", reason: "营业收入单位有误" })).toBe("written");
  expect(await a.setReview("320703", { state: "accepted", reason: "ignored" })).toBe("written");
  const snap = await readSheetsToSnapshot({
    include: (n) =>
      n.startsWith("目标分解") || n === RECEIPTS_SHEET || n.startsWith("_srdi_targets") || n === "评分设置",
  });
  expect(readTargets(snap, plan).targets.reviews).toEqual({
    "320724": { state: "returned", reason: "营业收入单位有误" },
    "320703": { state: "accepted", reason: null },
  });
  const demo = buildDemoRound(plan);
  const d = demo.returns.find((r) => r.unit.code === "320724")!;
  const bytes = await writeWorkbook(
    fillTemplate(
      buildTemplate({ plan, form: d.form, unit: d.unit, period, generatedAt: demo.generatedAt }),
      d.data,
      d.form,
    ),
  );
  const result = await a.readReturnFile({ name: d.fileName, bytes, modified: d.savedAt });
  const o = await a.aggregate({ period, deadline: null, issuedOn: "2025-10-20", files: [result] });
  expect(o.round.aggregate.excluded.map((x) => [x.kind, x.reason])).toEqual([
    ["sent_back", "经市局审核退回：营业收入单位有误"],
  ]);
});

test("按上期报表预填: inserted from the unit's previous return; another unit's is refused with the reason", async () => {
  const host = install(13);
  const a = createActions(plan);
  const demo = buildDemoRound(plan);
  // A return on the plan's current form (the demo files one unit on the first version).
  const forms = formsOf(plan);
  const d = demo.returns.find((r) => r.form === forms[forms.length - 1])!;
  const bytes = await writeWorkbook(
    fillTemplate(
      buildTemplate({ plan, form: d.form, unit: d.unit, period, generatedAt: demo.generatedAt }),
      d.data,
      d.form,
    ),
  );
  const from = { name: d.fileName, bytes, modified: d.savedAt };
  const q4 = parsePeriod("2025Q4")!;
  const out = await a.insertTemplate({ unit: d.unit, period: q4, deadline: null, from });
  expect(out.kind).toBe("inserted");
  const ent = host.state.sheet(d.form.enterprises.name)!;
  expect(ent.cells.get("1,1")?.value).toBe(d.data.enterprises![0][1]);
  expect(ent.cells.get("1,9")?.value ?? null).toBeNull(); // 营业收入: the period's, blank
  const other = plan.units.find((u) => u.code !== d.unit.code)!;
  const refused = a.insertTemplate({ unit: other, period: q4, deadline: null, from });
  await expect(refused).rejects.toBeInstanceOf(PrefillRefusal);
  await expect(refused).rejects.toThrow(`不是${other.name}(${other.code})的`);
});
