import { FORM_V1 } from "../../src/core/form/v1";
import { issueText, type Issue } from "../../src/core/issues";
import { readReturn } from "../../src/core/read/read-return";
import type { ReturnResult } from "../../src/core/read/types";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { ENT, enterprise, PLAN, PLAT, platform, REG, setCell, sheetOf, snapshotOf, USCC } from "./fixtures";

const read = (s: WorkbookSnapshot, expect?: { period?: string; units?: string[] }) =>
  readReturn(s, { plan: PLAN, file: "t.xlsx", expect });

const codes = (issues: Issue[]) => issues.map((i) => `${i.code}@${i.sheet ?? ""}!${i.cell ?? ""}`);

function reconciles(r: ReturnResult): void {
  expect(r.rows.read).toBe(r.rows.accepted + r.rows.rejected);
  expect(r.rejectedRows).toHaveLength(r.rows.rejected);
  expect(r.enterprises.length + r.platforms.length).toBe(r.rows.accepted);
}

function setMeta(s: WorkbookSnapshot, key: string, value: string): void {
  const rows = sheetOf(s, FORM_V1.metaSheet).cells;
  const row = rows.find((r) => r[0] === key);
  if (!row) throw new Error(key);
  row[1] = value;
}

/** Applies f to every row of a sheet (column surgery). */
function eachRow(
  s: WorkbookSnapshot,
  sheet: string,
  f: (row: WorkbookSnapshot["sheets"][0]["cells"][0]) => void,
) {
  for (const r of sheetOf(s, sheet).cells) f(r);
}

describe("a valid return", () => {
  const r = read(snapshotOf(), { period: "2025Q3", units: ["320703"] });

  test("is identified, accepted and typed", () => {
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.rejected).toBe(false);
    expect([r.unit, r.unitName, r.period, r.formVersion]).toEqual(["320703", "连云区", "2025Q3", "1"]);
    expect(r.rows).toEqual({ read: 3, accepted: 3, rejected: 0 });
    reconciles(r);
    const e = r.enterprises[0];
    expect(e).toMatchObject({
      sheet: ENT,
      row: 2,
      uscc: USCC[0],
      above_scale: true,
      digital_rd_tools: false,
      provincial_srdi_year: 2024,
      little_giant_year: null,
      cnc_rate: 0.55,
      note: null,
    });
    expect(r.platforms[0]).toMatchObject({ sheet: PLAT, row: 2, level: "省级", year: 2021 });
    expect(r.region).toEqual({ above_scale_sme_main_revenue: 500000, contact: "李四 0518-85800000" });
  });
});

