// One catalogue holds every issue code (issue 25 item 6): every code literal in src is in it, a code that
// is not in it does not compile where a code is expected, every producer's message is the catalogue's,
// and every entry has the one shape and renders with its location (and, for a cell, the cell's value).
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import * as ts from "typescript";
import { entryOf, ISSUE_CODES, issueMessage, issueScope, type IssueCode } from "../../src/core/catalogue";
import { ExprError } from "../../src/core/expr/errors";
import { issueText } from "../../src/core/issues";
import { planIssue } from "../../src/core/planbook/issues";
import { makeIssue } from "../../src/core/read/issue";
import { codesIn, unknownCodes } from "./scan";

const root = path.resolve(__dirname, "../..");

function sources(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(f)) out.push(p);
  }
  return out;
}

test("every issue code written anywhere in src is a code of the catalogue", () => {
  const found = new Set<string>();
  const unknown: string[] = [];
  for (const f of sources(path.join(root, "src"))) {
    const text = readFileSync(f, "utf8");
    for (const c of codesIn(text)) found.add(c);
    for (const c of unknownCodes(text)) unknown.push(`${path.relative(root, f)}: ${c}`);
  }
  expect(unknown).toEqual([]);
  // The scan sees the producers: the readers', the plan workbook's and the expression language's codes.
  for (const c of ["uscc.checksum", "plan.invalid", "targets.not_number", "roster.tier_unknown", "EXPR_TYPE"])
    expect(found).toContain(c);
});

test("a planted unknown code is found by the scan", () => {
  const planted = `issues.push(makeIssue("value.not_a_code", at)); c.fail("EXPR_NOPE", n, "x"); makeIssue("uscc.checksum")`;
  expect(unknownCodes(planted)).toEqual(["value.not_a_code", "EXPR_NOPE"]);
});

test("a code not in the catalogue does not compile where an issue code is expected", () => {
  const file = path.join(root, "tests/catalogue/__planted__.ts");
  const text = [
    `import type { IssueCode, PlanIssueCode, ExprErrorCode } from "../../src/core/catalogue";`,
    `export const good: IssueCode = "uscc.checksum";`,
    `export const rule: IssueCode = "rule.anything";`,
    `export const bad: IssueCode = "uscc.not_a_code";`,
    `export const badPlan: PlanIssueCode = "plan.not_a_code";`,
    `export const badExpr: ExprErrorCode = "EXPR_NOPE";`,
  ].join("\n");
  const options: ts.CompilerOptions = { strict: true, noEmit: true, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang) =>
    path.resolve(name) === file ? ts.createSourceFile(name, text, lang) : read(name, lang);
  host.fileExists = (
    (exists) => (name: string) =>
      path.resolve(name) === file || exists(name)
  )(host.fileExists.bind(host));
  const program = ts.createProgram([file], options, host);
  const lines = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && path.resolve(d.file.fileName) === file)
    .map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1);
  expect(lines.sort()).toEqual([4, 5, 6]);
});

describe("every entry: one shape, and renders with its location and value", () => {
  const VALUE = "值样例";
  test.each(ISSUE_CODES.map((c) => [c]))("%s", (code) => {
    const e = entryOf(code)!;
    expect(["error", "warning"]).toContain(e.severity);
    expect(["file", "row", "cell"]).toContain(e.scope);
    expect(["clerk", "bureau"]).toContain(e.audience);
    const message = issueMessage(code, {
      label: "年份",
      value: VALUE,
      expected: "甲",
      actual: "乙",
      min: 1,
      max: 2,
      detail: "说明",
      other: "B2",
      char: 3,
    });
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).not.toMatch(/undefined|null|\[object|NaN/);
    const text = issueText({ sheet: "目标", cell: "B3", message });
    expect(text.startsWith("目标!B3 ")).toBe(true);
    expect(text.indexOf("B3")).toBe(text.lastIndexOf("B3"));
    // A cell's message shows what the cell holds, unless the entry says why not.
    if (e.scope === "cell" && !e.noValue) expect(message).toContain(VALUE);
  });
});

test("the producers take severity, scope and message from the catalogue", () => {
  const p = planIssue(
    "plan.invalid",
    { sheet: "目标", cell: "B3", column: "year" },
    { header: "年份", value: "2028", detail: "必须是计划期内的年份" },
  );
  expect(p).toMatchObject({ severity: "error", scope: "cell", field: "year", column: "year", value: "2028" });
  expect(issueText(p)).toBe("目标!B3 \u201c年份\u201d的值\u201c2028\u201d无效：必须是计划期内的年份");
  expect(planIssue("plan.base_missing", {}).severity).toBe("warning");
  const x = new ExprError("EXPR_UNKNOWN_FIELD", 14, 23, "未知字段\u201crd_expens\u201d");
  expect(x.message).toBe(
    issueMessage("EXPR_UNKNOWN_FIELD", { char: 15, detail: "未知字段\u201crd_expens\u201d" }),
  );
  expect(x.message).toBe("第15个字符：未知字段\u201crd_expens\u201d");
  const i = makeIssue("targets.not_number", {
    sheet: "目标分解",
    cell: "E5",
    value: "二十",
    label: "小巨人的分解目标",
  });
  expect([i.scope, issueScope("targets.not_number" as IssueCode)]).toEqual(["cell", "cell"]);
  expect(issueText(i)).toBe("目标分解!E5 小巨人的分解目标\u201c二十\u201d不是数字，已按未填写处理");
});

test("a string that is no code has no entry (not even an Object property)", () => {
  for (const s of ["constructor", "toString", "__proto__", "plan.nope", "EXPR_NOPE"])
    expect(entryOf(s)).toBeUndefined();
  expect(entryOf("rule.main_revenue_gt_revenue")?.scope).toBe("row");
});
