// The whole job in the words of the plan's place (issue 25 item 1): on the shipped provincial plan
// (assets/plans/yunnan-2025-2027.xlsx, words derived from 地区 and its 州（市）) and on a plan of another
// city (洛阳市, 区 and 县, words stated in its 规划 sheet, tiers named its own way), every file the job writes
// — targets workbook, a template, the annotated copy of a return with errors, the bulletin .xlsx and .docx —
// holds none of the built-in plan's words, and holds the plan's own.
import { unzipSync, strFromU8 } from "fflate";
import * as path from "path";
import { readPlanFile } from "../../src/cli/plan";
import { buildDemoRound } from "../../src/core/demo/round";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { currentForm } from "../../src/core/form/versions";
import type { Plan } from "../../src/core/plan/types";
import { YUNNAN_PLAN } from "../../src/core/plans/yunnan-2025-2027";
import { buildPlanBook } from "../../src/core/planbook/write-plan";
import { loadPlanBook } from "../../src/core/planbook/read-plan";
import { readReturn } from "../../src/core/read/read-return";
import { buildBulletin } from "../../src/core/report/bulletin";
import { bulletinDocument } from "../../src/core/report/document";
import { runRound } from "../../src/core/report/round-result";
import type { Roster, RosterEntry } from "../../src/core/roster/types";
import { readTargets } from "../../src/core/targets/read";
import { buildTargetsWorkbook } from "../../src/core/targets/workbook";
import { writeBulletinDocx } from "../../src/docx/bulletin-docx";
import { annotateWorkbook } from "../../src/xlsx/annotate";
import { readWorkbookSync } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { snapshotOf } from "../targets/snapshot-of";

const ROOT = path.resolve(__dirname, "..", "..");

/** Words that belong to the built-in plan of 连云港市 and its units, whatever the plan. */
const BUILT_IN = ["连云港", "功能板块", "县区", "区县", "市局"];
/** …and those of any city, wrong in a province's files (市级 alone is also a platform's or institute's level). */
const CITY = ["全市", "市级汇总", "市级考核", "市级目标", "市工业和信息化局"];

/** A city of another province: 区 and 县, its own words and its own names for the tiers. */
function luoyang(): Plan {
  const rename = (s: string) =>
    s
      .replace(/云南省/g, "洛阳市")
      .replace(/全省/g, "全市")
      .replace(/省厅/g, "市工信局")
      .replace(/创新型中小企业/g, "科技型中小企业");
  const json = JSON.parse(JSON.stringify(YUNNAN_PLAN), (_k, v) => (typeof v === "string" ? rename(v) : v));
  const district = (code: string, name: string) => ({
    code,
    name,
    kind: name.endsWith("县") ? "county" : "district",
  });
  const plan: Plan = {
    ...json,
    id: "ly-srdi-2025-2027",
    title: "洛阳市专精特新中小企业梯度培育行动方案(2025—2027年)",
    document: "洛政办〔2025〕1号(测试用)",
    city: "洛阳市",
    units: [
      district("410302", "老城区"),
      district("410303", "西工区"),
      district("410305", "涧西区"),
      district("410311", "洛龙区"),
      district("410307", "偃师区"),
      district("410308", "孟津区"),
      district("410323", "新安县"),
      district("410324", "栾川县"),
      district("410325", "嵩县"),
      district("410327", "宜阳县"),
    ],
    words: {
      issuer: "洛阳市工业和信息化局",
      bureau: "洛阳市工业和信息化局",
      bureauShort: "市工信局",
      units: "各县（市、区）",
    },
    // A city's counts: a tenth of the province's.
    indicators: json.indicators.map((ind: Plan["indicators"][number]) => ({
      ...ind,
      target: Math.round(ind.target / 10),
      base: ind.base == null ? ind.base : Math.round(ind.base / 10),
      annualIncrease: ind.annualIncrease == null ? ind.annualIncrease : Math.round(ind.annualIncrease / 10),
      source: `${ind.name}(测试用目标)`,
    })),
    chainsNote: "清单取自本方案(测试用)。",
  };
  // Through the plan workbook, as a bureau would load it: the 规划 sheet carries the words.
  return loadPlanBook(snapshotOf(buildPlanBook(plan)));
}

/** Every text of an Office file: the XML parts with tags as text too (sheet names, prompts, notes). */
function textOf(bytes: Uint8Array): string {
  const parts = unzipSync(bytes, { filter: (f) => f.name.endsWith(".xml") || f.name.endsWith(".rels") });
  return Object.values(parts)
    .map((p) => strFromU8(p))
    .join("\n")
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)));
}

interface Job {
  targets: string;
  template: string;
  annotated: string;
  bulletin: string;
  docx: string;
  sheetNames: string[];
}