describe("identification (the metadata sheet)", () => {
  test.each<[string, (s: WorkbookSnapshot) => void, string, { period?: string; units?: string[] }]>([
    [
      "meta sheet missing",
      (s) =>
        s.sheets.splice(
          s.sheets.findIndex((x) => x.name === FORM_V1.metaSheet),
          1,
        ),
      "form.unknown",
      {},
    ],
    ["meta key missing", (s) => (sheetOf(s, FORM_V1.metaSheet).cells = []), "form.unknown", {}],
    ["another form", (s) => setMeta(s, "form_id", "OTHER"), "form.unknown", {}],
    ["an unknown version", (s) => setMeta(s, "form_version", "9"), "form.version", {}],
    ["tampered fingerprint", (s) => setMeta(s, "fingerprint", "deadbeef"), "form.fingerprint", {}],
    ["unit not in the plan", (s) => setMeta(s, "unit_code", "999999"), "form.unit_unknown", {}],
    ["unit not expected", () => undefined, "form.unit_mismatch", { units: ["320706"] }],
    ["period unparsable", (s) => setMeta(s, "period", "2025年三季度"), "form.period_invalid", {}],
    ["period not the round's", () => undefined, "form.period_mismatch", { period: "2025H1" }],
  ])("%s: whole return rejected, rows still counted", (_, tamper, code, expectation) => {
    const s = snapshotOf();
    tamper(s);
    const r = read(s, expectation);
    expect(r.errors.map((i) => i.code)).toEqual([code]);
    expect(r.errors[0]).toMatchObject({ sheet: null, cell: null });
    expect(r.rejected).toBe(true);
    expect(r.enterprises).toEqual([]);
    expect(r.platforms).toEqual([]);
    expect(r.region).toBeNull();
    expect(r.rows).toEqual({ read: 3, accepted: 0, rejected: 3 });
    reconciles(r);
  });

  test("messages say what was expected", () => {
    const r = read(snapshotOf(), { period: "2025H1", units: ["320706"] });
    expect(r.errors.map((i) => i.message)).toEqual([
      "填报单位不符：本次应为 海州区(320706)，报表为 连云区(320703)",
      "报告期不符：本轮为 2025年上半年(2025H1)，报表为 2025年第三季度(2025Q3)",
    ]);
  });

  test("values are still checked when the unit is wrong, so the clerk sees everything", () => {
    const s = snapshotOf({ enterprises: [enterprise({ uscc: "91110000600037341M" })] });
    const r = read(s, { units: ["320706"] });
    expect(codes(r.errors)).toEqual(["form.unit_mismatch@!", `uscc.checksum@${ENT}!B2`]);
    expect(r.rejectedRows).toHaveLength(2);
    expect(r.rejectedRows[0].issues.map((i) => i.code)).toEqual(["uscc.checksum"]);
    expect(r.rejectedRows[1].issues.map((i) => i.code)).toEqual(["form.unit_mismatch"]);
    reconciles(r);
  });
});

