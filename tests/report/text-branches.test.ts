// The drafted text on rounds that exercise every branch: no units behind, all behind, ties, missing
// units, no targets, no data at all.
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { runRound, type RoundResult } from "../../src/core/report/round-result";
import { draftBulletinText } from "../../src/core/report/text";
import { unitTableText } from "../../src/core/report/terminal";
import { scoresSheet } from "../../src/core/report/attachments/scores";
import { code, ret } from "../aggregate/fixtures";

const plan = DEFAULT_PLAN;
const period = parsePeriod("2025Q3")!;
const firm = (n: number) => ({
  uscc: code(n),
  provincial_srdi_year: 2024,
  innovative_year: 2024,
  revenue: 100,
  rd_expense: 5,
  transformation: true,
});
const base = () =>
  runRound({
    plan,
    period,
    deadline: "2025-10-15",
    returns: [ret("320703", [firm(1), firm(2)]), ret("320706", [firm(3)]), ret("320707", [firm(4)])],
  });
const text = (r: RoundResult) => {
  const t = draftBulletinText(r, plan, { issuedOn: "2025-10-20" });
  return [t.opening, ...t.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join("\n");
};
/** Sets the three reporting units' parts and scores and ranks them as given. */
function withScores(parts: [string, number, number][]): RoundResult {
  const r = base();
  for (const [name, part, rank] of parts) {
    const u = r.score.units.find((x) => x.name === name)!;
    u.indicatorPart = part;
    u.score = part;
    u.rank = rank;
  }
  return r;
}
const progress = base().score.timeProgress * 100;

test("no targets: the text says counts are not scored per unit", () => {
  expect(text(base())).toContain("本期未导入目标分解表");
});

test("targets given with the 分解目标 column blank: the text and the ranking sheet say what is missing", () => {
  const returns = [ret("320703", [firm(1), firm(2)]), ret("320706", [firm(3)])];
  // Base values filled, no unit given a target: the workbook as `srdi targets` writes it, untouched.
  const targets = {
    units: { "320703": { provincial_srdi: { base: 10, target: null } } },
    city: {},
  };
  const r = runRound({ plan, period, deadline: "2025-10-15", returns, targets });
  expect(r.allocated).toBe(false);
  const want = "目标分解表已导入，但\u201c目标分解\u201d工作表的\u201c分解目标\u201d列未填写";
  expect(text(r)).toContain(`本期${want}，计数类指标各地只列数据、不计分`);
  expect(text(r)).not.toContain("未导入目标分解表");
  const noteOf = (x: RoundResult) =>
    String(
      scoresSheet(x, plan)
        .rows.flat()
        .find((v) => typeof v === "string" && v.startsWith("综合得分 =")),
    );
  const note = noteOf(r);
  expect(note).toContain(`${want}，计数类指标各地不计分。`);
  expect(noteOf(base())).toContain("未导入目标分解表，计数类指标各地不计分。");
  // One unit with a target: allocated, nothing said.
  targets.units["320703"].provincial_srdi.target = 12 as unknown as null;
  const allocated = runRound({ plan, period, deadline: "2025-10-15", returns, targets });
  expect(allocated.allocated).toBe(true);
  expect(text(allocated)).not.toContain("分解目标\u201d列未填写");
});

test("missing units are named and said to be ranked last or unranked", () => {
  const t = text(base());
  expect(t).toMatch(/东海县[^。]*本期未报送数据或报表未通过审核/);
});

test("no unit behind time progress", () => {
  const t = text(
    withScores([
      ["连云区", progress + 5, 1],
      ["海州区", progress + 3, 2],
      ["赣榆区", progress + 1, 3],
    ]),
  );
  expect(t).toContain("各参评单位指标综合完成情况均达到序时进度");
  expect(t).not.toContain("低于序时进度，需加大");
});

test("every unit behind time progress", () => {
  const t = text(
    withScores([
      ["连云区", progress - 1, 1],
      ["海州区", progress - 3, 2],
      ["赣榆区", progress - 5, 3],
    ]),
  );
  expect(t).toContain("各参评单位指标综合完成情况均低于序时进度");
});

test("some behind: named with their number", () => {
  const t = text(
    withScores([
      ["连云区", progress + 1, 1],
      ["海州区", progress - 3, 2],
      ["赣榆区", progress - 5, 3],
    ]),
  );
  expect(t).toContain("海州区、赣榆区2个单位指标综合完成情况低于序时进度");
});

test("ties are named as such", () => {
  const t = text(
    withScores([
      ["连云区", 80, 1],
      ["海州区", 80, 1],
      ["赣榆区", 70, 3],
    ]),
  );
  expect(t).toContain("连云区、海州区(并列第1)");
  const all = text(
    withScores([
      ["连云区", 80, 1],
      ["海州区", 80, 1],
      ["赣榆区", 80, 1],
    ]),
  );
  expect(all).toContain("综合得分相同，并列第1");
});

test("bands: units named by grade band when the scoring uses bands", () => {
  const r = withScores([
    ["连云区", 95, 1],
    ["海州区", 85, 2],
    ["赣榆区", 60, 3],
  ]);
  r.score.bands = [
    { label: "好", min: 90 },
    { label: "较好", min: 80 },
    { label: "一般", min: 0 },
  ];
  for (const [name, band] of [
    ["连云区", "好"],
    ["海州区", "较好"],
    ["赣榆区", "一般"],
  ])
    r.score.units.find((u) => u.name === name)!.band = band;
  const t = text(r);
  expect(t).toContain(
    "连云区为\u201c好\u201d等次；海州区为\u201c较好\u201d等次；赣榆区为\u201c一般\u201d等次",
  );
});

test("bands: a unit sent back or not reported, ranked last as 评分设置 scores it, is in the 等次 sentence", () => {
  const r = withScores([
    ["连云区", 95, 1],
    ["海州区", 85, 2],
    ["赣榆区", 60, 3],
  ]);
  r.score.bands = [
    { label: "好", min: 90 },
    { label: "一般", min: -Infinity },
  ];
  for (const u of r.score.units) u.band = u.name === "连云区" ? "好" : u.rank === null ? null : "一般";
  const last = r.score.units.filter((u) => !u.reported);
  expect(last.length).toBeGreaterThan(0);
  expect(last.every((u) => u.rank !== null && u.score === -r.settings.missingPoints)).toBe(true);
  const t = text(r);
  expect(t).toContain(
    `连云区为\u201c好\u201d等次；${["海州区", "赣榆区", ...last.map((u) => u.name)].join("、")}为\u201c一般\u201d等次`,
  );
});

test("no returns at all: no scores, no data, no fractional counts", () => {
  const r = runRound({ plan, period, returns: [], deadline: "2025-10-15" });
  const t = text(r);
  expect(t).toContain("本期暂无可评分的单位");
  expect(t).toContain("本期各项指标均无数据");
  expect(t).not.toMatch(/\d+\.\d+[家个件]/);
  expect(t.match(/实施时间已过/g)).toHaveLength(1);
});

test("the terminal's ranking says how a unit without a counted return is scored, beside its −10", () => {
  const t = unitTableText(base());
  expect(t).toMatch(/东海县\s+-10\.0\s+未报送\(指标得分0分，扣10分\)/);
  expect(t).toMatch(/连云区\s+\S+\s+已报送\n/);
});

test("a list shortened to 等N… names its noun: 等次, 排名上升, 滞后指标 (issue 26)", () => {
  const r = withScores([
    ["连云区", 95, 1],
    ["海州区", 85, 2],
    ["赣榆区", 60, 3],
  ]);
  const model = r.score.units.find((u) => u.name === "连云区")!;
  // A province's worth of units in one band: 14 ranked, all 好.
  const many = Array.from({ length: 14 }, (_, i) => ({
    ...model,
    code: `9${String(i).padStart(5, "0")}`,
    name: `单位${i + 1}`,
    rank: i + 1,
    band: "好",
  }));
  r.score.units = many;
  r.score.bands = [{ label: "好", min: 0 }];
  for (const s of r.score.city) s.status = "red";
  const previous = { periodLabel: "2025年上半年" };
  const comparison = {
    previous,
    units: Object.fromEntries(many.map((u) => [u.code, { rankMove: 1 }])),
    city: {},
    newEnterprises: [],
    goneEnterprises: [],
  };
  const t = draftBulletinText(r, plan, {
    issuedOn: "2025-10-20",
    comparison: comparison as unknown as Parameters<typeof draftBulletinText>[2]["comparison"],
  });
  const all = [t.opening, ...t.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join("\n");
  expect(all).toContain(
    `${many
      .slice(0, 12)
      .map((u) => u.name)
      .join("、")}等14个单位为\u201c好\u201d等次`,
  );
  expect(all).toContain("单位5(1位)等14个单位排名上升");
  const lagging = r.score.city.length;
  expect(lagging).toBeGreaterThan(4);
  expect(all).toMatch(new RegExp(`重点围绕[^，]+等${lagging}项滞后指标，`));
  expect(all).not.toMatch(/等\d+个等/);
});
