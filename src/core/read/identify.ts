// Step 1 of reading a return: which form, version, unit and period is it (the very hidden metadata sheet)?
import { fingerprint, parseMetaRows } from "../form/meta";
import type { FormDef } from "../form/types";
import type { Issue } from "../issues";
import { parsePeriod, type Period } from "../plan/periods";
import type { Plan } from "../plan/types";
import { periodOutsidePlan } from "../plan/window";
import type { WorkbookSnapshot } from "../snapshot";
import { makeIssue } from "./issue";
import { rawCell, rawText } from "./normalise";
import type { ReturnMeta } from "./types";

export interface Expectation {
  period?: string;
  units?: string[];
}

export interface Identity {
  meta: ReturnMeta | null;
  /** The return's period when it parses (else the expected one, so that year rules still have a bound). */
  period: Period | null;
  /** Whole-file errors: any of them rejects the return. */
  errors: Issue[];
}

function metaOf(snapshot: WorkbookSnapshot, form: FormDef): ReturnMeta | null | "missing" {
  const sheet = snapshot.sheets.find((s) => s.name === form.metaSheet);
  if (!sheet) return "missing";
  const rows = sheet.cells.map((r) => (r ?? []).slice(0, 2).map((v) => rawText(rawCell(v))));
  return parseMetaRows(rows);
}

export function identify(
  snapshot: WorkbookSnapshot,
  form: FormDef,
  plan: Plan,
  expect: Expectation = {},
): Identity {
  const errors: Issue[] = [];
  const expected = expect.period ? parsePeriod(expect.period) : null;
  const meta = metaOf(snapshot, form);
  if (meta === "missing" || meta === null) {
    const detail = meta === "missing" ? "缺少元数据工作表" : "元数据工作表内容不完整";
    errors.push(makeIssue("form.unknown", { args: { detail } }));
    return { meta: null, period: expected, errors };
  }
  if (meta.formId !== form.id) {
    errors.push(
      makeIssue("form.unknown", {
        value: meta.formId,
        args: { detail: `表式代码为\u201c${meta.formId}\u201d，应为 ${form.id}` },
      }),
    );
  } else if (meta.formVersion !== form.version) {
    errors.push(
      makeIssue("form.version", {
        value: meta.formVersion,
        args: { expected: form.version, actual: meta.formVersion },
      }),
    );
  } else if (meta.fingerprint !== fingerprint(form)) {
    errors.push(makeIssue("form.fingerprint", { value: meta.fingerprint }));
  }
  const unit = plan.units.find((u) => u.code === meta.unitCode);
  if (!unit) {
    errors.push(makeIssue("form.unit_unknown", { value: meta.unitCode }));
  } else if (expect.units && expect.units.length > 0 && !expect.units.includes(unit.code)) {
    const names = expect.units.map((c) => {
      const u = plan.units.find((x) => x.code === c);
      return u ? `${u.name}(${c})` : c;
    });
    errors.push(
      makeIssue("form.unit_mismatch", {
        value: meta.unitCode,
        args: { expected: names.join("、"), actual: `${unit.name}(${unit.code})` },
      }),
    );
  }
  const period = parsePeriod(meta.period);
  const outside = period ? periodOutsidePlan(plan, period) : null;
  if (!period) {
    errors.push(makeIssue("form.period_invalid", { value: meta.period }));
  } else if (outside) {
    errors.push(makeIssue("form.period_outside_plan", { value: meta.period, args: { detail: outside } }));
  } else if (expected && expected.id !== period.id) {
    errors.push(
      makeIssue("form.period_mismatch", {
        value: meta.period,
        args: { expected: `${expected.label}(${expected.id})`, actual: `${period.label}(${period.id})` },
      }),
    );
  }
  return { meta, period: period ?? expected, errors };
}
