// Reading a roster back: every bad row is named by sheet, cell and reason in Chinese; nothing is lost.
import { issueText } from "../../src/core/issues";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { readRoster } from "../../src/core/roster/read";
import { buildRosterWorkbook, ROSTER_SHEET } from "../../src/core/roster/workbook";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { snapshotOf } from "../targets/snapshot-of";
import { rosterSnapshot, THIS_YEAR, uscc } from "./fixtures";

const read = (snap: WorkbookSnapshot, plan = DEFAULT_PLAN) => readRoster(snap, plan, { thisYear: THIS_YEAR });
const located = (r: ReturnType<typeof read>) => r.issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`);

test("the blank template reads as an empty roster, with the plan's tiers as its list", () => {
  const desc = buildRosterWorkbook(DEFAULT_PLAN, { thisYear: THIS_YEAR });
  const tiers = desc.sheets[0].validations!.find((v) => v.range.startsWith("C"))!;
  expect(tiers.list).toEqual([
    "创新型中小企业",
    "科技和创新型中小企业",
    "省级专精特新中小企业",
    "专精特新\u201c小巨人\u201d企业",
    "制造业单项冠军",
  ]);
  expect(desc.sheets[0].rows[2]).toEqual([
    "企业名称",
    "统一社会信用代码",
    "层级",
    "年份",
    "批次或文号",
    "所在地区",
    "状态",
  ]);
  const r = read(snapshotOf(desc));
  expect(r.issues).toEqual([]);
  expect(r.roster).toMatchObject({ sheet: ROSTER_SHEET, entries: [], rowsRead: 0, rowsRejected: 0 });
});

test("a plan without a tier: the template does not offer it and a row naming it is refused", () => {
  const plan = { ...DEFAULT_PLAN, tiers: DEFAULT_PLAN.tiers.filter((t) => t.key !== "champion") };
  const desc = buildRosterWorkbook(plan, { thisYear: THIS_YEAR });
  expect(desc.sheets[0].validations!.find((v) => v.range.startsWith("C"))!.list).not.toContain(
    "制造业单项冠军",
  );
  const r = read(rosterSnapshot([["甲", null, "制造业单项冠军", 2023, null, "连云区", "认定"]]), plan);
  expect(located(r)).toEqual(["roster.tier_unknown@认定名单!C4"]);
  expect(r.issues[0].message).toContain("不是本计划的层级");
});

test("tier names as the plan gives them: the renamed base tier reads as the same tier", () => {
  const r = read(
    rosterSnapshot([
      ["甲", null, "科技和创新型中小企业", 2026, null, "连云区", "认定"],
      ["乙", null, "创新型中小企业", 2024, null, "连云区", "认定"],
    ]),
  );
  expect(r.issues).toEqual([]);
  expect(r.roster!.entries.map((e) => e.tier)).toEqual(["innovative", "innovative"]);
});

test("missing columns refuse the roster whole, naming each column", () => {
  const snap: WorkbookSnapshot = {
    sheets: [
      {
        name: "Sheet1",
        state: "visible",
        merges: [],
        cells: [
          ["企业名称", "年份", "所在地区"],
          ["甲", 2023, "连云区"],
        ],
      },
    ],
  };
  const r = read(snap);
  expect(r.roster).toBeNull();
  expect(r.issues.map(issueText)).toEqual([
    "Sheet1!A1 认定名单缺少列\u201c层级\u201d；请补上该列(列的先后不限)",
    "Sheet1!A1 认定名单缺少列\u201c状态\u201d；请补上该列(列的先后不限)",
  ]);
});

test("a workbook with no roster sheet is refused", () => {
  const r = read({ sheets: [{ name: "Sheet1", state: "visible", merges: [], cells: [["单位", "金额"]] }] });
  expect(r.roster).toBeNull();
  expect(r.issues.map((i) => i.code)).toEqual(["roster.no_sheet"]);
});

test("a pasted list: columns in another order, other header words, a title above", () => {
  const snap: WorkbookSnapshot = {
    sheets: [
      {
        name: "公告",
        state: "visible",
        merges: [],
        cells: [
          ["2024年江苏省专精特新中小企业名单"],
          ["序号", "企业名称", "所在地区", "认定年份", "层级", "状态", "信用代码"],
          [1, "连云港华宇科技有限公司", "连云港市海州区", "2024年", "省级专精特新中小企业", "认定", uscc(1)],
          [2, "连云港明达机械有限公司", "南京市", 2024, "省级专精特新中小企业", "认定", null],
        ],
      },
    ],
  };
  const r = read(snap);
  expect(r.issues).toEqual([]);
  expect(
    r.roster!.entries.map((e) => [e.row, e.name, e.uscc, e.tier, e.year, e.unit, e.inCity, e.status]),
  ).toEqual([
    [3, "连云港华宇科技有限公司", uscc(1), "provincial_srdi", 2024, "320706", true, "recognised"],
    [4, "连云港明达机械有限公司", null, "provincial_srdi", 2024, null, false, "recognised"],
  ]);
});

test("bad rows: each refused with its cell and reason; rows read = accepted + refused", () => {
  const bad = uscc(5).slice(0, 17) + (uscc(5)[17] === "0" ? "1" : "0");
  const r = read(
    rosterSnapshot([
      ["甲", uscc(1), "科技型中小企业", 2023, null, "连云区", "认定"], // 4: a tier the plan lacks
      ["乙", uscc(2), "创新型中小企业", 2021, null, "连云区", "认定"], // 5: before the tier's first list (2022)
      ["丙", uscc(3), "创新型中小企业", 2027, null, "连云区", "认定"], // 6: after this year
      ["丁", uscc(4), "创新型中小企业", "二〇二三", null, "连云区", "认定"], // 7: not a year
      ["戊", bad, "创新型中小企业", 2023, null, "连云区", "认定"], // 8: code does not check out (kept)
      ["己", uscc(6), "创新型中小企业", 2023, null, "连云区", "通过"], // 9: unknown status
      [null, uscc(7), "创新型中小企业", 2023, null, "连云区", "认定"], // 10: no name
      ["庚", uscc(8), "创新型中小企业", 2023, "第一批", "连云区", "认定"], // 11
      ["庚", uscc(8), "创新型中小企业", 2023, "第一批", "连云区", "认定"], // 12: duplicate of 11
      ["庚", uscc(8), "创新型中小企业", 2024, null, "连云区", "复核通过"], // 13: not a duplicate
      [null, null, null, null, null, null, null], // blank: not a row
      ["辛", uscc(9), "创新型中小企业", 2023, null, "连云区", null], // 15: no status
    ]),
  );
  expect(located(r)).toEqual([
    "roster.tier_unknown@认定名单!C4",
    "roster.year@认定名单!D5",
    "roster.year@认定名单!D6",
    "roster.year@认定名单!D7",
    "roster.uscc@认定名单!B8",
    "roster.status@认定名单!G9",
    "roster.required@认定名单!A10",
    "roster.duplicate@认定名单!A12",
    "roster.required@认定名单!G15",
  ]);
  const text = r.issues.map(issueText);
  expect(text[1]).toBe("认定名单!D5 年份须为 2022 至 2026 之间的年份，实为 \u201c2021\u201d，本行未计入名单");
  expect(text[7]).toBe("认定名单!A12 与第 11 行重复(同一企业、层级、年份和状态)，以第一次出现的为准");
  expect(r.issues[4].severity).toBe("warning");
  // The code that does not check out is not matched on, and no passing check character is offered.
  expect(r.issues[4].message).not.toContain(`应为`);
  expect(r.roster!.entries.find((e) => e.name === "戊")!.uscc).toBeNull();
  expect(r.roster!.entries.map((e) => e.row)).toEqual([8, 11, 13]);
  expect(r.roster).toMatchObject({ rowsRead: 11, rowsRejected: 8 });
  expect(r.roster!.rowsRead).toBe(r.roster!.entries.length + r.roster!.rowsRejected);
});
