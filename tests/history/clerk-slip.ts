// The clerk's self-check story of issue 26 ("How we will know"), shared by the e2e tests of the pane and
// the page: last round's return of a unit on form version 3, and this round's figures as the clerk types
// them (last round's + 10 %), the first firm's 营业收入 ×10 (a 万元/元 slip), with or without a 说明.
import ExcelJS from "exceljs";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { FORM_V3 } from "../../src/core/form/v3";
import { writeWorkbook } from "../../src/xlsx/write";
import { demo, plan } from "../prefill/fixtures";

export const source = demo.returns.find(
  (d) => d.form.version === "3" && d.unit.code !== demo.defective.code,
)!;
export const EXPLANATION = "新产线投产，收入大增";
/** 0-based column of a field in the form's 企业名录. */
export const col = (key: string) => FORM_V3.enterprises.fields.findIndex((f) => f.key === key);
/** Last round's 营业收入 of the first firm, as the warning shows it. */
export const before = source.data.enterprises![0][col("revenue")] as number;

/** Last round's return (2025Q3) as the unit sent it. */
export async function lastRound(): Promise<Uint8Array> {
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
  return writeWorkbook(desc);
}

/** This round's cells as typed: [row, column (0-based), value]; the slip on the first firm, a 说明 or not. */
export function typed(explanation: string | null): [number, number, number | string][] {
  const out: [number, number, number | string][] = [];
  source.data.enterprises!.forEach((row, i) => {
    for (const key of ["revenue", "main_revenue", "rd_expense"]) {
      const v = row[col(key)] as number | null;
      if (v === null) continue;
      const now = Math.round(v * 110) / 100;
      out.push([i + 1, col(key), i === 0 && key === "revenue" ? now * 10 : now]);
    }
  });
  if (explanation) out.push([1, col("explanation"), explanation]);
  return out;
}

/** A template file filled as Excel would save it (ExcelJS), with the 填报日期. */
export async function fillFile(template: Uint8Array, explanation: string | null): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(FORM_V3.enterprises.name)!;
  for (const [r, c, v] of typed(explanation)) ws.getCell(r + 1, c + 1).value = v;
  wb.getWorksheet(FORM_V3.region.name)!.getCell("B5").value = new Date(Date.UTC(2025, 11, 19));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
