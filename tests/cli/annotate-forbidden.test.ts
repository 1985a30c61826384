// `srdi check --annotate` on a return whose text holds characters XML 1.0 forbids (U+FFFE, U+FFFF, raw or
// as character references, which some writers produce): the annotated copy is still written, with each
// such character replaced by U+FFFD as the bulletin writes them, and it opens in openpyxl.
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { writeWorkbook } from "../../src/xlsx/write";
import { ENT, enterprise, templateDesc, USCC } from "../read/fixtures";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "srdi.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "srdi-annotate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A filled return whose enterprise names are `marker` strings, then raw forbidden characters planted. */
async function planted(plant: (sharedStrings: string) => string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeWorkbook(templateDesc())) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(ENT)!;
  enterprise({ name: "甲MARKA公司" }).forEach((v, i) => {
    if (v !== null) ws.getCell(2, i + 1).value = v as ExcelJS.CellValue;
  });
  enterprise({ uscc: USCC[1], name: "乙MARKB公司" }).forEach((v, i) => {
    if (v !== null) ws.getCell(3, i + 1).value = v as ExcelJS.CellValue;
  });
  ws.getCell("J3").value = "12,000"; // a warning, so the copy has something to mark
  const parts = unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const ss = strFromU8(parts["xl/sharedStrings.xml"]);
  expect(ss).toContain("MARKA");
  parts["xl/sharedStrings.xml"] = strToU8(plant(ss));
  return zipSync(parts);
}

test.each([
  ["raw U+FFFE and U+FFFF", (s: string) => s.replace("MARKA", "\ufffe").replace("MARKB", "\uffff")],
  [
    "references &#xFFFE; and &#65535;",
    (s: string) => s.replace("MARKA", "&#xFFFE;").replace("MARKB", "&#65535;"),
  ],
])(
  "--annotate writes the copy when the text holds %s, the characters replaced",
  async (_, plant) => {
    const file = path.join(dir, `r${Math.random().toString(36).slice(2)}.xlsx`);
    writeFileSync(file, await planted(plant));
    const out = path.join(dir, "out");
    const r = spawnSync(process.execPath, [BIN, "check", file, "--annotate", out], { encoding: "utf8" });
    expect(r.stdout).toContain("已写出标注副本");
    const copy = path.join(out, path.basename(file).replace(/\.xlsx$/, "-校验结果.xlsx"));
    expect(existsSync(copy)).toBe(true);
    const py = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["${ENT}"]
text = "".join(str(c.value) for r in (2, 3) for c in ws[r] if isinstance(c.value, str))
print(json.dumps([text, ws["J3"].fill.fgColor.rgb]))
`;
    const names = JSON.parse(execFileSync("/usr/bin/python3", ["-c", py, copy], { encoding: "utf8" }));
    const [text, fill] = names as [string, string];
    // The planted characters are gone from rows 2 and 3, the rest of the names kept.
    expect(text).not.toMatch(/[\ufffe\uffff]/);
    expect(text).toContain("甲\ufffd公司");
    expect(text).toContain("乙\ufffd公司");
    expect(fill).toBe("FFFFEB9C");
  },
  60000,
);
