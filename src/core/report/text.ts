// The drafted text of the 工作通报, in the register of a government work bulletin (公文): masthead and
// 期号, 主送, an opening that cites the plan, numbered sections, 特此通报, 附件 list, 抄送 and 印发.
// It is a draft: the bureau edits it in the workbook or the .docx before it is issued.
import type { Plan } from "../plan/types";
import type { IndicatorScore, UnitScore } from "../score/score";
import { changeText, chineseDate, countText, listText, percentText } from "./format";
import { milestonesOf } from "../plan/milestones";
import { reachedPhrase, roundTargetYear, targetYearOf, valuePhrase } from "./completion";
import type { History } from "./history";
import { buildTrend, type Trend } from "./trend";
import { behindRunsText, paceYoyClause, unitSwingText } from "./trend-text";
import type { Comparison } from "./previous";
import { unallocatedReason, type RoundResult } from "./round-result";
import { defaultBulletinSettings, type BulletinSettings } from "../targets/bulletin-settings";
import { ROSTER_ATTACHMENT_TITLE, rosterQuality } from "./attachments/roster";
import { attachmentList, attachmentTitles } from "./attachments/titles";
import { measuresPlatforms, placeWords, unitsNoun, type PlaceWords } from "../plan/words";
import { tierName } from "../plan/tiers";

export interface BulletinSection {
  heading: string;
  paragraphs: string[];
}

export interface BulletinText {
  /** Masthead, e.g. 连云港市专精特新企业培育工作通报. */
  masthead: string;
  /** 期号 line, e.g. 2025年第3期 or the period's label. */
  number: string;
  issuer: string;
  date: string;
  /** Title of the document: 关于…情况的通报. */
  title: string;
  mainTo: string;
  opening: string;
  sections: BulletinSection[];
  closing: string;
  attachments: string[];
  cc: string;
  /** 印发 line: issuer and date printed. */
  printed: string;
}

export interface BulletinOptions {
  /** ISO date the bulletin is issued on (given, never read from a clock, so output is reproducible). */
  issuedOn: string;
  /** Overrides the settings' issuer. */
  issuer?: string;
  settings?: BulletinSettings;
  /** Change since the previous round's bulletin, when one was given. */
  comparison?: Comparison | null;
  /** The earlier rounds (from the previous bulletin and older ones), for the trend and the data sheet. */
  history?: History | null;
}

const CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

const indicatorOf = (plan: Plan, s: IndicatorScore) => plan.indicators.find((i) => i.code === s.code)!;

/** A recognition count of the plan (创新型中小企业, 专精特新, 小巨人, 单项冠军): a count of a recognised year. */
function isTierCount(plan: Plan, code: string): boolean {
  const expr = plan.indicators.find((i) => i.code === code)?.expr ?? "";
  return TIER_COUNT.test(expr);
}
/** count(P, recognised(tier)) and nothing else (one bounded pass: no nested quantifiers). */
const TIER_COUNT = /^\s*count\s*[(（][^,，()（）]+[,，]\s*recognised\s*[(（][^()（）]+[)）]\s*[)）]\s*$/i;

