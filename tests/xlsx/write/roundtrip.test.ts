// The template and a description using every writer piece, written with ExcelJS and read back by openpyxl.
import { columnLetter } from "../../../src/core/a1";
import { fingerprint } from "../../../src/core/form/meta";
import { buildTemplate } from "../../../src/core/form/template";
import { fillTemplate } from "../../../src/core/form/template-fill";
import { FORM_V1 } from "../../../src/core/form/v1";
import { DEFAULT_PLAN } from "../../../src/core/plan/default-plan";
import { parsePeriod } from "../../../src/core/plan/periods";
import type { WorkbookDescription } from "../../../src/core/sheet/types";
import { writeWorkbook } from "../../../src/xlsx/write";
import { inspectBytes, type Inspection } from "./inspect";

const unit = DEFAULT_PLAN.units[6];
const period = parsePeriod("2025Q3")!;
const generatedAt = "2025-10-01T08:00:00.000Z";

describe("the template read back by openpyxl", () => {
  let x: Inspection;
  const metaCells = Array.from({ length: 9 }, (_, i) => [
    `_srdi_meta!A${i + 1}`,
    `_srdi_meta!B${i + 1}`,
  ]).flat();
  const cells = [
    "企业名录!A1",
    "企业名录!A2",
    "企业名录!B2",
    "企业名录!AF5001",
    "企业名录!A5002",
    "平台与集群!D501",
    "平台与集群!A502",
    "区域指标!A3",
    "区域指标!B3",
    "区域指标!A4",
    "区域指标!B4",
    "区域指标!C4",
    "填报说明!A1",
    ...metaCells,
  ];
  beforeAll(async () => {
    const desc = buildTemplate({
      plan: DEFAULT_PLAN,
      form: FORM_V1,
      unit,
      period,
      deadline: "2025-10-15",
      generatedAt,
    });
    x = inspectBytes(await writeWorkbook(desc), cells);
  });

  test("sheet names and states; the metadata sheet is very hidden", () => {
    expect(x.sheets).toEqual(["填报说明", "企业名录", "平台与集群", "区域指标", "_srdi_meta"]);
    expect(Object.fromEntries(x.sheets.map((s) => [s, x.info[s].state]))).toEqual({
      填报说明: "visible",
      企业名录: "visible",
      平台与集群: "visible",
      区域指标: "visible",
      _srdi_meta: "veryHidden",
    });
  });

  test("every sheet protected without password; locked cells stay selectable", () => {
    for (const s of x.sheets) {
      expect(x.info[s].protected).toBe(true);
      expect(x.info[s].password).toBeNull();
      expect(x.info[s].selectLockedCells).toBe(false); // openpyxl: true would mean "selection prevented"
    }
  });

  test.each([
    ["企业名录", FORM_V1.enterprises],
    ["平台与集群", FORM_V1.platforms],
  ] as const)("%s: a validation per column over every template row", (name, t) => {
    const last = t.firstDataRow + t.templateRows - 1;
    const dvs = x.info[name].validations;
    const bySqref = new Map(dvs.map((d) => [d.sqref, d]));
    expect(dvs).toHaveLength(t.fields.length);
    t.fields.forEach((f, i) => {
      const c = columnLetter(i);
      const d = bySqref.get(`${c}2:${c}${last}`);
      expect(d).toBeDefined();
      expect(d!.promptTitle).toBe(f.header.slice(0, 32));
      expect(d!.prompt).toBe(f.hint);
      expect(d!.showInputMessage).toBe(true);
      expect(d!.showErrorMessage).toBe(true);
      expect(d!.errorStyle).toBe("stop");
      expect(d!.error).toContain(f.header);
      expect(d!.errorTitle).toMatch(/填写有误/);
    });
  });

  test.each<[string, Partial<Record<string, unknown>>]>([
    ["B", { type: "textLength", operator: "equal", formula1: "18" }],
    ["C", { type: "list", formula1: `"${[...DEFAULT_PLAN.chains, "其他"].join(",")}"` }],
    ["D", { type: "list", formula1: '"是,否"' }],
    ["F", { type: "whole", operator: null, formula1: "2022", formula2: "2025" }],
    ["J", { type: "decimal", operator: "greaterThanOrEqual", formula1: "0" }],
    ["M", { type: "whole", operator: "greaterThanOrEqual", formula1: "0" }],
    ["P", { type: "decimal", formula1: "0", formula2: "100" }],
    ["AE", { type: "textLength", operator: "lessThanOrEqual", formula1: "50" }],
  ])("企业名录 column %s: type and bounds", (col, expected) => {
    const d = x.info["企业名录"].validations.find((v) => v.sqref === `${col}2:${col}5001`);
    expect(d).toMatchObject(expected);
    if (d!.type === "list") expect(d!.formula1!.length).toBeLessThanOrEqual(255);
  });

  test("input cells unlocked, others locked", () => {
    expect(x.cells["企业名录!A1"]).toMatchObject({ value: "企业名称", locked: true, bold: true });
    expect(x.cells["企业名录!A2"].locked).toBe(false);
    expect(x.cells["企业名录!B2"]).toMatchObject({ locked: false, numFmt: "@" });
    expect(x.cells["企业名录!AF5001"].locked).toBe(false);
    expect(x.cells["企业名录!A5002"].locked).toBe(true);
    expect(x.cells["平台与集群!D501"]).toMatchObject({ locked: false, numFmt: "0" });
    expect(x.cells["平台与集群!A502"].locked).toBe(true);
    expect(x.cells["填报说明!A1"].locked).toBe(true);
  });

  test("freeze panes and print settings", () => {
    for (const s of ["企业名录", "平台与集群"]) {
      expect(x.info[s]).toMatchObject({
        freeze: "A2",
        paperSize: 9,
        orientation: "landscape",
        printTitleRows: "$1:$1",
      });
    }
    // 32 columns on one page width would print under 8 pt: 企业名录 prints at a legible scale across pages,
    // header row repeated on each (src/core/sheet/print-fit.ts).
    expect(x.info["企业名录"]).toMatchObject({ fitToPage: false });
    expect(x.info["企业名录"].scale).toBeGreaterThanOrEqual(40);
    for (const s of ["填报说明", "区域指标"]) {
      expect(x.info[s]).toMatchObject({
        paperSize: 9,
        orientation: "portrait",
        fitToPage: true,
        fitToWidth: 1,
      });
    }
    expect(x.info["企业名录"].widths.A).toBe(30);
  });

  test("区域指标: labels in A, unlocked inputs in B with their validation", () => {
    expect(x.cells["区域指标!A3"]).toMatchObject({ value: "规上中小企业主营业务收入(万元)", locked: true });
    expect(x.cells["区域指标!A4"]).toMatchObject({ value: "填报人及联系电话", locked: true });
    expect(x.cells["区域指标!B3"]).toMatchObject({ value: null, locked: false });
    expect(x.cells["区域指标!B4"]).toMatchObject({ value: null, locked: false, numFmt: "@" });
    expect(x.cells["区域指标!C4"].locked).toBe(true);
    expect(x.info["区域指标"].validations.map((v) => [v.sqref, v.type])).toEqual([
      ["B3", "decimal"],
      ["B4", "textLength"],
    ]);
    expect(x.info["区域指标"].merges).toEqual(["A1:B1"]);
  });

  test("metadata values", () => {
    const kv = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [
        x.cells[`_srdi_meta!A${i + 1}`].value,
        x.cells[`_srdi_meta!B${i + 1}`].value,
      ]),
    );
    expect(kv).toEqual({
      form_id: "SRDI-COUNTY",
      form_version: "1",
      unit_code: unit.code,
      unit_name: unit.name,
      period: "2025Q3",
      plan_id: DEFAULT_PLAN.id,
      deadline: "2025-10-15",
      generated_at: generatedAt,
      fingerprint: fingerprint(FORM_V1),
    });
    // text even where it looks like a number
    expect(x.cells["_srdi_meta!B2"].dataType).toBe("s");
  });

  test("defined names", () => {
    expect(x.names).toMatchObject({
      srdi_region_contact: "'区域指标'!$B$4",
      srdi_enterprises: "'企业名录'!$A$1:$AF$5001",
    });
  });
});

