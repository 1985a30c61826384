// Matching a claim to the roster: the same name after normalisation, or the same code; never similar.
import { firmNameKey } from "../../src/core/roster/names";
import { findFirm, indexRoster, tierState, verdict } from "../../src/core/roster/match";
import { roster, uscc } from "./fixtures";

describe("firm names that are the same name", () => {
  test.each([
    ["连云港华宇科技有限公司", "连云港华宇科技有限公司 "],
    ["连云港华宇科技有限公司", "连云港华宇科技有限责任公司"],
    ["江苏华宇（连云港）科技有限公司", "江苏华宇(连云港)科技有限公司"],
    ["江苏华宇〔连云港〕科技有限公司", "江苏华宇(连云港)科技有限公司"],
    ["ＡＢＣ连云港科技有限公司", "ABC连云港科技有限公司"],
    ["abc连云港科技有限公司", "ABC连云港科技有限公司"],
    ["连云港 华宇　科技 有限公司", "连云港华宇科技有限公司"],
    ["\u200b连云港华宇科技有限公司\u00a0", "连云港华宇科技有限公司"],
  ])("%s = %s", (a, b) => {
    expect(firmNameKey(a)).toBe(firmNameKey(b));
  });

  test.each([
    ["连云港华宇科技有限公司", "连云港华宇科技有限公司海州分公司"],
    ["连云港华宇科技有限公司", "连云港华宇科技有限公司分公司"],
    ["连云港华宇科技有限公司", "连云港华宁科技有限公司"],
    ["连云港华宇科技有限公司", "连云港华宇科技股份有限公司"],
    ["连云港华宇科技有限公司", "连云港华宇新材料科技有限公司"],
    ["江苏华宇(连云港)科技有限公司", "江苏华宇连云港科技有限公司"],
    ["连云港华宇科技有限公司", "连云港华宇科技"],
  ])("%s ≠ %s", (a, b) => {
    expect(firmNameKey(a)).not.toBe(firmNameKey(b));
  });
});

describe("claims to roster rows", () => {
  const r = roster([
    [
      "连云港华宇科技有限公司",
      uscc(1),
      "省级专精特新中小企业",
      2023,
      "苏工信中小〔2023〕1号",
      "连云区",
      "认定",
    ],
    ["连云港华宇科技有限公司", uscc(2), "省级专精特新中小企业", 2024, null, "海州区", "认定"],
    ["连云港明达机械有限责任公司", null, "省级专精特新中小企业", 2022, null, "东海县", "认定"],
    ["连云港明达机械有限公司东海分公司", null, "省级专精特新中小企业", 2022, null, "东海县", "认定"],
  ]);
  const index = indexRoster(r.entries);
  const rows = (name: string, code: string | null) => findFirm(index, name, code).entries.map((e) => e.row);

  test("same name in two counties with different codes: each claim finds only its own firm", () => {
    expect(rows("连云港华宇科技有限公司", uscc(1))).toEqual([4]);
    expect(rows("连云港华宇科技有限公司", uscc(2))).toEqual([5]);
    expect(findFirm(index, "连云港华宇科技有限公司", uscc(1)).by).toBe("uscc");
    // A third code of the same name is another firm: no row of the roster is its.
    expect(rows("连云港华宇科技有限公司", uscc(3))).toEqual([]);
  });

  test("a row without a code matches by name; a branch is not its head office", () => {
    expect(rows("连云港明达机械有限公司", uscc(9))).toEqual([6]);
    expect(findFirm(index, "连云港明达机械有限公司", uscc(9)).by).toBe("name");
    expect(rows("连云港明达机械有限公司东海分公司", uscc(10))).toEqual([7]);
    expect(rows("连云港明达机械有限公司连云分公司", uscc(11))).toEqual([]);
  });

  test("the code wins over a different name (a renamed firm keeps its code)", () => {
    expect(rows("连云港华宇新材料有限公司", uscc(1))).toEqual([4]);
  });
});

describe("what the roster says of a claim", () => {
  const r = roster([
    ["甲", uscc(1), "省级专精特新中小企业", 2021, null, "连云区", "认定"],
    ["甲", uscc(1), "省级专精特新中小企业", 2024, null, "连云区", "复核通过"],
    ["乙", uscc(2), "省级专精特新中小企业", 2022, null, "连云区", "认定"],
    ["乙", uscc(2), "省级专精特新中小企业", 2025, null, "连云区", "复核未通过"],
    ["丙", uscc(3), "创新型中小企业", 2023, null, "连云区", "认定"],
    ["丙", uscc(3), "创新型中小企业", 2024, null, "连云区", "撤销"],
    ["丁", uscc(4), "创新型中小企业", 2026, null, "连云区", "认定"],
  ]);
  const at = (n: number, tier: "provincial_srdi" | "innovative", year: number, periodYear = 2025) =>
    verdict(tierState(findFirm(indexRoster(r.entries), "", uscc(n)).entries, tier, periodYear), year);

  test.each([
    [
      "an earlier recognition, reviewed since: 年份不符 (the form asks for the latest), counted with the review",
      1,
      "provincial_srdi",
      2021,
      2025,
      ["wrong_year", 2024, 2024],
    ],
    [
      "the same recognition before its review (2023 round): 核实",
      1,
      "provincial_srdi",
      2021,
      2023,
      ["verified", 2021, 2021],
    ],
    ["the review year: 核实", 1, "provincial_srdi", 2024, 2025, ["verified", 2024, 2024]],
    [
      "another year: 年份不符, counted with the roster's",
      1,
      "provincial_srdi",
      2023,
      2025,
      ["wrong_year", 2024, 2024],
    ],
    ["failed review after recognition: revoked", 2, "provincial_srdi", 2022, 2025, ["revoked", 2025, null]],
    [
      "the same firm before the failed review (2024 round): 核实",
      2,
      "provincial_srdi",
      2022,
      2024,
      ["verified", 2022, 2022],
    ],
    ["撤销: revoked", 3, "innovative", 2023, 2025, ["revoked", 2024, null]],
    [
      "a tier the roster does not give the firm: not found",
      1,
      "innovative",
      2023,
      2025,
      ["not_found", null, null],
    ],
    [
      "a row after the period's year is not yet known",
      4,
      "innovative",
      2025,
      2025,
      ["not_found", null, null],
    ],
  ] as const)("%s", (_, n, tier, year, periodYear, [outcome, rosterYear, verifiedYear]) => {
    expect(at(n, tier, year, periodYear)).toEqual({ outcome, rosterYear, verifiedYear });
  });
});
