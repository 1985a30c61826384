// Bulletin settings (发文机关, 期号, 主送, 抄送, next steps) live on the targets workbook's 通报设置 sheet,
// are read back from the file, and reach the drafted text.
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { runRound } from "../../src/core/report/round-result";
import { defaultBulletinSettings, settingText } from "../../src/core/targets/bulletin-settings";
import { draftBulletinText } from "../../src/core/report/text";
import { readTargets } from "../../src/core/targets/read";
import { buildTargetsWorkbook } from "../../src/core/targets/workbook";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";

const plan = DEFAULT_PLAN;
const period = parsePeriod("2025Q3")!;

test("written to and read back from the targets workbook, then used by the text", async () => {
  const bulletin = {
    ...defaultBulletinSettings(plan),
    issuer: "连云港市工业和信息化局",
    number: "第3期",
    cc: "市政府办公室",
    nextSteps: ["压实责任。各地要逐项落实。", "加强调度。"],
  };
  const bytes = await writeWorkbook(buildTargetsWorkbook(plan, period, { bulletin }));
  const r = readTargets(await readWorkbook(bytes, { name: "t.xlsx" }), plan);
  expect(r.bulletin).toEqual(bulletin);
  const t = draftBulletinText(runRound({ plan, period, returns: [] }), plan, {
    issuedOn: "2025-10-20",
    settings: r.bulletin,
  });
  expect(t.number).toBe("2025年第3期");
  expect(t.issuer).toBe("连云港市工业和信息化局");
  expect(t.cc).toBe("抄送：市政府办公室。");
  expect(t.sections[4].paragraphs).toEqual(["（一）压实责任。各地要逐项落实。", "（二）加强调度。"]);
});

test("setting text is one bounded line without control characters", () => {
  expect(settingText("甲\u0000乙\n丙")).toBe("甲 乙 丙");
  expect(settingText("长".repeat(1000)).length).toBe(400);
  expect(settingText({ formula: "1+1", result: 2 })).toBe("2");
});
