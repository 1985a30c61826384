// Hand-made two-round data for the history checks: a version-3 return of 连云区 for 2025Q3 and the
// previous round's rows (2025Q2) of the same firms.
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { FORM_V3 } from "../../src/core/form/v3";
import type { PreviousRound } from "../../src/core/history/previous";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { isoToSerial } from "../../src/core/read/date";
import { usccCheckChar } from "../../src/core/read/uscc";
import type { CellValue, WorkbookDescription } from "../../src/core/sheet/types";

export const plan = DEFAULT_PLAN;
export const period = parsePeriod("2025Q3")!;
export const unit = plan.units[0];

/** A valid code whose serial part is `n` (distinct n, distinct codes). */
export function code(n: number): string {
  const first = `91320700MA${String(n).padStart(7, "0")}`;
  return first + usccCheckChar(first);
}

export type Firm = Record<string, CellValue>;

export const firm = (n: number, over: Firm = {}): Firm => ({
  name: `连云港示例${n}号科技有限公司`,
  uscc: code(n),
  chain: "生物医药",
  above_scale: "是",
  pool: "是",
  revenue: 1000,
  main_revenue: 900,
  rd_expense: 60,
  patents: 4,
  transformation: "是",
  ...over,
});

/** The template of 连云区 2025Q3 (version 3) filled with `firms`. */
export function filledReturn(firms: Firm[], region: Firm = {}): WorkbookDescription {
  const desc = buildTemplate({
    plan,
    form: FORM_V3,
    unit,
    period,
    generatedAt: "2025-09-25T00:00:00Z",
  });
  return fillTemplate(
    desc,
    {
      enterprises: firms.map((r) => FORM_V3.enterprises.fields.map((f) => (f.key in r ? r[f.key] : null))),
      region: { contact: "张三 0518-85800000", filled_on: isoToSerial("2025-10-09"), ...region },
    },
    FORM_V3,
  );
}

/** Last round's rows as the reader gives them (percent as a fraction, yes/no as booleans). */
export function previous(firms: Firm[]): PreviousRound {
  return {
    file: "320703-连云区-2025Q2.xlsx",
    period: "2025Q2",
    unit: unit.code,
    unitName: unit.name,
    enterprises: firms.map((f) => ({ ...f })),
  };
}