describe("structure", () => {
  test("missing sheet", () => {
    const s = snapshotOf();
    s.sheets = s.sheets.filter((x) => x.name !== PLAT);
    const r = read(s);
    expect(codes(r.errors)).toEqual([`sheet.missing@${PLAT}!`]);
    expect(r.rejected).toBe(true);
    expect(r.rows).toEqual({ read: 2, accepted: 0, rejected: 2 });
    reconciles(r);
  });

  test("renamed sheet: missing (error, suggests the new name) and added (warning)", () => {
    const s = snapshotOf();
    sheetOf(s, ENT).name = "企业名单";
    const r = read(s);
    expect(codes(r.errors)).toEqual([`sheet.missing@${ENT}!`]);
    expect(r.errors[0].message).toContain("是否被改名为\u201c企业名单\u201d");
    expect(codes(r.warnings)).toEqual(["sheet.added@企业名单!"]);
    expect(r.rejected).toBe(true);
    reconciles(r);
  });

  test("an added sheet is only a warning", () => {
    const s = snapshotOf();
    s.sheets.push({ name: "草稿", state: "visible", cells: [["x"]], merges: [] });
    s.sheets.push({ name: "隐藏", state: "hidden", cells: [], merges: [] });
    const r = read(s);
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(["sheet.added@草稿!", "sheet.added@隐藏!"]);
    expect(r.warnings[1].message).toContain("隐藏的工作表");
    expect(r.rejected).toBe(false);
  });

  test("renamed column", () => {
    const s = snapshotOf();
    setCell(s, ENT, 0, 1, "信用代码");
    const r = read(s);
    expect(codes(r.errors)).toEqual([`column.renamed@${ENT}!B1`]);
    expect(issueText(r.errors[0])).toBe(
      `${ENT}!B1 列标题应为\u201c统一社会信用代码\u201d，实为\u201c信用代码\u201d；请勿改动列标题`,
    );
    expect(r.rejected).toBe(true);
    expect(r.rows).toEqual({ read: 2 + 1, accepted: 0, rejected: 3 });
    reconciles(r);
  });

  test("header whitespace and line breaks are tolerated", () => {
    const s = snapshotOf();
    setCell(s, ENT, 0, 1, " 统一社会\n信用代码 ");
    expect(read(s).errors).toEqual([]);
  });

  test("two columns swapped: both moved", () => {
    const s = snapshotOf();
    eachRow(s, ENT, (row) => ([row[2], row[3]] = [row[3], row[2]]));
    const r = read(s);
    expect(codes(r.errors)).toEqual([`column.moved@${ENT}!D1`, `column.moved@${ENT}!C1`]);
    expect(issueText(r.errors[0])).toBe(
      `${ENT}!D1 列\u201c所属重点产业链\u201d的位置被移动(应在 C1)；请勿插入、删除或移动列`,
    );
  });

  test("deleted column: missing, and the ones after it moved", () => {
    const s = snapshotOf();
    eachRow(s, PLAT, (row) => row.splice(1, 1));
    const r = read(s);
    expect(codes(r.errors)).toEqual([
      `column.missing@${PLAT}!B1`,
      `column.moved@${PLAT}!B1`,
      `column.moved@${PLAT}!C1`,
    ]);
    expect(r.rejected).toBe(true);
    reconciles(r);
  });

  test("inserted column: added (warning) and the ones after it moved (errors)", () => {
    const s = snapshotOf();
    eachRow(s, PLAT, (row) => row.splice(1, 0, null));
    setCell(s, PLAT, 0, 1, "备注");
    const r = read(s);
    expect(codes(r.errors)).toEqual([
      `column.moved@${PLAT}!C1`,
      `column.moved@${PLAT}!D1`,
      `column.moved@${PLAT}!E1`,
    ]);
    expect(codes(r.warnings)).toEqual([`column.added@${PLAT}!B1`]);
  });

  test("a column added after the last one is a warning; its data is not read", () => {
    const s = snapshotOf();
    setCell(s, PLAT, 0, 4, "联系人");
    setCell(s, PLAT, 1, 4, "王五");
    setCell(s, PLAT, 5, 6, "无标题的数据");
    const r = read(s);
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual([`column.added@${PLAT}!E1`, `column.added@${PLAT}!G6`]);
    expect(r.rows).toEqual({ read: 3, accepted: 3, rejected: 0 });
  });

  test("区域指标 label changed or moved", () => {
    const s = snapshotOf();
    setCell(s, REG, 2, 0, "主营业务收入");
    const r = read(s);
    expect(codes(r.errors)).toEqual([`region.label@${REG}!A3`]);
    expect(r.rejected).toBe(true);
  });
});

