// Issue 26.6: a note's author is who wrote it, never ExcelJS's "Author". A prefilled template's notes
// (on each carried firm's name) are by the bureau; an annotated copy keeps them by the bureau and its
// own notes are by the tool. Read back by openpyxl (an independent reader) and in the raw comments part.
import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { buildTemplate } from "../../../src/core/form/template";
import { currentForm } from "../../../src/core/form/versions";
import { parsePeriod } from "../../../src/core/plan/periods";
import { chooseSources, prefillTemplate } from "../../../src/core/prefill/prefill";
import { readReturn } from "../../../src/core/read/read-return";
import { annotateWorkbook, CHECK_AUTHOR } from "../../../src/xlsx/annotate";
import { readWorkbook } from "../../../src/xlsx/read";
import { writeWorkbook } from "../../../src/xlsx/write";
import { demoReturns, plan } from "../../prefill/fixtures";

const BUREAU = "连云港市工业和信息化局";
const PY = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.comment is not None:
                out.setdefault(ws.title, {})[c.coordinate] = c.comment.author
print(json.dumps(out, ensure_ascii=False))
`;
let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "srdi-notes-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function authors(bytes: Uint8Array, name: string): Record<string, Record<string, string>> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  writeFileSync(path.join(dir, "dump.py"), PY);
  return JSON.parse(
    execFileSync("/usr/bin/python3", [path.join(dir, "dump.py"), file], { encoding: "utf8" }),
  );
}
const commentParts = (bytes: Uint8Array) =>
  Object.entries(unzipSync(bytes))
    .filter(([n]) => /^xl\/comments\d+\.xml$/.test(n))
    .map(([, b]) => strFromU8(b));

test("a prefilled template's notes are by the bureau; an annotated copy keeps them, its own are the tool's", async () => {
  const q4 = parsePeriod("2025Q4")!;
  const src = [...chooseSources(demoReturns(), plan, q4).byUnit.values()][0];
  const unit = plan.units.find((u) => u.code === src.unit)!;
  const blank = buildTemplate({
    plan,
    form: currentForm(plan),
    unit,
    period: q4,
    generatedAt: "2025-12-20T01:00:00.000Z",
  });
  const { workbook } = prefillTemplate(blank, src, currentForm(plan), plan);
  const bytes = await writeWorkbook(workbook);
  for (const xml of commentParts(bytes)) expect(xml).not.toContain("<author>Author</author>");
  const all = authors(bytes, "prefilled.xlsx")["企业名录"];
  // Each carried firm's name (A2…) by the bureau; the template's own header notes by the template.
  const notes = Object.fromEntries(Object.entries(all).filter(([c]) => /^A([2-9]|\d\d+)$/.test(c)));
  expect(Object.keys(notes).length).toBe(src.enterprises.length);
  expect(new Set(Object.values(notes))).toEqual(new Set([BUREAU]));
  expect(Object.values(all)).not.toContain("Author");

  // The template as a clerk returns it (blank figures: errors on the carried rows), annotated.
  const snap = await readWorkbook(bytes, { name: "t.xlsx" });
  const result = readReturn(snap, { plan, file: "t.xlsx" });
  const marked = [...result.errors, ...result.warnings].filter((i) => i.sheet === "企业名录" && i.cell);
  expect(marked.length).toBeGreaterThan(0);
  const copy = await annotateWorkbook(bytes, result);
  for (const xml of commentParts(copy)) expect(xml).not.toContain("<author>Author</author>");
  const after = authors(copy, "annotated.xlsx")["企业名录"];
  for (const cell of Object.keys(all)) expect([cell, after[cell]]).toEqual([cell, all[cell]]);
  const added = marked.map((i) => i.cell!).filter((c) => !(c in all));
  expect(added.length).toBeGreaterThan(0);
  for (const cell of added) expect([cell, after[cell]]).toEqual([cell, CHECK_AUTHOR]);
}, 120000);
