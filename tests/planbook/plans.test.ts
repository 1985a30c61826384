// The plans in the box: the 云南 2025—2027 plan as a workbook (assets/plans/yunnan-2025-2027.xlsx) reads back
// to its source module, and the 连云港 2026—2030 blank refuses to load until its targets are filled.
import { readFileSync } from "fs";
import * as path from "path";
import { validatePlan } from "../../src/core/plan/schema";
import { JIANGSU_FORM, JIANGSU_PLAN } from "../../src/core/plans/jiangsu-2023-2025";
import { YUNNAN_FORM, YUNNAN_PLAN } from "../../src/core/plans/yunnan-2025-2027";
import { loadPlanBook, readPlanBook } from "../../src/core/planbook/read-plan";
import { buildPlanBook } from "../../src/core/planbook/write-plan";
import { readWorkbookSync } from "../../src/xlsx/read";
import { snapshotOf } from "../targets/snapshot-of";

const assets = path.resolve(__dirname, "../../assets/plans");

test("the 云南 plan module is a valid plan over its own form", () => {
  expect(() => validatePlan(JSON.parse(JSON.stringify(YUNNAN_PLAN)), [YUNNAN_FORM])).not.toThrow();
});

test("the 云南 plan -> workbook -> the same plan", () => {
  const plan = loadPlanBook(snapshotOf(buildPlanBook(YUNNAN_PLAN)));
  expect(plan).toEqual(validatePlan(JSON.parse(JSON.stringify(YUNNAN_PLAN)), [YUNNAN_FORM]));
});

test("the shipped 云南 workbook is the module's plan (scripts/write-plans.js was run after any change)", () => {
  const plan = loadPlanBook(readWorkbookSync(readFileSync(path.join(assets, "yunnan-2025-2027.xlsx"))));
  expect(plan).toEqual(loadPlanBook(snapshotOf(buildPlanBook(YUNNAN_PLAN))));
  expect(plan.units).toHaveLength(16);
  const byCode = Object.fromEntries(plan.indicators.map((i) => [i.code, i]));
  expect([
    byCode.innovative_smes.target,
    byCode.innovative_smes.base,
    byCode.innovative_smes.annualIncrease,
  ]).toEqual([6000, 3019, 1000]);
  expect([
    byCode.provincial_srdi.target,
    byCode.provincial_srdi.base,
    byCode.provincial_srdi.annualIncrease,
  ]).toEqual([3000, 1543, 500]);
  expect([byCode.little_giants.target, byCode.little_giants.base, byCode.little_giants.cmp]).toEqual([
    170,
    85,
    "~",
  ]);
  for (const i of plan.indicators) expect(i.source).toContain("力争到2027年年底");
});

test("the shipped 江苏 workbook is its module's plan: 13 设区市, the plan's five-figure targets, one added form column", () => {
  expect(() => validatePlan(JSON.parse(JSON.stringify(JIANGSU_PLAN)), [JIANGSU_FORM])).not.toThrow();
  const plan = loadPlanBook(readWorkbookSync(readFileSync(path.join(assets, "jiangsu-2023-2025.xlsx"))));
  expect(plan).toEqual(loadPlanBook(snapshotOf(buildPlanBook(JIANGSU_PLAN))));
  expect(plan.units).toHaveLength(13);
  const byCode = Object.fromEntries(plan.indicators.map((i) => [i.code, i]));
  expect([byCode.innovative_smes.target, byCode.provincial_srdi.target, byCode.provincial_srdi.base]).toEqual(
    [50000, 10000, 5594],
  );
  expect(plan.forms![0].enterprises.fields.map((f) => f.key)).toContain("high_value_patents");
});

test("the 连云港 2026—2030 workbook is a marked blank: it names itself so and is refused until targets are filled", () => {
  const book = readWorkbookSync(readFileSync(path.join(assets, "lianyungang-2026-2030-blank.xlsx")));
  expect(String(book.sheets[0].cells[0][0])).toContain("空白");
  const r = readPlanBook(book);
  expect(r.plan).toBeNull();
  expect(new Set(r.issues.filter((i) => i.severity === "error").map((i) => i.code))).toEqual(
    new Set(["plan.target_missing", "plan.rows_missing"]),
  );
});
