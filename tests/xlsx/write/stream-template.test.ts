// Templates are streamed (src/xlsx/stream-extras.ts): a template written by the streaming writer reads in
// openpyxl as the one ExcelJS wrote — every cell with its style and lock, every data validation, the sheet
// protection, the notes and the defined names — and every part validates against ECMA-376. Streaming them
// is what brings a province's demo under a minute (issue 25).
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { buildTemplate } from "../../../src/core/form/template";
import { currentForm } from "../../../src/core/form/versions";
import { DEFAULT_PLAN } from "../../../src/core/plan/default-plan";
import { parsePeriod } from "../../../src/core/plan/periods";
import { JIANGSU_PLAN } from "../../../src/core/plans/jiangsu-2023-2025";
import type { Plan } from "../../../src/core/plan/types";
import { canStream, writeWorkbookStreamBytes } from "../../../src/xlsx/stream-write";
import { writeWorkbookExcelJS } from "../../../src/xlsx/write";
import { PYTHON } from "./inspect";

const ROOT = path.resolve(__dirname, "../../..");
const DUMP = path.join(ROOT, "tests/python/dump_xlsx.py");
const EXTRAS = path.join(ROOT, "tests/python/dump_template_extras.py");
const VALIDATE = path.join(ROOT, "tests/ooxml/validate_package.py");
let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "srdi-stream-tpl-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The plan's template with 60 input rows instead of thousands (openpyxl dumps every styled cell). */
function template(plan: Plan) {
  const form = currentForm(plan);
  const small = { ...form, enterprises: { ...form.enterprises, templateRows: 60 } };
  return buildTemplate({
    plan: { ...plan, forms: [small] },
    form: small,
    unit: plan.units[1],
    period: parsePeriod("2025Q3")!,
    deadline: "2025-10-15",
    generatedAt: "2025-09-25T01:00:00.000Z",
  });
}

function read(bytes: Uint8Array, name: string): { cells: string; extras: string } {
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, bytes);
  execFileSync(PYTHON, [DUMP, file, `${file}.txt`]);
  const extras = execFileSync(PYTHON, [EXTRAS, file], { encoding: "utf8", maxBuffer: 1 << 26 });
  return { cells: require("fs").readFileSync(`${file}.txt`, "utf8"), extras };
}

test.each([
  ["连云港", DEFAULT_PLAN],
  ["江苏", JIANGSU_PLAN],
])(
  "the %s template streamed reads as ExcelJS's: cells, validations, protection, notes, names",
  async (name, plan) => {
    const desc = template(plan);
    expect(canStream(desc)).toBe(true);
    const streamed = await writeWorkbookStreamBytes(desc);
    const a = read(await writeWorkbookExcelJS(desc), `${name}-exceljs`);
    const b = read(streamed, `${name}-stream`);
    expect(b.cells).toEqual(a.cells);
    expect(b.extras).toEqual(a.extras);
    // What the comparison covers is there: validated input ranges, protected sheets, notes on headers.
    expect(b.extras).toMatch(/'企业名录', 'B2:B61', 'textLength'/);
    expect(b.extras).toMatch(/\('企业名录', 'visible', True, False/);
    expect(b.extras).toMatch(/\('企业名录', '[A-Z]+1', '必填。/);
    const file = path.join(dir, `${name}-stream.xlsx`);
    const v = spawnSync(PYTHON, [VALIDATE, file], { encoding: "utf8" });
    expect(v.stdout).toBe("");
    expect(v.status).toBe(0);
  },
  180000,
);
