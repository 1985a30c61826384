// The byte-scanning reader (src/xlsx/read.ts) against the htmlparser2 reader it replaced (read-legacy.ts,
// kept as the oracle): deep-equal snapshots on every fixture the product meets, and on random workbooks.
import ExcelJS from "exceljs";
import fc from "fast-check";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { readWorkbook } from "../../../src/xlsx/read";
import type { WorkbookReadError } from "../../../src/xlsx/read-error";
import { zlibInflater } from "../../../src/xlsx/read-inflate-node";
import { readWorkbookLegacy } from "./legacy/read-legacy";
import { type FixtureFile, readerFixtures } from "./fixture-files";
import { rawXlsx } from "./raw-xlsx";

/** The legacy reader knows no saved time; everything else must be equal, Object.is on numbers (-0). */
const comparable = (s: WorkbookSnapshot) => ({ ...s, source: { ...s.source, savedAt: undefined } });

let files: FixtureFile[] = [];

beforeAll(async () => {
  files = [
    ...(await readerFixtures()),
    { name: "raw/raw.xlsx", bytes: await rawXlsx({ addressed: true }) },
    { name: "raw/raw-unaddressed.xlsx", bytes: await rawXlsx({ addressed: false }) },
  ];
}, 300_000);

test("every fixture: the new reader's snapshot deep-equals the old reader's (fflate and zlib alike)", async () => {
  expect(files.length).toBeGreaterThan(25);
  for (const f of files) {
    const old = comparable(await readWorkbookLegacy(f.bytes, { name: f.name }));
    expect({ file: f.name, snap: comparable(await readWorkbook(f.bytes, { name: f.name })) }).toEqual({
      file: f.name,
      snap: old,
    });
    const z = comparable(await readWorkbook(f.bytes, { name: f.name, inflate: zlibInflater }));
    expect(z).toEqual(old);
  }
});