describe("values, row by row", () => {
  test("check character error names sheet, cell and rule", () => {
    const r = read(
      snapshotOf({ enterprises: [enterprise(), enterprise({ uscc: "91320214745555318M", name: "乙公司" })] }),
    );
    expect(r.errors).toEqual([
      {
        code: "uscc.checksum",
        severity: "error",
        sheet: ENT,
        cell: "B3",
        field: "uscc",
        value: "91320214745555318M",
        message:
          "统一社会信用代码校验不通过(代码中有字符录入有误)；请从营业执照或国家企业信用信息公示系统重新复制完整代码",
        scope: "cell",
      },
    ]);
    expect(r.rows).toEqual({ read: 3, accepted: 2, rejected: 1 });
    expect(r.rejectedRows).toEqual([{ sheet: ENT, row: 3, issues: r.errors, name: "乙公司" }]);
    expect(r.rejected).toBe(false);
    reconciles(r);
  });

  test("duplicate USCC: the first is accepted, later ones rejected naming the first cell", () => {
    const e = (name: string, uscc: string) => enterprise({ name, uscc });
    const s = snapshotOf({
      enterprises: [
        e("甲公司", USCC[0]),
        e("乙公司", USCC[1]),
        e("丙公司", USCC[0].toLowerCase()),
        e("丁公司", USCC[0]),
      ],
    });
    const r = read(s);
    expect(codes(r.errors)).toEqual([`uscc.duplicate@${ENT}!B4`, `uscc.duplicate@${ENT}!B5`]);
    expect(r.errors[0].message).toContain("与 B2 重复");
    expect(r.enterprises.map((x) => x.name)).toEqual(["甲公司", "乙公司"]);
    // The lower-case row is rejected; its warning is listed too (nothing is dropped).
    expect(codes(r.warnings)).toEqual([`norm.uscc@${ENT}!B4`]);
    expect(r.rejectedRows[0].issues.map((i) => i.code)).toEqual(["norm.uscc", "uscc.duplicate"]);
    reconciles(r);
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ["revenue required once recognised", { revenue: null }, [`value.required@${ENT}!J2`]],
    [
      "revenue not required without recognition",
      {
        revenue: null,
        innovative_year: null,
        provincial_srdi_year: null,
        main_revenue: null,
        rd_expense: null,
      },
      [],
    ],
    ["main revenue above revenue", { main_revenue: 13000 }, [`rule.main_revenue_gt_revenue@${ENT}!K2`]],
    ["invention patents above patents", { invention_patents: 13 }, [`rule.invention_gt_patents@${ENT}!N2`]],
    ["year after the period", { little_giant_year: 2026 }, [`value.year_range@${ENT}!H2`]],
    ["year before the first", { champion_year: 2015 }, [`value.year_range@${ENT}!I2`]],
    ["name too short", { name: "甲" }, [`value.too_short@${ENT}!A2`]],
    ["chain not in the plan", { chain: "纺织" }, [`value.not_in_list@${ENT}!C2`]],
    ["whole number", { smart_workshops: 1.5 }, [`value.not_whole@${ENT}!W2`]],
    ["percent above 100", { cnc_rate: 150 }, [`value.out_of_range@${ENT}!P2`]],
    [
      "error value",
      { revenue: null, main_revenue: { formula: "1/0", result: { error: "#DIV/0!" } } as never },
      [`value.required@${ENT}!J2`, `cell.error_value@${ENT}!K2`].sort(),
    ],
    [
      "formula without cache",
      { patents: { formula: "SUM(X1:X9)" } as never },
      [`cell.formula_no_cache@${ENT}!M2`],
    ],
  ])("%s", (_, over, expected) => {
    const r = read(snapshotOf({ enterprises: [enterprise(over as never)] }));
    expect(codes(r.errors).sort()).toEqual(expected);
    expect(r.rows.rejected).toBe(expected.length > 0 ? 1 : 0);
    reconciles(r);
  });

  test("cross-field message shows both values", () => {
    const r = read(snapshotOf({ enterprises: [enterprise({ main_revenue: 13000 })] }));
    expect(issueText(r.errors[0])).toBe(
      `${ENT}!K2 主营业务收入不得大于营业收入(主营业务收入(万元) 13000，营业收入(万元) 12000)`,
    );
    expect(r.errors[0].scope).toBe("row");
  });

  test("a warning rule does not reject the row", () => {
    const r = read(snapshotOf({ enterprises: [enterprise({ rd_expense: 20000 })] }));
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual([`rule.rd_expense_gt_revenue@${ENT}!L2`]);
    expect(r.rows).toEqual({ read: 2, accepted: 2, rejected: 0 });
  });

  test("normalised values are read and warned, the row accepted", () => {
    const r = read(
      snapshotOf({
        enterprises: [
          enterprise({
            uscc: " 91110000600037341l",
            revenue: "12,000",
            cnc_rate: "55%",
            above_scale: "Y",
            patents: "１２",
          }),
        ],
      }),
    );
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual([
      `norm.uscc@${ENT}!B2`,
      `norm.yesno@${ENT}!D2`,
      `norm.thousands@${ENT}!J2`,
      `norm.fullwidth@${ENT}!M2`,
      `norm.percent_text@${ENT}!P2`,
    ]);
    expect(r.enterprises[0]).toMatchObject({
      uscc: USCC[0],
      revenue: 12000,
      cnc_rate: 0.55,
      above_scale: true,
      patents: 12,
    });
  });

  test("blank rows between data rows are skipped and not counted; hidden rows are just rows", () => {
    const blank = FORM_V1.enterprises.fields.map(() => null);
    const r = read(
      snapshotOf({
        enterprises: [enterprise(), blank, ["  ", ...blank.slice(1)], enterprise({ uscc: USCC[1] }), blank],
      }),
    );
    expect(r.rows).toEqual({ read: 3, accepted: 3, rejected: 0 }); // 2 enterprises + 1 platform
    expect(r.enterprises.map((e) => e.row)).toEqual([2, 5]);
  });

  test("merged cells in the data area reject the rows they cover", () => {
    const s = snapshotOf({ enterprises: [enterprise(), enterprise({ uscc: USCC[1], name: null })] });
    sheetOf(s, ENT).merges.push("A2:A3");
    const r = read(s);
    expect(codes(r.errors)).toEqual([
      `cell.merged@${ENT}!A2`,
      `value.required@${ENT}!A3`,
      `cell.merged@${ENT}!A3`,
    ]);
    expect(r.rows).toEqual({ read: 3, accepted: 1, rejected: 2 });
    reconciles(r);
  });

  test("a percent-formatted cell is read as the fraction it holds", () => {
    const s = snapshotOf({ enterprises: [enterprise({ cnc_rate: 0.3 })] });
    sheetOf(s, ENT).numFmts = { P2: "0%" };
    const r = read(s);
    expect(r.warnings).toEqual([]);
    expect(r.enterprises[0].cnc_rate).toBe(0.3);
  });

  test("platform rows", () => {
    const r = read(
      snapshotOf({
        platforms: [platform(), platform({ level: "县级" }), platform({ year: 2030, name: null })],
      }),
    );
    expect(codes(r.errors)).toEqual([
      `value.not_in_list@${PLAT}!C3`,
      `value.required@${PLAT}!A4`,
      `value.year_range@${PLAT}!D4`,
    ]);
    expect(r.rows).toEqual({ read: 5, accepted: 3, rejected: 2 });
    reconciles(r);
  });
});

