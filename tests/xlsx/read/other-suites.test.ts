// Returns other office suites wrote (issue 24, item 5). A clerk fills the template `srdi template` wrote
// and saves it in LibreOffice or WPS: the return must read, keep its validation and self-check as the
// file Excel would have saved. LibreOffice's save is made here (soffice --convert-to xlsx); WPS is not on
// this machine, so its reported quirks are crafted into the same return: a sheet dimension of A1:A1 while
// the data runs further, data-validation formulas whose quotes are escaped another way, and the metadata
// parts WPS adds (docProps/custom.xml, customXml/ items, xl/cellimages.xml).
// Needs `npm run build:cli` (the template is written by the CLI) and LibreOffice (soffice).
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { DEFAULT_PLAN } from "../../../src/core/plan/default-plan";
import { currentForm } from "../../../src/core/form/versions";
import { readReturnBytes } from "../../../src/core/read/read-bytes";
import type { ReturnResult } from "../../../src/core/read/types";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { columnLetter } from "../../../src/core/a1";
import { annotateWorkbook } from "../../../src/xlsx/annotate";
import { readWorkbook } from "../../../src/xlsx/read";

const ROOT = path.join(__dirname, "..", "..", "..");
const BIN = path.join(ROOT, "bin", "srdi.js");
const PY = "/usr/bin/python3";
const dir = mkdtempSync(path.join(os.tmpdir(), "srdi-suites-"));
const at = (name: string) => path.join(dir, name);
const FORM = currentForm(DEFAULT_PLAN);

/** A valid 企业名录 row by field key. */
const BASE: Record<string, ExcelJS.CellValue> = {
  name: "连云港示例科技有限公司",
  uscc: "91110000600037341L",
  chain: "生物医药",
  above_scale: "是",
  pool: "是",
  innovative_year: 2023,
  provincial_srdi_year: 2024,
  revenue: 12000,
  main_revenue: 11000,
  rd_expense: 700,
  patents: 12,
  invention_patents: 3,
  rd_institution: "市级",
  cnc_rate: 55,
  digital_mgmt: "是",
  digital_rd_tools: "否",
  transformation: "是",
  free_diagnosis: "是",
  integration_std: "否",
  cloud_star: "三星级",
  cloud_star_year: 2024,
  smart_workshops: 1,
  smart_workshops_new: 0,
  ip_standard: "是",
  quality_award: "无",
  ipo_reserve: "否",
  srdi_board: "否",
  listed: "否",
  service_officer: "张三",
};

/** The rows the clerk types: good ones and the defects a self-check must find, whatever saved them. */
const ROWS: Record<string, ExcelJS.CellValue>[] = [
  {},
  { name: "第二家企业有限公司", uscc: "91320214745555318W", note: '含 "引号" 与 <尖括号> & 符号' },
  { name: "第三家企业有限公司", uscc: "91320214745555318M" }, // wrong check character
  { name: "第四家企业有限公司", uscc: "913205056082348768", revenue: "12,000" }, // text, not a number
  { name: "第五家企业有限公司", uscc: "91310115MA1K3BTP2B", innovative_year: 2030 }, // a year to come
  { name: "重复企业有限公司", uscc: "91320214745555318W" }, // reported twice
  { name: "", uscc: "91110000600037341L", main_revenue: 13000 }, // no name; more main revenue than revenue
];

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Each sheet's part in a workbook our writer made, by sheet name. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const rels = new Map<string, string>();
  for (const m of strFromU8(files["xl/_rels/workbook.xml.rels"]).matchAll(/<Relationship ([^>]*)\/>/g)) {
    const id = /Id="([^"]+)"/.exec(m[1])![1];
    rels.set(id, `xl/${/Target="([^"]+)"/.exec(m[1])![1]}`);
  }
  const out = new Map<string, string>();
  for (const m of strFromU8(files["xl/workbook.xml"]).matchAll(/<sheet ([^>]*)\/>/g))
    out.set(/name="([^"]+)"/.exec(m[1])![1], rels.get(/r:id="([^"]+)"/.exec(m[1])![1])!);
  return out;
}