test("the workbook's saved time is read from docProps/core.xml", async () => {
  const ret = files.find((f) => f.name.startsWith("demo/returns/"))!;
  const snap = await readWorkbook(ret.bytes);
  expect(snap.source?.savedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  const opx = files.find((f) => f.name === "openpyxl/openpyxl.xlsx")!;
  expect((await readWorkbook(opx.bytes)).source?.savedAt).toMatch(/^\d{4}-/);
});

/**
 * Cell tags written every way a writer might: the one-pass cell reader (XmlScanner.cell) takes the usual
 * forms and leaves the rest to the general tag reader; either way the values must be the old reader's.
 */
const CELL_TAG_VARIANTS = [
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  '<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r=\'B1\' t=\'s\'><v>1</v></c>',
  '<c  r="C1"   t="str" ><v>x</v></c><c\tr="D1"\nt="s"><v>3</v></c><c r="E1" s="1" />',
  '<c r="F1" s="1" /><c r="G1"/><c s="1"/><c><v>8</v></c><c r="J1"t="s"><v>0</v></c></row>',
  '<row r="2"><c r="A2" t="s" t="str"><v>0</v></c><c r="B2" r="Z2"><v>2</v></c><c r="2"><v>3</v></c>',
  '<c s="1"/><c r="E2" x=">"><v>5</v></c><c r="F2" x="/>"/><c r="G2" data-x=\'a"b\'><v>7</v></c>',
  '<c r="H2"><v>8</v ></c><c r="I2"><v>9</v><!--x--></c><c r="J2"><v></v></c><c r="K2"><v>1</v></c ></row>',
  '<row r="3"><c r="A3" t="inlineStr"><v>行</v></c><c r="B3" t="n"><v>1.5</v></c><c r="C3" t="b"><v>1</v></c>',
  '<c r="D3" t="e"><v>#N/A</v></c><c r="E3" t="str"><v>a&amp;b&#13;</v></c><c r="F3"><v><![CDATA[6]]></v></c>',
  '<c r="G3"><f>1+1</f><v>2</v></c><c r="H3" s="1"><v>0.5</v></c><c r="I3" s="2" t="s"><v>2</v></c>',
  '<c r="J3" s="x"><v>1</v></c><c r="K3" s="99999999999"><v>1</v></c></row>',
  '<row r="4"><c r="A4"/><c/><c/><c r="D4"><v>4</v></c><c r="XFD4"/><c r="B4" ><v>2</v></c></row>',
  "</sheetData></worksheet>",
].join("");

test("cell tags written every way: the new reader equals the old one", async () => {
  const bytes = await rawXlsx({ dataSheet: CELL_TAG_VARIANTS });
  const old = comparable(await readWorkbookLegacy(bytes));
  expect(old.sheets[0].cells.length).toBe(4);
  expect(comparable(await readWorkbook(bytes))).toEqual(old);
  expect(comparable(await readWorkbook(bytes, { inflate: zlibInflater }))).toEqual(old);
});

test("malformed cell tags are refused as a corrupt part, whichever tag reader meets them", async () => {
  const open =
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">';
  const close = "</row></sheetData></worksheet>";
  const cells = [
    '<c r="A1" s="1"/ >',
    '<c r="A1" <v>1</v></c>',
    '<c r="A1" t="s><v>0</v></c>',
    '<c r="A1"><v>1</v></c',
    '<c r="A1"><v>1</v>',
    '<c r="A1" t="s"><v>0</v></x>',
    '<c r="A1"><v>1</v></c><c r="B1"',
    '<c r="A1"><v>1</v></c><c r="B1" t="s"',
  ];
  for (const c of cells) {
    const bytes = await rawXlsx({ dataSheet: open + c + close });
    const refusal = await readWorkbook(bytes).then(
      () => null,
      (e: WorkbookReadError) => ({ code: e.code, part: /sheet1\.xml/.test(e.message) }),
    );
    expect({ c, refusal }).toEqual({ c, refusal: { code: "file.corrupt", part: true } });
  }
});

const text = fc.string({
  unit: fc.constantFrom(
    "a",
    "甲",
    " ",
    "&",
    "<",
    ">",
    '"',
    "'",
    "\n",
    "\r",
    "\t",
    "_",
    "x",
    "😀",
    "%",
    "1",
    "]]>",
  ),
});
const num = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e6, max: 1e6 }),
);
const cell = fc.oneof(
  { weight: 3, arbitrary: text.filter((s) => s.length > 0) },
  { weight: 3, arbitrary: num },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom("#N/A", "#DIV/0!").map((error) => ({ error })) },
  {
    weight: 1,
    arbitrary: fc.record({
      formula: fc.constantFrom("A1+1", "SUM(A1:B2)", 'IF(A1>0,"是","否")', "Sheet1!B2*$C$3"),
      result: fc.oneof(text, num, fc.boolean()),
    }),
  },
  { weight: 3, arbitrary: fc.constant(null) },
);
const sheet = fc.record({
  grid: fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 9 }),
  merges: fc.array(fc.tuple(fc.nat(8), fc.nat(6), fc.nat(2), fc.nat(2)), { maxLength: 2 }),
  pct: fc.boolean(),
  styledEmpty: fc.nat(3),
});

test("random workbooks: the new reader equals the old one", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 3 }), async (sheets) => {
      const wb = new ExcelJS.Workbook();
      sheets.forEach((sh, k) => {
        const ws = wb.addWorksheet(`表${k}`);
        sh.grid.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v === null) return;
            const x = ws.getCell(r + 1, c + 1);
            x.value = v as ExcelJS.CellValue;
            if (sh.pct) x.numFmt = "0.0%";
          }),
        );
        for (let i = 0; i < sh.styledEmpty; i++) ws.getCell(12 + i, 3).numFmt = "0%";
        const used = new Set<string>();
        for (const [r, c, h, w] of sh.merges) {
          const key = `${r},${c}`;
          if (used.has(key)) continue;
          used.add(key);
          try {
            ws.mergeCells(r + 1, c + 1, r + 1 + h, c + 1 + w);
          } catch {
            // overlapping merges are refused by ExcelJS; not what this test is about
          }
        }
      });
      const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      expect(comparable(await readWorkbook(bytes))).toEqual(comparable(await readWorkbookLegacy(bytes)));
    }),
    { numRuns: 80 },
  );
});
