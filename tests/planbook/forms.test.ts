import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { fingerprint } from "../../src/core/form/meta";
import type { PlanIssue } from "../../src/core/planbook/issues";
import { compileForms, FORM_SHEETS } from "../../src/core/planbook/read-form";
import { readTable } from "../../src/core/planbook/table";
import { tableSheet } from "../../src/core/planbook/table-write";
import { FORM_SHEET_SPECS, formRecords } from "../../src/core/planbook/write-form";
import type { WorkbookDescription } from "../../src/core/sheet/types";
import { snapshotOf } from "../targets/snapshot-of";
const FORMS = DEFAULT_PLAN.forms;

function roundTrip(forms = FORMS) {
  const r = formRecords([...forms]);
  const desc: WorkbookDescription = {
    sheets: [
      tableSheet(FORM_SHEET_SPECS.forms, r.forms),
      tableSheet(FORM_SHEET_SPECS.fields, r.fields),
      tableSheet(FORM_SHEET_SPECS.options, r.options),
      tableSheet(FORM_SHEET_SPECS.rules, r.rules),
    ],
  };
  const book = snapshotOf(desc);
  const issues: PlanIssue[] = [];
  const [forms_, fields, options, rules] = FORM_SHEETS.map((s) => readTable(book, s, issues));
  const out = compileForms({ forms: forms_, fields, options, rules }, issues);
  return { out, issues, desc };
}

test("form versions 1 and 2 -> sheets -> the same form definitions and fingerprints", () => {
  const { out, issues } = roundTrip();
  expect(issues).toEqual([]);
  expect(out).toEqual(FORMS);
  expect(out.map(fingerprint)).toEqual(FORMS.map(fingerprint));
});