describe("values and every writer piece, read back", () => {
  const desc: WorkbookDescription = {
    sheets: [
      {
        name: "数据",
        state: "visible",
        rows: [
          ["名称", "数值", "公式"],
          ['=HYPERLINK("http://evil.example","点我")', 3, { formula: "B2*2", result: 6 }],
          ["@SUM(1)", -1.5, { formula: "=SUM(B2:B3)", result: 1.5 }],
          ["+cmd", true, null],
        ],
        columnWidths: [20, 0, 12],
        rowHeights: { 0: 33 },
        styles: [
          { range: "A1:C1", style: { bold: true, fill: "DDEBF7", hAlign: "center" } },
          { range: "B2:B4", style: { numFmt: "0.00", locked: false } },
          { range: "A1", style: { wrap: true } },
        ],
        merges: ["A6:C6"],
        freeze: { rows: 1, columns: 1 },
        validations: [
          {
            range: "B2:B4",
            type: "decimal",
            operator: "between",
            min: -10,
            max: 10,
            allowBlank: false,
            error: { title: "超范围", message: "须在-10至10之间", style: "warning" },
          },
        ],
        conditionalFormats: [
          { range: "B2:B4", type: "cellIs", operator: "lessThan", formula: "0", style: { fill: "FFC7CE" } },
          { range: "A2:A4", type: "expression", formula: "LEN($A2)>5", style: { fontColor: "9C0006" } },
        ],
        protection: { protected: true, allowFormatColumns: true },
        print: {
          orientation: "landscape",
          paperSize: "A4",
          fitToWidth: true,
          printTitleRows: "1:1",
          printArea: "A1:C4",
          centerHorizontally: true,
          margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5 },
        },
        notes: [{ cell: "C1", text: "由公式计算" }],
        tabColor: "FF0000",
      },
      { name: "隐藏", state: "hidden", rows: [["x"]] },
    ],
    names: [{ name: "srdi_values", ref: "'数据'!$B$2:$B$4" }],
    properties: { title: "测试簿", creator: "srdi", created: "2025-01-02T03:04:05Z" },
  };
  let x: Inspection;
  const cells = [
    "数据!A1",
    "数据!A2",
    "数据!A3",
    "数据!A4",
    "数据!B2",
    "数据!B4",
    "数据!C2",
    "数据!C3",
    "数据!C1",
    "数据!B1",
  ];
  beforeAll(async () => {
    x = inspectBytes(await writeWorkbook(desc), cells);
  });

  test('a string "=HYPERLINK(...)" comes back as a string, not a formula', () => {
    expect(x.cells["数据!A2"]).toMatchObject({
      value: '=HYPERLINK("http://evil.example","点我")',
      dataType: "s",
    });
    expect(x.cells["数据!A3"]).toMatchObject({ value: "@SUM(1)", dataType: "s" });
    expect(x.cells["数据!A4"]).toMatchObject({ value: "+cmd", dataType: "s" });
  });

  test("formulas come back as formulas with their cached results", () => {
    expect(x.cells["数据!C2"]).toMatchObject({ value: "=B2*2", dataType: "f" });
    expect(x.cells["数据!C3"]).toMatchObject({ value: "=SUM(B2:B3)", dataType: "f" });
    expect(x.cached["数据!C2"]).toBe(6);
    expect(x.cached["数据!C3"]).toBe(1.5);
  });

  test("numbers, booleans, styles, notes", () => {
    expect(x.cells["数据!B2"]).toMatchObject({ value: 3, dataType: "n", numFmt: "0.00", locked: false });
    expect(x.cells["数据!B4"]).toMatchObject({ value: true, dataType: "b" });
    expect(x.cells["数据!A1"]).toMatchObject({
      bold: true,
      fill: "FFDDEBF7",
      hAlign: "center",
      wrap: true,
      locked: true,
    });
    expect(x.cells["数据!C1"].note).toBe("由公式计算");
    expect(x.cells["数据!B1"].note).toBeNull();
  });

  test("layout, validation, conditional formats, protection, print", () => {
    const s = x.info["数据"];
    expect(s).toMatchObject({
      freeze: "B2",
      merges: ["A6:C6"],
      tabColor: "FFFF0000",
      protected: true,
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: "$1:$1",
      horizontalCentered: true,
    });
    expect(s.widths).toMatchObject({ A: 20, C: 12 });
    expect(s.widths.B).toBeUndefined();
    expect(s.validations).toEqual([
      expect.objectContaining({
        type: "decimal",
        sqref: "B2:B4",
        formula1: "-10",
        formula2: "10",
        allowBlank: false,
        errorStyle: "warning",
        error: "须在-10至10之间",
        promptTitle: null,
        prompt: null,
      }),
    ]);
    expect(s.conditional).toEqual(
      expect.arrayContaining([
        { range: "B2:B4", rules: [{ type: "cellIs", operator: "lessThan", formula: ["0"] }] },
        { range: "A2:A4", rules: [{ type: "expression", operator: null, formula: ["LEN($A2)>5"] }] },
      ]),
    );
    expect(x.info["隐藏"].state).toBe("hidden");
    expect(x.info["隐藏"].protected).toBe(false);
  });

  test("defined names, print area and document title", () => {
    expect(x.names.srdi_values).toBe("'数据'!$B$2:$B$4");
    expect(x.title).toBe("测试簿");
  });
});

test("a filled template keeps its data as typed", async () => {
  const desc = buildTemplate({ plan: DEFAULT_PLAN, form: FORM_V1, unit, period, generatedAt });
  const filled = fillTemplate(
    desc,
    {
      enterprises: [["甲公司", "913205056082348768", "生物医药", "是", null, 2023, null, null, null, 1234.5]],
      region: { above_scale_sme_main_revenue: 99, contact: "=1+1" },
    },
    FORM_V1,
  );
  const x = inspectBytes(await writeWorkbook(filled), [
    "企业名录!B2",
    "企业名录!F2",
    "企业名录!J2",
    "区域指标!B4",
  ]);
  expect(x.cells["企业名录!B2"]).toMatchObject({ value: "913205056082348768", dataType: "s", locked: false });
  expect(x.cells["企业名录!F2"]).toMatchObject({ value: 2023, dataType: "n" });
  expect(x.cells["企业名录!J2"]).toMatchObject({ value: 1234.5, numFmt: "#,##0.00" });
  expect(x.cells["区域指标!B4"]).toMatchObject({ value: "=1+1", dataType: "s" });
});
