// The 考核 column speaks the plan's own whole: 仅全省 in a province's workbook, 仅全市 in a city's, and a
// whole the plan names itself (全州) is written and read back as 仅全州.
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { JIANGSU_PLAN } from "../../src/core/plans/jiangsu-2023-2025";
import { loadPlanBook } from "../../src/core/planbook/read-plan";
import { buildPlanBook } from "../../src/core/planbook/write-plan";
import type { Plan } from "../../src/core/plan/types";
import { snapshotOf } from "../targets/snapshot-of";

function scopeCells(plan: Plan): string[] {
  const sheet = buildPlanBook(plan).sheets.find((s) => s.name === "指标");
  if (!sheet) throw new Error("no 指标 sheet");
  const col = sheet.rows[0].indexOf("考核");
  return sheet.rows.slice(1).map((r) => String(r[col]));
}

test("a province's plan workbook writes 仅全省, a city's 仅全市", () => {
  expect(new Set(scopeCells(JIANGSU_PLAN))).toEqual(new Set(["单位", "仅全省"]));
  expect(new Set(scopeCells(DEFAULT_PLAN))).toEqual(new Set(["单位", "仅全市"]));
});

test("a whole the plan names itself is written as 仅 + it and read back as the whole-only scope", () => {
  const plan: Plan = { ...JIANGSU_PLAN, words: { ...JIANGSU_PLAN.words, whole: "全州" } };
  expect(scopeCells(plan)).toContain("仅全州");
  const back = loadPlanBook(snapshotOf(buildPlanBook(plan)));
  expect(back.indicators.filter((i) => i.scope === "city_only").map((i) => i.code)).toEqual(
    plan.indicators.filter((i) => i.scope === "city_only").map((i) => i.code),
  );
});