function overall(result: RoundResult, plan: Plan, cmp: Comparison | null, trend: Trend | null): string[] {
  const { score, aggregate: a } = result;
  const w = placeWords(plan);
  const city = score.city;
  const met = city.filter((s) => s.met === true).length;
  const green = city.filter((s) => s.status === "green").length;
  const yellow = city.filter((s) => s.status === "yellow").length;
  const red = city.filter((s) => s.status === "red").length;
  const none = city.filter((s) => s.actual === null).length;
  const noTarget = city.filter((s) => s.actual !== null && s.status === null).length;
  const reported = a.submissions.filter((s) => s.status === "reported").length;
  const year = roundTargetYear(score, plan);
  // A plan with yearly milestones measures time within the year of the milestone, not the whole plan.
  const wholePlan = plan.indicators.every((ind) => milestonesOf(plan, ind).length === 1);
  const elapsed =
    `截至${chineseDate(a.periodEnd)}，` +
    (wholePlan ? "行动计划实施时间已过" : `${year}年目标的实施时间已过`) +
    percentText(score.timeProgress, 0);
  if (reported === 0)
    return [`${elapsed}。本期${w.units}均未报送数据，${w.whole}各项指标进展待数据报送后通报。`];
  const p1 =
    `${elapsed}，以此作为序时进度。` +
    `${w.whole}${city.length}项量化指标中，已完成${year}年目标${met}项；` +
    `达到序时进度${green}项${paceYoyClause(trend)}，低于序时进度${yellow + red}项` +
    (yellow + red > 0 ? `(其中略滞后${yellow}项、明显滞后${red}项)` : "") +
    (noTarget > 0 ? `，另有${noTarget}项无目标值不作比较` : "") +
    (none > 0 ? `，${none}项本期无数据` : "") +
    "。";
  const tiers = plan.indicators
    .map((ind, i) => ({ ind, s: city[i] }))
    .filter(({ ind, s }) => isTierCount(plan, ind.code) && s.actual !== null);
  const p2 =
    tiers.length > 0
      ? `优质企业梯队方面，${w.whole}现有` +
        tiers
          .map(
            ({ ind, s }) =>
              `${ind.name}${valuePhrase(ind, s)}` +
              reachedPhrase(ind, s, plan) +
              (cmp && cmp.city[ind.code] !== undefined && cmp.city[ind.code] !== null
                ? `，较上期${changeText(cmp.city[ind.code] as number, ind.unit)}`
                : ""),
          )
          .join("；") +
        "。"
      : "";
  const p3 =
    `本期${plan.units.length}个${unitsNoun(w)}中${reported}个报送了数据，` +
    `汇总企业${countText(a.city.enterprises, "家")}` +
    (measuresPlatforms(plan) ? `、平台(基地、集群)${countText(a.city.platforms, "个")}` : "") +
    "。" +
    (cmp
      ? `与${cmp.previous.periodLabel}相比，新进入名录企业${countText(cmp.newEnterprises.length, "家")}，` +
        `不再报送的企业${countText(cmp.goneEnterprises.length, "家")}，名单见附件${attachmentList(attachmentTitles(plan), true).length}。`
      : "");
  return [p1, behindRunsText(trend), p2, p3].filter((p) => p);
}

/** Kept here for the modules that import it from the bulletin text. */
export { changeText };

/** Units sharing a rank are named together: "A、B(并列第2)". */
function rankedNames(units: UnitScore[]): string {
  const groups: UnitScore[][] = [];
  for (const u of units) {
    const g = groups[groups.length - 1];
    if (g && g[0].rank === u.rank) g.push(u);
    else groups.push([u]);
  }
  return groups
    .map((g) => (g.length > 1 ? `${g.map((u) => u.name).join("、")}(并列第${g[0].rank})` : g[0].name))
    .join("、");
}

