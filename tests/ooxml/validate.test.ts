// Every file we write validates against the ECMA-376 Transitional schemas vendored here (schemas/,
// SOURCES.txt), checked by validate_package.py with Debian's python3-lxml: the bulletin workbook (the
// streaming writer), a template and the targets workbook (ExcelJS), and the .docx bulletin (docx).
// The streaming writer's own round trips are in tests/xlsx/write/stream.test.ts.
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { writeBulletinDocx } from "../../src/docx/bulletin-docx";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { buildBulletin } from "../../src/core/report/bulletin";
import { bulletinDocument } from "../../src/core/report/document";
import { runRound } from "../../src/core/report/round-result";
import { buildTargetsWorkbook } from "../../src/core/targets/workbook";
import { writeWorkbook } from "../../src/xlsx/write";
import { code, ret } from "../aggregate/fixtures";
import { templateDesc } from "../read/fixtures";

const VALIDATE = path.join(__dirname, "validate_package.py");
const dir = mkdtempSync(path.join(tmpdir(), "srdi-ooxml-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plan = DEFAULT_PLAN;
const period = parsePeriod("2025Q3")!;
const result = runRound({
  plan,
  period,
  returns: [
    ret("320703", [
      { uscc: code(1), name: "甲\u0001公司", provincial_srdi_year: 2023, revenue: 100, rd_expense: 6 },
    ]),
    ret("320706", [{ uscc: code(2), innovative_year: 2024 }]),
  ],
  deadline: "2025-10-15",
});

async function valid(name: string, bytes: Uint8Array) {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const r = spawnSync("/usr/bin/python3", [VALIDATE, file], { encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

test.each([
  ["bulletin.xlsx", () => writeWorkbook(buildBulletin(result, plan, { issuedOn: "2025-10-21" }))],
  ["template.xlsx", () => writeWorkbook(templateDesc())],
  [
    "targets.xlsx",
    () => writeWorkbook(buildTargetsWorkbook(plan, period, { generatedAt: "2025-10-01T00:00:00Z" })),
  ],
  ["bulletin.docx", () => writeBulletinDocx(bulletinDocument(result, plan, { issuedOn: "2025-10-21" }))],
])(
  "%s validates against ECMA-376 Transitional",
  async (name, make) => {
    expect(await valid(name, await make())).toEqual({ status: 0, out: "" });
  },
  120000,
);
