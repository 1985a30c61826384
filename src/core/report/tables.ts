// The bulletin's 附件 as sheets: city attainment (附件1), unit scores and ranks (附件2), units by
// indicator group (附件3), submissions (附件4) and data problems (附件5). Each prints on A4 landscape
// with its header repeated; codes and machine fields stay off paper (the hidden 通报数据 sheet, or a
// column outside the print area). Every text that came from a return is written as a plain string.
import { columnLetter } from "../a1";
import type { Indicator, Plan } from "../plan/types";
import type { UnitScore } from "../score/score";
import { TABLE_HEADER } from "../sheet/styles";
import type {
  CellStyle,
  CellValue,
  ChartDescription,
  PrintSetup,
  SheetDescription,
  StyledRange,
} from "../sheet/types";
import {
  beijingDateTime,
  chineseDate,
  chineseDateOrNone,
  FONT_TABLE,
  FONT_TITLE,
  NO_DATA,
  percentText,
  STATUS_STYLE,
  statusLabel,
  UNSCORED_STYLE,
  valueNumFmt,
} from "./format";
import { linked, type DetailIndex } from "./details";
import type { Comparison } from "./previous";
import type { ExcludedReturn } from "../aggregate/types";
import { diffCountsText } from "../diff/diff";
import type { RoundResult } from "./round-result";
import { ATTACHMENT_TITLES, versionLabel } from "./text";
import { roundTargetYear, targetLabel, targetYearOf } from "./completion";

export const SHEET_CITY = "市级目标完成情况";
export const SHEET_SCORES = "综合得分及排名";
export const SHEET_UNITS = "县区完成情况";
export const SHEET_SUBMISSIONS = "报送情况";
export const SHEET_ISSUES = "数据问题";

export const HEAD: CellStyle = { ...TABLE_HEADER, fontName: FONT_TITLE, fontSize: 10 };
export const TITLE: CellStyle = {
  bold: true,
  fontSize: 16,
  fontName: FONT_TITLE,
  hAlign: "center",
  vAlign: "middle",
  wrap: true,
};
const LABEL: CellStyle = { fontName: FONT_TITLE, fontSize: 14, vAlign: "middle" };
const NOTE: CellStyle = { fontName: FONT_TABLE, wrap: true, vAlign: "top", fontSize: 10 };
const BODY: CellStyle = { border: true, fontName: FONT_TABLE, fontSize: 10, vAlign: "middle" };

export function landscape(titleRows: string): PrintSetup {
  return {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: true,
    printTitleRows: titleRows,
    centerHorizontally: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 },
    footer: "第 &P 页，共 &N 页",
  };
}

const v = (x: number | null): CellValue => (x === null ? NO_DATA : x);
/** A scoring completion: a value below the base is said in words, never a negative percentage. */
const completionCell = (x: number | null): CellValue => (x !== null && x < 0 ? "低于基期" : v(x));

/** Counts are whole on paper, even where the value is fractional (序时进度应达值 56.7 → 57). */
function expectedFmt(ind: Indicator): string {
  return ind.kind === "count" && ind.unit !== "%" ? "#,##0" : valueNumFmt(ind);
}

/** 较上期 as a signed figure: +3, −1.2个百分点 for shares. */
export function deltaCell(ind: Indicator, d: number | null | undefined): CellValue {
  if (d === null || d === undefined) return NO_DATA;
  if (ind.unit === "%")
    return Math.abs(d) < 0.0005 ? "持平" : `${d > 0 ? "+" : "−"}${(Math.abs(d) * 100).toFixed(1)}个百分点`;
  const digits = ind.kind === "rate" ? 2 : 0;
  const r = Math.abs(d).toFixed(digits);
  return Number(r) === 0 ? "持平" : `${d > 0 ? "+" : "−"}${r}`;
}

/** Title block shared by the 附件 sheets: 附件N, the title, a note; returns the header row (1-based). */
export function titleBlock(
  rows: CellValue[][],
  styles: StyledRange[],
  merges: string[],
  heights: Record<number, number>,
  n: number,
  title: string,
  note: string,
  lastCol: string,
): void {
  rows.push([`附件${n}`], [title], [note]);
  styles.push({ range: "A1", style: LABEL }, { range: "A2", style: TITLE }, { range: "A3", style: NOTE });
  merges.push(`A1:${lastCol}1`, `A2:${lastCol}2`, `A3:${lastCol}3`);
  heights[0] = 22;
  heights[1] = 30;
}