function units(result: RoundResult, w: PlaceWords, cmp: Comparison | null): string[] {
  const all = result.score.units;
  const reported = all.filter((u) => u.reported && u.score !== null);
  const ranked = [...reported].sort((x, y) => (x.rank as number) - (y.rank as number));
  const notReported = all.filter((u) => !u.reported);
  const unscored = all.filter((u) => u.reported && u.score === null);
  const paras: string[] = [];
  if (ranked.length === 0) {
    paras.push("本期暂无可评分的单位，各地综合得分及排名待数据报送后通报。");
  } else {
    const bands = result.score.bands;
    // Every unit with a rank has a grade: those not reported or sent back (ranked last, as 评分设置 scores
    // them) too, or the 等次 sentence would leave a unit out.
    const graded = [...ranked, ...notReported.filter((u) => u.rank !== null)].sort(
      (x, y) => (x.rank as number) - (y.rank as number),
    );
    if (bands.length > 0 && graded.some((u) => u.band)) {
      const byBand = bands
        .map((b) => ({ label: b.label, names: graded.filter((u) => u.band === b.label).map((u) => u.name) }))
        .filter((b) => b.names.length > 0);
      paras.push(
        "按综合评分(指标完成得分加超额加分，减逾期、缺报和数据退回扣分)，" +
          byBand.map((b) => `${listText(b.names, 12, "个单位")}为\u201c${b.label}\u201d等次`).join("；") +
          "。",
      );
    }
    const topRank = ranked.filter((u) => (u.rank as number) <= 3);
    const lastRank = ranked[ranked.length - 1].rank as number;
    const bottom =
      ranked.length > 3
        ? ranked.filter((u) => u.rank === lastRank || (u.rank as number) > Math.max(3, ranked.length - 2))
        : [];
    const top =
      topRank.length === ranked.length && ranked.length > 1 && topRank.every((u) => u.rank === 1)
        ? `${ranked.map((u) => u.name).join("、")}综合得分相同，并列第1`
        : `${rankedNames(topRank)}综合得分位列前三`;
    paras.push(
      `从综合得分看，${top}` +
        (bottom.length > 0 ? `；${rankedNames(bottom.filter((u) => !topRank.includes(u)))}排名靠后` : "") +
        "。" +
        (cmp ? moves(ranked, cmp) : ""),
    );
    const expected = result.score.timeProgress * 100;
    const behind = ranked.filter((u) => (u.indicatorPart ?? u.score ?? 0) < expected - 1e-9);
    if (behind.length === 0) paras.push("各参评单位指标综合完成情况均达到序时进度。");
    else if (behind.length === ranked.length)
      paras.push("各参评单位指标综合完成情况均低于序时进度，需全面加快工作进度。");
    else
      paras.push(
        `${listText(
          behind.map((u) => u.name),
          8,
        )}${behindCount(behind.length, 8)}指标综合完成情况低于序时进度，需加大工作力度。`,
      );
  }
  const unallocated = unallocatedReason(result);
  if (unallocated !== null)
    paras.push(
      `本期${unallocated}，计数类指标各地只列数据、不计分，各地得分仅依据比率类指标(采用${w.whole}目标)计算。`,
    );
  if (notReported.length > 0)
    paras.push(
      `${listText(
        notReported.map((x) => x.name),
        10,
        "个单位",
      )}本期未报送数据或报表未通过审核，` +
        (notReported.some((u) => u.rank !== null)
          ? `指标得分按0分计并扣${result.settings.missingPoints}分，排名列于最后。`
          : "未参与评分排名。"),
    );
  if (unscored.length > 0)
    paras.push(
      `${listText(
        unscored.map((x) => x.name),
        10,
        "个单位",
      )}已报送数据，但没有可评分的指标，未参与排名。`,
    );
  return paras;
}

/** After a list of names shortened by listText(…, max) to "A、B等12个", only 单位 follows; a full list of
 * several names gets its count ("A、B2个单位"); one name nothing. */
function behindCount(n: number, max: number): string {
  return n > max ? "单位" : n > 1 ? `${n}个单位` : "";
}

function moves(ranked: UnitScore[], cmp: Comparison): string {
  const up = ranked.filter((u) => (cmp.units[u.code]?.rankMove ?? 0) > 0);
  const down = ranked.filter((u) => (cmp.units[u.code]?.rankMove ?? 0) < 0);
  const t = (u: UnitScore) => `${u.name}(${Math.abs(cmp.units[u.code]!.rankMove as number)}位)`;
  if (up.length === 0 && down.length === 0) return `与${cmp.previous.periodLabel}相比，各单位排名没有变化。`;
  return (
    `与${cmp.previous.periodLabel}相比，` +
    [
      up.length > 0 ? `${listText(up.map(t), 5, "个单位")}排名上升` : "",
      down.length > 0 ? `${listText(down.map(t), 5, "个单位")}排名下降` : "",
    ]
      .filter((x) => x)
      .join("，") +
    "。"
  );
}

