import ExcelJS from "exceljs";
import type { DataValidation } from "../../../src/core/sheet/types";
import { commentsXml, NOTE_AUTHOR } from "../../../src/xlsx/stream-extras";
import { toXlConditional } from "../../../src/xlsx/write-conditional";
import { toXlHeaderFooter, toXlPageSetup } from "../../../src/xlsx/write-print";
import { SharedStyles, toXlStyle } from "../../../src/xlsx/write-style";
import { toXlValidation } from "../../../src/xlsx/write-validation";
import { CELL_TEXT_MAX, toXlValue } from "../../../src/xlsx/write-value";

describe("toXlValue", () => {
  test.each<[unknown, unknown]>([
    ['=HYPERLINK("http://x","y")', '=HYPERLINK("http://x","y")'],
    ["+1", "+1"],
    ["文字", "文字"],
    [12.5, 12.5],
    [0, 0],
    [Number.NaN, null],
    [Infinity, null],
    [true, true],
    [null, null],
    [undefined, null],
    [{ formula: "SUM(A1:A3)" }, { formula: "SUM(A1:A3)", date1904: false }],
    [
      { formula: "=A1*2", result: 4 },
      { formula: "A1*2", result: 4, date1904: false },
    ],
  ])("%j", (v, expected) => {
    expect(toXlValue(v as never)).toEqual(expected);
  });
  test("a string stays a string for ExcelJS, whatever it starts with", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("s");
    ws.getCell("A1").value = toXlValue("=1+1");
    expect(ws.getCell("A1").type).toBe(ExcelJS.ValueType.String);
  });
  test("over-long text is cut to Excel's cell limit", () => {
    expect((toXlValue("x".repeat(CELL_TEXT_MAX + 5)) as string).length).toBe(CELL_TEXT_MAX);
  });
});

describe("toXlStyle", () => {
  test.each<[object, object]>([
    [{}, {}],
    [
      { bold: true, fontSize: 14, fontColor: "#ff0000" },
      { font: { bold: true, size: 14, color: { argb: "FFFF0000" } } },
    ],
    [{ italic: false, fontName: "宋体" }, { font: { italic: false, name: "宋体" } }],
    [{ fill: "C6EFCE" }, { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" } } }],
    [{ numFmt: "0.0%" }, { numFmt: "0.0%" }],
    [
      { hAlign: "center", vAlign: "middle", wrap: true },
      { alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
    ],
    [{ locked: false }, { protection: { locked: false } }],
    [{ locked: true }, { protection: { locked: true } }],
  ])("%j", (s, expected) => expect(toXlStyle(s)).toEqual(expected));

  test("border: thin on four sides", () => {
    const b = toXlStyle({ border: true }).border!;
    for (const side of ["top", "left", "bottom", "right"] as const) expect(b[side]?.style).toBe("thin");
  });

  test("a later style overrides only what it sets", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("s");
    // Read through a parameter: the office-addins lint rule takes a getCell() result for an Office.js proxy.
    const styleOf = (cell: ExcelJS.Cell) => ({
      font: cell.font,
      alignment: cell.alignment,
      numFmt: cell.numFmt,
      protection: cell.protection,
    });
    const cell = ws.getRow(2).getCell(2);
    const shared = new SharedStyles();
    shared.apply(cell, toXlStyle({ bold: true, hAlign: "center", numFmt: "0", locked: false }));
    shared.apply(cell, toXlStyle({ fontColor: "FF0000", wrap: true }));
    const st = styleOf(cell);
    expect(st.font).toMatchObject({ bold: true, color: { argb: "FFFF0000" } });
    expect(st.alignment).toMatchObject({ horizontal: "center", wrapText: true });
    expect(st.numFmt).toBe("0");
    expect(st.protection).toEqual({ locked: false });
  });

  test("cells whose styles merge alike share one style object; others keep their own", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("s");
    const shared = new SharedStyles();
    const bold = toXlStyle({ bold: true });
    const red = toXlStyle({ fontColor: "FF0000" });
    const cells = [1, 2, 3].map((c) => ws.getRow(1).getCell(c));
    for (const c of cells) shared.apply(c, bold);
    shared.apply(cells[2], red);
    const styles = cells.map((c) => c.style);
    expect(styles[0]).toBe(styles[1]);
    expect(styles[2]).not.toBe(styles[1]);
    expect(styles[1].font).toEqual({ bold: true });
    expect(styles[2].font).toEqual({ bold: true, color: { argb: "FFFF0000" } });
    // A cell styled in the other order reaches the same content, as ExcelJS merged it property by property.
    const [other] = [1].map((c) => ws.getRow(2).getCell(c));
    shared.apply(other, red);
    shared.apply(other, bold);
    const [font] = [other].map((c) => c.style.font);
    expect(font).toEqual({
      color: { argb: "FFFF0000" },
      bold: true,
    });
  });
});

describe("toXlValidation", () => {
  const base = { range: "A2:A9", allowBlank: true, error: { title: "错", message: "错了" } } as const;
  test.each<[Partial<DataValidation>, object]>([
    [
      { type: "list", list: ["是", "否"] },
      { type: "list", formulae: ['"是,否"'] },
    ],
    [
      { type: "list", formula: "srdi_chains" },
      { type: "list", formulae: ["srdi_chains"] },
    ],
    [
      { type: "whole", operator: "between", min: 2013, max: 2025 },
      { type: "whole", operator: "between", formulae: [2013, 2025] },
    ],
    [
      { type: "whole", min: 1, max: 2 },
      { type: "whole", operator: "between", formulae: [1, 2] },
    ],
    [
      { type: "decimal", operator: "greaterThanOrEqual", min: 0 },
      { type: "decimal", operator: "greaterThanOrEqual", formulae: [0] },
    ],
    [
      { type: "decimal", operator: "lessThanOrEqual", max: 9 },
      { type: "decimal", operator: "lessThanOrEqual", formulae: [9] },
    ],
    [
      { type: "textLength", operator: "equal", min: 18 },
      { type: "textLength", operator: "equal", formulae: [18] },
    ],
    [
      { type: "custom", formula: "=ISNUMBER(A2)" },
      { type: "custom", formulae: ["ISNUMBER(A2)"] },
    ],
    [
      { type: "date", operator: "between", min: "2025-01-01", max: "2025-12-31" },
      { type: "date", formulae: [new Date("2025-01-01T00:00:00Z"), new Date("2025-12-31T00:00:00Z")] },
    ],
  ])("%j", (v, expected) => {
    const x = toXlValidation({ ...base, ...v } as DataValidation);
    expect(x).toMatchObject({
      ...expected,
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "错",
      error: "错了",
    });
    expect(x.showInputMessage).toBeUndefined();
  });
  test("prompt and warning style", () => {
    const x = toXlValidation({
      ...base,
      type: "list",
      list: ["a"],
      prompt: { title: "提示", message: "请选择" },
      error: { title: "t", message: "m", style: "warning" },
    });
    expect(x).toMatchObject({
      showInputMessage: true,
      promptTitle: "提示",
      prompt: "请选择",
      errorStyle: "warning",
    });
  });
  test.each<[Partial<DataValidation>, RegExp]>([
    [{ type: "list", list: ["x".repeat(254)] }, /too long/],
    [{ type: "whole", operator: "between", min: 1 }, /bounds/],
    [{ type: "decimal", operator: "greaterThan" }, /bounds/],
  ])("refuses %j", (v, err) =>
    expect(() => toXlValidation({ ...base, ...v } as DataValidation)).toThrow(err),
  );
});

describe("toXlConditional", () => {
  test("expression with fill and font", () => {
    expect(
      toXlConditional(
        {
          range: "C2:C9",
          type: "expression",
          formula: "=$C2<0.8",
          style: { fill: "FFC7CE", fontColor: "9C0006", bold: true },
        },
        3,
      ),
    ).toEqual({
      ref: "C2:C9",
      rules: [
        {
          type: "expression",
          priority: 3,
          formulae: ["$C2<0.8"],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } },
            font: { color: { argb: "FF9C0006" }, bold: true },
          },
        },
      ],
    });
  });
  test("cellIs between keeps both formulas and the operator", () => {
    const x = toXlConditional(
      {
        range: "D2:D9",
        type: "cellIs",
        operator: "between",
        formula: "0",
        formula2: "1",
        style: { fill: "FFEB9C" },
      },
      1,
    );
    expect(x.rules[0]).toMatchObject({ type: "cellIs", operator: "between", formulae: ["0", "1"] });
  });
});

