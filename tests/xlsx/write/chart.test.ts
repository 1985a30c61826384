import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import * as path from "path";
import type { ChartDescription, WorkbookDescription } from "../../../src/core/sheet/types";
import { addOverrides, insertDrawing, parseRels, sheetParts } from "../../../src/xlsx/chart-part";
import {
  anchorOf,
  chartRef,
  chartXml,
  drawingXml,
  numFmtAt,
  rangeCells,
  relsXml,
  xmlEscape,
} from "../../../src/xlsx/chart-xml";
import { writeWorkbook } from "../../../src/xlsx/write";
import { inspectBytes, PYTHON } from "./inspect";

const rows = [
  ["单位", "完成率", "序时进度"],
  ["连云区", 0.8, 0.75],
  ["海州区<&>", { formula: "B2*1.2", result: 0.96 }, 0.75],
  ["赣榆区", null, 0.75],
];
const column: ChartDescription = {
  type: "column",
  title: "各地完成情况",
  categories: "A2:A4",
  series: [
    { name: "完成率", values: "B2:B4" },
    { name: "序时进度", values: "C2:C4" },
  ],
  anchor: { cell: "E2", widthCols: 8, heightRows: 16 },
};

describe("chart-xml pieces", () => {
  test.each([
    ["A2:A4", ["连云区", "海州区<&>", "赣榆区"]],
    ["A1:C1", ["单位", "完成率", "序时进度"]],
    ["B9:B10", [null, null]],
  ])("rangeCells %s", (r, expected) => expect(rangeCells(rows, r)).toEqual(expected));

  test.each([
    ["数据", "A2:A4", "'数据'!$A$2:$A$4"],
    ["It's", "B3", "'It''s'!$B$3"],
  ])("chartRef(%s, %s)", (s, r, expected) => expect(chartRef(s, r)).toBe(expected));

  test("xmlEscape drops characters XML cannot carry", () => {
    expect(xmlEscape("a<b>&\"'\u0001c")).toBe("a&lt;b&gt;&amp;&quot;&apos;c");
  });

  test.each<[ChartDescription["type"], RegExp[]]>([
    ["column", [/<c:barDir val="col"\/>/, /<c:grouping val="clustered"\/>/, /<c:axPos val="b"\/>/]],
    ["bar", [/<c:barDir val="bar"\/>/, /<c:orientation val="maxMin"\/>/, /<c:crosses val="max"\/>/]],
    ["line", [/<c:lineChart>/, /<c:marker val="1"\/>/]],
  ])("%s chart", (type, patterns) => {
    const xml = chartXml({ ...column, type }, "通报", rows);
    for (const p of patterns) expect(xml).toMatch(p);
    expect(xml).toContain("<a:t>各地完成情况</a:t>");
    expect(xml).toContain("<c:f>&apos;通报&apos;!$A$2:$A$4</c:f>");
    expect(xml).toContain("<c:f>&apos;通报&apos;!$C$2:$C$4</c:f>");
    expect(xml.match(/<c:ser>/g)).toHaveLength(2);
    expect(xml).toContain('<c:pt idx="1"><c:v>海州区&lt;&amp;&gt;</c:v></c:pt>');
    // formula results are cached; blanks are left out of the cache
    expect(xml).toContain('<c:pt idx="1"><c:v>0.96</c:v></c:pt>');
    expect(xml).not.toContain('<c:pt idx="2"><c:v>null');
    expect(xml).toContain('<a:ea typeface="Microsoft YaHei"/>');
  });

  test.each([
    [[], "B2:B4", "General"],
    [[{ range: "B2:C4", style: { numFmt: "0.0%" } }], "B2:B4", "0.0%"],
    [
      [
        { range: "B2:C4", style: { numFmt: "0.0%" } },
        { range: "B2", style: { bold: true } },
      ],
      "B2:B4",
      "0.0%",
    ],
    [[{ range: "C2:C4", style: { numFmt: "0.0%" } }], "B2:B4", "General"],
  ])("numFmtAt %#", (styles, range, fmt) => {
    expect(numFmtAt(styles, range)).toBe(fmt);
    const xml = chartXml(column, "s", rows, styles);
    expect(xml).toContain(`<c:formatCode>${fmt}</c:formatCode>`);
    expect(xml).toContain(`<c:numFmt formatCode="${fmt}" sourceLinked="0"/>`);
  });

  test("drawing anchors a frame per chart between two cells", () => {
    const xml = drawingXml([
      anchorOf(column, "rId1"),
      anchorOf({ ...column, anchor: { cell: "B20", widthCols: 3, heightRows: 4 } }, "rId2"),
    ]);
    expect(xml.match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    expect(xml).toContain("<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>");
    expect(xml).toContain("<xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row>");
    expect(xml).toContain('r:id="rId2"');
  });

  test("rels round trip", () => {
    const rels = [{ id: "rId1", type: "t", target: "../charts/chart1.xml" }];
    expect(parseRels(relsXml(rels))).toEqual(rels);
  });

  test("sheetParts maps names (escaped) to parts", () => {
    const wb = `<workbook><sheets><sheet sheetId="1" name="A&amp;B" state="visible" r:id="rId3"/><sheet sheetId="2" name="通报" r:id="rId4"/></sheets></workbook>`;
    const rels = relsXml([
      { id: "rId3", type: "ws", target: "worksheets/sheet1.xml" },
      { id: "rId4", type: "ws", target: "/xl/worksheets/sheet2.xml" },
    ]);
    expect([...sheetParts(wb, rels)]).toEqual([
      ["A&B", "xl/worksheets/sheet1.xml"],
      ["通报", "xl/worksheets/sheet2.xml"],
    ]);
  });

  test.each([
    [
      '<worksheet xmlns:r="x"><sheetData/><pageSetup/><legacyDrawing r:id="rId1"/></worksheet>',
      '<worksheet xmlns:r="x"><sheetData/><pageSetup/><drawing r:id="rId2"/><legacyDrawing r:id="rId1"/></worksheet>',
    ],
    [
      '<worksheet xmlns:r="x"><sheetData/><tableParts count="0"/><extLst/></worksheet>',
      '<worksheet xmlns:r="x"><sheetData/><drawing r:id="rId2"/><tableParts count="0"/><extLst/></worksheet>',
    ],
    [
      "<worksheet><sheetData/></worksheet>",
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><drawing r:id="rId2"/></worksheet>',
    ],
  ])("insertDrawing keeps the element order %#", (input, expected) => {
    expect(insertDrawing(input, "rId2")).toBe(expected);
  });

  test("content type overrides are appended", () => {
    expect(addOverrides("<Types><Default/></Types>", [{ part: "xl/charts/chart1.xml", type: "ct" }])).toBe(
      '<Types><Default/><Override PartName="/xl/charts/chart1.xml" ContentType="ct"/></Types>',
    );
  });
});

describe("writeWorkbook with charts", () => {
  const desc: WorkbookDescription = {
    sheets: [
      { name: "说明", state: "visible", rows: [["无图"]] },
      {
        name: "通报",
        state: "visible",
        rows,
        notes: [{ cell: "A1", text: "批注也要在" }],
        protection: { protected: true },
        charts: [
          column,
          {
            ...column,
            type: "bar",
            title: "第二张图",
            anchor: { cell: "E20", widthCols: 8, heightRows: 14 },
          },
        ],
      },
    ],
  };
  let bytes: Uint8Array;
  let zip: JSZip;
  beforeAll(async () => {
    bytes = await writeWorkbook(desc);
    zip = await JSZip.loadAsync(bytes);
  });
  const text = (p: string) => zip.file(p)!.async("string");

  test("parts, rels and content types are in place", async () => {
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/charts/chart2.xml",
        "xl/drawings/drawing1.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
      ]),
    );
    const ct = await text("[Content_Types].xml");
    expect(ct).toContain(
      'PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"',
    );
    expect(ct).toContain(
      'PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"',
    );
    const sheetRels = parseRels(await text("xl/worksheets/_rels/sheet2.xml.rels"));
    const drawingRel = sheetRels.find((r) => r.type.endsWith("/drawing"));
    expect(drawingRel?.target).toBe("../drawings/drawing1.xml");
    // the notes' rels written by ExcelJS are kept
    expect(sheetRels.some((r) => r.type.endsWith("/comments"))).toBe(true);
    expect(new Set(sheetRels.map((r) => r.id)).size).toBe(sheetRels.length);
    const sheetXml = await text("xl/worksheets/sheet2.xml");
    expect(sheetXml).toContain(`<drawing r:id="${drawingRel!.id}"/>`);
    expect(sheetXml.indexOf("<drawing ")).toBeLessThan(sheetXml.indexOf("<legacyDrawing"));
    expect(await text("xl/worksheets/sheet1.xml")).not.toContain("<drawing");
    expect(parseRels(await text("xl/drawings/_rels/drawing1.xml.rels")).map((r) => r.target)).toEqual([
      "../charts/chart1.xml",
      "../charts/chart2.xml",
    ]);
  });

  test("every XML part is well-formed and openpyxl still reads the workbook", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "srdi-chart-"));
    try {
      const names = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
      for (const [i, n] of names.entries()) writeFileSync(path.join(dir, `${i}.xml`), await text(n));
      const r = spawnSync(
        PYTHON,
        [
          "-c",
          "import sys, xml.dom.minidom as m\nfor f in sys.argv[1:]: m.parse(f)",
          ...names.map((_, i) => path.join(dir, `${i}.xml`)),
        ],
        { encoding: "utf8" },
      );
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const x = inspectBytes(bytes, ["通报!A3"]);
    expect(x.sheets).toEqual(["说明", "通报"]);
    expect(x.cells["通报!A3"].value).toBe("海州区<&>");
  });

  const soffice = spawnSync("sh", ["-c", "command -v libreoffice"], { encoding: "utf8" }).stdout.trim();
  (soffice ? test : test.skip)(
    "LibreOffice renders the chart (title and axis labels appear in the PDF)",
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), "srdi-chart-lo-"));
      try {
        const file = path.join(dir, "chart.xlsx");
        writeFileSync(file, bytes);
        // Own profile: another LibreOffice running on the machine must not take the conversion.
        const r = spawnSync(
          soffice,
          [
            `-env:UserInstallation=file://${dir}/profile`,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir,
            file,
          ],
          { encoding: "utf8", timeout: 120000 },
        );
        expect(r.status).toBe(0);
        const t = spawnSync("pdftotext", [path.join(dir, "chart.pdf"), "-"], { encoding: "utf8" });
        expect(t.stdout).toContain("各地完成情况");
        expect(t.stdout).toContain("第二张图");
        // category labels appear in the table and again on both charts' axes
        expect(t.stdout.split("连云区").length - 1).toBeGreaterThanOrEqual(3);
        expect(readFileSync(path.join(dir, "chart.pdf")).length).toBeGreaterThan(1000);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
