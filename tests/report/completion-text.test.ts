// Issue 17 (6): the printed note, the 完成率 column and the bulletin's sentences say the same thing. The
// sentences and 附件1 give the share of the target reached (当前值÷目标); the scoring tables the scoring
// basis (the increase over the base); a value below its base is said in words, never as a negative %.
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import type { Plan } from "../../src/core/plan/types";
import { bulletinDocument } from "../../src/core/report/document";
import { runRound } from "../../src/core/report/round-result";
import { citySheet } from "../../src/core/report/attachments/city";
import { unitsSheet } from "../../src/core/report/attachments/units";
import { draftBulletinText } from "../../src/core/report/text";
import { toAggregateJson } from "../../src/core/report/json";
import { code, ret } from "../aggregate/fixtures";

const plan: Plan = {
  ...DEFAULT_PLAN,
  indicators: DEFAULT_PLAN.indicators.map((i) =>
    i.code === "innovative_smes" || i.code === "provincial_srdi" ? { ...i, target: 10 } : i,
  ),
};
// Nine innovative SMEs, three of them provincial SRDI, all in 连云区.
const firms = Array.from({ length: 9 }, (_, n) => ({
  uscc: code(n + 1),
  innovative_year: 2024,
  provincial_srdi_year: n < 3 ? 2024 : null,
  revenue: 100,
}));
const result = runRound({
  plan,
  period: parsePeriod("2025Q3")!,
  deadline: "2025-10-15",
  returns: [ret("320703", firms)],
  targets: {
    city: { innovative_smes: { base: 4, target: null }, provincial_srdi: { base: 8, target: null } },
    units: {
      "320703": { provincial_srdi: { base: 5, target: 10 }, innovative_smes: { base: 4, target: 10 } },
    },
  },
});
const text = (() => {
  const t = draftBulletinText(result, plan, { issuedOn: "2025-10-20" });
  return [t.opening, ...t.sections.flatMap((s) => s.paragraphs)].join("\n");
})();
const idx = (c: string) => plan.indicators.findIndex((i) => i.code === c);

test("9 of a target of 10 over a base of 4: the text says 90 % reached, the score keeps its increase basis", () => {
  expect(text).toContain("创新型中小企业9家，达到2025年目标的90%");
  const city = result.score.city[idx("innovative_smes")];
  expect(city.reached).toBeCloseTo(0.9, 12);
  // The JSON contract is unchanged: completion is the scoring basis, (9 − 4) ÷ (10 − 4).
  const json = toAggregateJson(result);
  expect(json.city.indicators[idx("innovative_smes")]).toMatchObject({ completionBasis: "increase" });
  expect(json.city.indicators[idx("innovative_smes")].completion).toBeCloseTo(5 / 6, 12);
});

test("附件1: the note says 当前值÷目标 and the column holds exactly that", () => {
  const sheet = citySheet(result, plan);
  const note = sheet.rows.flat().find((c) => typeof c === "string" && c.includes("完成率 ="));
  expect(note).toMatch(/完成率 = 当前值÷目标；/);
  const header = sheet.rows.find((r) => r[0] === "序号")!;
  const col = header.indexOf("完成率");
  expect(header[3]).toBe("2025年目标");
  const row = sheet.rows.find((r) => r[1] === "创新型中小企业")!;
  expect(row[col]).toBeCloseTo(0.9, 12);
  // The printed document's table says the same.
  const doc = bulletinDocument(result, plan, { issuedOn: "2025-10-20" });
  const t = doc.tables.find((x) => x.number === 1)!;
  expect(t.note).toMatch(/^完成率 = 当前值÷目标/);
  expect(t.rows[idx("innovative_smes")][4]).toBe("90%");
});

test("a fall below the base is said in words, never as a negative completion", () => {
  // Provincial SRDI: 3 now against a base of 8.
  expect(text).toMatch(/省级专精特新中小企业3家，较基期减少5家，达到2025年目标的30%/);
  expect(text).not.toMatch(/-\d+%/);
  // The unit's scoring completion is (3 − 5) ÷ (10 − 5) < 0: its table says 低于基期.
  expect(result.score.units[0].indicators[idx("provincial_srdi")].completion).toBeLessThan(0);
  const units = unitsSheet(result, plan);
  expect(units.rows.flat()).toContain("低于基期");
  expect(units.rows.flat().some((c) => typeof c === "number" && c < 0)).toBe(false);
  const note = units.rows.flat().find((c) => typeof c === "string" && c.includes("计分口径"));
  expect(note).toMatch(/\(当前值−基期值\)÷\(分解目标−基期值\)/);
});

test("a milestone plan's bulletin names the year's milestone, never another year's target", () => {
  const yearly: Plan = {
    ...DEFAULT_PLAN,
    start: "2025-01-01",
    end: "2027-12-31",
    baseDate: "2024-12-31",
    indicators: DEFAULT_PLAN.indicators
      .filter((i) => i.code === "innovative_smes" || i.code === "provincial_srdi")
      .map((i) => ({ ...i, target: 30, base: 3, annualIncrease: 9 })),
  };
  const r = runRound({
    plan: yearly,
    period: parsePeriod("2026H1")!,
    deadline: null,
    returns: [ret("320703", firms, { period: "2026H1" })],
  });
  const t = draftBulletinText(r, yearly, { issuedOn: "2026-07-20" });
  const all = [t.opening, ...t.sections.flatMap((s) => s.paragraphs)].join("\n");
  // 2026 milestone: 3 + 2 × 9 = 21; 9 firms reach 43 % of it.
  expect(all).toContain("2026年目标的实施时间已过50%");
  expect(all).toContain("创新型中小企业9家，达到2026年目标的43%");
  expect(all).not.toMatch(/2025年目标|2027年目标/);
  const sheet = citySheet(r, yearly);
  expect(sheet.rows.find((x) => x[0] === "序号")![3]).toBe("2026年目标");
  expect(sheet.rows.find((x) => x[1] === "创新型中小企业")![3]).toBe(21);
});
