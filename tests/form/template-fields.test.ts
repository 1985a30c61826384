import {
  fieldNumFmt,
  fieldValidation,
  fitsInlineList,
  INLINE_LIST_MAX,
} from "../../src/core/form/template-fields";
import { wrappedLines } from "../../src/core/form/template";
import type { FieldDef } from "../../src/core/form/types";

const base = { key: "k", header: "列", width: 10, hint: "提示" };
const ctx = { periodYear: 2025 };

describe("fieldValidation", () => {
  test.each<[string, FieldDef, object, RegExp]>([
    [
      "text 2..100",
      { ...base, type: "text", minLength: 2, maxLength: 100 },
      { type: "textLength", operator: "between", min: 2, max: 100 },
      /长度须为2至100个字符/,
    ],
    [
      "text ≤ 50",
      { ...base, type: "text", maxLength: 50 },
      { type: "textLength", operator: "lessThanOrEqual", max: 50 },
      /不得超过50个字符/,
    ],
    [
      "uscc = 18",
      { ...base, type: "uscc", minLength: 18, maxLength: 18 },
      { type: "textLength", operator: "equal", min: 18 },
      /须为18个字符/,
    ],
    ["yesno", { ...base, type: "yesno" }, { type: "list", list: ["是", "否"] }, /只能填“是”或“否”/],
    [
      "list",
      { ...base, type: "list", options: ["甲", "乙"] },
      { type: "list", list: ["甲", "乙"] },
      /下拉列表/,
    ],
    [
      "year",
      { ...base, type: "year", yearMin: 2019 },
      { type: "whole", operator: "between", min: 2019, max: 2025 },
      /2019至2025之间的年份/,
    ],
    [
      "whole ≥ 0",
      { ...base, type: "whole", min: 0 },
      { type: "whole", operator: "greaterThanOrEqual", min: 0 },
      /不小于0的整数/,
    ],
    [
      "decimal ≥ 0",
      { ...base, type: "decimal", min: 0 },
      { type: "decimal", operator: "greaterThanOrEqual", min: 0 },
      /不小于0的数字/,
    ],
    [
      "decimal ≤ 9",
      { ...base, type: "decimal", max: 9 },
      { type: "decimal", operator: "lessThanOrEqual", max: 9 },
      /不大于9的数字/,
    ],
    [
      "percent 0..100",
      { ...base, type: "percent", min: 0, max: 100 },
      { type: "decimal", operator: "between", min: 0, max: 100 },
      /0至100之间的数字.*百分数/,
    ],
  ])("%s", (_n, field, expected, message) => {
    const v = fieldValidation(field, "C2:C9", ctx);
    expect(v).toMatchObject({ ...expected, range: "C2:C9", allowBlank: true });
    expect(v.error.message).toMatch(message);
    expect(v.error.message).toContain("“列”");
    expect(v.error.style).toBe("stop");
    expect(v.prompt).toEqual({ title: "列", message: "提示" });
  });

  test("a list source replaces the inline list", () => {
    const v = fieldValidation({ ...base, type: "list", options: ["甲"] }, "C2:C9", {
      ...ctx,
      listSource: "srdi_x",
    });
    expect(v).toMatchObject({ type: "list", formula: "srdi_x" });
    expect(v.list).toBeUndefined();
  });

  test("titles and messages are clipped to Excel's limits", () => {
    const v = fieldValidation(
      { ...base, header: "长".repeat(40), hint: "提".repeat(300), type: "text" },
      "A2",
      ctx,
    );
    expect(v.prompt!.title).toHaveLength(32);
    expect(v.prompt!.message).toHaveLength(255);
    expect(v.error.title).toHaveLength(32);
    expect(v.error.message).toHaveLength(255);
  });
});

test.each<[FieldDef["type"], string]>([
  ["text", "@"],
  ["uscc", "@"],
  ["list", "@"],
  ["yesno", "@"],
  ["year", "0"],
  ["whole", "0"],
  ["decimal", "#,##0.00"],
  ["percent", "0.0"],
])("fieldNumFmt(%s) = %s", (type, fmt) => expect(fieldNumFmt({ type })).toBe(fmt));

test.each<[string[], boolean]>([
  [["是", "否"], true],
  [["a,b"], false],
  [['a"b'], false],
  [["x".repeat(INLINE_LIST_MAX - 2)], true],
  [["x".repeat(INLINE_LIST_MAX - 1)], false],
])("fitsInlineList %#", (options, ok) => expect(fitsInlineList(options)).toBe(ok));

test.each([
  ["", 60, 1],
  ["a".repeat(56), 60, 1],
  ["a".repeat(57), 60, 2],
  ["中".repeat(28), 60, 1],
  ["中".repeat(29), 60, 2],
])("wrappedLines %#", (text, width, n) => expect(wrappedLines(text, width)).toBe(n));
