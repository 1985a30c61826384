import { USCC_WEIGHTS, isValidUscc, usccCheckChar, usccProblem } from "../../src/core/read/uscc";

describe("GB 32100-2015 check character", () => {
  test("weights are 3^i mod 31", () => {
    expect(USCC_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => 3 ** i % 31));
  });

  // REPORTING-FORM.md's examples, plus codes checked by an independent Python implementation.
  test.each([
    ["91110000600037341L", true],
    ["91320214745555318W", true],
    ["913205056082348768", true],
    ["91310115MA1K3BTP2B", true],
    ["91350100M000100Y43", true],
    ["12100000400000624D", true],
    ["91320700MA1MA0A15B", false],
    ["92320703MA1X0B0X0W", false],
  ])("%s valid: %s", (code, ok) => {
    expect(isValidUscc(code)).toBe(ok);
  });

  test.each([
    ["91110000600037341", { kind: "length", length: 17 }],
    ["91110000600037341LX", { kind: "length", length: 19 }],
    ["", { kind: "length", length: 0 }],
    ["9111000060003734IL", { kind: "charset", position: 17, char: "I" }],
    ["O1110000600037341L", { kind: "charset", position: 1, char: "O" }],
    ["91110000600037341l", { kind: "charset", position: 18, char: "l" }],
    ["91320700MA1MA0A15B", { kind: "checksum", actual: "B" }],
    ["91110000600037341M", { kind: "checksum", actual: "M" }],
  ])("%s problem", (code, problem) => {
    expect(usccProblem(code)).toEqual(problem);
  });

  test("check character of the first 17", () => {
    expect(usccCheckChar("91110000600037341")).toBe("L");
    expect(usccCheckChar("9111000060003734Z")).toBeNull();
    expect(usccCheckChar("short")).toBeNull();
  });
});
