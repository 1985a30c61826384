// The drafted text of the 工作通报, in the register of a government work bulletin. It is a draft: the
// bureau edits it in the workbook before it is issued.
import type { Plan } from "../plan/types";
import type { IndicatorScore } from "../score/score";
import { chineseDate, listText, percentText, valueText } from "./format";
import type { RoundResult } from "./round-result";

export interface BulletinSection {
  heading: string;
  paragraphs: string[];
}

export interface BulletinText {
  title: string;
  issuer: string;
  date: string;
  sections: BulletinSection[];
}

export interface BulletinOptions {
  /** ISO date the bulletin is issued on (given, never read from a clock, so output is reproducible). */
  issuedOn: string;
  issuer?: string;
}

const CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

function overall(result: RoundResult, plan: Plan): string[] {
  const { score, aggregate: a } = result;
  const city = score.city;
  const withData = city.filter((s) => s.actual !== null);
  const met = city.filter((s) => s.met === true);
  const green = city.filter((s) => s.status === "green");
  const yellow = city.filter((s) => s.status === "yellow");
  const red = city.filter((s) => s.status === "red");
  const none = city.length - withData.length;
  const reported = a.submissions.filter((s) => s.status === "reported").length;
  const p1 =
    `截至${chineseDate(a.periodEnd)}，行动计划实施期已过${percentText(score.timeProgress)}(序时进度)。` +
    `全市${city.length}项量化目标中，已达到2025年目标${met.length}项；达到序时进度${green.length}项，` +
    `低于序时进度${yellow.length + red.length}项(其中略滞后${yellow.length}项、明显滞后${red.length}项)` +
    (none > 0 ? `，另有${none}项本期无数据` : "") +
    `。本期汇总了${plan.units.length}个县区、功能板块中${reported}个单位报送的${a.city.enterprises}家企业、` +
    `${a.city.platforms}个平台(基地、集群)数据。`;
  const pick = ["innovative_smes", "provincial_srdi", "little_giants", "champions"];
  const parts = pick.flatMap((code) => {
    const i = plan.indicators.findIndex((x) => x.code === code);
    if (i < 0) return [];
    const ind = plan.indicators[i];
    const s = city[i];
    return [
      `${ind.name}${valueText(ind, s.actual)}(目标${valueText(ind, s.target)}，完成${percentText(s.completion)})`,
    ];
  });
  const rd = plan.indicators.findIndex((x) => x.code === "rd_intensity");
  const p2 =
    parts.length > 0
      ? `优质企业梯队方面，全市现有${parts.join("，")}。` +
        (rd >= 0 ? `专精特新企业研发投入强度为${valueText(plan.indicators[rd], city[rd].actual)}。` : "")
      : "";
  return [p1, p2].filter((p) => p);
}

function units(result: RoundResult): string[] {
  const u = result.score.units;
  // Units without a counted return are ranked last with a deduction; the summary speaks of the others.
  const ranked = u
    .filter((x) => x.reported && x.score !== null)
    .sort((x, y) => (x.rank as number) - (y.rank as number));
  const unranked = u.filter((x) => !(x.reported && x.score !== null));
  if (ranked.length === 0) return ["本期暂无可评分的单位。"];
  const avg = ranked.reduce((s, x) => s + (x.score as number), 0) / ranked.length;
  const fmt = (x: (typeof u)[number]) => `${x.name}(${(x.score as number).toFixed(1)}分)`;
  const top = ranked.slice(0, 3);
  const above = ranked.filter((x) => (x.score as number) >= avg);
  const below = ranked.filter((x) => (x.score as number) < avg);
  const tail = below.slice(-3);
  const paras = [
    `按各地分解目标完成情况综合评分(百分制，超额完成另加分，至多${result.settings.bonusCap}分)，${ranked.length}个参评单位平均得分${avg.toFixed(1)}分。` +
      `${top.map(fmt).join("、")}位列前三；${above.length}个单位得分高于或等于平均分，进度较快。` +
      (tail.length > 0 ? `${tail.map(fmt).join("、")}得分靠后，进度相对滞后，需加大工作力度。` : ""),
  ];
  if (!result.allocated)
    paras.push("本期未导入目标分解表，计数类指标各地只展示、不计分，评分仅依据比率类指标(采用全市目标)。");
  if (unranked.length > 0)
    paras.push(
      `${listText(
        unranked.map((x) => x.name),
        10,
      )}本期未报送或报表未通过审核，指标得分按0分计并扣${result.settings.missingPoints}分，排名列于最后。`,
    );
  return paras;
}

function lagging(result: RoundResult, plan: Plan): string[] {
  const city = result.score.city;
  const line = (s: IndicatorScore) => {
    const ind = plan.indicators.find((i) => i.code === s.code)!;
    return `${ind.name}(当前${valueText(ind, s.actual)}，序时应达${valueText(ind, s.expected)}，目标${valueText(ind, s.target)})`;
  };
  const red = city.filter((s) => s.status === "red");
  const yellow = city.filter((s) => s.status === "yellow");
  const none = city.filter((s) => s.actual === null);
  const paras: string[] = [];
  if (red.length === 0 && yellow.length === 0) paras.push("全市各项有数据的指标均达到序时进度。");
  if (red.length > 0) paras.push(`明显滞后于序时进度的指标有${red.length}项：${red.map(line).join("；")}。`);
  if (yellow.length > 0)
    paras.push(`略低于序时进度的指标有${yellow.length}项：${yellow.map(line).join("；")}。`);
  if (none.length > 0)
    paras.push(
      `${listText(none.map((s) => plan.indicators.find((i) => i.code === s.code)!.name))}本期无数据(分母为零或未填报)，请相关单位补充完善。`,
    );
  return paras;
}