/**
 * The template the CLI wrote, with values typed into its cells as a spreadsheet saves them (numbers as
 * <v>, text inline, a date as its serial), everything else byte for byte: the "original" other suites
 * re-save. (ExcelJS would rewrite the validations, splitting each range in two.)
 */
function fillTemplate(template: Uint8Array): Uint8Array {
  const files = unzipSync(template);
  const parts = sheetParts(files);
  const typed = new Map<string, Map<string, ExcelJS.CellValue>>();
  const put = (sheet: string, row: number, col: number, v: ExcelJS.CellValue) => {
    if (v === undefined || v === null || v === "") return;
    const m = typed.get(sheet) ?? new Map<string, ExcelJS.CellValue>();
    typed.set(sheet, m);
    m.set(`${columnLetter(col)}${row}`, v);
  };
  ROWS.forEach((over, i) => {
    const row = { ...BASE, ...over };
    FORM.enterprises.fields.forEach((f, c) =>
      put(FORM.enterprises.name, FORM.enterprises.firstDataRow + i, c, row[f.key]),
    );
  });
  ["连云港市中小企业公共服务平台", "中小企业公共服务示范平台", "省级", 2021].forEach((v, c) =>
    put(FORM.platforms.name, FORM.platforms.firstDataRow, c, v),
  );
  const regionRow = (key: string) => FORM.region.cells.find((c) => c.key === key)!.row;
  put(FORM.region.name, regionRow("above_scale_sme_main_revenue"), 1, 500000);
  put(FORM.region.name, regionRow("contact"), 1, "李四 0518-85800000");
  put(FORM.region.name, regionRow("filled_on"), 1, Date.UTC(2025, 9, 10) / 86400000 + 25569);
  for (const [sheet, cells] of typed) {
    const part = parts.get(sheet)!;
    let xml = strFromU8(files[part]);
    for (const [a1, v] of cells) {
      const empty = new RegExp(`<c r="${a1}"( s="\\d+")?/>`);
      const style = empty.exec(xml);
      if (!style) throw new Error(`${sheet}!${a1} is not an empty cell of the template`);
      const s = style[1] ?? "";
      const cell =
        typeof v === "number"
          ? `<c r="${a1}"${s}><v>${v}</v></c>`
          : `<c r="${a1}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(v))}</t></is></c>`;
      xml = xml.replace(empty, cell);
    }
    files[part] = strToU8(xml);
  }
  return zipSync(files);
}

