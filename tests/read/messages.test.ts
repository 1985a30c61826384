import {
  ISSUE_CODES,
  PERCENT_RULE,
  defaultSeverity,
  issueMessage,
  issueScope,
  shown,
  where,
} from "../../src/core/form/messages";
import { issueText } from "../../src/core/issues";
import { makeIssue } from "../../src/core/read/issue";

describe("message catalogue", () => {
  test.each(ISSUE_CODES.map((c) => [c]))("%s has a zh-CN message that leaves where to the fields", (code) => {
    const m = issueMessage(code, {
      sheet: "企业名录",
      cell: "Q77",
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
    expect(m).not.toMatch(/企业名录|Q77/);
    expect(["file", "row", "cell"]).toContain(issueScope(code));
  });

  test("severities: norm.*, additions, the targets' and the roster's notices are warnings, the rest errors", () => {
    const warnings = new Set([
      "sheet.added",
      "column.added",
      "targets.plan_mismatch",
      "targets.percent_points",
      "targets.sum_mismatch",
      "targets.partial",
      "targets.region_column_missing", // the units' own figures are used, or the indicator is —
      "targets.region_column_unknown",
      "roster.uscc", // the row is kept and matched by name
      // History and outliers (issue 26): explained in 说明, never a rejection.
      "history.firm_missing",
      "history.firm_moved",
      "outlier.robust",
      // The plan workbook's notices: the plan loads, and says what happened.
      "plan.header_unknown",
      "plan.normalised",
      "plan.base_missing",
      "plan.region_bureau_only", // the bureau types it each round, else the indicator is —
    ]);
    for (const c of ISSUE_CODES) {
      const warning = c.startsWith("norm.") || warnings.has(c);
      expect([c, defaultSeverity(c)]).toEqual([c, warning ? "warning" : "error"]);
    }
    expect(defaultSeverity("rule.anything")).toBe("error");
  });

  test("a USCC that does not check out: the message never gives the check character that would pass", () => {
    // 91110000600037341M: L would pass. A clerk who typed L would make a code with an earlier typo valid.
    const i = makeIssue("uscc.checksum", { sheet: "企业名录", cell: "B7", value: "91110000600037341M" });
    expect(i.message).not.toMatch(/[0-9A-Z]/);
    expect(i.message).toContain("营业执照");
    expect(i.message).toContain("国家企业信用信息公示系统");
  });

  // The scope replaces the pattern over codes that once said which errors reject a whole return.
  test.each([
    ["file.corrupt", "file"],
    ["form.period_mismatch", "file"],
    ["sheet.missing", "file"],
    ["sheet.added", "file"],
    ["column.missing", "file"],
    ["column.renamed", "file"],
    ["column.moved", "file"],
    ["region.label", "file"],
    ["targets.unknown_form", "file"],
    ["targets.sum_mismatch", "file"],
    ["uscc.duplicate", "row"],
    ["value.duplicate", "row"],
    ["cell.merged", "row"],
    ["rule.main_revenue_le_revenue", "row"],
    ["targets.duplicate_row", "row"],
    ["uscc.checksum", "cell"],
    ["value.required", "cell"],
    ["cell.error_value", "cell"],
    ["norm.thousands", "cell"],
    ["targets.not_number", "cell"],
    ["settings.invalid", "cell"],
  ] as const)("%s is of scope %s", (code, scope) => {
    expect(issueScope(code)).toBe(scope);
    expect(makeIssue(code).scope).toBe(scope);
  });

  test("the brief's example message: location from the fields, once", () => {
    const i = makeIssue("uscc.checksum", {
      sheet: "企业名录",
      cell: "B7",
      args: { expected: "L", actual: "M" },
    });
    expect(i.message).toBe(
      "统一社会信用代码校验不通过(代码中有字符录入有误)；请从营业执照或国家企业信用信息公示系统重新复制完整代码",
    );
    expect(issueText(i)).toBe(
      "企业名录!B7 统一社会信用代码校验不通过(代码中有字符录入有误)；请从营业执照或国家企业信用信息公示系统重新复制完整代码",
    );
    expect(issueText({ ...i, cell: null })).toBe(
      "工作表\u201c企业名录\u201d：统一社会信用代码校验不通过(代码中有字符录入有误)；请从营业执照或国家企业信用信息公示系统重新复制完整代码",
    );
    expect(issueText({ ...i, sheet: null, cell: null })).toBe(i.message);
  });

  test("rule.* messages use the rule's text", () => {
    expect(
      issueMessage("rule.x", { sheet: "S", cell: "A1", ruleText: "甲不得大于乙", detail: "甲 2，乙 1" }),
    ).toBe("甲不得大于乙(甲 2，乙 1)");
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
