// The reader on what other programs write (issue 21): each finding on a small file made for it and, where
// one exists, on the real file it was found in (tests/xlsx/read/foreign/, from Apache POI's test data).
import fc from "fast-check";
import { readFileSync } from "fs";
import * as path from "path";
import { zipSync, type Zippable } from "fflate";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/core/snapshot";
import { readWorkbook, WorkbookReadError, type ReadWorkbookOptions } from "../../../src/xlsx/read";
import { readCellFormats } from "../../../src/xlsx/read-book";
import { zlibCrc32, zlibInflater } from "../../../src/xlsx/read-inflate-node";
import { DEFAULT_LIMITS } from "../../../src/xlsx/limits";

const real = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, "foreign", name)));

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook of one sheet "数据" (more with `sheets`), zipped by fflate: parts by name, as given. */
function book(
  sheetXml: string,
  o: {
    styles?: string;
    shared?: string;
    extra?: Zippable;
    names?: (n: string) => string;
    stored?: boolean;
  } = {},
): Uint8Array {
  const rels = [
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`,
    o.styles ? `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` : "",
    o.shared ? `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : "",
  ].join("");
  const parts: Record<string, string> = {
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "xl/workbook.xml": `<workbook ${NS} ${NS_R}><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    "xl/worksheets/sheet1.xml": sheetXml,
  };
  if (o.styles) parts["xl/styles.xml"] = o.styles;
  if (o.shared) parts["xl/sharedStrings.xml"] = o.shared;
  const z: Zippable = {};
  const rename = o.names ?? ((n: string) => n);
  for (const [k, v] of Object.entries(parts)) z[rename(k)] = new TextEncoder().encode(v);
  Object.assign(z, o.extra ?? {});
  return zipSync(z, { level: o.stored ? 0 : 6 });
}

const sheet = (rows: string, after = "") =>
  `<worksheet ${NS}><sheetData>${rows}</sheetData>${after}</worksheet>`;

/** Read with fflate and with zlib: the same snapshot, or the same refusal. */
async function read(bytes: Uint8Array, o: ReadWorkbookOptions = {}): Promise<WorkbookSnapshot> {
  const [a, b] = await Promise.allSettled([
    readWorkbook(bytes, o),
    readWorkbook(bytes, { ...o, inflate: zlibInflater, crc32: zlibCrc32 }),
  ]);
  if (a.status === "fulfilled" && b.status === "fulfilled") {
    expect(b.value).toEqual(a.value);
    return a.value;
  }
  const why = (r: PromiseSettledResult<WorkbookSnapshot>) =>
    r.status === "rejected"
      ? { code: (r.reason as WorkbookReadError).code, message: (r.reason as Error).message }
      : r.value;
  expect(why(b)).toEqual(why(a));
  throw (a as PromiseRejectedResult).reason;
}

/** The reader's refusal of the bytes (with fflate and zlib alike). */
const refusal = (bytes: Uint8Array, o: ReadWorkbookOptions = {}): Promise<WorkbookReadError> =>
  read(bytes, o).then(
    () => Promise.reject(new Error("read without refusal")),
    (e: unknown) => (e instanceof WorkbookReadError ? e : Promise.reject(e)),
  );

const first = (s: WorkbookSnapshot): SheetSnapshot => s.sheets[0];

describe("1. a number is never read from text", () => {
  test("a <v> that is not one whole number is text, whatever its digits in front", async () => {
    const cells = ["1,5", "12kg", "abc", "1.5.2", "1e", "--1", " ", "INF", "0x10", "1_000"];
    const plain = cells.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`).join("");
    const typed = cells
      .map((v, i) => `<c r="${String.fromCharCode(65 + i)}2" t="n"><v>${v}</v></c>`)
      .join("");
    const s = first(await read(book(sheet(`<row r="1">${plain}</row><row r="2">${typed}</row>`))));
    expect(s.cells).toEqual([cells, cells]);
  });

  test("whole numbers in every form SpreadsheetML allows are numbers", async () => {
    const cells: [string, number][] = [
      ["12", 12],
      ["-3", -3],
      ["+4", 4],
      ["1.5", 1.5],
      [".5", 0.5],
      ["5.", 5],
      ["1.5E3", 1500],
      ["2e-3", 0.002],
      ["1E+2", 100],
      [" 7 ", 7],
      ["-0", -0],
      ["1234567890123456789", 1.2345678901234568e18],
    ];
    const row = cells.map(([v], i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`).join("");
    const s = first(await read(book(sheet(`<row r="1">${row}</row>`))));
    expect(s.cells[0]).toEqual(cells.map(([, n]) => n));
    expect(Object.is(s.cells[0][10], -0)).toBe(true);
  });

  test("random number-like text: a number exactly when the whole text is one, else the text", async () => {
    // The definition, as a regular expression (test only, on short text): xsd:double without INF and NaN.
    const WHOLE = /^[ \t\n]*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[ \t\n]*$/;
    const unit = fc.constantFrom("1", "0", "9", ".", "e", "E", "+", "-", " ", ",", "k", "\t", "x");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit, minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }),
        async (vs) => {
          const row = vs.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`).join("");
          const got = first(await readWorkbook(book(sheet(`<row r="1">${row}</row>`)))).cells[0] ?? [];
          const want = vs.map((v) => (WHOLE.test(v) ? Number(v) : v));
          expect(got.slice(0, vs.length)).toEqual(want);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("an unknown type is text, in a cell and as a formula's cached value", async () => {
    const s = first(
      await read(
        book(
          sheet(
            '<row r="1"><c r="A1" t="x"><v>12</v></c><c r="B1" t="inlineStr"><f>X!A1</f><v>POI rocks!</v></c>' +
              '<c r="C1" t="n"><f>1+1</f><v>2,0</v></c><c r="D1"><f>1+1</f><v>2</v></c></row>',
          ),
        ),
      ),
    );
    expect(s.cells[0]).toEqual([
      "12",
      { formula: "X!A1", result: "POI rocks!" },
      { formula: "1+1", result: "2,0" },
      { formula: "1+1", result: 2 },
    ]);
  });

  test("POI's 52575_main.xlsx (LibreOffice): the cached text of a formula is read as text", async () => {
    const s = first(await read(real("52575_main.xlsx")));
    const results = s.cells.map((r) => (r[0] as { result: unknown }).result);
    expect(results).toEqual([10, "POI rocks!", true]);
  });
});

/** The bytes with the first occurrence of `from` replaced by `to` (same length). */
function patch(bytes: Uint8Array, from: string, to: string): Uint8Array {
  expect(to.length).toBe(from.length);
  const text = Buffer.from(bytes).toString("latin1");
  const at = text.indexOf(from);
  expect(at).toBeGreaterThan(0);
  const out = bytes.slice();
  out.set(Buffer.from(to, "latin1"), at);
  return out;
}

describe("2. checksums", () => {
  const xml = sheet('<row r="1"><c r="A1"><v>1000</v></c></row>');

  test("a part changed after zipping is refused as corrupt, naming the part", async () => {
    const good = book(xml, { stored: true });
    expect(first(await read(good)).cells).toEqual([[1000]]);
    const e = await refusal(patch(good, "<v>1000</v>", "<v>9000</v>"));
    expect(e.code).toBe("file.corrupt");
    expect(e.message).toContain("xl/worksheets/sheet1.xml");
    expect(e.message).toContain("CRC-32");
  });

  test("a compressed part whose recorded checksum is not its bytes' is refused", async () => {
    const good = book(xml);
    // The checksum in the central directory record of the sheet (16 bytes into it).
    const b = good.slice();
    const at = Buffer.from(b).lastIndexOf("xl/worksheets/sheet1.xml") - 46;
    expect(new DataView(b.buffer).getUint32(at, true)).toBe(0x02014b50);
    b[at + 16] ^= 0xff;
    const e = await refusal(b);
    expect([e.code, e.message.includes("xl/worksheets/sheet1.xml")]).toEqual(["file.corrupt", true]);
  });

  test("parts the reader does not need are not inflated, so not checked", async () => {
    const b = book(xml, { extra: { "xl/media/x.bin": new Uint8Array([1, 2, 3]) }, stored: true });
    expect(first(await read(patch(b, "\x01\x02\x03", "\x03\x02\x01"))).cells).toEqual([[1000]]);
  });
});

describe("3. markup compatibility: the Fallback of mc:AlternateContent, not both branches", () => {
  const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  const alt = (choice: string, fallback: string) =>
    `<mc:AlternateContent ${MC}><mc:Choice xmlns:hs="urn:hs" Requires="hs">${choice}</mc:Choice>` +
    `<mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent>`;
  const styles =
    `<styleSheet ${NS}><numFmts><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs>` +
    '<xf numFmtId="0"/>' +
    alt('<xf numFmtId="3" hs:x="1"/>', '<xf numFmtId="3"/>') +
    alt('<xf numFmtId="0"/><xf numFmtId="0"/>', '<xf numFmtId="0"/>') +
    '<xf numFmtId="164"/></cellXfs></styleSheet>';

  test("style indices after an AlternateContent are those the file means", async () => {
    expect(readCellFormats(new TextEncoder().encode(styles), "xl/styles.xml", DEFAULT_LIMITS)).toEqual([
      undefined,
      undefined,
      undefined,
      "0.0%",
    ]);
    const s = first(
      await read(
        book(sheet('<row r="1"><c r="A1" s="3"><v>0.5</v></c><c r="B1" s="2"><v>7</v></c></row>'), {
          styles,
        }),
      ),
    );
    expect(s.numFmts).toEqual({ A1: "0.0%" });
  });

  test("shared strings wrapped the same way are counted once", async () => {
    const shared = `<sst ${NS}><si><t>甲</t></si>${alt("<si><t>乙+</t></si>", "<si><t>乙</t></si>")}<si><t>丙</t></si></sst>`;
    const row = '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c></row>';
    expect(first(await read(book(sheet(row), { shared }))).cells).toEqual([["乙", "丙"]]);
  });

  test("POI's style-alternate-content.xlsx (Hancom Office): 29 cell formats, as its cellXfs count says", async () => {
    const { unzipSync } = await import("fflate");
    const styles = unzipSync(real("style-alternate-content.xlsx"))["xl/styles.xml"];
    expect(new TextDecoder().decode(styles)).toContain('<x:cellXfs count="29">');
    expect(readCellFormats(styles, "xl/styles.xml", DEFAULT_LIMITS)).toHaveLength(29);
    expect(first(await read(real("style-alternate-content.xlsx"))).cells[1][0]).toBe(
      "사이버서당 무상 콘텐츠 이용 신청서",
    );
  });
});

describe("4. part names as the packaging rules compare them", () => {
  const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>');

  test("two entries whose names differ only in case are refused, like exact duplicates", async () => {
    const twin = book(xml, { extra: { "xl/worksheets/Sheet1.xml": new TextEncoder().encode(xml) } });
    const e = await refusal(twin);
    expect(e.code).toBe("file.corrupt");
    expect(e.message).toMatch(
      /xl\/worksheets\/sheet1\.xml.*xl\/worksheets\/Sheet1\.xml|Sheet1\.xml.*sheet1\.xml/,
    );
    const slash = book(xml, { extra: { "xl\\worksheets\\sheet1.xml": new TextEncoder().encode(xml) } });
    expect((await refusal(slash)).code).toBe("file.corrupt");
  });

  test("backslash separators and names in another case are read", async () => {
    const odd = (n: string) =>
      n.replace(/\//g, "\\").replace("[Content_Types]", "[content_types]").toLowerCase();
    const s = await read(book(xml, { names: odd }));
    expect(first(s).cells).toEqual([[1]]);
  });

  test("POI's 49609.xlsx (backslash paths, lower-case names) is read, not refused", async () => {
    const s = await read(real("49609.xlsx"));
    expect(s.sheets.map((x) => [x.name, x.cells.length, x.cells[0].length])).toEqual([
      ["FAM", 39, 98],
      ["VIC", 39, 98],
    ]);
    expect(s.sheets[0].cells[0].slice(0, 3)).toEqual([null, "Cycle", "A1"]);
    expect(s.sheets[0].cells[1][2]).toBe(11698.2415270953);
  });
});

describe("5. a refusal for a count says which cap was passed", () => {
  test("merged ranges: the cap, the sheet and the first range past it", async () => {
    const merges = Array.from({ length: 4 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join("");
    const e = await refusal(
      book(sheet('<row r="1"><c r="A1"><v>1</v></c></row>', `<mergeCells>${merges}</mergeCells>`)),
      {
        limits: { maxMerges: 3 },
      },
    );
    expect([e.code, e.sheet]).toEqual(["file.over_limit", "数据"]);
    expect(e.message).toBe(
      "合并单元格区域个数超过读取上限(全部工作表共 3 个)，拒绝读取：超出上限的第一个为 A4:B4",
    );
    expect(e.message).not.toContain("解压后过大");
  });

  test("sheets: the cap and the first sheet past it", async () => {
    const wb = `<workbook ${NS} ${NS_R}><sheets>${["甲", "乙", "丙"].map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId1"/>`).join("")}</sheets></workbook>`;
    const e = await refusal(book(sheet(""), { extra: { "xl/workbook.xml": new TextEncoder().encode(wb) } }), {
      limits: { maxSheets: 2 },
    });
    expect(e.code).toBe("file.over_limit");
    expect(e.message).toBe(
      "工作表个数超过读取上限(2 个)，拒绝读取：xl/workbook.xml 列出的第 3 个工作表\u201c丙\u201d超出",
    );
  });

  test("zip entries: the cap and the count", async () => {
    const e = await refusal(book(sheet("")), { limits: { maxEntries: 3 } });
    expect(e.message).toBe("压缩包条目个数超过读取上限(3 个)，拒绝读取：压缩包目录记有 4 个条目");
  });
});

describe("6. dates and escapes", () => {
  const cells = (...v: string[]) =>
    sheet(
      `<row r="1">${v.map((x, i) => `<c r="${String.fromCharCode(65 + i)}1" t="d"><v>${x}</v></c>`).join("")}</row>`,
    );

  test("an ISO date before 1 March 1900 is Excel's serial, which counts 29 February 1900", async () => {
    const s = first(
      await read(
        book(cells("1900-01-01", "1900-02-28T12:00:00", "1900-03-01", "1900-01-01T06:00:00Z", "2025-09-30")),
      ),
    );
    expect(s.cells[0]).toEqual([1, 59.5, 61, 1.25, 45930]);
  });

  test("a time alone is a fraction of a day; a text that is neither is #VALUE!", async () => {
    const s = first(await read(book(cells("13:45:10", "06:00", "T18:00:00.5", "24:00:00", "25:00", "noon"))));
    expect(s.cells[0]).toEqual([
      (13 * 3600 + 45 * 60 + 10) / 86400,
      0.25,
      (18 * 3600 + 0.5) / 86400,
      1,
      { error: "#VALUE!" },
      { error: "#VALUE!" },
    ]);
  });

  test("_xHHHH_ escapes with lower-case hex are decoded, in shared and inline strings", async () => {
    const shared = `<sst ${NS}><si><t>a_x000d_b_x000D_c_x005f_x0041_</t></si></sst>`;
    const row =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x_x000d_y_x00e9_</t></is></c></row>';
    expect(first(await read(book(sheet(row), { shared }))).cells).toEqual([["a\rb\rc_x0041_", "x\ryé"]]);
  });
});

describe("7. shared formulas over whole columns and rows", () => {
  test("B:B and 2:2 move with the dependent cell", async () => {
    const row1 =
      '<row r="1"><c r="A1"><f t="shared" ref="A1:B2" si="0">SUM(B:B)+SUM(2:2)+A1</f><v>1</v></c>' +
      '<c r="B1"><f t="shared" si="0"/><v>1</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>1</v></c></row>';
    const s = first(await read(book(sheet(row1))));
    expect(s.cells.map((r) => r.map((c) => (c as { formula: string } | null)?.formula))).toEqual([
      ["SUM(B:B)+SUM(2:2)+A1", "SUM(C:C)+SUM(2:2)+B1"],
      ["SUM(B:B)+SUM(3:3)+A2", undefined],
    ]);
  });

  test('POI\'s 47804.xlsx (Excel for Mac): CELL("width",B:B ) in B2, C:C in C2 … I:I in I2', async () => {
    const s = first(await read(real("47804.xlsx")));
    expect(s.cells[1].map((c) => (c as { formula: string }).formula)).toEqual(
      ["A", "B", "C", "D", "E", "F", "G", "H", "I"].map((l) => `CELL("width",${l}:${l} )`),
    );
  });
});