describe("区域指标", () => {
  test("a missing value is an error that does not reject the enterprise rows", () => {
    const r = read(snapshotOf({ region: { above_scale_sme_main_revenue: null, contact: "李四" } }));
    expect(codes(r.errors)).toEqual([`value.required@${REG}!B3`]);
    expect(r.rejected).toBe(false);
    expect(r.rows).toEqual({ read: 3, accepted: 3, rejected: 0 });
    expect(r.region).toEqual({ above_scale_sme_main_revenue: null, contact: "李四" });
  });

  test("a value as text with separators is read with a warning", () => {
    const r = read(snapshotOf({ region: { above_scale_sme_main_revenue: "500,000", contact: "李四" } }));
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual([`norm.thousands@${REG}!B3`]);
    expect(r.region?.above_scale_sme_main_revenue).toBe(500000);
  });

  test("a negative value is out of range", () => {
    const r = read(snapshotOf({ region: { above_scale_sme_main_revenue: -1, contact: "李四" } }));
    expect(codes(r.errors)).toEqual([`value.out_of_range@${REG}!B3`]);
    expect(r.region?.above_scale_sme_main_revenue).toBeNull();
  });
});

test("the source's modified time is passed through", () => {
  const s = snapshotOf();
  s.source = { name: "x", modified: "2025-10-09T08:00:00.000Z" };
  expect(read(s).modified).toBe("2025-10-09T08:00:00.000Z");
  expect(readReturn(s, { plan: PLAN, file: "t", modified: "2025-10-10T00:00:00Z" }).modified).toBe(
    "2025-10-10T00:00:00Z",
  );
});