/** Re-saves files with LibreOffice headless (its own profile, so parallel runs do not collide). */
function libreOffice(files: string[], outDir: string): void {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${at("lo-profile")}`,
      "--headless",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 180_000 },
  );
}

interface Validation {
  sheet: string;
  type: string | null;
  operator: string | null;
  formula1: string | null;
  formula2: string | null;
  error: string | null;
  prompt: string | null;
  allowBlank: boolean;
  /** Each range as [first column, first row, last column, last row]. */
  ranges: number[][];
}

/** The data validations of a workbook as openpyxl (an independent reader) sees them. */
function validations(file: string): Validation[] {
  const script = String.raw`
import json, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    for d in ws.data_validations.dataValidation:
        out.append({"sheet": ws.title, "type": d.type, "operator": d.operator, "formula1": d.formula1,
                    "formula2": d.formula2, "error": d.error, "prompt": d.prompt,
                    "allowBlank": bool(d.allow_blank),
                    "ranges": [[r.min_col, r.min_row, r.max_col, r.max_row] for r in d.sqref.ranges]})
print(json.dumps(out, ensure_ascii=False))
`;
  return JSON.parse(execFileSync(PY, ["-c", script, file], { encoding: "utf8" })) as Validation[];
}

/**
 * What a validation means to the clerk: its rule, bounds and messages, keyed by sheet and first cell.
 * LibreOffice writes operator "between" and a formula2 of 0 where the rule has none (a list, a text
 * length at most N): neither means anything for those types, so only bounds that are used are compared.
 */
function meaning(vs: Validation[]): Map<string, string> {
  const used = (v: Validation) =>
    v.type === "list" || v.type === "custom"
      ? [v.formula1]
      : (v.operator ?? "between") === "between" || v.operator === "notBetween"
        ? [v.operator ?? "between", v.formula1, v.formula2]
        : [v.operator, v.formula1];
  return new Map(
    vs.map((v) => [
      `${v.sheet}!${v.ranges[0][0]}:${v.ranges[0][1]}`,
      JSON.stringify([v.type, ...used(v), v.error, v.prompt, v.allowBlank]),
    ]),
  );
}

const plan = DEFAULT_PLAN;
const check = (name: string, bytes: Uint8Array): Promise<ReturnResult> =>
  readReturnBytes({ name, bytes, modified: null }, (b, s) => readWorkbook(b, s), {
    plan,
    today: "2025-10-20",
  });

/** A result without what may differ between two saves of one return: the file name and times. */
function findings(r: ReturnResult) {
  const issue = (i: ReturnResult["errors"][number]) => [i.code, i.sheet, i.cell, i.field, i.value, i.message];
  return {
    unit: r.unit,
    period: r.period,
    rows: r.rows,
    rejected: r.rejected,
    errors: r.errors.map(issue),
    warnings: r.warnings.map(issue),
  };
}

/** The cells of every sheet, without the trailing empty rows and columns some suites keep. */
function cellsOf(s: WorkbookSnapshot) {
  return s.sheets.map((sh) => {
    const rows = sh.cells.map((r) => {
      const out = [...r];
      while (out.length > 0 && (out[out.length - 1] === null || out[out.length - 1] === "")) out.pop();
      return out;
    });
    while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
    return { name: sh.name, state: sh.state, rows, merges: [...sh.merges].sort() };
  });
}

let original: Uint8Array;
let libre: Uint8Array;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "dist", "cli", "main.js")))
    throw new Error("run `npm run build:cli` first");
  const r = spawnSync(
    process.execPath,
    [
      BIN,
      "template",
      "--unit",
      "320703",
      "--period",
      "2025Q3",
      "--deadline",
      "2025-10-15",
      "--out",
      at("template.xlsx"),
    ],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  original = fillTemplate(new Uint8Array(readFileSync(at("template.xlsx"))));
  writeFileSync(at("连云区.xlsx"), original);
  mkdirSync(at("lo"));
  libreOffice([at("连云区.xlsx")], at("lo"));
  libre = new Uint8Array(readFileSync(at("lo/连云区.xlsx")));
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a return saved by LibreOffice", () => {
  test("is LibreOffice's own file, not the one it was given", () => {
    const app = strFromU8(unzipSync(libre)["docProps/app.xml"]);
    expect(app).toMatch(/LibreOffice/);
    expect(Buffer.from(libre).equals(Buffer.from(original))).toBe(false);
  });

  test("reads to the same cells, sheets and merges", async () => {
    const a = cellsOf(await readWorkbook(original));
    const b = cellsOf(await readWorkbook(libre));
    // LibreOffice has no "very hidden": _srdi_meta comes back hidden, still off the tab bar.
    expect(b.map((s) => s.state)).toEqual(a.map((s) => (s.state === "veryHidden" ? "hidden" : s.state)));
    const rest = (s: typeof a) => s.map((x) => ({ ...x, state: null }));
    expect(rest(b)).toEqual(rest(a));
  });

  test("self-checks alike: the same unit, period, rows and issues, cell by cell", async () => {
    const a = await check("连云区.xlsx", original);
    const b = await check("连云区.xlsx", libre);
    expect(a.errors.length).toBeGreaterThanOrEqual(5);
    expect(findings(b)).toEqual(findings(a));
  });

  test("keeps its validation: every rule, bound and message, over every row the clerk filled", () => {
    const a = validations(at("连云区.xlsx"));
    const b = validations(at("lo/连云区.xlsx"));
    expect(a.length).toBeGreaterThan(30);
    expect(meaning(b)).toEqual(meaning(a));
    const lastFilled = FORM.enterprises.firstDataRow + ROWS.length - 1;
    for (const v of b.filter((x) => x.sheet === FORM.enterprises.name))
      expect(v.ranges.some((r) => r[1] <= FORM.enterprises.firstDataRow && r[3] >= lastFilled)).toBe(true);
  });
});

const CT = "application/vnd.openxmlformats-officedocument";
const WPS_CUSTOM =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ICV"><vt:lpwstr>0C6F2E3C8A0B4F6C9C1C0B3B2B8C9F11_13</vt:lpwstr></property>' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property>' +
  "</Properties>";

/**
 * The return as WPS is reported to save it: every sheet's dimension A1:A1; list formulas whose quotes are
 * written raw, as decimal and hex character references and in CDATA (where our writer writes &quot;), and
 * attributes in single quotes, a text typed in CDATA; WPS's own parts (custom properties, a customXml data-store item, the
 * in-cell picture registry xl/cellimages.xml) with their relationships and content types.
 */
const NOTE = ROWS[1].note as string;

function wpsSaved(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const parts = sheetParts(files);
  const quotes = ['"', "&#34;", "&#x22;"];
  let n = 0;
  for (const part of parts.values()) {
    let xml = strFromU8(files[part]).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:A1"/>');
    xml = xml.replace(/<formula1>&quot;([^<]*)&quot;<\/formula1>/g, (_, list: string) => {
      const k = n++ % 4;
      return k === 3
        ? `<formula1><![CDATA["${list}"]]></formula1>`
        : `<formula1>${quotes[k]}${list}${quotes[k]}</formula1>`;
    });
    xml = xml.replace(/ sqref="([^"]*)"/g, " sqref='$1'");
    xml = xml.replace(
      `<t xml:space="preserve">${xmlText(NOTE)}</t>`,
      `<t xml:space="preserve"><![CDATA[${NOTE}]]></t>`,
    );
    files[part] = strToU8(xml);
  }
  const types = strFromU8(files["[Content_Types].xml"]).replace(
    "</Types>",
    `<Override PartName="/docProps/custom.xml" ContentType="${CT}.custom-properties+xml"/>` +
      `<Override PartName="/customXml/itemProps1.xml" ContentType="${CT}.customXmlProperties+xml"/>` +
      `<Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/></Types>`,
  );
  files["[Content_Types].xml"] = strToU8(types);
  files["_rels/.rels"] = strToU8(
    strFromU8(files["_rels/.rels"]).replace(
      "</Relationships>",
      `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
    ),
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    strFromU8(files["xl/_rels/workbook.xml.rels"]).replace(
      "</Relationships>",
      `<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>` +
        `<Relationship Id="rId91" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/></Relationships>`,
    ),
  );
  files["docProps/custom.xml"] = strToU8(WPS_CUSTOM);
  files["customXml/item1.xml"] = strToU8(
    '<?xml version="1.0" standalone="yes"?><s:customData xmlns="http://www.wps.cn/officeDocument/2013/wpsCustomData" ' +
      'xmlns:s="http://www.wps.cn/officeDocument/2013/wpsCustomData"><customSheetViews><customSheetView guid="{8E1A0B0E-1F2D-4E3A-9B7C-2D5E6F708192}"/></customSheetViews></s:customData>',
  );
  files["customXml/itemProps1.xml"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{B1977F7D-205B-4081-913C-38D41E755F92}" ' +
      'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://www.wps.cn/officeDocument/2013/wpsCustomData"/></ds:schemaRefs></ds:datastoreItem>',
  );
  files["customXml/_rels/item1.xml.rels"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>',
  );
  files["xl/cellimages.xml"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
      'xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"></etc:cellImages>',
  );
  files["docProps/app.xml"] = strToU8(
    strFromU8(files["docProps/app.xml"]).replace(
      /<Application>[^<]*<\/Application>/,
      "<Application>WPS 表格</Application>",
    ),
  );
  return zipSync(files);
}

