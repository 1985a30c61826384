// `node bin/srdi.js check` as a user runs it (needs `npm run build:cli`, which `npm test` does first).
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { writeWorkbook } from "../../src/xlsx/write";
import { ENT, enterprise, PLAT, platform, REG, templateDesc, USCC } from "../read/fixtures";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "srdi.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "srdi-check-"));
const file = (name: string) => path.join(dir, name);

function srdi(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function filled(f: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeWorkbook(templateDesc())) as unknown as ExcelJS.Buffer);
  const put = (sheet: string, row: number, values: unknown[]) =>
    values.forEach((v, i) => {
      if (v !== null) wb.getWorksheet(sheet)!.getCell(row, i + 1).value = v as ExcelJS.CellValue;
    });
  put(ENT, 2, enterprise());
  put(ENT, 3, enterprise({ uscc: USCC[1], name: "乙公司" }));
  put(PLAT, 2, platform());
  wb.getWorksheet(REG)!.getCell("B3").value = 500000;
  wb.getWorksheet(REG)!.getCell("B4").value = "李四 0518-85800000";
  f(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "dist", "cli", "main.js")))
    throw new Error("run `npm run build:cli` first");
  writeFileSync(file("good.xlsx"), await filled(() => undefined));
  writeFileSync(
    file("bad.xlsx"),
    await filled((wb) => {
      const ws = wb.getWorksheet(ENT)!;
      ws.getCell("B3").value = "91320214745555318M";
      ws.getCell("J2").value = "12,000";
      ws.getCell("A4").value = '=HYPERLINK("http://x")'; // text that looks like a formula
    }),
  );
  writeFileSync(
    file("noise.xlsx"),
    Uint8Array.from({ length: 300 }, (_, i) => (i * 31) % 256),
  );
}, 60000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The contract's keys in order; scope was added after the first seven (fields are only ever added).
const ISSUE_KEYS = ["code", "severity", "sheet", "cell", "field", "value", "message", "scope"];
const FILE_KEYS = ["file", "unit", "period", "form_version", "errors", "warnings", "rows"];

test("a valid return: exit 0, exact JSON shape", () => {
  const r = srdi("check", file("good.xlsx"), "--json", "--period", "2025Q3", "--unit", "连云区");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out);
  expect(Object.keys(j)).toEqual(["files"]);
  expect(Object.keys(j.files[0])).toEqual(FILE_KEYS);
  expect(j.files[0]).toMatchObject({
    unit: "320703",
    period: "2025Q3",
    form_version: "1",
    errors: [],
    warnings: [],
    rows: { read: 3, accepted: 3, rejected: 0 },
  });
});

test("an unreadable file is listed as a rejected return, and makes the exit code 2", () => {
  const r = srdi("check", file("good.xlsx"), file("bad.xlsx"), file("noise.xlsx"), "--json");
  expect(r.code).toBe(2);
  const j = JSON.parse(r.out);
  expect(j.files.map((f: { file: string }) => path.basename(f.file))).toEqual([
    "good.xlsx",
    "bad.xlsx",
    "noise.xlsx",
  ]);
  const bad = j.files[1];
  for (const i of [...bad.errors, ...bad.warnings]) expect(Object.keys(i)).toEqual(ISSUE_KEYS);
  expect(bad.errors.map((i: { code: string; cell: string }) => `${i.code}@${i.cell}`)).toEqual([
    "uscc.checksum@B3",
    "value.required@B4",
    "value.required@D4",
  ]);
  expect(bad.rows).toEqual({ read: 4, accepted: 2, rejected: 2 });
  // Where is in sheet and cell; the message says what is wrong, and does not repeat where.
  expect(bad.errors[0]).toMatchObject({
    sheet: ENT,
    cell: "B3",
    scope: "cell",
    message:
      "统一社会信用代码校验不通过(代码中有字符录入有误)；请从营业执照或国家企业信用信息公示系统重新复制完整代码",
  });
  expect(bad.warnings.map((i: { code: string; cell: string }) => `${i.code}@${i.cell}`)).toEqual([
    "norm.thousands@J2",
  ]);
  expect(bad.rows.read).toBe(bad.rows.accepted + bad.rows.rejected);
  expect(j.files[2]).toEqual({
    file: file("noise.xlsx"),
    unit: null,
    period: null,
    form_version: null,
    errors: [
      expect.objectContaining({ code: "file.not_workbook", severity: "error", sheet: null, cell: null }),
    ],
    warnings: [],
    rows: { read: 0, accepted: 0, rejected: 0 },
  });
});