export function citySheet(
  result: RoundResult,
  plan: Plan,
  cmp: Comparison | null = null,
  details?: DetailIndex,
): SheetDescription {
  const firstUnit = result.counted?.[0]?.unit;
  const { aggregate: a, score } = result;
  // One milestone year for every indicator: the column names it; else each row names its own.
  const years = new Set(score.city.map((s) => targetYearOf(s, plan)));
  const oneYear = years.size <= 1;
  const header = [
    "序号",
    "指标",
    "计划章节",
    oneYear ? `${roundTargetYear(score, plan)}年目标` : "目标",
    `基期值(${plan.baseDate.slice(0, 4)}年底)`,
    "当前值",
    "完成率",
    "序时进度应达值",
    "状态",
    "是否达标",
    ...(cmp ? [`较上期(${cmp.previous.periodLabel})`] : []),
    "计算口径",
  ];
  const last = columnLetter(header.length - 1);
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  titleBlock(
    rows,
    styles,
    merges,
    rowHeights,
    1,
    `${plan.city}${ATTACHMENT_TITLES.city}（${a.periodLabel}）`,
    `截至${chineseDate(a.periodEnd)}，序时进度${percentText(score.timeProgress)}。完成率 = 当前值÷目标` +
      (score.city.some((s) => s.shownAs === "increase") ? "(较基期新增类指标为新增数÷新增目标)" : "") +
      `；达到序时进度应达值为正常，低于应达值不超过目标的${Math.round(result.settings.yellowThreshold * 100)}%为略滞后，其余为滞后；—表示无数据。` +
      `各县区得分按较基期的增量计算，见附件2、附件3。`,
    last,
  );
  rows.push(header);
  styles.push({ range: `A4:${last}4`, style: HEAD });
  rowHeights[3] = 30;
  const cCol = cmp ? "K" : null;
  const wayCol = last;
  plan.indicators.forEach((ind, i) => {
    const s = score.city[i];
    const r = rows.length + 1;
    const named =
      ind.name +
      (s.shownAs === "increase" ? "(较基期新增)" : "") +
      (oneYear ? "" : `(${targetLabel(s, plan)})`);
    rows.push([
      i + 1,
      named,
      ind.section,
      s.target,
      v(s.base),
      linked(v(s.actual) as number | string, details?.get(`${ind.code}|${firstUnit}`)),
      v(s.reached ?? null),
      v(s.expected),
      statusLabel(s.status),
      s.met === null ? NO_DATA : s.met ? "已达标" : "未达标",
      ...(cmp ? [deltaCell(ind, cmp.city[ind.code])] : []),
      ind.computation,
    ]);
    styles.push({ range: `A${r}:${last}${r}`, style: { ...BODY, hAlign: "center" } });
    styles.push({ range: `B${r}`, style: { ...BODY, wrap: true } });
    styles.push({ range: `${wayCol}${r}`, style: { ...BODY, wrap: true } });
    styles.push({ range: `D${r}:F${r}`, style: { ...BODY, numFmt: valueNumFmt(ind), hAlign: "right" } });
    styles.push({ range: `G${r}`, style: { ...BODY, numFmt: "0.0%", hAlign: "right" } });
    styles.push({ range: `H${r}`, style: { ...BODY, numFmt: expectedFmt(ind), hAlign: "right" } });
    styles.push({
      range: `I${r}`,
      style: { ...BODY, hAlign: "center", ...(s.status ? STATUS_STYLE[s.status] : UNSCORED_STYLE) },
    });
    if (cCol) styles.push({ range: `${cCol}${r}`, style: { ...BODY, hAlign: "right" } });
  });
  return {
    name: SHEET_CITY,
    state: "visible",
    rows,
    columnWidths: [4, 24, 7, 9, 9, 9, 8, 9, 7, 7, ...(cmp ? [10] : []), cmp ? 18 : 26],
    rowHeights,
    styles,
    merges,
    freeze: { rows: 4, columns: 2 },
    print: landscape("4:4"),
    tabColor: "C00000",
  };
}

