import type { FieldDef } from "../../src/core/form/types";
import { halfWidth, parseField, parseNumberText, rawCell, tidy } from "../../src/core/read/normalise";
import type { SnapshotValue } from "../../src/core/snapshot";
import { FORM } from "./fixtures";

const field = (key: string): FieldDef => {
  const f = [...FORM.enterprises.fields, ...FORM.platforms.fields].find((x) => x.key === key);
  if (!f) throw new Error(key);
  return f;
};
const CHAINS = ["生物医药", "化工新材料", "其他"];

type Case = [string, SnapshotValue, unknown, string | null, string | null];

function run(key: string, v: SnapshotValue, opts: { percentFormat?: boolean } = {}) {
  return parseField(field(key), v, { yearMax: 2025, options: key === "chain" ? CHAINS : undefined, ...opts });
}

describe("parseField: value, warning code, error code", () => {
  const cases: Case[] = [
    // text: trimmed without a warning; lengths counted in characters
    ["name", "  示例公司 ", "示例公司", null, null],
    ["name", "\u200b示例公司\u00a0", "示例公司", null, null],
    ["name", "甲", "甲", null, "value.too_short"],
    ["name", "企".repeat(101), "企".repeat(101), null, "value.too_long"],
    ["name", "（连云港）有限公司", "（连云港）有限公司", null, null], // full-width brackets of names kept
    ["name", null, null, null, "value.required"],
    ["name", "   ", null, null, "value.required"],
    ["note", null, null, null, null],
    ["service_officer", 12345, "12345", null, null],
    // uscc
    ["uscc", "91110000600037341L", "91110000600037341L", null, null],
    ["uscc", " 91110000600037341L ", "91110000600037341L", null, null],
    ["uscc", "91110000600037341l", "91110000600037341L", "norm.uscc", null],
    ["uscc", "９１１１００００６０００３７３４１Ｌ", "91110000600037341L", "norm.uscc", null],
    ["uscc", "9111 0000 6000 3734 1L", "91110000600037341L", "norm.uscc", null],
    ["uscc", "91110000600037341M", "91110000600037341M", null, "uscc.checksum"],
    ["uscc", "9111000060003734", "9111000060003734", null, "uscc.length"],
    ["uscc", "9111000060003734IL", "9111000060003734IL", null, "uscc.charset"],
    ["uscc", Number("913205056082348768"), null, null, "uscc.number"], // a digits-only code typed as a number
    ["uscc", 12345, "12345", null, "uscc.length"],
    ["uscc", null, null, null, "value.required"],
    // list
    ["chain", "生物医药", "生物医药", null, null],
    ["chain", " 生物 医药 ", "生物医药", "norm.list", null],
    ["chain", "钢铁冶炼", null, null, "value.not_in_list"],
    ["rd_institution", "省级", "省级", null, null],
    ["rd_institution", "县级", null, null, "value.not_in_list"],
    ["cloud_star", 3, null, null, "value.not_in_list"],
    // yes/no
    ["above_scale", "是", true, null, null],
    ["above_scale", "否", false, null, null],
    ...(["Y", "y", "yes", "YES", "√", "✓", "1", "true", "TRUE", "Ｙ"] as const).map((s): Case => [
      "above_scale",
      s,
      true,
      "norm.yesno",
      null,
    ]),
    ...(["N", "n", "no", "×", "✗", "0", "false", "FALSE"] as const).map((s): Case => [
      "above_scale",
      s,
      false,
      "norm.yesno",
      null,
    ]),
    ["pool", true, true, "norm.yesno", null],
    ["pool", false, false, "norm.yesno", null],
    ["pool", 1, true, "norm.yesno", null],
    ["pool", 0, false, "norm.yesno", null],
    ["pool", 2, null, null, "value.not_in_list"],
    ["pool", "也许", null, null, "value.not_in_list"],
    ["above_scale", null, null, null, "value.required"],
    // year: 2022..period year for 创新型
    ["innovative_year", 2023, 2023, null, null],
    ["innovative_year", "2023", 2023, "norm.number_text", null],
    ["innovative_year", "2023年", 2023, "norm.year_text", null],
    ["innovative_year", "２０２３", 2023, "norm.fullwidth", null],
    ["innovative_year", 2021, 2021, null, "value.year_range"],
    ["innovative_year", 2026, 2026, null, "value.year_range"],
    ["innovative_year", 2023.5, null, null, "value.not_year"],
    ["innovative_year", "去年", null, null, "value.not_year"],
    ["innovative_year", null, null, null, null],
    ["provincial_srdi_year", 2013, 2013, null, null],
    ["provincial_srdi_year", 2012, 2012, null, "value.year_range"],
    ["year", 2025, 2025, null, null],
    ["year", 2026, 2026, null, "value.year_range"],
    // decimal >= 0
    ["revenue", 1234.5, 1234.5, null, null],
    ["revenue", "1234.5", 1234.5, "norm.number_text", null],
    ["revenue", "1,234.5", 1234.5, "norm.thousands", null],
    ["revenue", "1,234,567", 1234567, "norm.thousands", null],
    ["revenue", "１，２３４", 1234, "norm.fullwidth", null],
    ["revenue", " 12 ", 12, "norm.number_text", null],
    ["revenue", "1,23", null, null, "value.not_number"],
    ["revenue", "十二", null, null, "value.not_number"],
    ["revenue", -1, -1, null, "value.out_of_range"],
    ["revenue", "－5", -5, "norm.fullwidth", "value.out_of_range"],
    ["revenue", true, null, null, "value.not_number"],
    ["revenue", 0, 0, null, null],
    // whole >= 0
    ["patents", 12, 12, null, null],
    ["patents", "12.0", 12, "norm.number_text", null],
    ["patents", 12.5, 12.5, null, "value.not_whole"],
    ["patents", -2, -2, null, "value.out_of_range"],
    // percent: points; "45%" text; 0<x<1 read as a fraction with a warning
    ["cnc_rate", 45, 0.45, null, null],
    ["cnc_rate", 1, 0.01, null, null],
    ["cnc_rate", 100, 1, null, null],
    ["cnc_rate", 0, 0, null, null],
    ["cnc_rate", 0.45, 0.45, "norm.percent_fraction", null],
    ["cnc_rate", "45%", 0.45, "norm.percent_text", null],
    ["cnc_rate", "４５％", 0.45, "norm.percent_text", null],
    ["cnc_rate", "0.5%", 0.005, "norm.percent_text", null],
    ["cnc_rate", "45", 0.45, "norm.number_text", null],
    ["cnc_rate", "0.45", 0.45, "norm.percent_fraction", null],
    ["cnc_rate", 101, 1.01, null, "value.out_of_range"],
    ["cnc_rate", "120%", 1.2, "norm.percent_text", "value.out_of_range"],
    ["cnc_rate", -5, -0.05, null, "value.out_of_range"],
    ["cnc_rate", "高", null, null, "value.not_number"],
    // formulas and error values
    ["revenue", { formula: "A1*2", result: 10 }, 10, null, null],
    ["revenue", { formula: "A1*2" }, null, null, "cell.formula_no_cache"],
    ["revenue", { formula: "1/0", result: { error: "#DIV/0!" } }, null, null, "cell.error_value"],
    ["name", { formula: "B1", result: "" }, null, null, "value.required"],
    ...(["#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?"] as const).map((e): Case => [
      "revenue",
      { error: e },
      null,
      null,
      "cell.error_value",
    ]),
  ];

  test.each(cases)("%s %j -> %j (warning %s, error %s)", (key, input, value, warning, error) => {
    const p = run(key, input);
    expect(p.error?.code ?? null).toBe(error);
    expect(p.warning?.code ?? null).toBe(warning);
    if (error === null || p.value !== null) {
      if (typeof value === "number") expect(p.value).toBeCloseTo(value, 10);
      else expect(p.value).toEqual(value);
    }
  });

  test("a percent-formatted cell holds a fraction already", () => {
    expect(run("cnc_rate", 0.45, { percentFormat: true })).toEqual({
      value: 0.45,
      warning: undefined,
      error: undefined,
    });
    expect(run("cnc_rate", 1, { percentFormat: true }).value).toBe(1);
    expect(run("cnc_rate", 1.5, { percentFormat: true }).error?.code).toBe("value.out_of_range");
  });

  test("year rule without a known period has no upper bound", () => {
    expect(parseField(field("innovative_year"), 2030, { yearMax: null }).error).toBeUndefined();
  });
});

