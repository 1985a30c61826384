// Review states the bureau keeps (报送登记 审核结果, 退回原因): written and read back with the targets
// workbook; a return sent back is not counted, is listed with its reason, and is scored as a missing one.
import { buildTargetsWorkbook } from "../../src/core/targets/workbook";
import { readTargets } from "../../src/core/targets/read";
import { RECEIPTS_SHEET, DEFAULT_SETTINGS } from "../../src/core/targets/types";
import { runRound } from "../../src/core/report/round-result";
import { draftBulletinText } from "../../src/core/report/text";
import { issuesSheet } from "../../src/core/report/attachments/issues";
import { submissionsSheet } from "../../src/core/report/attachments/submissions";
import { toAggregateJson } from "../../src/core/report/json";
import { snapshotOf, setCell } from "../targets/snapshot-of";
import { demo, demoReturns, plan } from "../prefill/fixtures";

const GUANNAN = "320724"; // 灌南县: ranked 3rd in the demo round (82.46, late by 2 working days)
const REASON = "企业名录营业收入单位填成了元，请改为万元后重新报送";

describe("报送登记: 审核结果 and 退回原因 in the targets workbook", () => {
  const reviews = {
    [GUANNAN]: { state: "returned" as const, reason: REASON },
    "320703": { state: "accepted" as const, reason: null },
  };
  const desc = buildTargetsWorkbook(plan, demo.period, { allocation: { ...demo.targets, reviews } });
  const sheet = desc.sheets.find((s) => s.name === RECEIPTS_SHEET)!;

  test("the sheet has the two columns, a list for 审核结果, and the states written", () => {
    expect(sheet.rows[2]).toEqual(["单位代码", "单位", "收到日期", "审核结果", "退回原因", "备注"]);
    const row = sheet.rows.find((r) => r[0] === GUANNAN)!;
    expect(row.slice(3, 5)).toEqual(["退回", REASON]);
    expect(sheet.validations?.find((v) => v.type === "list")).toMatchObject({
      list: ["待审核", "接受", "退回"],
      range: `D4:D${3 + plan.units.length}`,
    });
  });

  test("read back: the reviews, receipts unchanged; a state that is none of the three is a located error", () => {
    const snap = snapshotOf(desc);
    const r = readTargets(snap, plan);
    expect(r.targets.reviews).toEqual(reviews);
    expect(r.targets.receipts).toEqual(demo.targets.receipts);
    const s = snap.sheets.find((x) => x.name === RECEIPTS_SHEET)!;
    const row0 = s.cells.findIndex((c) => c[0] === "320703");
    setCell(snap, RECEIPTS_SHEET, row0, 3, "通过");
    const bad = readTargets(snap, plan);
    expect(bad.targets.reviews).toEqual({ [GUANNAN]: reviews[GUANNAN] });
    expect(bad.issues.map((i) => [i.code, i.sheet, i.cell, i.message])).toEqual([
      [
        "targets.review_invalid",
        RECEIPTS_SHEET,
        `D${row0 + 1}`,
        "连云区的审核结果为\u201c通过\u201d，应为\u201c待审核\u201d\u201c接受\u201d或\u201c退回\u201d，已按待审核处理",
      ],
    ]);
  });

  test("a workbook made before the columns existed reads as every return 待审核", () => {
    const snap = snapshotOf(desc);
    const s = snap.sheets.find((x) => x.name === RECEIPTS_SHEET)!;
    s.cells = s.cells.map((r) => [...r.slice(0, 3), ...r.slice(5)]);
    expect(readTargets(snap, plan).targets.reviews).toBeUndefined();
  });
});

describe("a round with one unit sent back (default settings)", () => {
  const returns = demoReturns();
  const before = runRound({
    plan,
    period: demo.period,
    returns,
    targets: demo.targets,
    settings: DEFAULT_SETTINGS,
  });
  const targets = { ...demo.targets, reviews: { [GUANNAN]: { state: "returned" as const, reason: REASON } } };
  const after = runRound({ plan, period: demo.period, returns, targets, settings: DEFAULT_SETTINGS });
  const unit = (r: typeof after, code: string) => r.score.units.find((u) => u.code === code)!;

  test("accepted and pending reviews change nothing", () => {
    const accepted = runRound({
      plan,
      period: demo.period,
      returns,
      targets: { ...demo.targets, reviews: { [GUANNAN]: { state: "accepted", reason: null } } },
      settings: DEFAULT_SETTINGS,
    });
    expect(toAggregateJson(accepted)).toEqual(toAggregateJson(before));
  });

  test("hand-computed ranking: 灌南县 drops from 3rd to the missing units' place, −10 points", () => {
    // Default settings: a unit without a counted return scores 0 on its indicators minus missingPoints (10)
    // and is ranked after every unit with one; ties share a rank. The other units' scores do not depend on
    // 灌南县, so they keep their order: 灌云县, 经开区, 高新区, 连云区, 东海县, 徐圩新区, 海州区, 赣榆区 = 1..8;
    // 灌南县 (−10) and 云台山 (−10, no return) share rank 9.
    const ranks = Object.fromEntries(after.score.units.map((u) => [u.name, u.rank]));
    expect(ranks).toEqual({
      灌云县: 1,
      连云港经济技术开发区: 2,
      连云港高新技术产业开发区: 3,
      连云区: 4,
      东海县: 5,
      徐圩新区: 6,
      海州区: 7,
      赣榆区: 8,
      灌南县: 9,
      云台山风景名胜区: 9,
    });
    const g = unit(after, GUANNAN);
    expect([g.score, g.band, g.deductions]).toEqual([
      -10,
      "较差",
      { late: 0, missing: 10, rejectedRows: 0, total: 10 },
    ]);
    expect(unit(before, GUANNAN).rank).toBe(3);
    for (const u of after.score.units.filter((x) => x.code !== GUANNAN))
      expect([u.code, u.score]).toEqual([u.code, unit(before, u.code).score]);
  });

  test("not counted, listed with the reason", () => {
    const x = after.aggregate.excluded.filter((e) => e.kind === "sent_back");
    expect(x.map((e) => [e.unit, e.reason])).toEqual([[GUANNAN, `经市局审核退回：${REASON}`]]);
    expect(after.aggregate.submissions.find((s) => s.unit === GUANNAN)!.status).toBe("rejected");
    const json = toAggregateJson(after);
    expect(json.rejected.find((r) => r.kind === "sent_back")!.reason).toContain(REASON);
  });

  test("the bulletin's 数据质量 paragraph and 附件4 (报送情况) and 附件5 say which was sent back and why", () => {
    const text = draftBulletinText(after, plan, { issuedOn: "2025-10-20" });
    const quality = text.sections.find((s) => s.heading.includes("数据质量"))!;
    expect(quality.paragraphs[0]).toContain(`经市局审核退回1个(灌南县：${REASON})`);
    expect(quality.paragraphs[0]).not.toContain("报表整份退回");
    const line = submissionsSheet(after, plan).rows.find((r) => r[1] === "审核退回")!;
    expect(line.slice(0, 3)).toEqual([
      "灌南县",
      "审核退回",
      expect.stringContaining(`经市局审核退回：${REASON}`),
    ]);
    expect(
      issuesSheet(after, plan)
        .rows.find((r) => r[0] === "审核退回")!
        .slice(0, 2),
    ).toEqual(["审核退回", "灌南县"]);
  });
});
