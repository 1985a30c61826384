// Issue 26 "How we will know": the bulletin of a round with unexplained history warnings lists them per
// unit (数据质量 and 附件5); with explanations it does not, and 附件5 shows each 说明. 评分设置 may deduct.
import { issuesSheet } from "../../src/core/report/attachments/issues";
import { runRound } from "../../src/core/report/round-result";
import { draftBulletinText } from "../../src/core/report/text";
import { readReturn } from "../../src/core/read/read-return";
import { DEFAULT_SETTINGS } from "../../src/core/targets/types";
import { descToSnapshot } from "../read/fixtures";
import { filledReturn, firm, period, plan, previous, type Firm } from "./fixtures";

function round(now: Firm[], settings = DEFAULT_SETTINGS) {
  const r = readReturn(descToSnapshot(filledReturn(now)), {
    plan,
    file: "320703-连云区-2025Q3.xlsx",
    previous: previous([firm(1), firm(2)]),
  });
  return runRound({ plan, period, returns: [r], settings });
}
const quality = (result: ReturnType<typeof round>) =>
  draftBulletinText(result, plan, { issuedOn: "2025-10-20" })
    .sections.find((s) => s.heading.includes("数据质量"))!
    .paragraphs.join("\n");
const issueRows = (result: ReturnType<typeof round>) =>
  issuesSheet(result, plan).rows.filter((r) => r[0] === "未说明" || r[0] === "已说明");

test("unexplained: the 数据质量 paragraph names the unit and the count; 附件5 lists each as 未说明", () => {
  // Firm 1: revenue ×10 (1000 -> 10000); firm 2: rd 60 -> 280 (6 % -> 28 %).
  const result = round([firm(1, { revenue: 10000 }), firm(2, { rd_expense: 280 })]);
  expect(quality(result)).toContain("有2条数据变化较大或明显偏离而填报单位未作说明(连云区2条)");
  expect(issueRows(result).map((r) => [r[0], r[3], r[5]])).toEqual([
    ["未说明", "企业名录 J2", "rule.revenue_rise_5x"],
    ["未说明", "企业名录 L3", "rule.rd_share_up_10pt"],
  ]);
  // 评分设置 may deduct for them (default: none).
  const score = (s: typeof DEFAULT_SETTINGS) =>
    round([firm(1, { revenue: 10000 }), firm(2, { rd_expense: 280 })], s).score.units.find(
      (u) => u.code === "320703",
    )!.deductions;
  expect(score(DEFAULT_SETTINGS).unexplained).toBeUndefined();
  expect(score({ ...DEFAULT_SETTINGS, unexplainedPoints: 0.5 }).unexplained).toBe(1);
});

test("explained: no unit is named, 附件5 shows each warning with its 说明", () => {
  const result = round([
    firm(1, { revenue: 10000, explanation: "并购子公司并表" }),
    firm(2, { rd_expense: 280, explanation: "新建研发中心" }),
  ]);
  expect(quality(result)).toContain("提示核实的2条数据，填报单位均已说明原因");
  expect(quality(result)).not.toContain("未作说明");
  expect(issueRows(result).map((r) => [r[0], r[4]])).toEqual([
    ["已说明", expect.stringContaining("（说明：并购子公司并表）")],
    ["已说明", expect.stringContaining("（说明：新建研发中心）")],
  ]);
});
