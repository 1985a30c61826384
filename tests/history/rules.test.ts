// The built-in plan's history rules, one class at a time, on hand-made two-round data: each expected
// warning is computed by hand from the figures below (issue 26 "What it must do" 1 and 3).
import { FORM_V3 } from "../../src/core/form/v3";
import { readReturn } from "../../src/core/read/read-return";
import type { ReturnResult } from "../../src/core/read/types";
import { descToSnapshot } from "../read/fixtures";
import { code, filledReturn, firm, plan, previous, type Firm } from "./fixtures";

function check(now: Firm[], before: Firm[] | null, region: Firm = {}): ReturnResult {
  return readReturn(descToSnapshot(filledReturn(now, region)), {
    plan,
    file: "320703-连云区-2025Q3.xlsx",
    previous: before ? previous(before) : null,
  });
}
const history = (r: ReturnResult) =>
  r.warnings.filter((w) => w.previous !== undefined).map((w) => [w.code, w.cell, w.value, w.previous]);

describe("history rules (warnings only, never a rejected row)", () => {
  test("a clean next round: no warning", () => {
    const r = check([firm(1, { revenue: 1200, main_revenue: 1000, rd_expense: 70 })], [firm(1)]);
    expect(r.errors).toEqual([]);
    expect(history(r)).toEqual([]);
  });

  test("money rising more than 5×, above the floor: the cell with both values", () => {
    // 1000 -> 10000 is ×10 (> 5×) and 10000 ≥ 500; main revenue 900 -> 900 unchanged; rd share 6 % -> 0.6 %.
    const r = check([firm(1, { revenue: 10000, main_revenue: 900, rd_expense: 60 })], [firm(1)]);
    expect(history(r)).toEqual([["rule.revenue_rise_5x", "J2", "10000", "1000"]]);
    expect(r.rows.accepted).toBe(1);
    expect(r.warnings.find((w) => w.code === "rule.revenue_rise_5x")!.message).toContain(
      "营业收入(万元，本年累计) 本期 10000，上期 1000",
    );
  });

  test("below the floor a small firm's 8× move is not questioned", () => {
    // 50 -> 400: ×8, but 400 < 500 (revenue floor); rd 3 -> 20 below the 100 floor; share 6 % -> 5 %.
    const r = check(
      [firm(1, { revenue: 400, main_revenue: 300, rd_expense: 20 })],
      [firm(1, { revenue: 50, main_revenue: 40, rd_expense: 3 })],
    );
    expect(history(r)).toEqual([]);
  });

  test("money falling to less than a fifth (a ÷10 slip)", () => {
    // 3000 -> 300: prev ≥ 500 and 300 < 600; main 2700 -> 270 likewise; rd 180 -> 18 (prev ≥ 100).
    const r = check(
      [firm(1, { revenue: 300, main_revenue: 270, rd_expense: 18 })],
      [firm(1, { revenue: 3000, main_revenue: 2700, rd_expense: 180 })],
    );
    expect(history(r).map((h) => h[0])).toEqual([
      "rule.revenue_fall_5x",
      "rule.main_revenue_fall_5x",
      "rule.rd_expense_fall_5x",
    ]);
  });

  test("研发费用/营业收入 moving by more than 10 points, either way", () => {
    // 60/1000 = 6 % -> 280/1000 = 28 %: +22 points (280 < 5 × 60: no money warning).
    const up = check([firm(1, { rd_expense: 280 })], [firm(1)]);
    expect(history(up)).toEqual([["rule.rd_share_up_10pt", "L2", "280", "60"]]);
    // 200/1000 = 20 % -> 60/1000 = 6 %: −14 points.
    const down = check([firm(1)], [firm(1, { rd_expense: 200 })]);
    expect(history(down)).toEqual([["rule.rd_share_down_10pt", "L2", "60", "200"]]);
    // 研发费用 = 营业收入 (a column slip): 100 %.
    const slip = check([firm(1, { rd_expense: 1000 })], [firm(1)]);
    expect(history(slip).map((h) => h[0])).toEqual(["rule.rd_expense_rise_5x", "rule.rd_share_up_10pt"]);
  });

  test("a recognition year going backwards, or vanishing while still valid", () => {
    const r = check(
      [
        firm(1, { provincial_srdi_year: 2022 }), // 2024 -> 2022: backwards
        firm(2), // 2024 -> blank, valid until 2027: vanished
        firm(3), // 2021 -> blank: lapsed by 2025 (4 > 3 years), not asked
        firm(4, { provincial_srdi_year: 2025 }), // 2022 -> 2025: a review, fine
      ],
      [
        firm(1, { provincial_srdi_year: 2024 }),
        firm(2, { provincial_srdi_year: 2024 }),
        firm(3, { provincial_srdi_year: 2021 }),
        firm(4, { provincial_srdi_year: 2022 }),
      ],
    );
    expect(history(r)).toEqual([
      ["rule.provincial_srdi_year_backwards", "G2", "2022", "2024"],
      ["rule.provincial_srdi_year_vanished", "G3", "空白", "2024"],
    ]);
  });

  test("a new firm has no previous row: nothing to compare", () => {
    const r = check([firm(1), firm(2, { revenue: 90000, main_revenue: 80000 })], [firm(1)]);
    expect(history(r)).toEqual([]);
  });

  test("a firm of last round missing now: 退出, explained in the 区域指标 cell", () => {
    const r = check([firm(1)], [firm(1), firm(2)]);
    expect(history(r)).toEqual([
      ["history.firm_missing", "B6", "连云港示例2号科技有限公司", "连云港示例2号科技有限公司"],
    ]);
    const w = r.warnings.find((x) => x.code === "history.firm_missing")!;
    expect(w.message).toContain(code(2));
    expect(w.explanation).toBeNull();
    const explained = check([firm(1)], [firm(1), firm(2)], { exit_note: "2号公司已迁往南京" });
    expect(explained.warnings.find((x) => x.code === "history.firm_missing")!.explanation).toBe(
      "2号公司已迁往南京",
    );
  });

  test("a warning whose row has a 说明 counts as explained", () => {
    const r = check([firm(1, { revenue: 10000, explanation: "新产线投产，收入大增" })], [firm(1)]);
    const w = r.warnings.filter((x) => x.previous !== undefined);
    // rd 60 of 10000 is 0.6 % against 6 %: −5.4 points, within 10; only the revenue rule.
    expect(w.map((x) => [x.code, x.explanation])).toEqual([["rule.revenue_rise_5x", "新产线投产，收入大增"]]);
  });

  test("without last round's figures the history rules stay silent", () => {
    const r = check([firm(1, { revenue: 10000 })], null);
    expect(history(r)).toEqual([]);
  });

  test("the 说明 column is a form field with a length cap (version 3)", () => {
    const f = FORM_V3.enterprises.fields.find((x) => x.key === "explanation")!;
    expect([f.header, f.type, f.maxLength]).toEqual(["说明", "text", 200]);
    const long = check([firm(1, { explanation: "很".repeat(201) })], null);
    expect(long.errors.map((e) => e.code)).toContain("value.too_long");
  });
});