describe("a return saved by WPS (its reported quirks, crafted)", () => {
  let wps: Uint8Array;
  beforeAll(() => {
    wps = wpsSaved(original);
    mkdirSync(at("wps"));
    writeFileSync(at("wps/连云区.xlsx"), wps);
  });

  test("the quirks are in the file: other readers go wrong on it", () => {
    const sheet = strFromU8(unzipSync(wps)[`xl/worksheets/sheet2.xml`]);
    expect(sheet).toContain('<dimension ref="A1:A1"/>');
    expect(sheet).toContain("<formula1>&#34;");
    expect(sheet).toContain("<formula1><![CDATA[");
    expect(sheet).toContain(`<![CDATA[${NOTE}]]>`);
    // openpyxl in read-only mode trusts the dimension: it sees one cell of 企业名录.
    const rows = execFileSync(
      PY,
      [
        "-c",
        "import sys\nfrom openpyxl import load_workbook\nws = load_workbook(sys.argv[1], read_only=True)['企业名录']\nprint(len(list(ws.iter_rows())))",
        at("wps/连云区.xlsx"),
      ],
      { encoding: "utf8" },
    );
    expect(rows.trim()).toBe("1");
  });

  test("reads to the same cells as the original: a dimension of A1:A1 does not cut the data", async () => {
    const a = await readWorkbook(original);
    const b = await readWorkbook(wps);
    expect(cellsOf(b)).toEqual(cellsOf(a));
    expect(b.sheets[1].cells.length).toBe(FORM.enterprises.firstDataRow + ROWS.length - 1);
  });

  test("self-checks alike", async () => {
    expect(findings(await check("连云区.xlsx", wps))).toEqual(findings(await check("连云区.xlsx", original)));
  });

  test("its validation means what the original's does, and the marked-up copy keeps it", async () => {
    const want = meaning(validations(at("连云区.xlsx")));
    expect(meaning(validations(at("wps/连云区.xlsx")))).toEqual(want);
    writeFileSync(at("wps-annotated.xlsx"), await annotateWorkbook(wps, await check("连云区.xlsx", wps)));
    expect(meaning(validations(at("wps-annotated.xlsx")))).toEqual(want);
    // The text typed in CDATA is still the clerk's text in the copy (ExcelJS alone reads it as nothing).
    const noteCol = FORM.enterprises.fields.findIndex((f) => f.key === "note") + 1;
    const cell = execFileSync(
      PY,
      [
        "-c",
        "import sys\nfrom openpyxl import load_workbook\nprint(load_workbook(sys.argv[1])['企业名录'].cell(3, int(sys.argv[2])).value)",
        at("wps-annotated.xlsx"),
        String(noteCol),
      ],
      { encoding: "utf8" },
    );
    expect(cell.trim()).toBe(NOTE);
  });
});

