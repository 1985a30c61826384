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

test("linear on a long run the regex backtracks on", () => {
  const f = "a-".repeat(16000) + "A1";
  const t0 = Date.now();
  expect(slideFormula(f, 1, 0)).toBe("a-".repeat(16000) + "A2");
  expect(Date.now() - t0).toBeLessThan(200);
});