function lagging(result: RoundResult, plan: Plan): string[] {
  const w = placeWords(plan);
  const city = result.score.city;
  if (!result.aggregate.submissions.some((s) => s.status === "reported"))
    return ["本期各项指标均无数据，暂无法判断进度。"];
  const red = city.filter((s) => s.status === "red");
  const yellow = city.filter((s) => s.status === "yellow");
  const none = city.filter((s) => s.actual === null);
  const named = (s: IndicatorScore) => {
    const ind = indicatorOf(plan, s);
    const how = reachedPhrase(ind, s, plan).slice(1).replace(/，/g, "、");
    return how ? `${ind.name}(${how})` : ind.name;
  };
  const paras: string[] = [];
  if (red.length === 0 && yellow.length === 0)
    paras.push(
      none.length === city.length
        ? "本期各项指标均无数据，暂无法判断进度。"
        : `${w.whole}各项有数据的指标均达到序时进度。`,
    );
  if (red.length > 0) {
    paras.push(`明显滞后于序时进度的指标有${red.length}项：${red.map(named).join("、")}。`);
    const gaps = red
      .map((s) => ({ ind: indicatorOf(plan, s), s }))
      .filter(
        ({ ind, s }) => ind.unit !== "%" && ind.kind === "count" && s.actual !== null && s.target !== null,
      )
      .slice(0, 3)
      .map(
        ({ ind, s }) =>
          `${ind.name}距${targetYearOf(s, plan)}年目标还差${countText(Math.max(0, (s.target as number) - (s.actual as number)), ind.unit)}`,
      );
    if (gaps.length > 0) paras.push(`其中，${gaps.join("，")}，需重点推进。`);
  }
  if (yellow.length > 0)
    paras.push(`略低于序时进度的指标有${yellow.length}项：${yellow.map(named).join("、")}。`);
  if (none.length > 0 && none.length < city.length)
    paras.push(
      `${listText(
        none.map((s) => indicatorOf(plan, s).name),
        6,
        "项指标",
      )}本期无数据，请相关单位补充完善。`,
    );
  return paras;
}

const counted0 = (r: RoundResult) => !r.aggregate.submissions.some((s) => s.status === "reported");

const SOURCE_LABEL: Record<string, string> = {
  receipt: "报送登记时间",
  workbook: "报表保存时间",
  file: "文件修改时间",
};

/**
 * History and outlier warnings no 说明 explains (issue 26), per unit; explained ones are counted, not
 * listed. "" when there are none.
 */
function unexplainedText(result: RoundResult): string {
  const history = result.aggregate.warnings.filter((w) => w.issue.previous !== undefined);
  if (history.length === 0) return "";
  const open = history.filter((w) => !w.issue.explanation);
  const explained = history.length - open.length;
  if (open.length === 0)
    return `与上期数据和同类企业比较提示核实的${explained}条数据，填报单位均已说明原因。`;
  const byUnit = new Map<string, number>();
  for (const w of open) byUnit.set(w.unitName, (byUnit.get(w.unitName) ?? 0) + 1);
  return (
    `与上期数据和同类企业比较，有${open.length}条数据变化较大或明显偏离而填报单位未作说明(${listText(
      [...byUnit].map(([u, n]) => `${u}${n}条`),
      6,
      "个单位",
    )})，明细见附件5，请相关单位核实更正或补充说明` +
    (explained > 0 ? `；另有${explained}条已由填报单位说明。` : "。")
  );
}