function quality(result: RoundResult): string[] {
  const a = result.aggregate;
  const count = (k: string) => a.excluded.filter((x) => x.kind === k);
  const rejected = [...count("rejected"), ...count("unknown_unit")];
  const other = count("other_period");
  const superseded = count("superseded");
  const counted = a.submissions.filter((s) => s.status === "reported").length;
  const received = counted + a.excluded.length;
  const rowsRejected = a.rejectedRows.length;
  const rowsRead = a.submissions.reduce((s, x) => s + (x.rows?.read ?? 0), 0);
  const ent = a.duplicates.filter((d) => d.kind === "enterprise");
  const plat = a.duplicates.filter((d) => d.kind === "platform");
  const late = a.submissions.filter((s) => s.timing === "late").map((s) => s.name);
  const missing = a.submissions.filter((s) => s.status === "missing").map((s) => s.name);
  const paras = [
    `本期共收到报表${received}份，计入汇总${counted}份` +
      (rejected.length > 0
        ? `，整份退回${rejected.length}份(${listText(rejected.map((x) => x.unitName ?? x.file))})`
        : "") +
      (other.length > 0 ? `，报告期不符未计入${other.length}份` : "") +
      (superseded.length > 0 ? `，被同一单位较新报表替代${superseded.length}份` : "") +
      `。计入汇总的报表共读取数据${rowsRead}行，其中${rowsRejected}行未通过校验、未计入汇总，明细见\u201c数据问题\u201d表。`,
  ];
  if (ent.length > 0 || plat.length > 0)
    paras.push(
      (ent.length > 0
        ? `${ent.length}家企业被两个及以上单位重复报送(${listText(
            ent.map((d) => `${d.name}：${d.occurrences.map((o) => o.unitName).join("与")}`),
            3,
          )})`
        : "") +
        (ent.length > 0 && plat.length > 0 ? "，" : "") +
        (plat.length > 0 ? `${plat.length}个平台(基地、集群)被重复报送` : "") +
        "。市级汇总中同一企业只计一次(计入单位名单中靠前的单位)，请相关单位核实归属并在下期更正。",
    );
  const timing: string[] = [];
  if (late.length > 0) timing.push(`${listText(late)}未在截止日期(${a.deadline ?? "未设定"})前报送`);
  if (missing.length > 0) timing.push(`${listText(missing)}本期未报送`);
  paras.push(timing.length > 0 ? `${timing.join("；")}。` : "各单位均按时报送。");
  return paras;
}

function nextSteps(result: RoundResult, plan: Plan): string[] {
  const red = result.score.city.filter((s) => s.status === "red" || s.status === "yellow");
  const names = red.slice(0, 4).map((s) => plan.indicators.find((i) => i.code === s.code)!.name);
  const late = result.aggregate.submissions.filter((s) => s.status !== "reported" || s.timing === "late");
  return [
    "（一）对标对表，加快推进。各县区、功能板块要对照目标分解和序时进度，" +
      (names.length > 0 ? `重点围绕${listText(names)}等滞后指标，` : "") +
      "逐项分析原因，明确责任和时限，确保2025年目标按期完成。",
    "（二）强化梯度培育。持续扩充优质企业培育库，加强动态跟踪和精准服务，推动创新型中小企业向专精特新中小企业、专精特新\u201c小巨人\u201d企业梯次成长。",
    "（三）提高数据质量。各单位要严格按照报表制度按时、准确报送" +
      (late.length > 0 ? `，${listText(late.map((s) => s.name))}要切实加强报送工作` : "") +
      "；对\u201c数据问题\u201d表中列出的退回数据和重复报送企业，请于下期报送前核实更正。",
    "（四）加强协同联动。各责任单位要按照行动计划分工，强化政策、资金、服务协同，形成部门协同、上下联动、合力推进的工作格局。",
  ];
}

export function draftBulletinText(result: RoundResult, plan: Plan, opts: BulletinOptions): BulletinText {
  const sections: [string, string[]][] = [
    ["总体进展", overall(result, plan)],
    ["各地进展", units(result)],
    ["需关注的指标", lagging(result, plan)],
    ["数据质量", quality(result)],
    ["下一步工作要求", nextSteps(result, plan)],
  ];
  return {
    title: `全市专精特新企业培育工作通报（${result.aggregate.periodLabel}）`,
    issuer: opts.issuer ?? `${plan.city}促进中小企业发展工作领导小组办公室`,
    date: chineseDate(opts.issuedOn),
    sections: sections.map(([h, p], i) => ({ heading: `${CN_NUM[i]}、${h}`, paragraphs: p })),
  };
}
