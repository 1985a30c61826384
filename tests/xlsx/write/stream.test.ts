// The streaming writer (src/xlsx/stream-write.ts) against the ExcelJS writer it replaces for bulletins:
// the demo's bulletin, written by both, reads the same in openpyxl (values, types, formats, fonts, fills,
// alignment, borders, merges, widths, heights, print setup, defined names, charts) and in our reader;
// every part validates against the vendored ECMA-376 Transitional schemas (tests/ooxml), and the check
// catches a part out of order. Untrusted text stays text, without XML-forbidden characters.
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { unzipSync, zipSync } from "fflate";
import { columnLetter } from "../../../src/core/a1";
import { buildBulletin } from "../../../src/core/report/bulletin";
import { runRound } from "../../../src/core/report/round-result";
import type { WorkbookDescription } from "../../../src/core/sheet/types";
import { readTargetsFile } from "../../../src/cli/targets-file";
import { main } from "../../../src/cli/main";
import { readReturnFile } from "../../../src/cli/read-file";
import { buildDemoRound } from "../../../src/core/demo/round";
import { DEFAULT_PLAN } from "../../../src/core/plan/default-plan";
import { readWorkbook } from "../../../src/xlsx/read";
import { canStream, writeWorkbookStream, writeWorkbookStreamBytes } from "../../../src/xlsx/stream-write";
import { writeWorkbook, writeWorkbookExcelJS } from "../../../src/xlsx/write";
import { zlibDeflater } from "../../../src/xlsx/write-deflate-node";
import { PYTHON } from "./inspect";

const ROOT = path.resolve(__dirname, "../../..");
const DUMP = path.join(ROOT, "tests/python/dump_xlsx.py");
const VALIDATE = path.join(ROOT, "tests/ooxml/validate_package.py");
let dir: string;
let desc: WorkbookDescription;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "srdi-stream-"));
  const demo = path.join(dir, "demo");
  const quiet = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    expect(await main(["node", "srdi", "demo", "--out", demo])).toBe(0);
  } finally {
    quiet.mockRestore();
  }
  // The demo's bulletin description, as `srdi demo` and `srdi aggregate` build it.
  const plan = DEFAULT_PLAN;
  const demoRound = buildDemoRound(plan);
  const targetsFile = readdirSync(demo).find((f) => f.startsWith("目标分解"))!;
  const t = await readTargetsFile(path.join(demo, targetsFile), plan);
  const returns = [];
  for (const f of readdirSync(path.join(demo, "returns")).sort())
    returns.push(await readReturnFile(path.join(demo, "returns", f), plan));
  const result = runRound({
    plan,
    period: demoRound.period,
    returns,
    deadline: demoRound.deadline,
    targets: t.targets,
    settings: t.settings,
  });
  desc = buildBulletin(result, plan, { issuedOn: demoRound.issuedOn, settings: t.bulletin });
}, 180000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dump(bytes: Uint8Array, name: string): string[] {
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, bytes);
  execFileSync(PYTHON, [DUMP, file, `${file}.txt`]);
  return readFileSync(`${file}.txt`, "utf8").split("\n");
}

const validate = (file: string) => spawnSync(PYTHON, [VALIDATE, file], { encoding: "utf8" });