describe("helpers", () => {
  test.each([
    ["１２３", "123"],
    ["ＡＢＣａｂｃ", "ABCabc"],
    ["（）％，．－", "()%,.-"],
    ["\u3000x", " x"],
    ["\u22121", "-1"],
    ["中文", "中文"],
  ])("halfWidth %s", (a, b) => expect(halfWidth(a)).toBe(b));

  test.each([
    ["1", 1, "plain"],
    ["-1.5e3", -1500, "plain"],
    [".5", 0.5, "plain"],
    ["1,000", 1000, "thousands"],
    ["１０００", 1000, "fullwidth"],
  ])("parseNumberText %s", (s, n, how) => expect(parseNumberText(s)).toEqual({ n, how }));

  test.each(["", "1,00", "1.2.3", "abc", "1e", "--1", "Infinity", "NaN", "0x10"])("not a number: %j", (s) =>
    expect(parseNumberText(s)).toBeNull(),
  );

  test("rawCell", () => {
    expect(rawCell(undefined)).toEqual({ kind: "blank" });
    expect(rawCell("  ")).toEqual({ kind: "blank" });
    expect(rawCell({ formula: "X", result: null })).toEqual({ kind: "blank" });
    expect(rawCell({ formula: "X" })).toEqual({ kind: "error", code: "cell.formula_no_cache", text: "=X" });
    expect(rawCell(Number.NaN)).toEqual({ kind: "error", code: "cell.error_value", text: "#NUM!" });
  });
});

describe("tidy rounds binary noise away and leaves clean numbers as they are", () => {
  test.each([
    [0.1 + 0.2, 0.3],
    [1.1 * 3, 3.3],
    [45, 45],
    [-7, -7],
    [0, 0],
    [123456789012, 123456789012],
    [1234567890123, 1234567890120], // beyond 12 significant digits the integer is rounded too
    [2.675, 2.675],
    [1e-13, 1e-13],
  ])("%p -> %p", (n, want) => expect(tidy(n)).toBe(want));
});
