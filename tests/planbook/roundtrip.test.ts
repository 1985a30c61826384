import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { loadPlanBook } from "../../src/core/planbook/read-plan";
import { buildPlanBook } from "../../src/core/planbook/write-plan";
import { snapshotOf } from "../targets/snapshot-of";
const FORMS = DEFAULT_PLAN.forms;

/** The built-in plan as data: its legacy structured formulas are not part of the workbook. */
const withoutFormulas = (p: typeof DEFAULT_PLAN) => ({
  ...p,
  indicators: p.indicators.map((i) => {
    const rest = { ...i };
    delete rest.formula;
    return rest;
  }),
});

test("the built-in plan -> workbook description -> the same plan, with form versions 1 and 2", () => {
  const plan = loadPlanBook(snapshotOf(buildPlanBook(DEFAULT_PLAN)));
  expect(withoutFormulas(plan)).toEqual(withoutFormulas({ ...DEFAULT_PLAN, forms: [...FORMS] }));
});