describe("toXlPageSetup", () => {
  test("A4 landscape fitted to width with titles, margins, centring and area", () => {
    expect(
      toXlPageSetup({
        orientation: "landscape",
        paperSize: "A4",
        fitToWidth: true,
        printTitleRows: "1:3",
        printArea: "A1:H40",
        centerHorizontally: true,
        margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7 },
      }),
    ).toEqual({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:3",
      // Rows anchored: ExcelJS would write $A1:$H40, which LibreOffice ignores as a print range.
      printArea: "A$1:H$40",
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    });
  });
  test("not fitted: no fit fields", () => {
    expect(toXlPageSetup({ orientation: "portrait", paperSize: "A4", fitToWidth: false })).toEqual({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: false,
    });
  });
  test("footer centred; none without one", () => {
    expect(
      toXlHeaderFooter({ orientation: "portrait", paperSize: "A4", fitToWidth: true, footer: "第 &P 页" }),
    ).toEqual({
      oddFooter: "&C第 &P 页",
    });
    expect(toXlHeaderFooter({ orientation: "portrait", paperSize: "A4", fitToWidth: true })).toBeUndefined();
  });
});

describe("commentsXml", () => {
  test("each note under its own author (the bureau), one author entry each; none named: the template's", async () => {
    const xml = commentsXml([
      { cell: "A2", text: "预填", author: "连云港市工业和信息化局" },
      { cell: "A3", text: "预填", author: "连云港市工业和信息化局" },
      { cell: "B1", text: "填写提示" },
      { cell: "C1", text: "x", author: "A&B<局>" },
    ]);
    expect(xml).toContain(
      `<authors><author>连云港市工业和信息化局</author><author>${NOTE_AUTHOR}</author><author>A&amp;B&lt;局&gt;</author></authors>`,
    );
    expect([...xml.matchAll(/<comment ref="(\w+)" authorId="(\d)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ["A2", "0"],
      ["A3", "0"],
      ["B1", "1"],
      ["C1", "2"],
    ]);
    expect(xml).not.toContain("<author>Author</author>");
  });
});
