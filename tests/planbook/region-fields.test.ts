// Region figures keyed by field (issue 25 item 2): a plan adds a 区域指标 cell (units fill it) and an
// indicator over it with region(f); the targets workbook's 区域数据 gets a column per region field the plan
// reads (header = the field's label), read back with located errors; region(f) is the bureau's figure,
// else the unit's own. A region field no one can supply is refused at its 计算 cell; one only the bureau
// types loads with a warning there.
import { address } from "../../src/core/a1";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { currentForm } from "../../src/core/form/versions";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import type { Plan } from "../../src/core/plan/types";
import { loadPlanBook, readPlanBook } from "../../src/core/planbook/read-plan";
import { buildPlanBook } from "../../src/core/planbook/write-plan";
import { readReturn } from "../../src/core/read/read-return";
import { runRound } from "../../src/core/report/round-result";
import { readTargets } from "../../src/core/targets/read";
import { buildTargetsWorkbook } from "../../src/core/targets/workbook";
import type { SheetSnapshot, SnapshotValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { setCell, snapshotOf } from "../targets/snapshot-of";

const sheet = (b: WorkbookSnapshot, name: string) => b.sheets.find((s) => s.name === name)!;
function rowFor(s: SheetSnapshot, values: Record<string, SnapshotValue>): SnapshotValue[] {
  const head = s.cells[0];
  for (const k of Object.keys(values)) if (!head.includes(k)) throw new Error(`no column ${k} in ${s.name}`);
  return head.map((h) => values[h as string] ?? null);
}

/** The built-in plan's workbook with form version 4 adding 区域指标 cell 规上工业企业数(家) and an
 * indicator 专精特新企业占规上工业企业比重 = count(SRDI, above_scale) / region(above_scale_firms). */
function bookWithRegionCell(): WorkbookSnapshot {
  const b = snapshotOf(buildPlanBook(DEFAULT_PLAN));
  const forms = sheet(b, "表单");
  forms.cells.push([...forms.cells[forms.cells.length - 1]]);
  forms.cells[forms.cells.length - 1][forms.cells[0].indexOf("版本")] = "4";
  const fields = sheet(b, "字段");
  fields.cells.push(
    rowFor(fields, {
      工作表: "区域指标",
      键: "above_scale_firms",
      表头: "规上工业企业数(家)",
      类型: "整数",
      最小值: "0",
      提示: "本地区规上工业企业户数",
      自版本: "4",
    }),
  );
  const inds = sheet(b, "指标");
  inds.cells.push(
    rowFor(inds, {
      指标代码: "srdi_share_of_industry",
      指标名称: "专精特新企业占规上工业企业比重",
      单位: "%",
      比较: "≥",
      类别: "比率",
      人群: "SRDI",
      口径: "存量",
      考核: "单位",
      计算: "count(SRDI, above_scale) / region(above_scale_firms)",
    }),
  );
  sheet(b, "目标").cells.push(
    rowFor(sheet(b, "目标"), { 指标代码: "srdi_share_of_industry", 年份: 2025, 目标值: 0.1 }),
  );
  return b;
}

const plan: Plan = loadPlanBook(bookWithRegionCell());
const period = parsePeriod("2025Q3")!;
const HEAD_ROW = 2; // 区域数据's header row (0-based)

describe("the targets workbook's 区域数据: one column per region field the plan reads", () => {
  const desc = buildTargetsWorkbook(plan, period);
  const region = snapshotOf(desc).sheets.find((s) => s.name === "区域数据")!;

  test("headers are the fields' labels in order of first use; the whole has its own row", () => {
    expect(region.cells[HEAD_ROW]).toEqual([
      "单位代码",
      "单位",
      "规上中小企业主营业务收入(万元)",
      "规上工业企业数(家)",
      "备注",
    ]);
    expect(region.cells.slice(HEAD_ROW + 1).map((r) => r[0])).toEqual([
      ...plan.units.map((u) => u.code),
      "全市",
    ]);
    expect(region.cells[1][0]).toContain(
      "\u201c规上工业企业数(家)\u201d用于\u201c专精特新企业占规上工业企业比重\u201d",
    );
  });

  test("typed values come back by field, per unit and for the whole; a bad cell is named", () => {
    const snap = snapshotOf(desc);
    const row = (code: string) => sheet(snap, "区域数据").cells.findIndex((r) => r[0] === code);
    setCell(snap, "区域数据", row(plan.units[0].code), 2, 12345.5);
    setCell(snap, "区域数据", row(plan.units[0].code), 3, 40);
    setCell(snap, "区域数据", row(plan.units[1].code), 3, "很多");
    setCell(snap, "区域数据", row("全市"), 3, 400);
    const r = readTargets(snap, plan);
    expect(r.targets.regions).toEqual({
      [plan.units[0].code]: { above_scale_sme_main_revenue: 12345.5, above_scale_firms: 40 },
      全市: { above_scale_firms: 400 },
    });
    const bad = r.issues.filter((i) => i.code === "targets.region_invalid");
    expect(bad.map((i) => [i.sheet, i.cell])).toEqual([["区域数据", address(row(plan.units[1].code), 3)]]);
    expect(bad[0].message).toBe(
      `${plan.units[1].name}的规上工业企业数(家)为“很多”，须为不小于0的数字，已按未录入处理`,
    );
  });

  test("a column the plan does not read is named and ignored; a field without a column is said", () => {
    const snap = snapshotOf(desc);
    setCell(snap, "区域数据", HEAD_ROW, 3, "规上工业增加值");
    const r = readTargets(snap, plan);
    const unknown = r.issues.filter((i) => i.code === "targets.region_column_unknown");
    expect(unknown.map((i) => [i.sheet, i.cell, i.severity])).toEqual([["区域数据", "D3", "warning"]]);
    const missing = r.issues.filter((i) => i.code === "targets.region_column_missing");
    expect(missing.map((i) => i.message)).toEqual([
      "区域数据缺少\u201c规上工业企业数(家)\u201d一列，采用各地报表自填数",
    ]);
  });

  test("a workbook of the earlier layout (one column C, no whole row) still reads", () => {
    const snap = snapshotOf(buildTargetsWorkbook(DEFAULT_PLAN, period));
    const s = sheet(snap, "区域数据");
    expect(s.cells[HEAD_ROW]).toEqual(["单位代码", "单位", "规上中小企业主营业务收入(万元)", "备注"]);
    s.cells.pop(); // no whole row
    const code = DEFAULT_PLAN.units[2].code;
    setCell(
      snap,
      "区域数据",
      s.cells.findIndex((r) => r[0] === code),
      2,
      8000,
    );
    expect(readTargets(snap, DEFAULT_PLAN).targets.regions).toEqual({
      [code]: { above_scale_sme_main_revenue: 8000 },
    });
  });
});

describe("region(f) in a round: the bureau's figure, else the unit's own; the whole's own, else the sum", () => {
  const v4 = currentForm(plan);
  const [u1, u2, u3] = plan.units;
  const firm = (name: string, uscc: string) => ({
    name,
    uscc,
    above_scale: "是",
    revenue: 1000,
    main_revenue: 900,
    patents: 1,
    provincial_srdi_year: 2024,
  });
  const USCC = ["91110000600037341L", "91320214745555318W", "913205056082348768", "91310115MA1K3BTP2B"];
  const returnOf = (unit: (typeof plan.units)[number], firms: number, own: number) => {
    const desc = buildTemplate({ plan, form: v4, unit, period, generatedAt: "2025-09-25T01:00:00.000Z" });
    const data = {
      enterprises: USCC.slice(0, firms).map((u, i) =>
        v4.enterprises.fields.map(
          (f) => (firm(`企业${unit.code}${i}有限公司`, u) as Record<string, unknown>)[f.key] ?? null,
        ),
      ) as never,
      region: {
        contact: "张三 0518-85800000",
        filled_on: "2025-10-10",
        above_scale_sme_main_revenue: 10000,
        above_scale_firms: own,
      },
    };
    return readReturn(snapshotOf(fillTemplate(desc, data, v4)), { plan, file: `${unit.code}.xlsx` });
  };
  // u1: 2 SRDI above-scale firms, its own 规上工业企业数 20, the bureau's 25 -> 2/25 = 8 %.
  // u2: 3 firms, own 10, no bureau figure -> 3/10 = 30 %.
  // u3: 1 firm, own 50, bureau 40 -> 1/40 = 2.5 %.
  const returns = [returnOf(u1, 2, 20), returnOf(u2, 3, 10), returnOf(u3, 1, 50)];
  const bureau = { [u1.code]: { above_scale_firms: 25 }, [u3.code]: { above_scale_firms: 40 } };

  test("units: the bureau's where typed, else their own", () => {
    const r = runRound({ plan, period, returns, deadline: "2025-10-15", regionFigures: bureau });
    const v = (code: string) => r.aggregate.units.find((u) => u.code === code)!.values.srdi_share_of_industry;
    expect(returns.map((x) => x.rejected)).toEqual([false, false, false]);
    expect(v(u1.code).value).toBeCloseTo(2 / 25, 12);
    expect(v(u2.code).value).toBeCloseTo(3 / 10, 12);
    expect(v(u3.code).value).toBeCloseTo(1 / 40, 12);
    const fig = r.aggregate.units.find((u) => u.code === u1.code)!.regions!.above_scale_firms;
    expect(fig).toEqual({ bureau: 25, county: 20, used: "bureau" });
  });

  // The units share USCCs (u2 reports u1's two firms and a third; u3 one of them): the whole counts 3 firms.
  test("the whole: the sum over the units counted (25 + 10 + 40 = 75: 3/75), or the bureau's own row", () => {
    const sum = runRound({ plan, period, returns, deadline: "2025-10-15", regionFigures: bureau });
    expect(sum.aggregate.city.values.srdi_share_of_industry.value).toBeCloseTo(3 / 75, 12);
    const own = runRound({
      plan,
      period,
      returns,
      deadline: "2025-10-15",
      regionFigures: { ...bureau, 全市: { above_scale_firms: 120 } },
    });
    expect(own.aggregate.city.values.srdi_share_of_industry.value).toBeCloseTo(3 / 120, 12);
  });
});

describe("load time: a region field no one can supply is refused; one only the bureau types is warned", () => {
  const withIndicator = (expr: string, figures?: SnapshotValue[][]) => {
    const b = bookWithRegionCell();
    const inds = sheet(b, "指标");
    const r0 = inds.cells.findIndex((r) => r[0] === "srdi_share_of_industry");
    inds.cells[r0][inds.cells[0].indexOf("计算")] = expr;
    if (figures) b.sheets.push({ name: "区域数据", state: "visible", merges: [], cells: figures });
    return { b, cell: address(r0, inds.cells[0].indexOf("计算")) };
  };

  test("region(nobody_has_it): refused at the 计算 cell, saying where it could come from", () => {
    const { b, cell } = withIndicator("count(SRDI) / region(industry_growth)");
    const r = readPlanBook(b);
    expect(r.plan).toBeNull();
    const e = r.issues.filter((i) => i.severity === "error");
    expect(e.map((i) => [i.code, i.sheet, i.cell])).toEqual([["plan.region_unknown", "指标", cell]]);
    expect(e[0].message).toMatch(
      /^“计算”为“count\(SRDI\) \/ region\(industry_growth\)”，读取的区域数据“industry_growth”无人能填报/,
    );
  });

  test("a figure on the plan's 区域数据 sheet loads, with a warning at the 计算 cell: typed each round", () => {
    const { b, cell } = withIndicator("count(SRDI) / region(industry_growth)", [
      ["键", "名称", "类型"],
      ["industry_growth", "规上工业增速", "百分数"],
    ]);
    const r = readPlanBook(b);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.plan!.regionFigures).toEqual([
      { key: "industry_growth", label: "规上工业增速", type: "percent" },
    ]);
    const w = r.issues.filter((i) => i.code === "plan.region_bureau_only");
    expect(w.map((i) => [i.severity, i.sheet, i.cell])).toEqual([["warning", "指标", cell]]);
    expect(w[0].message).toContain("须由主管部门每期在目标分解表“区域数据”表录入，未录入时该指标显示为—");
    // The plan writer writes the sheet back; the targets workbook has its column.
    const again = loadPlanBook(snapshotOf(buildPlanBook(r.plan!)));
    expect(again.regionFigures).toEqual(r.plan!.regionFigures);
    const t = snapshotOf(buildTargetsWorkbook(r.plan!, period));
    expect(sheet(t, "区域数据").cells[HEAD_ROW]).toContain("规上工业增速");
  });

  test("a bureau figure whose key is a form's region cell is refused at its 键 cell", () => {
    const { b } = withIndicator("count(SRDI) / region(above_scale_firms)", [
      ["键", "名称", "类型"],
      ["above_scale_firms", "规上工业企业数", "小数"],
    ]);
    const r = readPlanBook(b);
    expect(r.plan).toBeNull();
    expect(r.issues.filter((i) => i.severity === "error").map((i) => [i.sheet, i.cell])).toEqual([
      ["区域数据", "A2"],
    ]);
  });
});
