import { parseRange } from "../../src/core/a1";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { buildBulletin } from "../../src/core/report/bulletin";
import { splitParagraph } from "../../src/core/report/bulletin-sheet";
import { toAggregateJson } from "../../src/core/report/json";
import { runRound } from "../../src/core/report/round-result";
import type { SheetDescription } from "../../src/core/sheet/types";
import { code, plat, ret } from "../aggregate/fixtures";

const plan = DEFAULT_PLAN;
const period = parsePeriod("2025Q3")!;
const evil = '=HYPERLINK("http://x","点我")';
const returns = [
  ret(
    "320703",
    [
      {
        uscc: code(1),
        name: evil,
        provincial_srdi_year: 2023,
        revenue: 100,
        rd_expense: 6,
        transformation: true,
      },
      { uscc: code(2), innovative_year: 2024 },
    ],
    { platforms: [plat("+cmd|' /C calc'!A0", "中小企业公共服务示范平台", "市级")] },
  ),
  ret("320706", [{ uscc: code(1), name: evil, provincial_srdi_year: 2023 }], {
    modified: "2025-10-20T02:00:00Z",
    rejectedRows: [
      {
        sheet: "企业名录",
        row: 3,
        issues: [
          {
            code: "uscc.checksum",
            severity: "error",
            sheet: "企业名录",
            cell: "B3",
            field: "uscc",
            value: "@SUM(1)",
            message: "校验码错误",
            scope: "cell",
          },
        ],
      },
    ],
  }),
  ret("320707", [], {
    rejected: true,
    file: "-2+3.xlsx",
    errors: [
      {
        code: "file.not_workbook",
        severity: "error",
        sheet: null,
        cell: null,
        field: null,
        value: null,
        message: "不是Excel工作簿",
        scope: "file",
      },
    ],
  }),
];
const result = runRound({ plan, period, returns, deadline: "2025-10-15" });
const desc = buildBulletin(result, plan, { issuedOn: "2025-10-21" });
const sheet = (name: string) => desc.sheets.find((s) => s.name === name) as SheetDescription;
const texts = (s: SheetDescription) => s.rows.flat().filter((v): v is string => typeof v === "string");

test("the bulletin workbook: the 工作通报 first, its six 附件, the hidden data sheet last", () => {
  expect(desc.sheets.map((s) => [s.name, s.state])).toEqual([
    ["工作通报", "visible"],
    ["市级目标完成情况", "visible"],
    ["综合得分及排名", "visible"],
    ["县区完成情况", "visible"],
    ["报送情况", "visible"],
    ["数据问题", "visible"],
    ["企业名单", "visible"],
    ["明细", "visible"],
    ["通报数据", "hidden"],
  ]);
});

test("工作通报 in 公文 form: masthead, 主送, opening citing the plan, five sections, 特此通报, 附件 list, A4 portrait", () => {
  const b = sheet("工作通报");
  const all = texts(b);
  expect(all[0]).toBe("连云港市专精特新企业培育工作通报");
  expect(all).toContain("关于2025年第三季度全市专精特新企业培育工作进展情况的通报");
  expect(all).toContain("各县区、功能板块中小企业主管部门：");
  expect(all.some((t) => t.includes(`《${plan.title}》`))).toBe(true);
  const joined = all.join("\n");
  for (const h of [
    "一、总体进展",
    "二、各地进展",
    "三、需关注的指标",
    "四、数据质量",
    "五、下一步工作要求",
    "特此通报。",
  ])
    expect(joined).toContain(h);
  expect(joined).toContain("附件：1.全市目标完成情况");
  expect(joined).toContain("6.重点关注企业名单");
  expect(joined).toContain("2025年10月21日");
  expect(joined).toContain("赣榆区");
  expect(b.print).toMatchObject({ orientation: "portrait", paperSize: "A4" });
  expect((b.styles ?? []).some((s) => s.style.fontName === "黑体")).toBe(true);
  expect((b.styles ?? []).some((s) => s.style.fontName === "仿宋")).toBe(true);
  // Time progress stated once, counts whole.
  expect(joined.match(/序时进度/g)!.length).toBeGreaterThan(0);
  expect(joined.match(/实施时间已过/g)).toHaveLength(1);
  expect(joined).not.toMatch(/\d+\.\d+[家个件项]/);
});

