// The linear slideFormula finds the same candidates as the regular expression that defines it.
import fc from "fast-check";
import { slideFormula, slideFormulaRegex } from "../../../src/xlsx/read-formula";

test("same result as the regex on random formula-like text", () => {
  const unit = fc.constantFrom(
    "A",
    "b",
    "1",
    "0",
    "$",
    "!",
    "-",
    "_",
    "(",
    ")",
    ":",
    "'",
    " ",
    "X",
    "F",
    "D",
    "+",
    "é",
    '"',
    ".",
    "9",
  );
  fc.assert(
    fc.property(
      fc.string({ unit, maxLength: 40 }),
      fc.integer({ min: -3, max: 3 }),
      fc.integer({ min: -3, max: 3 }),
      (f, dr, dc) => {
        expect(slideFormula(f, dr, dc)).toBe(slideFormulaRegex(f, dr, dc));
      },
    ),
    { numRuns: 3000 },
  );
  for (const f of ["SUM(A1:B2)", "Sheet1!B2*$C$3", "LOG10(A1)", "'my sheet'!A1+XFD1+XFE1", "a!b!C3", "-!A1"])
    expect(slideFormula(f, 2, 1)).toBe(slideFormulaRegex(f, 2, 1));
});

test("whole columns and rows move with the cell, outside string literals (POI 47804.xlsx: B:B)", () => {
  const cases: [string, number, number, string][] = [
    ['CELL("width",B:B )', 0, 1, 'CELL("width",C:C )'],
    ["SUM(B:D)+SUM($B:C)-Sheet1!AB:AB", 5, 2, "SUM(D:F)+SUM($B:E)-Sheet1!AD:AD"],
    ["SUM(3:3)*SUM($1:2)", 2, 9, "SUM(5:5)*SUM($1:4)"],
    ['TEXT(A1,"hh:mm")&"B:B"', 1, 1, 'TEXT(B2,"hh:mm")&"B:B"'],
    ["SUM(A:A)", 0, -1, "SUM(#REF!)"],
    ["SUM(XFD:XFD)+SUM(1048576:1048576)", 1, 1, "SUM(#REF!)+SUM(#REF!)"],
    ["SUM(XFE:XFE)+B1:C", 0, 1, "SUM(XFE:XFE)+C1:C"],
    ["'x y'!$A:$A+a.b:c", 3, 3, "'x y'!$A:$A+a.b:c"],
  ];
  for (const [f, dr, dc, want] of cases) {
    expect([f, slideFormula(f, dr, dc)]).toEqual([f, want]);
    expect([f, slideFormulaRegex(f, dr, dc)]).toEqual([f, want]);
  }
});

test("linear on a long run the regex backtracks on", () => {
  const f = "a-".repeat(16000) + "A1";
  const t0 = Date.now();
  expect(slideFormula(f, 1, 0)).toBe("a-".repeat(16000) + "A2");
  expect(Date.now() - t0).toBeLessThan(200);
});
