// A province's demo (江苏 2023—2025: 13 设区市, five-figure targets) is generated whole, and fills every
// column of the plan's form with values the form's rules accept — including the column the plan adds
// (高价值发明专利) and the columns no indicator of the plan counts — so its indicators show figures (issue 25).
import { buildDemoRound } from "../../src/core/demo/round";
import { JIANGSU_PLAN } from "../../src/core/plans/jiangsu-2023-2025";
import { isValidUscc } from "../../src/core/read/uscc";

const demo = buildDemoRound(JIANGSU_PLAN);
const form = JIANGSU_PLAN.forms![0];
const col = (key: string) => form.enterprises.fields.findIndex((f) => f.key === key);

test("tens of thousands of firms, every one with a distinct valid code and name", () => {
  const rows = demo.returns.flatMap((r) => r.data.enterprises!);
  expect(rows.length).toBeGreaterThan(40000);
  const codes = new Set(rows.map((r) => r[col("uscc")] as string));
  const names = new Set(rows.map((r) => r[col("name")] as string));
  // One firm is planted in two units; six codes are planted broken.
  expect(codes.size).toBe(rows.length - 1);
  expect(names.size).toBe(rows.length - 1);
  expect(rows.filter((r) => !isValidUscc(r[col("uscc")] as string))).toHaveLength(6);
});

test("every column of the form but 备注 is filled in every unit's return, within the form's rules", () => {
  // Collected, then asserted once (an expect per cell of 50,000 rows takes minutes).
  const empty: string[] = [];
  const bad: string[] = [];
  for (const ret of demo.returns) {
    const rows = ret.data.enterprises!;
    form.enterprises.fields.forEach((f, c) => {
      if (f.key === "note") return;
      let filled = 0;
      for (const r of rows) {
        const v = r[c];
        if (v === null || v === undefined) continue;
        filled++;
        const planted = ret.unit.code === demo.defective.code && f.key === "innovative_year";
        if (
          f.type === "year" &&
          ((v as number) < (f.yearMin ?? 0) || (!planted && (v as number) > demo.period.year))
        )
          bad.push(`${ret.unit.name} ${f.key} ${v}`);
        if (f.type === "list" && f.options?.length && !f.options.includes(v as string))
          bad.push(`${ret.unit.name} ${f.key} ${v}`);
        if (f.type === "whole" && !Number.isInteger(v)) bad.push(`${ret.unit.name} ${f.key} ${v}`);
      }
      if (filled === 0) empty.push(`${ret.unit.name} ${f.key}`);
    });
    if (!ret.data.platforms?.length) empty.push(`${ret.unit.name} 平台`);
    for (const r of rows)
      if ((r[col("high_value_patents")] as number) > (r[col("patents")] as number))
        bad.push(`${ret.unit.name} high_value_patents > patents`);
  }
  expect(empty).toEqual([]);
  expect(bad).toEqual([]);
});

test("the added column gives the plan's 户均高价值专利 a figure, not 0", () => {
  const srdi = demo.returns
    .flatMap((r) => r.data.enterprises!)
    .filter((r) => r[col("provincial_srdi_year")] !== null || r[col("little_giant_year")] !== null);
  const total = srdi.reduce((s, r) => s + (r[col("high_value_patents")] as number), 0);
  expect(total / srdi.length).toBeGreaterThan(2);
});
