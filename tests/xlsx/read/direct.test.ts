// The direct reader on hand-written parts, including files the ExcelJS reader could not read at all
// (rows or first cells without r, namespace-prefixed elements, parts at non-standard paths).
import JSZip from "jszip";
import { readWorkbook, WorkbookReadError } from "../../../src/xlsx/read";
import { readWorkbookExcelJS } from "./exceljs-oracle";
import { rawXlsx } from "./raw-xlsx";

const S = "原始 & 数据";
/** What raw-xlsx.ts's data sheet holds, cell by cell. */
const EXPECTED_CELLS = [
  ["甲", "富文本", "東京", "", "a\rb_x0041_", "漢字", "A&B <x>", "&lt;", "行1\n行2\r尾", null, null],
  [1, 2, null, null, 5, 6, null, null, null, null, null],
  [null, "行内", "富行内", true, { error: "#REF!" }, 45930.5, 45930, "x\ry", null, null, null],
  Array(11).fill(null),
  [
    10,
    { formula: "A5*2+$A$5", result: 30 },
    { formula: "SUM(A5:B5)", result: 40 },
    { formula: "SUM(B5:C5)", result: undefined }, // shared formula, moved from C5; no cached value
    { formula: "SUM(C5:D5)", result: 1 },
    { formula: "SUM(A5:A8*2)", result: 100 },
    { formula: '"x"&"y"', result: "xy" },
    { formula: 'IF(1,"","")', result: "" },
    { formula: "NA()", result: { error: "#N/A" } },
    { formula: "FALSE()", result: false },
    { formula: "A5*0", result: 0 },
  ],
  [11, { formula: "A6*2+$A$5", result: 32 }, ...Array(9).fill(null)],
  [
    12,
    { formula: "A7*2+$A$5", result: 34 },
    0.5,
    0.25,
    "甲",
    45930.25,
    45930.123456789,
    { formula: "1/0", result: { error: "#DIV/0!" } },
    1234.5,
    { formula: "C7*2", result: 1 },
    null,
  ],
  [13, { formula: "A8*2+$A$5", result: undefined }, ...Array(9).fill(null)],
  ["合并", null, 9, null, ...Array(7).fill(null)], // B9 and D9 lie under merges: not read
  Array(11).fill(null),
  ["😀中<>\"'", 1500, -0, 4, ...Array(7).fill(null)], // "-0" parses to -0, as ExcelJS gave it
];

describe("direct reader: hand-written parts", () => {
  test.each<[string, Parameters<typeof rawXlsx>[0]]>([
    ["plain", {}],
    ["x: prefixed elements", { prefix: "x" }],
    [
      "absolute targets, non-standard part names",
      { absolute: true, sheetPaths: ["xl/worksheets/data.xml", "xl/ws/b.xml"], sharedPath: "xl/strs.xml" },
    ],
  ])("%s", async (_, opts) => {
    const s = await readWorkbook(await rawXlsx(opts));
    expect(s.sheets.map((x) => [x.name, x.state])).toEqual([
      [S, "visible"],
      ["隐藏", "hidden"],
    ]);
    expect(s.sheets[0].cells).toEqual(EXPECTED_CELLS);
    expect(s.sheets[0].merges).toEqual(["A9:B10", "C9:D9"]);
    // Percent formats: built-in 9, custom 0.0%, and a formula with a numeric result; not the string E7.
    expect(s.sheets[0].numFmts).toEqual({ C7: "0%", D7: "0.0%", J7: "0%" });
    expect(s.sheets[1].cells).toEqual([[1]]);
  });

  test("what the ExcelJS reader made of the same files (why they are not in equivalence.test.ts)", async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "read",
        (e: WorkbookReadError) => e.code,
      );
    expect(await code(readWorkbookExcelJS(await rawXlsx({})))).toBe("file.corrupt"); // row without r
    expect(await code(readWorkbookExcelJS(await rawXlsx({ prefix: "x" })))).toBe("file.corrupt");
    const odd = await readWorkbookExcelJS(
      await rawXlsx({ sheetPaths: ["xl/worksheets/data.xml", "xl/ws/b.xml"], sharedPath: "xl/strs.xml" }),
    );
    expect(odd.sheets).toEqual([]); // it only looked for xl/worksheets/sheetN.xml
  });

  test('date1904: a t="d" date is a serial of the 1904 system', async () => {
    const s = await readWorkbook(await rawXlsx({ date1904: true }));
    expect(s.sheets[0].cells[2].slice(5, 7)).toEqual([45930.5 - 1462, 45930 - 1462]);
  });
});

describe("direct reader: unusable parts are file.corrupt", () => {
  async function withSheet(sheetXml: string, shared?: string): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await rawXlsx({}));
    zip.file("xl/worksheets/sheet1.xml", sheetXml);
    if (shared !== undefined) zip.file("xl/sharedStrings.xml", shared);
    return zip.generateAsync({ type: "uint8array" });
  }
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  test.each([
    [
      "unclosed element",
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>`,
    ],
    ["truncated part", `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c>`],
    ["not XML", "PK\u0003\u0004 garbage"],
    [
      "shared string index out of range",
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>`,
    ],
  ])("%s", async (_, xml) => {
    await expect(readWorkbook(await withSheet(xml))).rejects.toMatchObject({ code: "file.corrupt" });
  });

  test("a corrupt shared strings part", async () => {
    const bytes = await withSheet(
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
      "<sst><si><t>a</si></sst>",
    );
    const e = await readWorkbook(bytes).catch((x: WorkbookReadError) => x);
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect((e as WorkbookReadError).code).toBe("file.corrupt");
    expect((e as WorkbookReadError).message).toContain("sharedStrings.xml");
  });
});
