// The direct reader (src/xlsx/read.ts) against the ExcelJS reader it replaced (exceljs-oracle.ts), on every
// kind of .xlsx the product meets. Each file lists the differences expected, each with why the direct
// reader is right; a file not listed must deep-equal (numbers within half a millisecond, see snapshot-diff).
import { readWorkbook } from "../../../src/xlsx/read";
import { readWorkbookExcelJS } from "./exceljs-oracle";
import { type FixtureFile, readerFixtures } from "./fixture-files";
import { rawXlsx } from "./raw-xlsx";
import { snapshotDiff } from "./snapshot-diff";

// Why each difference is the direct reader being right (the oracle is ExcelJS 4.4):
const WHY = {
  // openpyxl 3.0 writes a literal "_x000D_" unescaped; Excel and LibreOffice read _xHHHH_ in every <t>
  // as the escaped character (ECMA-376 ST_Xstring) — see the LibreOffice re-save of this file: no diff.
  xstring: (cell: string, ours: string, oracle: string) =>
    `数据!${cell}: ours ${JSON.stringify(ours)} ≠ oracle ${JSON.stringify(oracle)}`,
  // ExcelJS replaces a hyperlinked cell's value by {text, hyperlink}; for a number the oracle's text
  // handling then gives "": the clerk's 5 was lost.
  hyperlinkedNumber: '数据!A7: ours 5 ≠ oracle ""',
  // ExcelJS drops a falsy cached result (0, FALSE, "") when it copies the formula model, so the core
  // reported a cached 0 as "formula without cached value" (cell.formula_no_cache).
  falsyResult: (cell: string, formula: string, result: unknown) =>
    `${cell}: ours {"formula":${JSON.stringify(formula)},"result":${JSON.stringify(result)}} ≠ oracle {"formula":${JSON.stringify(formula)}}`,
};

const EXPECTED: Record<string, string[]> = {
  "openpyxl/openpyxl.xlsx": [WHY.xstring("G4", "\r字面", "_x000D_字面"), WHY.hyperlinkedNumber],
  "openpyxl/openpyxl-1904.xlsx": [WHY.xstring("G4", "\r字面", "_x000D_字面"), WHY.hyperlinkedNumber],
  "openpyxl/openpyxl-isodates.xlsx": [
    // t="d" holds an ISO 8601 date; ExcelJS parseFloat()s it to the year.
    "数据!E1: ours 45930 ≠ oracle 2025",
    "数据!F1: ours 45930.57303240741 ≠ oracle 2025",
    "数据!G1: ours 36525 ≠ oracle 1999",
    WHY.xstring("G4", "\r字面", "_x000D_字面"),
    WHY.hyperlinkedNumber,
  ],
  "libreoffice/openpyxl.xlsx": [
    WHY.falsyResult("数据!D1", "FALSE()", false),
    WHY.falsyResult("数据!C2", 'IF(B1>0,"","x")', ""),
    WHY.hyperlinkedNumber,
  ],
  "libreoffice/openpyxl-1904.xlsx": [
    WHY.falsyResult("数据!D1", "FALSE()", false),
    // LibreOffice writes date1904="true"; ExcelJS only knows "1" and so did not shift its Dates, while
    // the oracle still subtracted 1462 days: its serials are 4 years early. The file holds 44468.
    "数据!E1: ours 44468 ≠ oracle 43006",
    "数据!F1: ours 44468.5730324074 ≠ oracle 43006.57303240741",
    "数据!G1: ours 35063 ≠ oracle 33601",
    WHY.falsyResult("数据!C2", 'IF(B1>0,"","x")', ""),
    WHY.hyperlinkedNumber,
  ],
  "raw/raw.xlsx": [
    // t="str" text is XML-decoded once by the parser; ExcelJS decodes it a second time.
    '原始 & 数据!H1: ours "&lt;" ≠ oracle "<"',
    "原始 & 数据!F3: ours 45930.5 ≠ oracle 2025",
    "原始 & 数据!G3: ours 45930 ≠ oracle 2025",
    '原始 & 数据!H3: ours "x\\ry" ≠ oracle "x_x000D_y"',
    WHY.falsyResult("原始 & 数据!H5", 'IF(1,"","")', ""),
    WHY.falsyResult("原始 & 数据!J5", "FALSE()", false),
    WHY.falsyResult("原始 & 数据!K5", "A5*0", 0),
    // ExcelJS turns a cached result in a date-formatted cell into a Date; an error becomes Invalid Date,
    // which the oracle reported as #VALUE!. The file says #DIV/0!.
    '原始 & 数据!H7: ours {"formula":"1/0","result":{"error":"#DIV/0!"}} ≠ oracle {"formula":"1/0","result":{"error":"#VALUE!"}}',
  ],
};

let files: FixtureFile[] = [];

beforeAll(async () => {
  files = [...(await readerFixtures()), { name: "raw/raw.xlsx", bytes: await rawXlsx({ addressed: true }) }];
}, 300_000);

test("the fixture set covers what the repo writes, openpyxl, LibreOffice and hand-written parts", () => {
  const kinds = (p: string) => files.filter((f) => f.name.startsWith(p)).length;
  expect(kinds("demo/templates/")).toBe(10);
  expect(kinds("demo/returns/")).toBeGreaterThanOrEqual(9);
  expect(files.map((f) => f.name)).toEqual(
    expect.arrayContaining([
      "demo/目标分解-2025Q3.xlsx",
      "demo/工作通报-2025Q3.xlsx",
      "libreoffice/return.xlsx",
      ...Object.keys(EXPECTED),
    ]),
  );
});

test("every fixture: the direct reader's snapshot equals the ExcelJS oracle's, but for the listed differences", async () => {
  const seen: Record<string, string[]> = {};
  for (const f of files) {
    const ours = await readWorkbook(f.bytes, { name: f.name });
    const oracle = await readWorkbookExcelJS(f.bytes, { name: f.name });
    expect(ours.sheets.length).toBeGreaterThan(0);
    seen[f.name] = snapshotDiff(ours, oracle);
    // The bulletin's drill-down links (HYPERLINK to 明细) cache the figure they show, often 0: the known
    // falsy-result difference, checked cell by cell against WHY.falsyResult.
    if (f.name.startsWith("demo/工作通报"))
      seen[f.name] = seen[f.name].filter((d) => {
        const m = /^(.+?!\w+): ours (\{.*\}) ≠ oracle/.exec(d);
        if (!m) return true;
        const o = JSON.parse(m[2]) as { formula: string; result: unknown };
        return !(o.formula.startsWith("HYPERLINK(") && d === WHY.falsyResult(m[1], o.formula, o.result));
      });
  }
  const expected = Object.fromEntries(files.map((f) => [f.name, EXPECTED[f.name] ?? []]));
  expect(seen).toEqual(expected);
});
