// Builds the corpus of hostile returns (issue 12): one small file per way a return has been found to
// exhaust memory or time, crash the reader, lose rows without a word or corrupt an output, and the classes
// handled before (zip bomb, entity declarations, wrong file types). Each entry says what must happen:
// a whole-file refusal with one of the codes given, or a read (the file is a return whose problems are
// row and cell issues). Used by hostile.test.ts; `buildCorpus(dir)` writes the files into dir.
import { writeFileSync } from "fs";
import * as path from "path";
import { deflateRawSync, crc32 } from "zlib";
import { unzipSync } from "fflate";
import { columnLetter } from "../../src/core/a1";
import type { CellValue } from "../../src/core/sheet/types";
import { writeWorkbook } from "../../src/xlsx/write";
import { enterprise, ENT, filledDesc, USCC } from "../read/fixtures";

export interface HostileFile {
  name: string;
  /** Refused as a whole with one of these codes; or "read": read, its issues located in cells. */
  expect: string[] | "read";
  /** For "read": at least this many data rows read. */
  minRows?: number;
}

type Entries = [name: string, data: Uint8Array | string, opts?: { localName?: string; store?: boolean }][];

const enc = new TextEncoder();
const bytesOf = (d: Uint8Array | string) => (typeof d === "string" ? enc.encode(d) : d);