function quality(result: RoundResult, w: PlaceWords): string[] {
  const a = result.aggregate;
  const subs = a.submissions;
  const onTime = subs.filter((s) => s.status === "reported" && s.timing !== "late");
  const late = subs.filter((s) => s.status === "reported" && s.timing === "late");
  // Units whose return the bureau sent back (报送登记 审核结果 退回), with the reason, apart from the
  // returns the reader rejected.
  const sentBack = a.excluded.filter((x) => x.kind === "sent_back");
  const backUnits = new Set(sentBack.map((x) => x.unit));
  const rejected = subs.filter((s) => s.status === "rejected" && !backUnits.has(s.unit));
  const missing = subs.filter((s) => s.status === "missing");
  const backText = subs
    .filter((s) => backUnits.has(s.unit))
    .map((s) => `${s.name}：${result.targets.reviews?.[s.unit]?.reason?.trim() || "未填写退回原因"}`);
  const daysLate = (code: string) => result.score.units.find((u) => u.code === code)?.daysLate ?? null;
  const lateText = late
    .map((s) => (daysLate(s.unit) ? `${s.name}逾期${daysLate(s.unit)}个工作日` : s.name))
    .join("、");
  const paras = [
    `本期应报单位${subs.length}个，` +
      (a.deadline ? `截止日期前报送${onTime.length}个` : `已报送${onTime.length + late.length}个`) +
      (late.length > 0 ? `，逾期报送${late.length}个(${lateText})` : "") +
      (rejected.length > 0
        ? `，报表整份退回${rejected.length}个(${listText(rejected.map((s) => s.name))})`
        : "") +
      (backText.length > 0
        ? `，经${w.bureauShort}审核退回${backText.length}个(${backText.join("；")})`
        : "") +
      (missing.length > 0 ? `，未报送${missing.length}个(${listText(missing.map((s) => s.name))})` : "") +
      "。",
  ];
  const rowsRejected = a.rejectedRows.length;
  const ent = a.duplicates.filter((d) => d.kind === "enterprise");
  const plat = a.duplicates.filter((d) => d.kind === "platform");
  const checks: string[] = [];
  if (rowsRejected > 0) checks.push(`${rowsRejected}条记录未通过校验、未计入汇总`);
  if (ent.length > 0)
    checks.push(
      `${ent.length}家企业被两个及以上单位重复报送(${listText(
        ent.map((d) => `${d.name}：${d.occurrences.map((o) => o.unitName).join("与")}`),
        3,
        "家",
      )})，${w.level}汇总中同一企业只计一次、以其注册地单位的报表为准`,
    );
  if (plat.length > 0) checks.push(`${plat.length}个平台(基地、集群)被重复报送`);
  paras.push(
    counted0(result)
      ? ""
      : checks.length > 0
        ? `数据审核中，${checks.join("；")}。明细见附件5，请相关单位核实更正。`
        : "本期报送数据均通过审核，未发现重复报送。",
  );
  const counted = subs.filter((s) => s.status === "reported");
  if (counted.length === 0) paras.pop();
  const asked = unexplainedText(result);
  if (asked) paras.push(asked);
  const versions = new Map<string, string[]>();
  const sources = new Map<string, number>();
  for (const s of counted) {
    const v = s.formVersion ?? "未知";
    versions.set(v, [...(versions.get(v) ?? []), s.name]);
    if (s.submittedAtSource) sources.set(s.submittedAtSource, (sources.get(s.submittedAtSource) ?? 0) + 1);
  }
  if (counted.length > 0) {
    const vs = [...versions].sort((x, y) => y[1].length - x[1].length);
    const vText =
      vs.length === 1
        ? `各单位报表均使用${versionLabel(vs[0][0])}`
        : `${vs
            .slice(1)
            .map(([v, names]) => `${listText(names, 4, "个单位")}使用${versionLabel(v)}`)
            .join("，")}，其余单位使用${versionLabel(vs[0][0])}`;
    const sText =
      sources.size > 0
        ? `；报送时间依次以${[...sources]
            .map(([k, n]) => `${SOURCE_LABEL[k] ?? k}(${n}个单位)`)
            .join("、")}为准`
        : "";
    paras.push(`${vText}${sText}。`);
  }
  return paras;
}

export function versionLabel(v: string | null): string {
  return v && /^\d+$/.test(v) ? `第${v}版表式` : "未能识别版本的表式";
}

