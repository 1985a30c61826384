// Issue 26 "How we will know": a clerk's self-check on a prefilled template. The template carries last
// round's figures (上期数据); a ×10 slip is shown beside its cell with last round's value; a 说明 explains
// it; then nothing is left unexplained. Files written and read as a user has them (srdi template --from,
// Excel-like editing with ExcelJS, srdi check).
import { Command } from "commander";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { registerCheck } from "../../src/cli/check";
import { registerTemplate } from "../../src/cli/template";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { FORM_V3 } from "../../src/core/form/v3";
import { writeWorkbook } from "../../src/xlsx/write";
import { demo, plan } from "../prefill/fixtures";

const source = demo.returns.find((d) => d.form.version === "3" && d.unit.code !== demo.defective.code)!;
const col = (key: string) => FORM_V3.enterprises.fields.findIndex((f) => f.key === key) + 1;
let dir: string;
let out: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "srdi-selfcheck-"));
  const desc = fillTemplate(
    buildTemplate({
      plan,
      form: source.form,
      unit: source.unit,
      period: demo.period,
      generatedAt: demo.generatedAt,
    }),
    source.data,
    source.form,
  );
  writeFileSync(path.join(dir, "q3.xlsx"), await writeWorkbook(desc));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  out = [];
  jest.spyOn(process.stdout, "write").mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
});
afterEach(() => jest.restoreAllMocks());

async function srdi(register: typeof registerCheck, ...args: string[]): Promise<number> {
  const exit = { code: -1 };
  const program = new Command().exitOverride();
  register(program, exit);
  await program.parseAsync(["node", "srdi", ...args]);
  return exit.code;
}

/** The clerk fills the period's figures (last round's + 10 %), the first firm's 营业收入 typed ×10. */
async function fill(file: string, explanation: string | null): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(FORM_V3.enterprises.name)!;
  source.data.enterprises!.forEach((row, i) => {
    const r = i + 2;
    for (const key of ["revenue", "main_revenue", "rd_expense"]) {
      const v = row[col(key) - 1] as number | null;
      if (v !== null) ws.getCell(r, col(key)).value = Math.round(v * 110) / 100;
    }
  });
  ws.getCell(2, col("revenue")).value = (ws.getCell(2, col("revenue")).value as number) * 10;
  if (explanation) ws.getCell(2, col("explanation")).value = explanation;
  wb.getWorksheet(FORM_V3.region.name)!.getCell("B5").value = new Date(Date.UTC(2025, 11, 19));
  const name = path.join(dir, explanation ? "explained.xlsx" : "slip.xlsx");
  await wb.xlsx.writeFile(name);
  return name;
}

test("prefilled: the ×10 slip beside its cell with last round's value, unexplained; a 说明 answers it", async () => {
  const template = path.join(dir, "q4.xlsx");
  const from = path.join(dir, "q3.xlsx");
  expect(
    await srdi(
      registerTemplate,
      "template",
      "--unit",
      source.unit.code,
      "--period",
      "2025Q4",
      "--from",
      from,
      "--out",
      template,
    ),
  ).toBe(0);

  const slip = await fill(template, null);
  out = [];
  expect(await srdi(registerCheck, "check", slip)).toBe(0); // a warning never fails the check
  const text = out.join("");
  const before = source.data.enterprises![0][col("revenue") - 1] as number;
  const now = (Math.round(before * 110) / 100) * 10;
  expect(text).toContain("与上期比较：");
  expect(text).toContain(`企业名录!J2 营业收入是上期的5倍以上`);
  expect(text).toContain(`本期 ${Number(now.toPrecision(12))}，上期 ${before}`);
  expect(text).toMatch(/J2 [^\n]*\[未说明\]/);

  const explained = await fill(template, "新产线投产，收入大增");
  out = [];
  expect(await srdi(registerCheck, "check", explained)).toBe(0);
  const after = out.join("");
  expect(after).toMatch(/J2 [^\n]*\[已说明：新产线投产，收入大增\]/);
  expect(after).not.toContain("[未说明]");
});
