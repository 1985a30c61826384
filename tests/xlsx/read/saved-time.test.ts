// The workbook's own saved time (docProps/core.xml dcterms:modified): what submission timing trusts
// before the file time, because copying or e-mailing a file changes its file time but not this.
import JSZip from "jszip";
import { readWorkbook } from "../../../src/xlsx/read";
import { DEFAULT_LIMITS } from "../../../src/xlsx/limits";
import { readSavedAt } from "../../../src/xlsx/read-book";
import { writeWorkbook } from "../../../src/xlsx/write";

const core = (modified: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  `<dc:creator>张三</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-09-01T01:00:00Z</dcterms:created>` +
  `<dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified></cp:coreProperties>`;

async function withCore(xml: string | null): Promise<Uint8Array> {
  const bytes = await writeWorkbook({ sheets: [{ name: "表", state: "visible", rows: [["a"]] }] });
  const zip = await JSZip.loadAsync(bytes);
  if (xml === null) zip.remove("docProps/core.xml");
  else zip.file("docProps/core.xml", xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

test.each([
  ["2025-10-09T03:04:05Z", "2025-10-09T03:04:05.000Z"],
  ["2025-10-09T11:04:05+08:00", "2025-10-09T03:04:05.000Z"],
  ["2025-10-09T03:04:05.5Z", "2025-10-09T03:04:05.500Z"],
  ["2025-10-09", undefined],
  ["2025-10-09T03:04:05", undefined],
  ["昨天", undefined],
  ["", undefined],
])("dcterms:modified %p -> %p", (text, iso) => {
  expect(readSavedAt(new TextEncoder().encode(core(text)), DEFAULT_LIMITS)).toBe(iso);
});

test("copying the file (a new name and file time) keeps the saved time", async () => {
  const bytes = await withCore(core("2025-10-09T03:04:05Z"));
  const a = await readWorkbook(bytes, { name: "灌南县.xlsx", modified: "2025-10-09T03:05:00.000Z" });
  const b = await readWorkbook(bytes.slice(), { name: "副本.xlsx", modified: "2025-10-20T08:00:00.000Z" });
  expect(a.source?.savedAt).toBe("2025-10-09T03:04:05.000Z");
  expect(b.source?.savedAt).toBe(a.source?.savedAt);
  expect(b.source?.modified).not.toBe(a.source?.modified);
});

test("no or malformed properties part: no saved time, and the workbook still reads", async () => {
  const none = await readWorkbook(await withCore(null), { name: "x.xlsx" });
  expect(none.source).toEqual({ name: "x.xlsx" });
  const bad = await readWorkbook(await withCore("<cp:coreProperties><dcterms:modified>"), { name: "y.xlsx" });
  expect(bad.source?.savedAt).toBeUndefined();
  expect(bad.sheets[0].cells[0][0]).toBe("a");
});