const SUBMISSION_LABEL: Record<string, string> = {
  reported: "已报送",
  rejected: "已退回",
  missing: "未报送",
};

function submissionText(result: RoundResult, code: string): string {
  const s = result.aggregate.submissions.find((x) => x.unit === code);
  if (!s || s.status === "missing") return "未报送";
  if (s.status === "rejected") return "已退回";
  return s.timing === "late" ? "逾期报送" : s.timing === "on_time" ? "按时报送" : "已报送";
}

const order = (units: UnitScore[]) => [...units].sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity));

const rankMoveText = (m: number | null | undefined): string =>
  m === null || m === undefined ? NO_DATA : m > 0 ? `上升${m}位` : m < 0 ? `下降${-m}位` : "持平";

export function scoresSheet(result: RoundResult, cmp: Comparison | null = null): SheetDescription {
  const header = [
    "排名",
    "单位",
    "指标完成得分",
    "超额加分",
    "逾期扣分",
    "缺报扣分",
    "退回数据扣分",
    "扣分合计",
    "综合得分",
    "等次",
    ...(cmp ? ["得分较上期", "排名变化"] : []),
    "报送情况",
  ];
  const last = columnLetter(header.length - 1);
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  titleBlock(
    rows,
    styles,
    merges,
    rowHeights,
    2,
    `${ATTACHMENT_TITLES.scores}（${result.aggregate.periodLabel}）`,
    "综合得分 = 指标完成得分 + 超额加分 − 扣分合计。指标完成得分按各指标完成率(封顶100%)加权计算，超过100%的部分计入超额加分；" +
      "逾期、缺报和数据退回按评分设置扣分。" +
      (result.allocated ? "" : "未导入目标分解表，计数类指标各地不计分。"),
    last,
  );
  rows.push(header);
  styles.push({ range: `A4:${last}4`, style: HEAD });
  rowHeights[3] = 30;
  const list = order(result.score.units);
  const num = (x: number | null) => (x === null ? NO_DATA : Math.round(x * 100) / 100);
  for (const u of list) {
    const r = rows.length + 1;
    const c = cmp?.units[u.code];
    rows.push([
      u.rank ?? NO_DATA,
      u.name,
      num(u.indicatorPart),
      num(u.bonus),
      num(u.deductions.late),
      num(u.deductions.missing),
      num(u.deductions.rejectedRows),
      num(u.deductions.total),
      num(u.score),
      u.band ?? NO_DATA,
      ...(cmp
        ? [
            c?.score === null || c?.score === undefined
              ? NO_DATA
              : `${c.score >= 0 ? "+" : "−"}${Math.abs(c.score).toFixed(2)}`,
            rankMoveText(c?.rankMove),
          ]
        : []),
      submissionText(result, u.code),
    ]);
    styles.push({ range: `A${r}:${last}${r}`, style: { ...BODY, hAlign: "center" } });
    styles.push({ range: `B${r}`, style: { ...BODY, hAlign: "left", wrap: true } });
    styles.push({ range: `C${r}:I${r}`, style: { ...BODY, numFmt: "0.00", hAlign: "right" } });
    styles.push({ range: `I${r}`, style: { ...BODY, numFmt: "0.00", hAlign: "right", bold: true } });
    const sub = submissionText(result, u.code);
    if (sub !== "按时报送" && sub !== "已报送")
      styles.push({ range: `${last}${r}`, style: { ...BODY, hAlign: "center", ...STATUS_STYLE.red } });
  }
  const first = 5;
  const ranked = list.filter((u) => u.score !== null).length;
  const charts: ChartDescription[] = [];
  if (ranked > 0) {
    const top = rows.length + 2;
    charts.push({
      type: "bar",
      title: "各县区、功能板块综合得分",
      categories: `B${first}:B${first + ranked - 1}`,
      series: [{ name: "综合得分", values: `I${first}:I${first + ranked - 1}` }],
      anchor: { cell: `B${top}`, widthCols: 8, heightRows: Math.max(14, ranked + 4) },
    });
    while (rows.length < top + Math.max(14, ranked + 4)) rows.push([]);
  }
  return {
    name: SHEET_SCORES,
    state: "visible",
    rows,
    columnWidths: [5, 20, 9, 8, 8, 8, 8, 8, 8, 6, ...(cmp ? [9, 9] : []), 9],
    rowHeights,
    styles,
    merges,
    charts,
    freeze: { rows: 4, columns: 2 },
    // The chart is for the screen: on paper the table is the 附件, and a chart cut by a page break is not.
    print: { ...landscape("4:4"), printArea: `A1:${last}${first + list.length - 1}` },
    tabColor: "C00000",
  };
}