function utf16le(s: string): number[] {
  return [...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
}

test.each<[string, Uint8Array, string]>([
  ["an empty file", new Uint8Array(0), "file.empty"],
  [
    "a CSV renamed .xlsx",
    new TextEncoder().encode("企业名称,统一社会信用代码\n甲,91110000600037341L\n"),
    "file.not_workbook",
  ],
  [
    "a PNG renamed .xlsx",
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    "file.not_workbook",
  ],
  [
    "an encrypted workbook",
    Uint8Array.from([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array(504).fill(0),
      ...utf16le("EncryptionInfo"),
    ]),
    "file.encrypted",
  ],
])("unusable input: %s -> exit 2, listed with its error (README: 2 unusable input)", (_, bytes, code) => {
  writeFileSync(file("unusable.xlsx"), bytes);
  const r = srdi("check", file("unusable.xlsx"), "--json");
  expect(r.code).toBe(2);
  expect(JSON.parse(r.out).files[0].errors.map((i: { code: string }) => i.code)).toEqual([code]);
  const text = srdi("check", file("unusable.xlsx"));
  expect(text.code).toBe(2);
  expect(text.out).toContain("unusable.xlsx");
});

test("human report names sheet!cell and the rule", () => {
  const r = srdi("check", file("bad.xlsx"));
  expect(r.code).toBe(1);
  expect(r.out).toContain("填报单位：连云区(320703)");
  expect(r.out).toContain(
    `    ${ENT}!B3 统一社会信用代码校验不通过(代码中有字符录入有误)；请从营业执照或国家企业信用信息公示系统重新复制完整代码\n`,
  );
  expect(r.out.split(`${ENT}!B3`)).toHaveLength(2); // the location once
  expect(r.out).toContain("数据行：读取 4");
});

test.each<[string, string[], number, string]>([
  ["a missing path", ["check", "nope.xlsx"], 2, "找不到文件"],
  ["a bad period", ["check", "good.xlsx", "--period", "2025Q5"], 2, "报告期"],
  ["an unknown unit", ["check", "good.xlsx", "--unit", "火星区"], 2, "未知的填报单位"],
  ["no file", ["check"], 2, ""],
])("unusable arguments: %s -> exit 2", (_, args, code, text) => {
  const r = srdi(...args);
  expect(r.code).toBe(code);
  expect(r.err).toContain(text);
});

test("the wrong unit or period for the round is an error (exit 1)", () => {
  const r = srdi("check", file("good.xlsx"), "--json", "--unit", "320706", "--period", "2025H1");
  expect(r.code).toBe(1);
  expect(JSON.parse(r.out).files[0].errors.map((i: { code: string }) => i.code)).toEqual([
    "form.unit_mismatch",
    "form.period_mismatch",
  ]);
});

test("--annotate writes a copy with the bad cells marked and a 校验结果 sheet (checked with openpyxl)", () => {
  const out = file("annotated");
  const r = srdi("check", file("bad.xlsx"), file("noise.xlsx"), "--annotate", out);
  expect(r.code).toBe(2); // noise.xlsx is not a workbook
  const copy = path.join(out, "bad-校验结果.xlsx");
  expect(existsSync(copy)).toBe(true);
  expect(existsSync(path.join(out, "noise-校验结果.xlsx"))).toBe(false);
  const py = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["${ENT}"]
res = wb["校验结果"]
rows = [list(r) for r in res.iter_rows(values_only=True)]
print(json.dumps({
  "sheets": wb.sheetnames,
  "states": [s.sheet_state for s in wb.worksheets],
  "b3": [ws["B3"].value, ws["B3"].comment.text if ws["B3"].comment else None, ws["B3"].fill.fgColor.rgb],
  "j2": [ws["J2"].comment.text if ws["J2"].comment else None, ws["J2"].fill.fgColor.rgb],
  "a4": [ws["A4"].value, ws["A4"].data_type],
  "validations": sorted(str(d.sqref) for d in ws.data_validations.dataValidation),
  "codes": [r[2] for r in rows[8:]],
  "types": sorted({type(c).__name__ for r in rows for c in r if c is not None}),
  "formulas": [c for r in rows for c in r if isinstance(c, str) and c.startswith("=")],
}, ensure_ascii=False))
`;
  const j = JSON.parse(execFileSync("/usr/bin/python3", ["-c", py, copy], { encoding: "utf8" }));
  expect(j.sheets).toEqual(["填报说明", ENT, PLAT, REG, "_srdi_meta", "校验结果"]);
  expect(j.states[4]).toBe("veryHidden");
  expect(j.b3[0]).toBe("91320214745555318M");
  expect(j.b3[1]).toContain("校验不通过");
  expect(j.b3[1]).not.toContain("B3"); // the note sits on the cell: it does not repeat where it is
  expect(j.b3[2]).toBe("FFFFC7CE");
  expect(j.j2[0]).toContain("千位分隔符");
  expect(j.j2[1]).toBe("FFFFEB9C");
  expect(j.a4).toEqual(['=HYPERLINK("http://x")', "s"]); // the clerk's text stays text
  expect(j.validations).toHaveLength(32);
  expect(j.validations).toContain("B2:B5001");
  expect(j.codes).toEqual(expect.arrayContaining(["uscc.checksum", "norm.thousands"]));
  expect(j.types).toEqual(["str"]);
});
