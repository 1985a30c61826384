import {
  ISSUE_CODES,
  PERCENT_RULE,
  defaultSeverity,
  issueMessage,
  shown,
  where,
} from "../../src/core/form/messages";

describe("message catalogue", () => {
  test.each(ISSUE_CODES.map((c) => [c]))("%s has a zh-CN message that says where", (code) => {
    const m = issueMessage(code, {
      sheet: "企业名录",
      cell: "B7",
      label: "统一社会信用代码",
      value: "x",
      expected: "甲",
      actual: "乙",
      min: 1,
      max: 2,
      detail: "说明",
      other: "B2",
    });
    expect(m).toMatch(/[\u4e00-\u9fff]/);
    expect(m).not.toMatch(/undefined|null|\[object/);
    if (code !== "file.too_many_rows") expect(m.startsWith("企业名录!B7 ")).toBe(true);
  });

  test("severities: norm.* and additions are warnings, the rest errors", () => {
    for (const c of ISSUE_CODES) {
      const warning = c.startsWith("norm.") || c === "sheet.added" || c === "column.added";
      expect([c, defaultSeverity(c)]).toEqual([c, warning ? "warning" : "error"]);
    }
    expect(defaultSeverity("rule.anything")).toBe("error");
  });

  test("the brief's example message", () => {
    expect(issueMessage("uscc.checksum", { sheet: "企业名录", cell: "B7", expected: "L", actual: "M" })).toBe(
      "企业名录!B7 统一社会信用代码校验位错误：应为 L，实为 M",
    );
  });

  test("rule.* messages use the rule's text", () => {
    expect(
      issueMessage("rule.x", { sheet: "S", cell: "A1", ruleText: "甲不得大于乙", detail: "甲 2，乙 1" }),
    ).toBe("S!A1 甲不得大于乙(甲 2，乙 1)");
  });

  test.each([
    ["企业名录", "B7", "企业名录!B7 "],
    ["企业名录", null, "工作表\u201c企业名录\u201d："],
    [null, null, ""],
  ])("where(%s, %s)", (s, c, w) => expect(where(s, c)).toBe(w));

  test("untrusted values are shown without control characters and clipped", () => {
    expect(shown("a\u001b[31mb\u202ec")).toBe("a\uFFFD[31mb\uFFFDc");
    expect(shown("字".repeat(50))).toBe("字".repeat(40) + "…");
    expect(shown(null)).toBe("");
  });

  test("the percent rule is stated", () => {
    expect(PERCENT_RULE).toContain("0.45");
    expect(PERCENT_RULE).toContain("45%");
  });
});