test("the bulletin is streamed (no validation, notes or protection) and reads in openpyxl as ExcelJS's did", async () => {
  expect(canStream(desc)).toBe(true);
  const streamed = await writeWorkbook(desc);
  const nodeZlib = await new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    writeWorkbookStream(desc, (c) => chunks.push(c), { deflate: zlibDeflater })
      .then(() => resolve(Buffer.concat(chunks)))
      .catch(reject);
  });
  const before = dump(await writeWorkbookExcelJS(desc), "exceljs");
  const after = dump(streamed, "stream");
  expect(dump(nodeZlib, "zlib")).toEqual(after);
  expect(after.length).toBeGreaterThan(5000);
  // ExcelJS drops a column width of exactly 9 (its own default) so that column printed at Excel's 8.43:
  // the streaming writer writes the width described. Widths are compared with the description instead.
  const noCols = (lines: string[]) => lines.filter((l) => !l.startsWith("cols="));
  expect(noCols(after)).toEqual(noCols(before));
  const colLines = after.filter((l) => l.startsWith("cols="));
  desc.sheets.forEach((s, i) => {
    for (const [c, w] of (s.columnWidths ?? []).entries())
      if (w > 0)
        expect(colLines[i]).toContain(`('${columnLetter(c)}', ${Number.isInteger(w) ? `${w}.0` : w}, False)`);
  });
  // The hidden data sheet and the chart came through.
  expect(after.some((l) => /^## 通报数据 state=hidden/.test(l))).toBe(true);
  expect(after.filter((l) => /^charts=[1-9]/.test(l))).toHaveLength(1);
}, 180000);

test("our reader reads the streamed bulletin as the ExcelJS one", async () => {
  const a = await readWorkbook(await writeWorkbookStreamBytes(desc));
  const b = await readWorkbook(await writeWorkbookExcelJS(desc));
  expect(a.sheets).toEqual(b.sheets);
}, 120000);

test("every part validates against ECMA-376 Transitional; a part out of order is caught", async () => {
  const file = path.join(dir, "valid.xlsx");
  writeFileSync(file, await writeWorkbookStreamBytes(desc));
  const ok = validate(file);
  expect(ok.stdout).toBe("");
  expect(ok.status).toBe(0);
  // The same file with <autoFilter> moved after <pageMargins> (Excel refuses that; LibreOffice does not).
  const parts = unzipSync(readFileSync(file));
  const name = Object.keys(parts).find(
    (n) => /sheet\d+\.xml$/.test(n) && /<autoFilter /.test(Buffer.from(parts[n]).toString()),
  )!;
  const xml = Buffer.from(parts[name]).toString();
  const filter = /<autoFilter [^>]*\/>/.exec(xml)![0];
  parts[name] = Buffer.from(xml.replace(filter, "").replace(/(<pageMargins [^>]*\/>)/, `$1${filter}`));
  const bad = path.join(dir, "bad.xlsx");
  writeFileSync(bad, zipSync(parts));
  const r = validate(bad);
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/autoFilter/);
}, 120000);

test("untrusted text stays text: no formula, no XML-forbidden character, cut at Excel's cell limit", async () => {
  const bytes = await writeWorkbookStreamBytes({
    sheets: [
      {
        name: "名单",
        state: "visible",
        rows: [
          ['=HYPERLINK("http://x","点我")', "a\u0001b\ufffec\uffff", "x".repeat(40000), 1.5, true, null],
          [{ formula: 'A1&"<>"', result: "x<>" }, { formula: "1+1", result: 2 }, "  前后空格  "],
        ],
        styles: [{ range: "A1:C1", style: { bold: true, border: true, fill: "FFEB9C" } }],
        merges: ["D2:F2"],
      },
    ],
  });
  const snap = await readWorkbook(bytes);
  const [r1, r2] = snap.sheets[0].cells;
  expect(r1[0]).toBe('=HYPERLINK("http://x","点我")');
  expect(r1[1]).toBe("a\ufffdb\ufffdc\ufffd");
  expect((r1[2] as string).length).toBe(32767);
  expect(r1.slice(3, 5)).toEqual([1.5, true]);
  expect(r2[0]).toEqual({ formula: 'A1&"<>"', result: "x<>" });
  expect(r2[1]).toEqual({ formula: "1+1", result: 2 });
  expect(r2[2]).toBe("  前后空格  ");
  expect(snap.sheets[0].merges).toEqual(["D2:F2"]);
  const file = path.join(dir, "hostile.xlsx");
  writeFileSync(file, bytes);
  expect(validate(file).status).toBe(0);
});
