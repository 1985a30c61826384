// CDATA in a return (valid XML, which the reader reads as text) and the marked-up copy: ExcelJS reads a
// CDATA section as nothing, so the copy lost the clerk's text, formulas and list validations until
// annotate wrote each section as character data first (issue 24, item 5).
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { DEFAULT_PLAN } from "../../../src/core/plan/default-plan";
import { readReturnBytes } from "../../../src/core/read/read-bytes";
import { annotateWorkbook, cdataAsText } from "../../../src/xlsx/annotate";
import { readWorkbook } from "../../../src/xlsx/read";

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

function book(): Uint8Array {
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`,
    "_rels/.rels":
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<workbook ${NS}><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/sharedStrings.xml": `<sst ${NS} count="1" uniqueCount="1"><si><t><![CDATA[共享<文本> & "引号"]]></t></si></sst>`,
    "xl/worksheets/sheet1.xml":
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>` +
      '<c r="B1" t="inlineStr"><is><t>前<![CDATA[内联&文本]]>后</t></is></c>' +
      '<c r="C1" t="str"><f><![CDATA[A1&"x"]]></f><v>v</v></c></row></sheetData>' +
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="D1:D9">' +
      '<formula1><![CDATA["是,否"]]></formula1></dataValidation></dataValidations></worksheet>',
  };
  const z: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) z[k] = strToU8(v);
  return zipSync(z);
}

test("cdataAsText: each section as escaped text; comments, other markup and unclosed sections left as they are", () => {
  expect(cdataAsText("<t><![CDATA[a<b>&c]]></t>")).toBe("<t>a&lt;b&gt;&amp;c</t>");
  expect(cdataAsText("<a><![CDATA[1]]><![CDATA[]]>2<![CDATA[3]]></a>")).toBe("<a>123</a>");
  expect(cdataAsText("<!-- <![CDATA[ --><a/><![CDATA[x]]>")).toBe("<!-- <![CDATA[ --><a/>x");
  expect(cdataAsText("<?xml?><!DOCTYPE a><a>no sections</a>")).toBe("<?xml?><!DOCTYPE a><a>no sections</a>");
  expect(cdataAsText("<a><![CDATA[unclosed</a>")).toBe("<a><![CDATA[unclosed</a>");
  expect(cdataAsText("<a><![CDATA[x]]><![CDATA[unclosed")).toBe("<a>x<![CDATA[unclosed");
});

test("the marked-up copy keeps text, formulas and list validations written in CDATA", async () => {
  const bytes = book();
  const snap = await readWorkbook(bytes);
  expect(snap.sheets[0].cells[0]).toEqual([
    '共享<文本> & "引号"',
    "前内联&文本后",
    { formula: 'A1&"x"', result: "v" },
  ]);
  const result = await readReturnBytes(
    { name: "cdata.xlsx", bytes, modified: null },
    (b, s) => readWorkbook(b, s),
    {
      plan: DEFAULT_PLAN,
    },
  );
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load((await annotateWorkbook(bytes, result)) as unknown as ExcelJS.Buffer);
  const ws = copy.getWorksheet("数据")!;
  expect(ws.getCell("A1").value).toBe('共享<文本> & "引号"');
  expect(ws.getCell("B1").value).toBe("前内联&文本后");
  expect(ws.getCell("C1").value).toEqual({ formula: 'A1&"x"', result: "v" });
  expect(ws.getCell("D5").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
});
