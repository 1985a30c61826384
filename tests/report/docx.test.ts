// The .docx of the bulletin: a 公文 on A4 portrait with the 公文 faces and their stand-ins, the drafted
// text, 特此通报, and the 附件 tables. Paper itself is checked in tests/print/paper.test.ts.
import JSZip from "jszip";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { bulletinDocument } from "../../src/core/report/document";
import { runRound } from "../../src/core/report/round-result";
import { writeBulletinDocx } from "../../src/docx/bulletin-docx";
import { code, ret } from "../aggregate/fixtures";

const plan = DEFAULT_PLAN;
const result = runRound({
  plan,
  period: parsePeriod("2025Q3")!,
  deadline: "2025-10-15",
  returns: [ret("320703", [{ uscc: code(1), innovative_year: 2024 }]), ret("320706", [{ uscc: code(2) }])],
});

test("the .docx: A4 portrait with GB/T 9704 margins, 公文 faces with fallbacks, text and 附件 tables", async () => {
  const doc = bulletinDocument(result, plan, { issuedOn: "2025-10-20" });
  const zip = await JSZip.loadAsync(await writeBulletinDocx(doc));
  const body = await zip.file("word/document.xml")!.async("string");
  const fonts = await zip.file("word/fontTable.xml")!.async("string");
  expect(body).toMatch(/<w:pgSz w:w="1190\d" w:h="1683\d"/); // 210 × 297 mm
  expect(body).toMatch(/w:top="209\d"/); // 37 mm
  expect(body).toContain("关于2025年第三季度全市专精特新企业培育工作进展情况的通报");
  expect(body).toContain("特此通报。");
  expect(body).toContain("附件1");
  expect(body).toContain("附件2");
  expect(body).toContain('w:eastAsia="仿宋_GB2312"');
  expect(body).toContain('w:eastAsia="方正小标宋简体"');
  expect(body).toContain("<w:tblHeader/>");
  for (const [face, alt] of [
    ["仿宋_GB2312", "FangSong"],
    ["方正小标宋简体", "SimSun"],
    ["黑体", "SimHei"],
    ["楷体_GB2312", "KaiTi"],
  ])
    expect(fonts).toContain(`<w:font w:name="${face}"><w:altName w:val="${alt}"/>`);
  expect(doc.tables[0].rows).toHaveLength(plan.indicators.length);
  expect(doc.tables[1].rows.map((r) => r[1])).toContain("连云区");
});
