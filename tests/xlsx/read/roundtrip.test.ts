// The real template (A's buildTemplate + writeWorkbook), filled as a clerk would in Excel (via ExcelJS),
// saved, then read and checked: exact issue codes and cells.
import ExcelJS from "exceljs";
import type { Issue } from "../../../src/core/issues";
import { readReturn } from "../../../src/core/read/read-return";
import { readWorkbook } from "../../../src/xlsx/read";
import { writeWorkbook } from "../../../src/xlsx/write";
import { ENT, enterprise, FORM, PLAN, PLAT, platform, REG, templateDesc, USCC } from "../../read/fixtures";

let template: Uint8Array;
beforeAll(async () => {
  template = await writeWorkbook(templateDesc());
});

async function fill(f: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
  f(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function putRow(wb: ExcelJS.Workbook, sheet: string, row: number, values: unknown[]): void {
  const ws = wb.getWorksheet(sheet)!;
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) ws.getCell(row, i + 1).value = v as ExcelJS.CellValue;
  });
}

function fillValid(wb: ExcelJS.Workbook): void {
  putRow(wb, ENT, 2, enterprise());
  putRow(wb, ENT, 3, enterprise({ uscc: USCC[1], name: "乙公司" }));
  putRow(wb, PLAT, 2, platform());
  wb.getWorksheet(REG)!.getCell("B3").value = 500000;
  wb.getWorksheet(REG)!.getCell("B4").value = "李四 0518-85800000";
}

async function check(bytes: Uint8Array, expect?: { period?: string; units?: string[] }) {
  return readReturn(await readWorkbook(bytes, { name: "r.xlsx" }), { plan: PLAN, file: "r.xlsx", expect });
}

const codes = (issues: Issue[]) => issues.map((i) => `${i.code}@${i.sheet ?? ""}!${i.cell ?? ""}`);

test("the empty template is identified; only the required region values are missing", async () => {
  const r = await check(template, { period: "2025Q3", units: ["320703"] });
  expect(codes(r.errors)).toEqual([`value.required@${REG}!B3`, `value.required@${REG}!B4`]);
  expect(r.rows).toEqual({ read: 0, accepted: 0, rejected: 0 });
  expect(r.meta?.unitCode).toBe("320703");
});

test("a valid return", async () => {
  const r = await check(await fill(fillValid), { period: "2025Q3", units: ["320703"] });
  expect(r.errors).toEqual([]);
  expect(r.warnings).toEqual([]);
  expect(r.rows).toEqual({ read: 3, accepted: 3, rejected: 0 });
  expect(r.enterprises[0]).toMatchObject({ uscc: USCC[0], cnc_rate: 0.55, above_scale: true });
});

test("a defective return: exact codes and cells", async () => {
  const bytes = await fill((wb) => {
    fillValid(wb);
    const ws = wb.getWorksheet(ENT)!;
    putRow(wb, ENT, 5, enterprise({ uscc: "91320214745555318M", name: "丙公司" })); // row 4 left blank
    putRow(wb, ENT, 6, enterprise({ uscc: USCC[0], name: "丁公司" })); // duplicate of B2
    putRow(
      wb,
      ENT,
      7,
      enterprise({ uscc: USCC[3].toLowerCase(), name: "戊公司", revenue: "12,000", cnc_rate: "45%" }),
    );
    putRow(wb, ENT, 8, enterprise({ uscc: USCC[2], name: "己公司" }));
    ws.getCell("J8").value = {
      formula: "1/0",
      result: { error: "#DIV/0!" },
      date1904: false,
    } as ExcelJS.CellValue;
    ws.getCell("M8").value = { formula: "N8*4", result: 12, date1904: false } as ExcelJS.CellValue;
    ws.getRow(8).hidden = true;
    wb.getWorksheet(REG)!.getCell("B4").value = null;
  });
  const r = await check(bytes, { period: "2025Q3" });
  expect(codes(r.errors)).toEqual([
    `uscc.checksum@${ENT}!B5`,
    `uscc.duplicate@${ENT}!B6`,
    `cell.error_value@${ENT}!J8`,
    `value.required@${REG}!B4`,
  ]);
  expect(codes(r.warnings)).toEqual([
    `norm.uscc@${ENT}!B7`,
    `norm.thousands@${ENT}!J7`,
    `norm.percent_text@${ENT}!P7`,
  ]);
  // Where is in the fields (sheet, cell); the message says only what is wrong.
  expect(r.errors[0].message).toBe(
    "统一社会信用代码校验不通过(代码中有字符录入有误)；请从营业执照或国家企业信用信息公示系统重新复制完整代码",
  );
  expect(r.rows).toEqual({ read: 7, accepted: 4, rejected: 3 });
  expect(r.rejectedRows.map((x) => x.row)).toEqual([5, 6, 8]);
  expect(r.rejected).toBe(false);
  const e7 = r.enterprises.find((e) => e.row === 7)!;
  expect(e7).toMatchObject({ uscc: USCC[3], revenue: 12000, cnc_rate: 0.45 });
});

test.each<[string, (wb: ExcelJS.Workbook) => void, string[]]>([
  [
    "renamed header",
    (wb) => (wb.getWorksheet(ENT)!.getCell("B1").value = "信用代码"),
    [`column.renamed@${ENT}!B1`],
  ],
  [
    "deleted metadata sheet",
    (wb) => wb.removeWorksheet(wb.getWorksheet(FORM.metaSheet)!.id),
    ["form.unknown@!"],
  ],
  ["renamed sheet", (wb) => (wb.getWorksheet(PLAT)!.name = "平台"), [`sheet.missing@${PLAT}!`]],
])("tampered structure: %s", async (_, tamper, expected) => {
  const r = await check(await fill((wb) => (fillValid(wb), tamper(wb))));
  expect(codes(r.errors)).toEqual(expected);
  expect(r.rejected).toBe(true);
  expect(r.rows.accepted).toBe(0);
  expect(r.rows.read).toBe(r.rows.rejected);
});
