// Issue 26.6: a row carried from last round whose source row had a warning (and no error) is marked as the
// rows not carried are: its name cell yellow with the warning in its note, and 填报说明 names it by firm
// and warning, at the template's row. Rows without a warning stay as they were (green, the plain note).
import { buildTemplate } from "../../src/core/form/template";
import { FORM_V3 } from "../../src/core/form/v3";
import { parsePeriod } from "../../src/core/plan/periods";
import {
  PREFILLED_FILL,
  prefillStatement,
  prefillTemplate,
  WARNED_FILL,
} from "../../src/core/prefill/prefill";
import { filledReturn, firm } from "../history/fixtures";
import { plan, readDesc } from "./fixtures";

const q4 = parsePeriod("2025Q4")!;

test("a carried row with last round's warning: yellow name, the warning in its note, named in 填报说明", () => {
  // The second firm's 研发费用 above its 营业收入: a warning of one return alone, never a rejection.
  const source = readDesc(
    filledReturn([firm(1), firm(2, { rd_expense: 2000 }), firm(3)]),
    "320703-连云区-2025Q3.xlsx",
    "2025-10-09T02:00:00.000Z",
  );
  expect(source.rejectedRows).toEqual([]);
  const onRow3 = source.warnings.filter((w) => w.sheet === "企业名录" && /^[A-Z]+3$/.test(w.cell ?? ""));
  expect(onRow3.length).toBeGreaterThan(0);
  expect(source.warnings.filter((w) => w.sheet === "企业名录" && /^[A-Z]+[24]$/.test(w.cell ?? ""))).toEqual(
    [],
  );

  const unit = plan.units.find((u) => u.code === source.unit)!;
  const blank = buildTemplate({
    plan,
    form: FORM_V3,
    unit,
    period: q4,
    generatedAt: "2025-12-20T01:00:00.000Z",
  });
  const { workbook, summary } = prefillTemplate(blank, source, FORM_V3, plan);
  expect(summary.warnedRows).toEqual([
    {
      sheet: "企业名录",
      row: 3,
      name: firm(2).name,
      why: onRow3
        .slice(0, 3)
        .map((w) => w.message)
        .join("；"),
    },
  ]);
  const text = prefillStatement(summary);
  expect(text).toContain(`以下1行已带入，但上期报表中有提示`);
  expect(text).toContain(`\u201c企业名录\u201d第3行(${firm(2).name}：${onRow3[0].message}`);

  const ent = workbook.sheets.find((s) => s.name === "企业名录")!;
  const fills = (ent.styles ?? []).filter((s) => s.style.fill);
  expect(fills.filter((s) => s.style.fill === WARNED_FILL).map((s) => s.range)).toEqual(["A3"]);
  // Still green under it (the later style wins), the other rows only green.
  expect(fills.some((s) => s.range.startsWith("A2:") && s.style.fill === PREFILLED_FILL)).toBe(true);
  const note = (cell: string) => ent.notes!.find((n) => n.cell === cell)!.text;
  expect(note("A3")).toContain(`上期该行有提示，请核实：${onRow3[0].message}`);
  expect(note("A2")).not.toContain("上期该行有提示");
  expect(note("A4")).not.toContain("上期该行有提示");
});
