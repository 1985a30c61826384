// Load-time truth (issue 25 item 3): a plan workbook that would load and then not work is refused with
// the cell and the reason, or loads with a warning saying what will happen. Each case edits the built-in
// plan's workbook as a bureau would and names the cell; messages name the column as the bureau sees it
// and quote what the cell holds.
import { address } from "../../src/core/a1";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import type { PlanIssue } from "../../src/core/planbook/issues";
import { readPlanBook } from "../../src/core/planbook/read-plan";
import { buildPlanBook } from "../../src/core/planbook/write-plan";
import type { SheetSnapshot, SnapshotValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { snapshotOf } from "../targets/snapshot-of";

const fresh = () => snapshotOf(buildPlanBook(DEFAULT_PLAN));
const sheet = (b: WorkbookSnapshot, name: string) => b.sheets.find((s) => s.name === name)!;
const rowOf = (s: SheetSnapshot, value: string, col = 0) => s.cells.findIndex((r) => r[col] === value);
const colOf = (s: SheetSnapshot, header: string) => s.cells[0].findIndex((v) => v === header);
const set = (b: WorkbookSnapshot, name: string, row0: number, header: string, v: SnapshotValue) => {
  const s = sheet(b, name);
  s.cells[row0][colOf(s, header)] = v;
  return address(row0, colOf(s, header));
};
const errors = (issues: PlanIssue[]) => issues.filter((i) => i.severity === "error");
const text = (i: PlanIssue) => `${i.sheet}!${i.cell} ${i.message}`;

test("年均增加 without 基期值 is refused at the 年均增加 cell", () => {
  const b = fresh();
  const cell = set(b, "指标", rowOf(sheet(b, "指标"), "innovative_smes"), "年均增加", 150);
  const r = readPlanBook(b);
  expect(r.plan).toBeNull();
  expect(errors(r.issues).map(text)).toEqual([
    `指标!${cell} \u201c年均增加\u201d的值\u201c150\u201d无效：年均增加从基期值起算，须同时填写本行的基期值`,
  ]);
});

test("年均增加 with its 基期值 loads", () => {
  const b = fresh();
  const r0 = rowOf(sheet(b, "指标"), "innovative_smes");
  set(b, "指标", r0, "年均增加", 150);
  set(b, "指标", r0, "基期值", 500);
  expect(errors(readPlanBook(b).issues)).toEqual([]);
});

test("a 新增 target without 基期值 loads with a warning at the 基期值 cell saying it will be —", () => {
  const b = fresh();
  const r0 = rowOf(sheet(b, "指标"), "innovative_smes");
  set(b, "指标", r0, "口径", "新增");
  const cell = address(r0, colOf(sheet(b, "指标"), "基期值"));
  const r = readPlanBook(b);
  expect(r.plan).not.toBeNull();
  const w = r.issues.filter((i) => i.code === "plan.base_missing");
  expect(w.map((i) => [i.severity, i.sheet, i.cell])).toEqual([["warning", "指标", cell]]);
  expect(w[0].message).toMatch(
    /^“基期值”为空：口径为“新增”的指标按当前值减基期值计算，须在目标分解表的本级汇总行\(全市、全省等\)填写基期值，否则该指标显示为—/,
  );
});

test("a rate target typed 7 for 7 % is refused at its 目标值 cell, with what to type", () => {
  const b = fresh();
  const t = sheet(b, "目标");
  const cell = set(b, "目标", rowOf(t, "cnc_rate"), "目标值", 50);
  const r = readPlanBook(b);
  expect(r.plan).toBeNull();
  expect(errors(r.issues).map(text)).toEqual([
    `目标!${cell} \u201c目标值\u201d的值\u201c50\u201d无效：比率按小数填写：50% 应填 0.5(否则读作 5000%)`,
  ]);
});

test("a rate's 基期值 typed in percent points is refused too", () => {
  const b = fresh();
  const cell = set(b, "指标", rowOf(sheet(b, "指标"), "cnc_rate"), "基期值", 35);
  expect(errors(readPlanBook(b).issues).map((i) => [i.sheet, i.cell])).toEqual([["指标", cell]]);
});

test.each(["层级", "人群"])(
  "a plan without the %s sheet is refused: it does not take the built-in one",
  (name) => {
    const b = fresh();
    b.sheets = b.sheets.filter((s) => s.name !== name);
    const r = readPlanBook(b);
    expect(r.plan).toBeNull();
    const e = errors(r.issues);
    expect(e[0].code).toBe("plan.sheet_missing");
    expect(text(e[0])).toMatch(new RegExp(`^${name}!null 缺少工作表“${name}”\\(规划须列出`));
  },
);

test("an empty 层级 sheet is refused at A2", () => {
  const b = fresh();
  const s = sheet(b, "层级");
  s.cells = [s.cells[0]];
  const e = errors(readPlanBook(b).issues);
  expect(e.map((i) => [i.sheet, i.cell, i.code])[0]).toEqual(["层级", "A2", "plan.rows_missing"]);
});

test("an empty 产业链 sheet is refused when a field takes the 产业链 list, accepted when none does", () => {
  const b = fresh();
  const c = sheet(b, "产业链");
  c.cells = [c.cells[0]];
  // chain coverage reads the chain field: take that indicator out for the second half
  const r = readPlanBook(b);
  expect(errors(r.issues).map((i) => [i.sheet, i.cell, i.code])).toEqual([
    ["产业链", "A2", "plan.rows_missing"],
  ]);

  const f = sheet(b, "字段");
  f.cells = f.cells.filter((row) => row[colOf(f, "列表")] !== "产业链");
  const ind = sheet(b, "指标");
  const tgt = sheet(b, "目标");
  ind.cells = ind.cells.filter((row) => row[0] !== "chain_coverage");
  tgt.cells = tgt.cells.filter((row) => row[0] !== "chain_coverage");
  const ok = readPlanBook(b);
  expect(errors(ok.issues)).toEqual([]);
  expect(ok.plan!.chains).toEqual([]);
});

test("chain_coverage over a form with no field taking the 产业链 list is refused at its 计算 cell", () => {
  const b = fresh();
  const f = sheet(b, "字段");
  f.cells = f.cells.filter((row) => row[colOf(f, "列表")] !== "产业链");
  const ind = sheet(b, "指标");
  const e = errors(readPlanBook(b).issues);
  expect(e.map((i) => [i.sheet, i.cell, i.code])).toEqual([
    ["指标", address(rowOf(ind, "chain_coverage"), colOf(ind, "计算")), "plan.expr"],
  ]);
  expect(e[0].message).toMatch(/^“计算”的表达式有误：.*没有取自“产业链”列表的字段/);
});

test("a year outside the plan names 目标!B… “年份” and shows the year typed", () => {
  const b = fresh();
  const t = sheet(b, "目标");
  const r0 = rowOf(t, "champions");
  const cell = set(b, "目标", r0, "年份", 2028);
  const e = errors(readPlanBook(b).issues);
  expect(e.map(text)).toContain(
    `目标!${cell} \u201c年份\u201d的值\u201c2028\u201d无效：必须是计划期内的年份(2023—2025)`,
  );
  expect(e.map((i) => i.message).join("\n")).not.toMatch(/“year”|“expr”|“chains”|“code”/);
});

test("an expression error names the column 计算, not its key", () => {
  const b = fresh();
  set(b, "指标", rowOf(sheet(b, "指标"), "rd_intensity"), "计算", "ratio_of_sums(rd_expens, revenue, SRDI)");
  const e = errors(readPlanBook(b).issues);
  expect(e).toHaveLength(1);
  expect(e[0].message).toMatch(/^“计算”的表达式有误：/);
});

test("without the 目标 sheet: one error for the sheet, not one “code … 必须是数字” per indicator", () => {
  const b = fresh();
  b.sheets = b.sheets.filter((s) => s.name !== "目标");
  const e = errors(readPlanBook(b).issues);
  expect(e.map((i) => [i.sheet, i.cell, i.code])).toEqual([["目标", null, "plan.sheet_missing"]]);
});