/** 推动A向B、C梯次成长: the plan's tiers in their order, by the names in force in the round's year. */
function tierSentence(plan: Plan, year: number): string {
  const names = plan.tiers.map((t) => tierName(t, year)).filter((n) => n);
  const climb = names.length > 1 ? `，推动${names[0]}向${names.slice(1).join("、")}梯次成长` : "";
  return `（二）强化梯度培育。持续扩充优质企业培育库，加强动态跟踪和精准服务${climb}。`;
}

function nextSteps(result: RoundResult, plan: Plan, settings: BulletinSettings): string[] {
  if (settings.nextSteps.length > 0)
    return settings.nextSteps.map((s, i) => (/^[（(]/.test(s) ? s : `（${CN_NUM[i] ?? i + 1}）${s}`));
  const lagging = result.score.city.filter((s) => s.status === "red");
  const names = lagging.map((s) => indicatorOf(plan, s).name);
  const late = result.aggregate.submissions.filter((s) => s.status !== "reported" || s.timing === "late");
  return [
    `（一）对标对表，加快推进。${placeWords(plan).units}要对照目标分解和序时进度，` +
      (names.length > 0 ? `重点围绕${listText(names, 4, "项")}滞后指标，` : "") +
      `逐项分析原因，明确责任和时限，确保${roundTargetYear(result.score, plan)}年目标按期完成。`,
    tierSentence(plan, Number(result.aggregate.periodEnd.slice(0, 4))),
    "（三）提高数据质量。各单位要严格按照报表制度按时、准确报送" +
      (late.length > 0
        ? `，${listText(
            late.map((s) => s.name),
            6,
            "个单位",
          )}要切实加强报送工作`
        : "") +
      "；对附件5中列出的退回数据和重复报送企业，请于下期报送前核实更正。",
  ];
}

export function draftBulletinText(result: RoundResult, plan: Plan, opts: BulletinOptions): BulletinText {
  const settings = opts.settings ?? defaultBulletinSettings(plan);
  const issuer = opts.issuer ?? settings.issuer;
  const cmp = opts.comparison ?? null;
  const trend = opts.history?.rounds.length ? buildTrend(result, plan, opts.history) : null;
  const label = result.aggregate.periodLabel;
  // 名单核验 (a roster was given) adds its 附件 after the others.
  const w = placeWords(plan);
  const attachments = [
    ...attachmentList(attachmentTitles(plan), !!cmp),
    ...(result.roster ? [ROSTER_ATTACHMENT_TITLE] : []),
  ];
  const sections: [string, string[]][] = [
    ["总体进展", overall(result, plan, cmp, trend)],
    ["各地进展", [...units(result, w, cmp), unitSwingText(trend)].filter((p) => p)],
    ["需关注的指标", lagging(result, plan)],
    ["数据质量", [...quality(result, w), ...rosterQuality(result, attachments.length)]],
    ["下一步工作要求", nextSteps(result, plan, settings)],
  ];
  const date = chineseDate(opts.issuedOn);
  return {
    masthead: `${plan.city}专精特新企业培育工作通报`,
    number: settings.number ? `${opts.issuedOn.slice(0, 4)}年${settings.number}` : label,
    issuer,
    date,
    title: `关于${label}${w.whole}专精特新企业培育工作进展情况的通报`,
    mainTo: settings.mainTo ? `${settings.mainTo}：` : "",
    opening:
      `为贯彻落实《${plan.title}》，推动专精特新企业培育各项目标按期完成，` +
      `根据${w.units}报送的数据，现将${label}${w.whole}专精特新企业培育工作进展情况通报如下。`,
    sections: sections.map(([h, p], i) => ({ heading: `${CN_NUM[i]}、${h}`, paragraphs: p })),
    closing: "特此通报。",
    attachments,
    cc: settings.cc ? `抄送：${settings.cc}。` : "",
    printed: `${issuer}\u3000\u3000${date}印发`,
  };
}