describe("the marked-up copy of a return LibreOffice saved", () => {
  test("keeps LibreOffice's validation", async () => {
    const result = await check("连云区.xlsx", libre);
    writeFileSync(at("lo-annotated.xlsx"), await annotateWorkbook(libre, result));
    expect(meaning(validations(at("lo-annotated.xlsx")))).toEqual(meaning(validations(at("lo/连云区.xlsx"))));
  });
});

describe("the next round's template prefilled from a return another suite saved", () => {
  test("carries the same rows from the LibreOffice and the WPS save as from the original", async () => {
    const prefill = (from: string, out: string) => {
      const r = spawnSync(
        process.execPath,
        [BIN, "template", "--unit", "320703", "--period", "2025Q4", "--from", at(from), "--out", at(out)],
        { encoding: "utf8" },
      );
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      return readWorkbook(new Uint8Array(readFileSync(at(out))));
    };
    // Everything but the time each template was made.
    const made = (s: WorkbookSnapshot) =>
      cellsOf(s).map((sh) => ({ ...sh, rows: sh.rows.filter((r) => r[0] !== "generated_at") }));
    const want = made(await prefill("连云区.xlsx", "q4-original.xlsx"));
    expect(want[1].rows.length).toBeGreaterThan(2);
    expect(made(await prefill("lo/连云区.xlsx", "q4-lo.xlsx"))).toEqual(want);
    expect(made(await prefill("wps/连云区.xlsx", "q4-wps.xlsx"))).toEqual(want);
  });
});
