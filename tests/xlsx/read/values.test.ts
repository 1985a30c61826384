import ExcelJS from "exceljs";
import { readWorkbook } from "../../../src/xlsx/read";

async function build(f: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  f(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("readWorkbook: cell values as the core expects them", () => {
  test("values, formulas, errors, merges, states, percent formats", async () => {
    const bytes = await build((wb) => {
      const ws = wb.addWorksheet("数据");
      ws.getCell("A1").value = "文本";
      ws.getCell("B1").value = 12.5;
      ws.getCell("C1").value = true;
      ws.getCell("D1").value = new Date(Date.UTC(2025, 8, 30));
      ws.getCell("E1").value = { richText: [{ text: "富" }, { text: "文本", font: { bold: true } }] };
      ws.getCell("F1").value = { text: "链接", hyperlink: "https://example.com" };
      ws.getCell("A2").value = { formula: "B1*2", result: 25, date1904: false };
      ws.getCell("B2").value = { formula: "B1*3", date1904: false };
      ws.getCell("C2").value = { formula: "1/0", result: { error: "#DIV/0!" }, date1904: false };
      ws.getCell("D2").value = { error: "#REF!" };
      ws.getCell("E2").value = 0.45;
      ws.getCell("E2").numFmt = "0%";
      ws.getCell("A4").value = "合并";
      ws.mergeCells("A4:C5");
      ws.getCell("A9").style = { font: { bold: true } }; // styled but empty: not part of the grid
      wb.addWorksheet("隐藏", { state: "hidden" }).getCell("A1").value = 1;
      wb.addWorksheet("_meta", { state: "veryHidden" }).getCell("A1").value = "k";
    });
    const s = await readWorkbook(bytes, { name: "v.xlsx", modified: "2025-10-01T00:00:00.000Z" });
    // savedAt is the workbook's own dcterms:modified, which ExcelJS sets to the time it wrote the file.
    expect(s.source).toEqual({
      name: "v.xlsx",
      modified: "2025-10-01T00:00:00.000Z",
      savedAt: expect.any(String),
    });
    expect(s.sheets.map((x) => [x.name, x.state])).toEqual([
      ["数据", "visible"],
      ["隐藏", "hidden"],
      ["_meta", "veryHidden"],
    ]);
    const d = s.sheets[0];
    expect(d.cells).toHaveLength(4);
    expect(d.cells[0]).toEqual(["文本", 12.5, true, 45930, "富文本", "链接"]);
    expect(d.cells[1]).toEqual([
      { formula: "B1*2", result: 25 },
      { formula: "B1*3", result: undefined },
      { formula: "1/0", result: { error: "#DIV/0!" } },
      { error: "#REF!" },
      0.45,
      null,
    ]);
    expect(d.cells[3]).toEqual(["合并", null, null, null, null, null]);
    expect(d.merges).toEqual(["A4:C5"]);
    expect(d.numFmts).toEqual({ E2: "0%" });
  });

  test("an empty sheet has no cells", async () => {
    const s = await readWorkbook(await build((wb) => wb.addWorksheet("空")));
    expect(s.sheets).toEqual([{ name: "空", state: "visible", cells: [], merges: [] }]);
  });
});
