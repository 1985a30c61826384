import JSZip from "jszip";
import { readWorkbook, WorkbookReadError } from "../../../src/xlsx/read";
import { writeWorkbook } from "../../../src/xlsx/write";
import { templateDesc } from "../../read/fixtures";

async function refusal(
  bytes: Uint8Array,
  limits?: Parameters<typeof readWorkbook>[1],
): Promise<WorkbookReadError> {
  try {
    await readWorkbook(bytes, limits);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error("read without refusal");
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
function cfb(extra: string): Uint8Array {
  const b = new Uint8Array(4096);
  b.set(CFB);
  for (let i = 0; i < extra.length; i++) b[1024 + i * 2] = extra.charCodeAt(i); // UTF-16LE directory name
  return b;
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  "</Types>";

/** A minimal workbook with one sheet whose XML is given, zipped by jszip. */
async function minimalXlsx(
  sheetXml: string | Uint8Array,
  extra: Record<string, Uint8Array> = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", CONTENT_TYPES);
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    "xl/workbook.xml",
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
      '<sheet name="大表" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  zip.file("xl/worksheets/sheet1.xml", sheetXml);
  for (const [k, v] of Object.entries(extra)) zip.file(k, v);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

function sheetXml(rows: number): string {
  const parts = [
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}

describe("files that are not usable workbooks are refused with a code", () => {
  test.each<[string, () => Uint8Array, string]>([
    ["empty file", () => new Uint8Array(0), "file.empty"],
    [
      "random bytes",
      () => Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919 + 13) % 251),
      "file.not_workbook",
    ],
    [
      "HTML saved as .xls",
      () => new TextEncoder().encode("<html><table><tr><td>1</td></tr></table></html>"),
      "file.not_workbook",
    ],
    ["CSV", () => new TextEncoder().encode("企业名称,统一社会信用代码\n甲,1\n"), "file.not_workbook"],
    ["legacy .xls (OLE without encryption streams)", () => cfb("Workbook"), "file.xls"],
    ["encrypted .xlsx (OLE with EncryptedPackage)", () => cfb("EncryptedPackage"), "file.encrypted"],
    ["encrypted .xlsx (OLE with EncryptionInfo)", () => cfb("EncryptionInfo"), "file.encrypted"],
    ["bare BIFF", () => Uint8Array.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06]), "file.xls"],
  ])("%s", async (_, make, code) => {
    const e = await refusal(make());
    expect(e.code).toBe(code);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test("a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w/>");
    const e = await refusal(await zip.generateAsync({ type: "uint8array" }));
    expect(e.code).toBe("file.not_workbook");
  });

  test("a truncated workbook is corrupt", async () => {
    const bytes = await writeWorkbook(templateDesc());
    const e = await refusal(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(e.code).toBe("file.corrupt");
  });
});

describe("bounds: refused before ExcelJS unpacks anything, and fast", () => {
  test("zip bomb by compression ratio (64 MB of zeros)", async () => {
    const bytes = await minimalXlsx(sheetXml(1), { "xl/media/zeros.bin": new Uint8Array(64 * 1024 * 1024) });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const t0 = Date.now();
    const e = await refusal(bytes);
    expect(e.code).toBe("file.too_large");
    expect(e.message).toContain("压缩比");
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  test("a zip whose directory lies about sizes is caught while inflating", async () => {
    const bytes = await minimalXlsx(sheetXml(1), { "xl/media/zeros.bin": new Uint8Array(16 * 1024 * 1024) });
    // Rewrite the declared uncompressed size (local header +22, central directory +24) to 1000 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = new TextEncoder().encode("xl/media/zeros.bin");
    const at = (sig: number, nameOffset: number, sizeOffset: number) => {
      for (let i = 0; i < bytes.length - 4; i++) {
        if (view.getUint32(i, true) !== sig) continue;
        if (name.every((b, k) => bytes[i + nameOffset + k] === b)) view.setUint32(i + sizeOffset, 1000, true);
      }
    };
    at(0x04034b50, 30, 22);
    at(0x02014b50, 46, 24);
    const e = await refusal(bytes);
    expect(e.code).toBe("file.too_large");
  });

  test("total uncompressed size cap", async () => {
    const bytes = await writeWorkbook(templateDesc());
    const e = await refusal(bytes, { limits: { maxTotalBytes: 1024 * 1024 } });
    expect(e.code).toBe("file.too_large");
  });

  test("a sheet with 1,000,000 rows is refused naming the sheet, in bounded time and memory", async () => {
    const bytes = await minimalXlsx(sheetXml(1_000_000));
    if (global.gc) global.gc();
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = Date.now();
    const e = await refusal(bytes);
    const ms = Date.now() - t0;
    const heapMb = (process.memoryUsage().heapUsed - heap0) / 1024 / 1024;
    expect(e.code).toBe("file.too_many_rows");
    expect(e.sheet).toBe("大表");
    expect(e.message).not.toContain("大表"); // where travels in e.sheet; each view shows it once
    expect(ms).toBeLessThan(3000);
    // Reported by the suite, for the record (compressed size, time, heap growth).
    console.log(
      `1M-row sheet: ${(bytes.length / 1024 / 1024).toFixed(1)} MB zipped, refused in ${ms} ms, heap +${heapMb.toFixed(0)} MB`,
    );
  });

  test("a sheet within the row cap but over a lowered cap", async () => {
    const bytes = await minimalXlsx(sheetXml(50));
    expect((await refusal(bytes, { limits: { maxRows: 49 } })).code).toBe("file.too_many_rows");
    expect((await refusal(bytes, { limits: { maxCells: 49 } })).code).toBe("file.too_many_rows");
    const ok = await readWorkbook(bytes, { limits: { maxRows: 50 } });
    expect(ok.sheets[0].cells).toHaveLength(50);
  });
});