/** The whole job on the plan's demo round: targets → templates → returns → round (with a roster) → files. */
async function runJob(plan: Plan): Promise<Job> {
  const demo = buildDemoRound(plan);
  const targetsBytes = await writeWorkbook(
    buildTargetsWorkbook(plan, demo.period, {
      allocation: demo.targets,
      settings: demo.settings,
      generatedAt: demo.generatedAt,
    }),
  );
  const t = readTargets(readWorkbookSync(targetsBytes), plan);
  expect(t.issues.filter((i) => i.severity === "error")).toEqual([]);
  const template = (unit: Plan["units"][number], form = currentForm(plan)) =>
    buildTemplate({
      plan,
      form,
      unit,
      period: demo.period,
      deadline: demo.deadline,
      generatedAt: demo.generatedAt,
    });
  const templateBytes = await writeWorkbook(template(plan.units[0]));
  const returns = demo.returns.map((d) => {
    const snap = snapshotOf(fillTemplate(template(d.unit, d.form), d.data, d.form));
    snap.source = { name: d.fileName, modified: d.modified, savedAt: d.savedAt };
    return readReturn(snap, { plan, file: d.fileName, modified: d.modified, today: "2025-10-20" });
  });
  // The return with planted errors, written and annotated as the bureau's 标注副本.
  const bad = demo.returns.find((d) => d.unit.code === demo.defective.code)!;
  const badBytes = await writeWorkbook(fillTemplate(template(bad.unit, bad.form), bad.data, bad.form));
  const badResult = readReturn(readWorkbookSync(badBytes), { plan, file: bad.fileName, today: "2025-10-20" });
  expect(badResult.rejectedRows.length).toBeGreaterThan(0);
  const annotated = await annotateWorkbook(badBytes, badResult);
  // A roster with one standing recognition no unit claims and the roster places in no unit (漏报).
  const tier = plan.tiers[0];
  const entry: RosterEntry = {
    row: 2,
    name: "未报送测试有限公司",
    nameKey: "未报送测试",
    uscc: null,
    tier: tier.key,
    year: demo.period.year,
    batch: null,
    region: plan.city,
    unit: null,
    inCity: true,
    status: "recognised",
  };
  const roster: Roster = { sheet: "认定名单", entries: [entry], rowsRead: 1, rowsRejected: 0 };
  const result = runRound({
    plan,
    period: demo.period,
    returns,
    deadline: demo.deadline,
    targets: t.targets,
    settings: t.settings,
    roster,
  });
  expect(result.roster?.missed.length).toBe(1);
  const opts = { issuedOn: demo.issuedOn, settings: t.bulletin };
  const desc = buildBulletin(result, plan, opts);
  return {
    targets: textOf(targetsBytes),
    template: textOf(templateBytes),
    annotated: textOf(annotated),
    bulletin: textOf(await writeWorkbook(desc)),
    docx: textOf(await writeBulletinDocx(bulletinDocument(result, plan, opts))),
    sheetNames: desc.sheets.map((s) => s.name),
  };
}

const found = (text: string, words: string[]) => words.filter((w) => text.includes(w));

/** A plan, the words it must not say, the words its bulletin says, and its own sheet-naming words. */
describe.each<
  [string, () => Plan, string[], string[], { level: string; short: string; contact: string; region: string }]
>([
  [
    "the shipped provincial plan (云南省)",
    () => {
      const r = readPlanFile(path.join(ROOT, "assets", "plans", "yunnan-2025-2027.xlsx"));
      if (!r.plan) throw new Error(r.issues.map((i) => i.message).join("；"));
      return r.plan;
    },
    [...BUILT_IN, ...CITY],
    ["全省", "各州（市）", "省级汇总", "云南省促进中小企业发展工作领导小组办公室", "创新型中小企业"],
    {
      level: "省级",
      short: "州（市）",
      contact: "请联系省工业和信息化厅",
      region: "(省厅据统计部门数据录入)",
    },
  ],
  [
    "a plan of another city (洛阳市, 区 and 县)",
    luoyang,
    [...BUILT_IN, "领导小组办公室", "创新型中小企业", "云南", "全省", "省级汇总", "州（市）", "省厅"],
    ["全市", "各县（市、区）", "市级汇总", "洛阳市工业和信息化局", "科技型中小企业"],
    {
      level: "市级",
      short: "县（市、区）",
      contact: "请联系市工业和信息化局",
      region: "(市工信局据统计部门数据录入)",
    },
  ],
])("%s", (_name, load, banned, own, its) => {
  let job: Job;
  beforeAll(async () => {
    job = await runJob(load());
  }, 240_000);

  test.each<[keyof Omit<Job, "sheetNames">]>([
    ["targets"],
    ["template"],
    ["annotated"],
    ["bulletin"],
    ["docx"],
  ])("the %s holds none of the built-in plan's words", (what) => {
    expect(found(job[what], banned)).toEqual([]);
  });

  test("the bulletin speaks the plan's words, in the workbook and in the document", () => {
    expect(found(job.bulletin, own)).toEqual(own);
    expect(found(job.docx, own)).toEqual(own);
  });

  test("no platform is spoken of where the plan measures none", () => {
    expect(found(job.bulletin, ["平台"])).toEqual([]);
    expect(found(job.docx, ["平台"])).toEqual([]);
  });

  test("its sheets are named in its words", () => {
    expect(job.sheetNames).toEqual(
      expect.arrayContaining([`${its.level}目标完成情况`, `${its.short}完成情况`]),
    );
  });

  test("the template's 填报说明 names the plan's bureau; the targets workbook its bureau and whole", () => {
    expect(job.template).toContain(its.contact);
    expect(job.targets).toContain(its.region);
    expect(job.targets).toContain(`${own[0]}目标`);
  });
});