/** A zip writer that can also lie (a local header naming another file). */
export function zip(entries: Entries): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data, o] of entries) {
    const raw = bytesOf(data);
    const comp = o?.store ? raw : new Uint8Array(deflateRawSync(raw));
    const method = o?.store ? 0 : 8;
    const crc = crc32(raw);
    const cname = enc.encode(name);
    const lname = enc.encode(o?.localName ?? name);
    const lh = new Uint8Array(30 + lname.length);
    const lv = new DataView(lh.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, comp.length, true);
    lv.setUint32(22, raw.length, true);
    lv.setUint16(26, lname.length, true);
    lh.set(lname, 30);
    const ch = new Uint8Array(46 + cname.length);
    const cv = new DataView(ch.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, comp.length, true);
    cv.setUint32(24, raw.length, true);
    cv.setUint16(28, cname.length, true);
    cv.setUint32(42, offset, true);
    ch.set(cname, 46);
    locals.push(lh, comp);
    centrals.push(ch);
    offset += lh.length + comp.length;
  }
  const dirSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  const count = Math.min(entries.length, 0xffff);
  ev.setUint16(8, count, true);
  ev.setUint16(10, count, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const all = [...locals, ...centrals, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL_WS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

/** A bare workbook: sheets [name, xml]; several sheets may share one part (`part`). */
function book(sheets: { name: string; xml?: string; part?: number }[], extra: Entries = []): Uint8Array {
  const wb =
    `<?xml version="1.0"?><workbook ${NS} ${NS_R}><sheets>` +
    sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${s.part ?? i + 1}"/>`)
      .join("") +
    "</sheets></workbook>";
  const parts = sheets.filter((s) => s.xml !== undefined);
  const rels =
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    parts
      .map(
        (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_WS}" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join("") +
    "</Relationships>";
  return zip([
    ["xl/workbook.xml", wb],
    ["xl/_rels/workbook.xml.rels", rels],
    ...parts.map((s, i): Entries[number] => [`xl/worksheets/sheet${i + 1}.xml`, s.xml!]),
    ...extra,
  ]);
}

const sheetXml = (inner: string, after = "") =>
  `<worksheet ${NS}><sheetData>${inner}</sheetData>${after}</worksheet>`;

/** The parts of a good return as text, to patch; and back to a zip. */
async function goodReturnParts(rows?: CellValue[][]): Promise<Map<string, Uint8Array>> {
  const bytes = await writeWorkbook(filledDesc(rows ? { enterprises: rows } : {}));
  return new Map(Object.entries(unzipSync(bytes)));
}
const rezip = (parts: Map<string, Uint8Array>) => zip([...parts].map(([n, d]): Entries[number] => [n, d]));
const text = (parts: Map<string, Uint8Array>, name: string) => new TextDecoder().decode(parts.get(name)!);
/** The zip path of a sheet of the good return, by its name. */
function sheetPath(parts: Map<string, Uint8Array>, sheet: string): string {
  const wb = text(parts, "xl/workbook.xml");
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const rels = text(parts, "xl/_rels/workbook.xml.rels");
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  return ("xl/" + (target[1] ?? target[2])).replace("xl//xl/", "xl/").replace(/^xl\/\/?/, "xl/");
}

const xmlText = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The good return with its 企业名录 data rows replaced by `rows`, written as XML directly (ExcelJS takes
 * minutes for 50,000 rows on a busy machine); `shared` is one string added to the shared strings and
 * written by index wherever a row holds it.
 */
function withRows(good: Map<string, Uint8Array>, rows: CellValue[][], shared?: string): Uint8Array {
  const p = new Map(good);
  const ent = sheetPath(p, ENT);
  const xml = text(p, ent);
  let index = -1;
  if (shared !== undefined) {
    const ss = text(p, "xl/sharedStrings.xml");
    index = (ss.match(/<si>/g) ?? []).length;
    p.set(
      "xl/sharedStrings.xml",
      enc.encode(ss.replace("</sst>", `<si><t>${xmlText(shared)}</t></si></sst>`)),
    );
  }
  const header = /<row r="1"[\s\S]*?<\/row>/.exec(xml)![0];
  const body = rows.map((row, i) => {
    const r = i + 2;
    const cells = row.map((v, c) => {
      if (v === null || typeof v === "object") return "";
      const ref = `${columnLetter(c)}${r}`;
      if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
      if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
      if (v === shared) return `<c r="${ref}" t="s"><v>${index}</v></c>`;
      return `<c r="${ref}" t="inlineStr"><is><t>${xmlText(v)}</t></is></c>`;
    });
    return `<row r="${r}">${cells.join("")}</row>`;
  });
  const out = xml.replace(
    /<sheetData>[\s\S]*<\/sheetData>/,
    `<sheetData>${header}${body.join("")}</sheetData>`,
  );
  p.set(ent, enc.encode(out));
  return rezip(p);
}

export async function buildCorpus(dir: string): Promise<HostileFile[]> {
  const out: HostileFile[] = [];
  const put = (name: string, bytes: Uint8Array, expect: HostileFile["expect"], minRows?: number) => {
    writeFileSync(path.join(dir, name), bytes);
    out.push({ name, expect, minRows });
  };

  // Memory: sparse sheets, one part listed many times, many zip entries.
  const sparse = Array.from({ length: 400 }, (_, i) => ({
    name: `S${i}`,
    xml: sheetXml('<row r="100000"><c r="A100000"><v>1</v></c></row>'),
  }));
  put("sparse-400-sheets.xlsx", book(sparse), ["file.too_many_rows", "file.over_limit"]);
  const one = sheetXml('<row r="100000"><c r="A100000"><v>1</v></c></row>');
  put(
    "one-part-20000-times.xlsx",
    book(
      Array.from({ length: 20000 }, (_, i) => ({ name: `T${i}`, xml: i === 0 ? one : undefined, part: 1 })),
    ),
    ["file.over_limit", "file.corrupt"],
  );
  put(
    "one-part-twice.xlsx",
    book([
      { name: "A", xml: one, part: 1 },
      { name: "B", part: 1 },
    ]),
    ["file.corrupt"],
  );
  const many: Entries = Array.from({ length: 20000 }, (_, i): Entries[number] => [
    `x/${i}`,
    "",
    { store: true },
  ]);
  put("zip-20000-entries.xlsx", book([{ name: "A", xml: sheetXml("") }], many), ["file.over_limit"]);

  // Stack traces before: a cell outside any row, a merge past the sheet.
  put("cell-before-row.xlsx", book([{ name: "A", xml: sheetXml('<c r="A1"><v>1</v></c>') }]), [
    "file.corrupt",
  ]);
  put(
    "merge-to-row-4e9.xlsx",
    book([
      {
        name: "A",
        xml: sheetXml(
          '<row r="1"><c r="A1"><v>1</v></c></row>',
          '<mergeCells><mergeCell ref="A1:B4000000000"/></mergeCells>',
        ),
      },
    ]),
    ["file.corrupt"],
  );

  // CPU: deep nesting, huge and many merges, a long shared formula, runs of spaces.
  put(
    "nested-330k.xlsx",
    book([{ name: "A", xml: sheetXml("<x>".repeat(330000) + "</x>".repeat(330000)) }]),
    ["file.corrupt", "file.too_large"],
  );
  put("nested-1000.xlsx", book([{ name: "A", xml: sheetXml("<x>".repeat(1000) + "</x>".repeat(1000)) }]), [
    "file.corrupt",
  ]);
  const bigMerges = Array.from({ length: 1000 }, (_, i) => `<mergeCell ref="A${i + 1}:B16000000"/>`).join("");
  put(
    "merges-1000-to-row-16M.xlsx",
    book([
      {
        name: "A",
        xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', `<mergeCells>${bigMerges}</mergeCells>`),
      },
    ]),
    ["file.corrupt"],
  );
  const wholeMerges = Array.from({ length: 1000 }, () => `<mergeCell ref="A1:XFD1048576"/>`).join("");
  put(
    "merges-1000-whole-sheet.xlsx",
    book([
      {
        name: "A",
        xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', `<mergeCells>${wholeMerges}</mergeCells>`),
      },
    ]),
    ["file.over_limit", "form.unknown"],
  );
  const small = [];
  for (let i = 0; i < 2_000_000; i++) small.push(`<mergeCell ref="A${i + 1}:B${i + 1}"/>`);
  put(
    "merges-2M-small.xlsx",
    book([{ name: "A", xml: sheetXml("", `<mergeCells>${small.join("")}</mergeCells>`) }]),
    ["file.over_limit"],
  );
  put(
    "formula-900k.xlsx",
    book([
      {
        name: "A",
        xml: sheetXml(
          `<row r="1"><c r="A1"><f t="shared" si="0" ref="A1:A2">${"a-".repeat(450000)}</f><v>1</v></c><c r="A2"><f t="shared" si="0"/><v>1</v></c></row>`,
        ),
      },
    ]),
    ["file.corrupt"],
  );
  const dependents = Array.from(
    { length: 5000 },
    (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><f t="shared" si="0"/><v>1</v></c></row>`,
  ).join("");
  put(
    "formula-8k-5000-dependents.xlsx",
    book([
      {
        name: "A",
        xml: sheetXml(
          `<row r="1"><c r="A1"><f t="shared" si="0" ref="A1:A5001">${"a-".repeat(4000)}B1</f><v>1</v></c></row>${dependents}`,
        ),
      },
    ]),
    ["form.unknown"],
  );
  put(
    "text-200k-chars.xlsx",
    book([
      {
        name: "A",
        xml: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>x${" ".repeat(200000)}y</t></is></c></row>`),
      },
    ]),
    ["file.corrupt"],
  );
  put(
    "entities-many-amps.xlsx",
    book([
      {
        name: "A",
        xml: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${"&amp".repeat(8000)};</t></is></c></row>`),
      },
    ]),
    ["form.unknown"],
  );

  // Handled before: bomb, DTD and entities, not a workbook.
  put(
    "zip-bomb.xlsx",
    book([{ name: "A", xml: sheetXml("") }], [["xl/media/zeros.bin", new Uint8Array(64 * 1024 * 1024)]]),
    ["file.too_large"],
  );
  put(
    "entity-expansion.xlsx",
    book([
      {
        name: "A",
        xml:
          `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>` +
          sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>'),
      },
    ]),
    ["file.corrupt"],
  );
  put(
    "external-entity.xlsx",
    book([
      {
        name: "A",
        xml:
          `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>` +
          sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row>'),
      },
    ]),
    ["file.corrupt"],
  );
  put("csv.xlsx", enc.encode("企业名称,统一社会信用代码\n甲,1\n"), ["file.not_workbook"]);
  put("empty.xlsx", new Uint8Array(0), ["file.empty"]);
  put("truncated.xlsx", book([{ name: "A", xml: sheetXml("") }]).subarray(0, 100), ["file.corrupt"]);

  // Rows lost without a word before: two sheets of one name; a zip whose two records disagree.
  const good = await goodReturnParts();
  {
    const p = new Map(good);
    const wb = text(p, "xl/workbook.xml").replace(/(<sheet [^>]*name=")填报说明"/, `$1${ENT}"`);
    p.set("xl/workbook.xml", enc.encode(wb));
    put("two-sheets-named-enterprises.xlsx", rezip(p), ["file.corrupt"]);
  }
  {
    const entries = [...good].map(([n, d]): Entries[number] => [
      n,
      d,
      n === sheetPath(good, ENT) ? { localName: "xl/worksheets/other.xml" } : undefined,
    ]);
    put("local-header-mismatch.xlsx", zip(entries), ["file.corrupt"]);
  }
  {
    // A merge across two data rows: the row under it is listed (rejected), not dropped.
    const p = new Map(good);
    const ent = sheetPath(p, ENT);
    let x = text(p, ent);
    x = x.includes("<mergeCells")
      ? x.replace(
          /<mergeCells count="(\d+)">/,
          (_, n) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="A2:AF3"/>`,
        )
      : x.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A2:AF3"/></mergeCells>');
    p.set(ent, enc.encode(x));
    put("merged-data-rows.xlsx", rezip(p), "read", 2);
  }
  {
    // Formula injection and control characters in text: read as text, escaped in output.
    const p = new Map(good);
    const ss = text(p, "xl/sharedStrings.xml").replace(
      "第二家企业有限公司",
      "=HYPERLINK(&quot;http://x&quot;)\u001b[31m\u0007&#xFFFF;",
    );
    p.set("xl/sharedStrings.xml", enc.encode(ss));
    put("injection-and-controls.xlsx", rezip(p), "read", 2);
    // The same with control characters in a sheet name and in the file's own name.
    const wb = text(p, "xl/workbook.xml").replace(/name="填报说明"/, 'name="填报\u001b]0;x\u0007说明"');
    p.set("xl/workbook.xml", enc.encode(wb));
    put("ctl-\u001b[31m-name.xlsx", rezip(p), "read", 2);
  }
  // 40,000 issues quoting one 30,000-character string (one shared string, 40,000 cells).
  {
    const long = "长".repeat(30000);
    const rows = Array.from({ length: 40000 }, (_, i) =>
      enterprise({ uscc: USCC[i % 4], name: i === 0 ? "甲" : "乙", innovative_year: long }),
    );
    put("40000-issues-long-value.xlsx", withRows(good, rows, long), "read", 40000);
  }
  // Caps count data: a county's 50,000 enterprises are read.
  put(
    "50000-rows.xlsx",
    withRows(
      good,
      Array.from({ length: 50000 }, () => enterprise()),
    ),
    "read",
    50000,
  );
  return out;
}
