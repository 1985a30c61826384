// Every error class of a plan workbook names its sheet and cell (PLAN-AS-DATA-ANCHORS §5.7, §5.9): each
// case edits the built-in plan's workbook as a bureau would, and the flattened issues are compared.
import { address } from "../../src/core/a1";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import type { PlanIssue } from "../../src/core/planbook/issues";
import { readPlanBook } from "../../src/core/planbook/read-plan";
import { buildPlanBook } from "../../src/core/planbook/write-plan";
import type { SheetSnapshot, SnapshotValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { snapshotOf } from "../targets/snapshot-of";

const fresh = () => snapshotOf(buildPlanBook(DEFAULT_PLAN));
const sheet = (b: WorkbookSnapshot, name: string) => b.sheets.find((s) => s.name === name)!;
/** 0-based row of the first row whose column `col` (0-based) holds `value`. */
const rowOf = (s: SheetSnapshot, value: string, col = 0) => s.cells.findIndex((r) => r[col] === value);
const colOf = (s: SheetSnapshot, header: string) => s.cells[0].findIndex((v) => v === header);
const set = (b: WorkbookSnapshot, name: string, row0: number, header: string, v: SnapshotValue) => {
  const s = sheet(b, name);
  s.cells[row0][colOf(s, header)] = v;
  return address(row0, colOf(s, header));
};
const flat = (issues: PlanIssue[]) =>
  issues.filter((i) => i.severity === "error").map((i) => [i.sheet, i.cell, i.code]);

interface Case {
  what: string;
  /** Edits the workbook; returns the expected [sheet, cell, code] errors. */
  edit: (b: WorkbookSnapshot) => (string | null)[][];
}

const cases: Case[] = [
  {
    what: "an unknown field in an indicator's expression",
    edit: (b) => [
      [
        "指标",
        set(
          b,
          "指标",
          rowOf(sheet(b, "指标"), "rd_intensity"),
          "计算",
          "ratio_of_sums(rd_expens, revenue, SRDI)",
        ),
        "plan.expr",
      ],
    ],
  },
  {
    what: "an unknown tier in a population's filter",
    edit: (b) => [
      [
        "人群",
        set(b, "人群", rowOf(sheet(b, "人群"), "INNO"), "筛选条件", "recognised(gazelle)"),
        "plan.expr",
      ],
    ],
  },
  {
    what: "a unit twice (same code on two rows)",
    edit: (b) => {
      const s = sheet(b, "单位");
      const r = rowOf(s, "320706");
      s.cells[r][0] = "320703";
      return [["单位", address(r, 0), "plan.duplicate"]];
    },
  },
  {
    what: "a duplicate indicator code",
    edit: (b) => {
      const s = sheet(b, "指标");
      const r = rowOf(s, "provincial_srdi");
      s.cells[r][0] = "innovative_smes";
      // provincial_srdi's own targets now name an indicator that no longer exists
      const t = sheet(b, "目标");
      return [
        ["指标", address(r, 0), "plan.duplicate"],
        ["目标", address(rowOf(t, "provincial_srdi"), 0), "plan.ref_unknown"],
      ];
    },
  },
  {
    what: "an indicator without a target",
    edit: (b) => {
      const t = sheet(b, "目标");
      t.cells.splice(rowOf(t, "champions"), 1);
      return [["指标", address(rowOf(sheet(b, "指标"), "champions"), 0), "plan.target_missing"]];
    },
  },
  {
    what: "a target for an indicator that does not exist",
    edit: (b) => {
      const t = sheet(b, "目标");
      t.cells.push(["high_value_patents", 2025, 3, null]);
      return [["目标", address(t.cells.length - 1, 0), "plan.ref_unknown"]];
    },
  },
  {
    what: "a bad tier code",
    edit: (b) => {
      const s = sheet(b, "层级");
      const r = rowOf(s, "champion");
      s.cells[r][0] = "Champion Tier";
      // the indicator that counts the tier no longer finds it
      const ind = sheet(b, "指标");
      return [
        ["层级", address(r, 0), "plan.invalid"],
        ["指标", address(rowOf(ind, "champions"), colOf(ind, "计算")), "plan.expr"],
      ];
    },
  },
  {
    what: "a tier whose year field the form does not have",
    edit: (b) => [
      [
        "层级",
        set(b, "层级", rowOf(sheet(b, "层级"), "champion"), "年份字段", "champion_yr"),
        "plan.ref_unknown",
      ],
    ],
  },
  {
    what: "a tier validity that is not a whole number of years",
    edit: (b) => [
      ["层级", set(b, "层级", rowOf(sheet(b, "层级"), "little_giant"), "有效期(年)", 2.5), "plan.invalid"],
    ],
  },
  {
    what: "a missing sheet",
    edit: (b) => {
      b.sheets = b.sheets.filter((s) => s.name !== "单位");
      return [["单位", null, "plan.sheet_missing"]];
    },
  },
  {
    what: "a misspelt sheet (suggested by its name)",
    edit: (b) => {
      sheet(b, "产业链").name = "产业连";
      return [["产业链", null, "plan.sheet_missing"]];
    },
  },
  {
    what: "a missing required column",
    edit: (b) => {
      const s = sheet(b, "指标");
      const c = colOf(s, "计算");
      for (const r of s.cells) r.splice(c, 1);
      return [["指标", `A1:${address(0, s.cells[0].length - 1).replace(/1$/, "")}1`, "plan.header_missing"]];
    },
  },
  {
    what: "one column under two of its names",
    edit: (b) => {
      const s = sheet(b, "单位");
      s.cells[0].push("code");
      return [["单位", "D1", "plan.header_duplicate"]];
    },
  },
  {
    what: "a date that is not a date",
    edit: (b) => [["规划", set(b, "规划", 1, "结束日期", "2025年13月1日"), "plan.invalid"]],
  },
  {
    what: "an error value in a cell",
    edit: (b) => [["单位", set(b, "单位", 3, "单位名称", { error: "#REF!" }), "plan.cell_error"]],
  },
  {
    what: "a comparator the plan does not know",
    edit: (b) => [
      ["指标", set(b, "指标", rowOf(sheet(b, "指标"), "cnc_rate"), "比较", "约等于"), "plan.invalid"],
    ],
  },
  {
    what: "an indicator over a population that is not listed",
    edit: (b) => [
      ["指标", set(b, "指标", rowOf(sheet(b, "指标"), "cnc_rate"), "人群", "GAZELLE"), "plan.ref_unknown"],
    ],
  },
  {
    what: "a milestone after the plan's end",
    edit: (b) => {
      const t = sheet(b, "目标");
      t.cells.push(["listed_firms", 2027, 6, null]);
      return [["目标", address(t.cells.length - 1, 1), "plan.invalid"]];
    },
  },
  {
    what: "a form field of a list type with an unknown list",
    edit: (b) => [
      [
        "字段",
        set(b, "字段", rowOf(sheet(b, "字段"), "rd_institution", 1), "列表", "研发机构"),
        "plan.ref_unknown",
      ],
    ],
  },
  {
    what: "a form field introduced in a version that does not exist",
    edit: (b) => [
      ["字段", set(b, "字段", rowOf(sheet(b, "字段"), "note", 1), "自版本", "9"), "plan.ref_unknown"],
    ],
  },
  {
    what: "a form field key twice in one version",
    edit: (b) => {
      const s = sheet(b, "字段");
      const r = rowOf(s, "pool", 1);
      s.cells[r][1] = "above_scale";
      return [["字段", address(r, 1), "plan.duplicate"]];
    },
  },
  {
    what: "a rule comparing a field the form does not have",
    edit: (b) => {
      const s = sheet(b, "校验规则");
      const r = rowOf(s, "rule.invention_gt_patents");
      return [["校验规则", set(b, "校验规则", r, "右", "patent"), "plan.ref_unknown"]];
    },
  },
];

describe("a plan workbook with a mistake is refused whole, every error named by sheet and cell", () => {
  test("the built-in plan's workbook has no problem at all", () => {
    const r = readPlanBook(fresh());
    expect(r.issues).toEqual([]);
    expect(r.plan).not.toBeNull();
  });
  test.each(cases.map((c) => [c.what, c] as const))("%s", (_what, c) => {
    const b = fresh();
    const expected = c.edit(b);
    const r = readPlanBook(b);
    expect(r.plan).toBeNull();
    expect(flat(r.issues)).toEqual(expected);
    for (const i of r.issues) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
  });
  test("all the mistakes at once: every one is reported in one pass", () => {
    const b = fresh();
    const expected = [cases[0], cases[2], cases[4], cases[5]].flatMap((c) => c.edit(b));
    const r = readPlanBook(b);
    expect(r.plan).toBeNull();
    expect(flat(r.issues)).toEqual(expect.arrayContaining(expected));
  });
  test("an unknown column is a warning, not an error; a misspelt one names the likely column", () => {
    const b = fresh();
    const s = sheet(b, "单位");
    s.cells[0].push("备注");
    s.cells[0].push("单位名陈");
    const r = readPlanBook(b);
    // the misspelt column is unknown; 单位名称 is still there, so the plan loads
    expect(r.plan).not.toBeNull();
    expect(r.issues.map((i) => [i.sheet, i.cell, i.code, i.severity])).toEqual([
      ["单位", "D1", "plan.header_unknown", "warning"],
      ["单位", "E1", "plan.header_unknown", "warning"],
    ]);
    expect(r.issues[1].message).toContain("单位名称");
  });
  test("columns in any order and English header names read the same plan", () => {
    const b = fresh();
    const s = sheet(b, "单位");
    s.cells = s.cells.map((r) => [r[2], r[0], r[1]]);
    s.cells[0] = ["kind", "code", "name"];
    const r = readPlanBook(b);
    expect(r.issues).toEqual([]);
    expect(r.plan!.units).toEqual(DEFAULT_PLAN.units);
  });
});

test("an expression error names the character it points at", () => {
  const b = fresh();
  set(b, "指标", rowOf(sheet(b, "指标"), "rd_intensity"), "计算", "ratio_of_sums(rd_expens, revenue, SRDI)");
  const e = readPlanBook(b).issues.find((i) => i.code === "plan.expr")!;
  expect(e.message).toMatch(/第15个字符/);
  expect(e.message).toContain("rd_expens");
});

test("an expression typed with a Chinese IME (full-width brackets and commas) reads as typed, with a warning", () => {
  const b = fresh();
  const cell = set(
    b,
    "指标",
    rowOf(sheet(b, "指标"), "patents_per_firm"),
    "计算",
    "sum（patents， SRDI） / count（SRDI）",
  );
  const r = readPlanBook(b);
  expect(r.plan!.indicators.find((i) => i.code === "patents_per_firm")!.expr).toBe(
    "sum（patents， SRDI） / count（SRDI）",
  );
  expect(r.issues.map((i) => [i.sheet, i.cell, i.code, i.severity])).toEqual([
    ["指标", cell, "plan.normalised", "warning"],
  ]);
});

test("a hostile workbook: a sheet past the row cap is refused without walking it; a huge cell is quoted clipped", () => {
  const b = fresh();
  const units = sheet(b, "单位");
  units.cells[1][1] = "县".repeat(30000);
  units.cells[2][0] = units.cells[1][0];
  const chains = sheet(b, "产业链");
  for (let i = 0; i < 20_001; i++) chains.cells.push([`链${i}`]);
  const r = readPlanBook(b);
  expect(r.plan).toBeNull();
  expect(flat(r.issues)).toEqual([
    ["产业链", null, "plan.too_many_rows"],
    ["单位", "A3", "plan.duplicate"],
  ]);
  expect(r.issues.every((i) => (i.value ?? "").length <= 201 && i.message.length < 400)).toBe(true);
});
