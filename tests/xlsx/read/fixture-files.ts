// The .xlsx files the equivalence test reads with both readers: what this repo writes (templates, filled
// returns, the targets workbook and the bulletin, via `srdi demo`'s code path), what openpyxl writes, and
// the same files re-saved by LibreOffice (cached formula values, shared strings, s="0" styles).
import { execFileSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { runDemo } from "../../../src/cli/demo";

export interface FixtureFile {
  name: string;
  bytes: Uint8Array;
}

const OPENPYXL_SCRIPT = String.raw`
import sys, datetime
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

def build(path, date1904=False, iso=False):
    wb = Workbook()
    if date1904: wb.epoch = CALENDAR_MAC_1904
    wb.iso_dates = iso
    ws = wb.active; ws.title = "数据"
    ws["A1"] = "文本"; ws["B1"] = 12.5; ws["C1"] = True; ws["D1"] = False
    ws["E1"] = datetime.datetime(2025, 9, 30); ws["F1"] = datetime.datetime(2025, 9, 30, 13, 45, 10)
    ws["G1"] = datetime.date(1999, 12, 31)
    ws["A2"] = "普通"
    ws["B2"] = "=B1*2"; ws["C2"] = '=IF(B1>0,"","x")'; ws["D2"] = "=1/0"; ws["E2"] = "=SUM(B1:B3)"
    ws["F2"] = '=A1&"后缀"'; ws["G2"] = "=B1>10"; ws["H2"] = "=E1+1"
    ws["A3"] = "#N/A"; ws["B3"] = 0.45; ws["B3"].number_format = "0%"
    ws["C3"] = 0.1234; ws["C3"].number_format = "0.00%"; ws["D3"] = 7; ws["D3"].number_format = '0.0"%"'
    ws["E3"] = "=B3*2"; ws["E3"].number_format = "0%"; ws["F3"] = "45%"; ws["F3"].number_format = "0%"
    ws["A4"] = "合并"; ws.merge_cells("A4:C5"); ws["D4"] = "a\r\nb\tc"; ws["E4"] = "<&>\"'"
    ws["F4"] = "  前后空格  "; ws["G4"] = "_x000D_字面"; ws["H4"] = "\U0001F600 emoji"
    ws["A6"] = 1e-7; ws["B6"] = -0.0; ws["C6"] = 1234567890123; ws["D6"] = 3.141592653589793
    ws["A7"] = 5; ws["A7"].hyperlink = "https://example.com/n"; ws["B7"] = "链接"; ws["B7"].hyperlink = "https://example.com/s"
    ws["J12"].font = Font(bold=True)
    for r in range(8, 11):
        ws.cell(row=r, column=1, value=r * 10)
        ws.cell(row=r, column=2, value=f"=A{r}*2")
    h = wb.create_sheet("隐藏"); h["A1"] = 1; h.sheet_state = "hidden"
    v = wb.create_sheet("_meta"); v["A1"] = "k"; v["B2"] = "v"; v.sheet_state = "veryHidden"
    wb.create_sheet("空")
    wb.save(path)

out = sys.argv[1]
build(out + "/openpyxl.xlsx")
build(out + "/openpyxl-1904.xlsx", date1904=True)
build(out + "/openpyxl-isodates.xlsx", iso=True)
`;

function files(dir: string, prefix: string): FixtureFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => ({ name: `${prefix}${f}`, bytes: new Uint8Array(readFileSync(path.join(dir, f))) }));
}

/** Writes the demo round (10 templates, 10 returns, targets, bulletin) through the repo's own writer. */
export async function demoFiles(): Promise<FixtureFile[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "srdi-eq-demo-"));
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    await runDemo({ out: dir }, { code: 0 });
  } finally {
    process.stdout.write = write;
  }
  return [
    ...files(dir, "demo/"),
    ...files(path.join(dir, "templates"), "demo/templates/"),
    ...files(path.join(dir, "returns"), "demo/returns/"),
  ];
}

export function openpyxlFiles(): { dir: string; files: FixtureFile[] } {
  const dir = mkdtempSync(path.join(tmpdir(), "srdi-eq-openpyxl-"));
  writeFileSync(path.join(dir, "make.py"), OPENPYXL_SCRIPT);
  execFileSync("/usr/bin/python3", [path.join(dir, "make.py"), dir], { stdio: "pipe" });
  return { dir, files: files(dir, "openpyxl/") };
}

/** Re-saves the inputs with LibreOffice headless (own profile dir, so parallel runs do not collide). */
export function libreOfficeFiles(inputs: string[]): FixtureFile[] {
  const dir = mkdtempSync(path.join(tmpdir(), "srdi-eq-lo-"));
  const out = path.join(dir, "out");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      "xlsx",
      "--outdir",
      out,
      ...inputs,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  return files(out, "libreoffice/");
}

/**
 * Every file the product meets, for the reader equivalence tests: the demo's workbooks, openpyxl's, a
 * filled return and openpyxl's files as a clerk may send them after saving in LibreOffice (or WPS).
 */
export async function readerFixtures(): Promise<FixtureFile[]> {
  const demo = await demoFiles();
  const opx = openpyxlFiles();
  const loDir = mkdtempSync(path.join(tmpdir(), "srdi-fixtures-in-"));
  const ret = demo.find((f) => f.name.startsWith("demo/returns/"))!;
  writeFileSync(path.join(loDir, "return.xlsx"), ret.bytes);
  const lo = libreOfficeFiles([
    path.join(opx.dir, "openpyxl.xlsx"),
    path.join(opx.dir, "openpyxl-1904.xlsx"),
    path.join(loDir, "return.xlsx"),
  ]);
  return [...demo, ...opx.files, ...lo];
}