test("附件2 carries the chart of the scores on its own data; the chart is off the print area", () => {
  const b = sheet("综合得分及排名");
  expect(b.charts).toHaveLength(1);
  const c = b.charts![0];
  const cats = parseRange(c.categories);
  const vals = parseRange(c.series[0].values);
  const names = Array.from({ length: cats.bottom - cats.top + 1 }, (_, i) => b.rows[cats.top + i][cats.left]);
  const scores = Array.from(
    { length: vals.bottom - vals.top + 1 },
    (_, i) => b.rows[vals.top + i][vals.left],
  );
  const ranked = result.score.units.filter((u) => u.score !== null).sort((x, y) => x.rank! - y.rank!);
  expect(names).toEqual(ranked.map((u) => u.name));
  expect(scores).toEqual(ranked.map((u) => Math.round(u.score! * 100) / 100));
  expect(parseRange(b.print!.printArea!).bottom).toBeLessThan(parseRange(c.anchor.cell).top);
});

test("status colours on the city table follow the status; no codes on the printed sheet", () => {
  const b = sheet("市级目标完成情况");
  const fills = new Map(
    (b.styles ?? []).filter((s) => /^I\d+$/.test(s.range)).map((s) => [s.range, s.style.fill]),
  );
  result.score.city.forEach((s, i) => {
    const want = { green: "C6EFCE", yellow: "FFEB9C", red: "FFC7CE" }[s.status ?? "green"];
    expect(fills.get(`I${i + 5}`)).toBe(s.status ? want : "EDEDED");
    expect(b.rows[i + 4][1]).toBe(plan.indicators[i].name);
  });
  expect(texts(b).some((t) => /^[a-z]+_[a-z_]+$/.test(t))).toBe(false);
  expect(b.print?.printTitleRows).toBe("4:4");
});

test("附件2: indicator part, bonus, each deduction, score, band, ranked units first", () => {
  const u = sheet("综合得分及排名");
  expect(u.rows[3]).toEqual([
    "排名",
    "单位",
    "指标完成得分",
    "超额加分",
    "逾期扣分",
    "缺报扣分",
    "退回数据扣分",
    "扣分合计",
    "综合得分",
    "等次",
    "报送情况",
  ]);
  const ranked = [...result.score.units].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
  ranked.forEach((x, i) => {
    expect(u.rows[4 + i][1]).toBe(x.name);
    expect(u.rows[4 + i][8]).toBe(x.score === null ? "—" : Math.round(x.score * 100) / 100);
  });
});

test("县区完成情况: indicator groups of at most eight, the unit column first in every block", () => {
  const u = sheet("县区完成情况");
  const headers = u.rows.filter((r) => r[0] === "单位");
  expect(headers.length).toBeGreaterThanOrEqual(8);
  for (const h of headers) expect(h.length).toBeLessThanOrEqual(9);
  const names = headers.flatMap((h) => h.slice(1));
  expect(names.length).toBe(plan.indicators.length * 2);
});

test("text from returns is written as plain strings, never formulas", () => {
  for (const s of desc.sheets)
    for (const row of s.rows)
      for (const v of row)
        // The only formulas are our own links to the 明细 sheet, with a number as the shown value.
        if (v !== null && typeof v === "object")
          expect(v.formula).toMatch(/^HYPERLINK\("#'明细'!A\d+",-?[\d.e+-]+\)$/);
  const issues = texts(sheet("数据问题")).join("\n");
  expect(issues).toContain(evil);
  expect(issues).toContain("-2+3.xlsx");
  expect(issues).toContain("校验码错误");
});

test("数据问题 lists the rejected return, the rejected row and both sides of the duplicate; codes outside the print area", () => {
  const s = sheet("数据问题");
  const rows = s.rows.slice(4);
  expect(rows.filter((r) => r[0] === "整份退回").map((r) => r[2])).toEqual(["-2+3.xlsx"]);
  expect(rows.filter((r) => r[0] === "退回记录").map((r) => [r[1], r[3], r[5]])).toEqual([
    ["海州区", "企业名录 B3", "uscc.checksum"],
  ]);
  expect(rows.filter((r) => r[0] === "重复企业").map((r) => [r[1], r[3]])).toEqual([
    ["连云区", "企业名录 B2"],
    ["海州区", "企业名录 B2"],
  ]);
  // Each row's own place is in its columns; its text names the other unit's place, once.
  const dup = rows.filter((r) => r[0] === "重复企业");
  expect(String(dup[0][4])).toContain("另见：海州区 企业名录 B2；");
  expect(String(dup[0][4])).not.toContain("连云区 企业名录 B2");
  expect(parseRange(s.print!.printArea!).right).toBe(4);
});

test("报送情况: on time, late, rejected, missing; times as Beijing dates", () => {
  const rows = sheet("报送情况").rows.slice(4);
  const by = (name: string) => rows.find((r) => r[0] === name)!;
  expect([by("连云区")[1], by("连云区")[6]]).toEqual(["已报送", "按时"]);
  expect(by("连云区")[4]).toBe("2025年10月8日 10:00");
  expect([by("海州区")[1], by("海州区")[6]]).toEqual(["已报送", "逾期"]);
  expect(by("赣榆区")[1]).toBe("已退回");
  expect(by("东海县")[1]).toBe("未报送");
});