/** Indicator groups for printing: the plan's top-level sections, each cut into pieces of at most
 * `max` columns of about equal size, so a group fits the width of a landscape page. */
export function indicatorGroups(plan: Plan, max = 8): number[][] {
  const bySection: number[][] = [];
  let key = "";
  plan.indicators.forEach((ind, i) => {
    const k = ind.section.replace(/[（(].*$/, "");
    if (k !== key || bySection.length === 0) bySection.push([]);
    key = k;
    bySection[bySection.length - 1].push(i);
  });
  return bySection.flatMap((g) => {
    const parts = Math.ceil(g.length / max);
    const size = Math.ceil(g.length / parts);
    return Array.from({ length: parts }, (_, p) => g.slice(p * size, (p + 1) * size));
  });
}

const CN = [
  "一",
  "二",
  "三",
  "四",
  "五",
  "六",
  "七",
  "八",
  "九",
  "十",
  "十一",
  "十二",
  "十三",
  "十四",
  "十五",
  "十六",
];

export function unitsSheet(result: RoundResult, plan: Plan, details?: DetailIndex): SheetDescription {
  const { score } = result;
  const groups = indicatorGroups(plan);
  const width = Math.max(...groups.map((g) => g.length));
  const last = columnLetter(width);
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const pageBreaks: number[] = [];
  const cap = Math.round(result.settings.cap * 100);
  titleBlock(
    rows,
    styles,
    merges,
    rowHeights,
    3,
    `${ATTACHMENT_TITLES.units}（${result.aggregate.periodLabel}）`,
    (result.settings.completionBasis === "increase"
      ? `完成率为计分口径：有基期值的按较基期的增量计算，(当前值−基期值)÷(分解目标−基期值)，无基期值的为当前值÷分解目标；`
      : "完成率为计分口径：当前值÷分解目标；") +
      `封顶${cap}%，低于基期的标明\u201c低于基期\u201d(计0分)；按状态着色；灰色为未分解目标或无数据、不计分。计数类指标未分解目标的只列数据不计分，比率类指标未分解的采用全市目标。` +
      "指标按计划章节分组，每组先列完成率、再列当前值。",
    last,
  );
  const list = order(score.units);
  const perPage = list.length <= 12 ? 2 : 1;
  let block = 0;
  const blockOf = (title: string, idx: number[], kind: "completion" | "actual") => {
    if (block > 0 && block % perPage === 0) pageBreaks.push(rows.length);
    block++;
    rows.push([]);
    const t = rows.length + 1;
    rows.push([title]);
    styles.push({ range: `A${t}`, style: { ...LABEL, fontSize: 12 } });
    merges.push(`A${t}:${last}${t}`);
    const h = rows.length + 1;
    rows.push(["单位", ...idx.map((i) => plan.indicators[i].name)]);
    styles.push({ range: `A${h}:${columnLetter(idx.length)}${h}`, style: HEAD });
    for (const u of list) {
      const r = rows.length + 1;
      rows.push([
        u.name,
        ...idx.map((i) =>
          kind === "completion"
            ? completionCell(u.indicators[i].completion)
            : linked(
                v(u.indicators[i].actual) as number | string,
                details?.get(`${plan.indicators[i].code}|${u.code}`),
              ),
        ),
      ]);
      styles.push({ range: `A${r}`, style: { ...BODY, wrap: true } });
      idx.forEach((i, k) => {
        const c = columnLetter(k + 1);
        const s = u.indicators[i];
        if (kind === "completion") {
          const look = s.scored && s.status ? STATUS_STYLE[s.status] : UNSCORED_STYLE;
          styles.push({ range: `${c}${r}`, style: { ...BODY, ...look, numFmt: "0%", hAlign: "right" } });
        } else
          styles.push({
            range: `${c}${r}`,
            style: { ...BODY, numFmt: valueNumFmt(plan.indicators[i]), hAlign: "right" },
          });
      });
    }
  };
  let n = 0;
  groups.forEach((g) => {
    const span = `第${g[0] + 1}—${g[g.length - 1] + 1}项指标`;
    blockOf(`（${CN[n++] ?? n}）完成率：${span}`, g, "completion");
    blockOf(`（${CN[n++] ?? n}）当前值：${span}`, g, "actual");
  });
  return {
    name: SHEET_UNITS,
    state: "visible",
    rows,
    columnWidths: [22, ...Array.from({ length: width }, () => 11)],
    rowHeights,
    styles,
    merges,
    pageBreaks,
    freeze: { rows: 0, columns: 1 },
    print: { ...landscape(""), printTitleRows: undefined },
    tabColor: "C00000",
  };
}

const TIMING_LABEL: Record<string, string> = { on_time: "按时", late: "逾期", unknown: "时间不明" };
const SOURCE_LABEL: Record<string, string> = {
  receipt: "报送登记",
  workbook: "报表保存时间",
  file: "文件修改时间",
};

/** Columns C:I of a superseded or sent-back return's line (C holds the text; the rest are merged into it). */
function excludedLineCells(x: ExcludedReturn): CellValue[] {
  if (x.kind === "sent_back") return [`${x.file}：${x.reason}`, ...Array(6).fill(null)];
  const counts = x.changes ? `，较此表${diffCountsText(x.changes)}` : "";
  return [`${x.file}：以较新的\u201c${x.supersededBy ?? NO_DATA}\u201d为准${counts}`, ...Array(6).fill(null)];
}

export function submissionsSheet(result: RoundResult): SheetDescription {
  const a = result.aggregate;
  const header = [
    "单位",
    "状态",
    "计入汇总的报表",
    "表式",
    "报送时间(北京时间)",
    "时间依据",
    "是否按时",
    "逾期工作日",
    "退回记录",
  ];
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  titleBlock(
    rows,
    styles,
    merges,
    rowHeights,
    4,
    `${ATTACHMENT_TITLES.submissions}（${a.periodLabel}）`,
    `报送截止日期：${chineseDateOrNone(a.deadline)}(按北京时间计)。报送时间优先取报送登记时间，其次取报表自身的保存时间，最后取文件修改时间。`,
    "I",
  );
  rows.push(header);
  styles.push({ range: "A4:I4", style: HEAD });
  rowHeights[3] = 30;
  for (const s of a.submissions) {
    const r = rows.length + 1;
    const u = result.score.units.find((x) => x.code === s.unit);
    rows.push([
      s.name,
      SUBMISSION_LABEL[s.status],
      s.file ?? NO_DATA,
      s.status === "reported" ? versionLabel(s.formVersion) : NO_DATA,
      beijingDateTime(s.submittedAt),
      s.submittedAtSource ? SOURCE_LABEL[s.submittedAtSource] : NO_DATA,
      s.timing ? TIMING_LABEL[s.timing] : NO_DATA,
      u?.daysLate ?? NO_DATA,
      s.rows ? s.rows.rejected : NO_DATA,
    ]);
    styles.push({ range: `A${r}:I${r}`, style: { ...BODY, hAlign: "center" } });
    styles.push({ range: `A${r}`, style: { ...BODY, wrap: true } });
    styles.push({ range: `C${r}`, style: { ...BODY, wrap: true } });
    const bad = s.status !== "reported" || s.timing === "late";
    styles.push({
      range: `B${r}`,
      style: { ...BODY, hAlign: "center", ...(bad ? STATUS_STYLE.red : STATUS_STYLE.green) },
    });
  }
  // A line per superseded return: which file replaced it and how many rows the replacement changed.
  // and a line per return the bureau sent back, with the reason.
  for (const x of a.excluded.filter((e) => e.kind === "superseded" || e.kind === "sent_back")) {
    const r = rows.length + 1;
    rows.push([x.unitName ?? x.unit ?? NO_DATA, EXCLUDED_LABEL[x.kind], ...excludedLineCells(x)]);
    styles.push({ range: `A${r}:I${r}`, style: { ...BODY, hAlign: "center" } });
    styles.push({ range: `A${r}:C${r}`, style: { ...BODY, wrap: true } });
    merges.push(`C${r}:I${r}`);
    rowHeights[r - 1] = 30;
  }
  return {
    name: SHEET_SUBMISSIONS,
    state: "visible",
    rows,
    columnWidths: [18, 7, 30, 10, 18, 11, 7, 8, 8],
    rowHeights,
    styles,
    merges,
    freeze: { rows: 4, columns: 0 },
    print: landscape("4:4"),
    tabColor: "C00000",
  };
}

const EXCLUDED_LABEL: Record<string, string> = {
  rejected: "整份退回",
  unknown_unit: "单位不明",
  other_period: "报告期不符",
  superseded: "已被替代",
  sent_back: "审核退回",
};

export function issuesSheet(result: RoundResult): SheetDescription {
  const a = result.aggregate;
  // Column F (the stable issue code, for programs) lies outside the print area.
  const header = ["类别", "单位", "报表文件", "位置", "说明", "问题代码"];
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  titleBlock(
    rows,
    styles,
    merges,
    rowHeights,
    5,
    `${ATTACHMENT_TITLES.issues}（${a.periodLabel}）`,
    "本表列出未计入汇总的报表和记录、跨单位重复报送的企业和平台，以及提示性问题。报表中的文字按原样以文本列出。",
    "E",
  );
  rows.push(header);
  const add = (
    kind: string,
    unit: string | null,
    file: string,
    sheet: string | null,
    cell: string | null,
    code: string,
    text: string,
  ) =>
    rows.push([kind, unit ?? NO_DATA, file, [sheet, cell].filter((x) => x).join(" ") || NO_DATA, text, code]);
  for (const x of a.excluded)
    add(EXCLUDED_LABEL[x.kind], x.unitName ?? x.unit, x.file, null, null, x.kind, x.reason);
  for (const rr of a.rejectedRows)
    for (const i of rr.issues.length ? rr.issues : [null])
      add(
        "退回记录",
        rr.unitName,
        rr.file,
        rr.sheet,
        i?.cell ?? `第${rr.row}行`,
        i?.code ?? "row.rejected",
        i?.message ?? `第${rr.row}行未通过校验`,
      );
  for (const d of a.duplicates) {
    const used = d.occurrences.find((o) => o.unit === d.usedUnit);
    for (const o of d.occurrences)
      add(
        d.kind === "enterprise" ? "重复企业" : "重复平台",
        o.unitName,
        o.file,
        o.sheet,
        o.cell,
        d.kind === "enterprise" ? "duplicate.uscc" : "duplicate.platform",
        // This row's own place is in its columns; the text names only the other places.
        `${d.name}（${d.kind === "enterprise" ? "统一社会信用代码" : "名称、类型、级别"} ${d.key.replace(/\|/g, "、")}）被${d.occurrences.length}个单位报送，另见：` +
          d.occurrences
            .filter((x) => x !== o)
            .map((x) => `${x.unitName} ${x.sheet} ${x.cell}`)
            .join("；") +
          `；市级汇总计入${used?.unitName ?? d.usedUnit}`,
      );
  }
  for (const w of a.warnings)
    add("提示", w.unitName, w.file, w.issue.sheet, w.issue.cell, w.issue.code, w.issue.message);
  const last = rows.length;
  styles.push({ range: "A4:F4", style: HEAD });
  if (last > 4) styles.push({ range: `A5:E${last}`, style: { ...BODY, wrap: true, vAlign: "top" } });
  if (last === 4) rows.push(["无", "", "", "", "本期未发现数据问题"]);
  return {
    name: SHEET_ISSUES,
    state: "visible",
    rows,
    columnWidths: [9, 14, 24, 12, 58, 18],
    rowHeights,
    styles,
    merges,
    freeze: { rows: 4, columns: 0 },
    autoFilter: `A4:F${Math.max(rows.length, 5)}`,
    print: { ...landscape("4:4"), printArea: `A1:E${Math.max(rows.length, 5)}` },
    tabColor: "C00000",
  };
}
