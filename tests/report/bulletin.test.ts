import { parseRange } from "../../src/core/a1";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { buildBulletin } from "../../src/core/report/bulletin";
import { paragraphHeight } from "../../src/core/report/bulletin-sheet";
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
            message: "企业名录!B3：校验码错误",
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
      },
    ],
  }),
];
const result = runRound({ plan, period, returns, deadline: "2025-10-15" });
const desc = buildBulletin(result, plan, { issuedOn: "2025-10-21" });
const sheet = (name: string) => desc.sheets.find((s) => s.name === name) as SheetDescription;
const texts = (s: SheetDescription) => s.rows.flat().filter((v): v is string => typeof v === "string");

test("the bulletin workbook has the five sheets, the 工作通报 first", () => {
  expect(desc.sheets.map((s) => s.name)).toEqual([
    "工作通报",
    "市级目标完成情况",
    "县区完成情况及排名",
    "报送情况",
    "数据问题",
  ]);
});

test("工作通报: title, the five sections, A4 landscape fit to width, Chinese fonts, a score chart on its own data", () => {
  const b = sheet("工作通报");
  expect(b.rows[0][0]).toBe("全市专精特新企业培育工作通报（2025年第三季度）");
  const all = texts(b).join("\n");
  for (const h of ["一、总体进展", "二、各地进展", "三、需关注的指标", "四、数据质量", "五、下一步工作要求"])
    expect(all).toContain(h);
  expect(all).toContain("2025年10月21日");
  expect(all).toContain("赣榆区"); // the rejected unit is named in 四、数据质量 or the unranked list
  expect(b.print).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToWidth: true });
  expect((b.styles ?? []).some((s) => s.style.fontName === "黑体")).toBe(true);
  expect((b.styles ?? []).some((s) => s.style.fontName === "仿宋")).toBe(true);
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
  expect(scores).toEqual(ranked.map((u) => u.score));
});

test("status colours on the city table follow the status", () => {
  const b = sheet("市级目标完成情况");
  const fills = new Map(
    (b.styles ?? []).filter((s) => /^K\d+$/.test(s.range)).map((s) => [s.range, s.style.fill]),
  );
  result.score.city.forEach((s, i) => {
    const want = { green: "C6EFCE", yellow: "FFEB9C", red: "FFC7CE" }[s.status ?? "green"];
    expect(fills.get(`K${i + 4}`)).toBe(s.status ? want : "EDEDED");
    expect(b.rows[i + 3][2]).toBe(s.code);
  });
  expect(b.print?.printTitleRows).toBe("3:3");
});

test("县区完成情况及排名: score and rank in the columns after the indicators, ranked units first", () => {
  const u = sheet("县区完成情况及排名");
  const n = plan.indicators.length;
  expect(u.rows[2].slice(3 + n)).toEqual(["得分", "排名"]);
  expect(u.rows[3].slice(3, 3 + n)).toEqual(plan.indicators.map((i) => i.code));
  const ranked = result.score.units.filter((x) => x.rank !== null).sort((a, b) => a.rank! - b.rank!);
  ranked.forEach((x, i) => {
    expect(u.rows[4 + i][0]).toBe(x.code);
    expect(u.rows[4 + i][3 + n]).toBe(x.score);
    expect(u.rows[4 + i][4 + n]).toBe(x.rank);
  });
  expect(u.merges).toContain(`A1:${"AH"}1`);
});

test("text from returns is written as plain strings, never formulas", () => {
  for (const s of desc.sheets)
    for (const row of s.rows)
      for (const v of row)
        if (v !== null && typeof v === "object") expect(v.formula).not.toMatch(/HYPERLINK|calc|SUM\(1\)/);
  const issues = texts(sheet("数据问题")).join("\n");
  expect(issues).toContain(evil);
  expect(issues).toContain("-2+3.xlsx");
  expect(issues).toContain("企业名录!B3：校验码错误");
});

test("数据问题 lists the rejected return, the rejected row and both sides of the duplicate with cells", () => {
  const rows = sheet("数据问题").rows.slice(3);
  expect(rows.filter((r) => r[0] === "整份退回").map((r) => r[2])).toEqual(["-2+3.xlsx"]);
  expect(rows.filter((r) => r[0] === "退回数据行").map((r) => [r[1], r[4]])).toEqual([["海州区", "B3"]]);
  expect(rows.filter((r) => r[0] === "重复企业").map((r) => [r[1], r[3], r[4]])).toEqual([
    ["连云区", "企业名录", "B2"],
    ["海州区", "企业名录", "B2"],
  ]);
});

test("报送情况: on time, late, rejected, missing", () => {
  const rows = sheet("报送情况").rows.slice(3);
  const by = (name: string) => rows.find((r) => r[1] === name)!;
  expect([by("连云区")[2], by("连云区")[5]]).toEqual(["已报送", "按时"]);
  expect([by("海州区")[2], by("海州区")[5]]).toEqual(["已报送", "逾期"]);
  expect(by("赣榆区")[2]).toBe("已退回");
  expect(by("东海县")[2]).toBe("未报送");
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

test("paragraph height grows with the text", () => {
  expect(paragraphHeight("短")).toBeLessThan(paragraphHeight("长".repeat(200)));
  // 200 CJK characters plus the two-character indent at 52 a line: 4 lines.
  expect(paragraphHeight("长".repeat(200))).toBe(4 * 21 + 4);
  expect(paragraphHeight("a".repeat(100))).toBe(2 * 21 + 4);
});