describe("toAggregateJson", () => {
  const json = toAggregateJson(result);
  test("exactly the contract keys: the first version's in order, fields added after them", () => {
    expect(Object.keys(json)).toEqual([
      "period",
      "city",
      "units",
      "submissions",
      "rejected",
      "duplicates",
      "bands",
    ]);
    expect(Object.keys(json.city)).toEqual(["indicators"]);
    expect(Object.keys(json.city.indicators[0])).toEqual([
      "code",
      "actual",
      "target",
      "completion",
      "expected",
      "status",
      "base",
      "completionBasis",
      "scored",
    ]);
    expect(Object.keys(json.units[0])).toEqual([
      "code",
      "name",
      "indicators",
      "score",
      "rank",
      "reported",
      "indicatorPart",
      "bonus",
      "deductions",
      "band",
      "daysLate",
      "region",
      // Added with region figures keyed by field (issue 25 item 2).
      "regions",
    ]);
    expect(Object.keys(json.submissions[0])).toEqual([
      "unit",
      "name",
      "status",
      "file",
      "submittedAt",
      "timing",
      "errors",
      "warnings",
      "rows",
      "submittedAtSource",
      "formVersion",
    ]);
    expect(json.city.indicators.map((i) => i.code)).toEqual(plan.indicators.map((i) => i.code));
  });
  test("shares as fractions, null for no data; JSON-serialisable without loss", () => {
    const rd = json.city.indicators.find((i) => i.code === "rd_intensity")!;
    expect(rd.actual).toBeCloseTo(0.06, 12);
    expect(rd.target).toBe(0.05);
    const inno = json.city.indicators.find((i) => i.code === "ip_standard_inno")!;
    expect(inno).toMatchObject({ actual: 0, status: "red" });
    const gy = json.units.find((u) => u.code === "320707")!;
    expect(gy.indicators.every((i) => i.actual === null)).toBe(true);
    // No return: ranked last with the missing-return deduction on a zero indicator part.
    expect(gy.score).toBe(-10);
    const reportedRanks = json.units.filter((u) => u.reported).map((u) => u.rank!);
    expect(reportedRanks.length).toBeGreaterThan(0);
    expect(gy.rank).toBeGreaterThan(Math.max(...reportedRanks));
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.rejected.map((r) => r.kind)).toEqual(["rejected", "row"]);
    expect(json.duplicates[0].occurrences.map((o) => o.cell)).toEqual(["B2", "B2"]);
  });
});

test("a long paragraph is cut at clause ends into rows Excel can hold", () => {
  const p = "甲乙丙丁，".repeat(200);
  const parts = splitParagraph(p, 300);
  expect(parts.join("")).toBe(p);
  for (const x of parts) {
    expect(x.length).toBeLessThanOrEqual(300);
    expect(x.endsWith("，")).toBe(true);
  }
});

test("drill-down: a unit's figure links to its block on 明细, which lists exactly the records it counts", () => {
  const d = sheet("明细");
  const u = sheet("县区完成情况");
  const unit = result.score.units.find((x) => x.code === "320703")!;
  const i = plan.indicators.findIndex((x) => x.code === "provincial_srdi");
  const row = u.rows.find((r) => r[0] === unit.name && r.some((c) => typeof c === "object" && c !== null))!;
  const links = row.filter(
    (c): c is { formula: string; result: number } => typeof c === "object" && c !== null,
  );
  expect(links.length).toBeGreaterThan(0);
  const block = () => {
    const all = u.rows
      .flatMap((r) => (r[0] === unit.name ? r : []))
      .filter((c) => typeof c === "object" && c !== null);
    return all as { formula: string; result: number }[];
  };
  const cell = block().find((c) => c.formula.includes("明细"))!;
  expect(cell).toBeDefined();
  const start = Number(
    /A(\d+)/.exec(
      (
        u.rows
          .flatMap((r) => (r[0] === unit.name ? r : []))
          .filter((c): c is { formula: string; result: number } => typeof c === "object" && c !== null)
          .find((_, k) => k === plan.indicators.slice(0, i).length) ?? cell
      ).formula,
    )![1],
  );
  const rows = d.rows
    .slice(start - 1)
    .filter((r, k, a) => a.slice(0, k + 1).every((x) => x[0] === a[0][0] && x[1] === a[0][1]));
  expect(rows[0][0]).toBe(plan.indicators[i].name);
  expect(rows[0][1]).toBe(unit.name);
  expect(rows.filter((r) => r[4] === "计入").length).toBe(unit.indicators[i].actual);
  expect(sheet("明细").print?.printArea).toBe("A1:E3");
});
