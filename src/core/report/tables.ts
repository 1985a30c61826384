// The bulletin's data sheets: city attainment, units × indicators with score and rank, submissions, and
// the flat list of data problems. Every text that came from a return is written as a plain string.
import { TABLE_HEADER } from "../sheet/styles";
import { columnLetter } from "../a1";
import type { Plan } from "../plan/types";
import type { CellStyle, CellValue, PrintSetup, SheetDescription, StyledRange } from "../sheet/types";
import {
  expectedNumFmt,
  FONT_TABLE,
  FONT_TITLE,
  NO_DATA,
  STATUS_STYLE,
  statusLabel,
  UNSCORED_STYLE,
  valueNumFmt,
} from "./format";
import type { RoundResult } from "./round-result";

export const SHEET_CITY = "市级目标完成情况";
export const SHEET_UNITS = "县区完成情况及排名";
export const SHEET_SUBMISSIONS = "报送情况";
export const SHEET_ISSUES = "数据问题";

export const HEAD: CellStyle = { ...TABLE_HEADER, fontName: FONT_TITLE };
export const TITLE: CellStyle = {
  bold: true,
  fontSize: 16,
  fontName: FONT_TITLE,
  hAlign: "center",
  vAlign: "middle",
};
const NOTE: CellStyle = { fontName: FONT_TABLE, wrap: true, vAlign: "top", fontSize: 10 };
const BODY: CellStyle = { border: true, fontName: FONT_TABLE, vAlign: "middle" };

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

export function citySheet(result: RoundResult, plan: Plan): SheetDescription {
  const { aggregate: a, score } = result;
  const header = [
    "序号",
    "指标",
    "指标代码",
    "计划章节",
    "目标",
    `基期值(${plan.baseDate.slice(0, 4)}年底)`,
    "当前值",
    "完成率",
    "序时进度应达值",
    "序时应达完成率",
    "状态",
    "是否达标",
    "计算口径",
  ];
  const rows: CellValue[][] = [
    [`${plan.city}专精特新企业培育目标完成情况（${a.periodLabel}）`],
    [
      `报告期末：${a.periodEnd}；序时进度：${(score.timeProgress * 100).toFixed(1)}%；完成率 = 当前值÷目标，超过${Math.round(result.settings.cap * 100)}%的按${Math.round(result.settings.cap * 100)}%计；` +
        `状态：达到序时进度为正常，完成率低于序时应达完成率不超过${Math.round(result.settings.yellowThreshold * 100)}个百分点为略滞后，其余为滞后；—表示无数据。`,
    ],
    header,
  ];
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE },
    { range: "A2", style: NOTE },
    { range: `A3:${columnLetter(header.length - 1)}3`, style: HEAD },
  ];
  plan.indicators.forEach((ind, i) => {
    const s = score.city[i];
    const r = rows.length + 1;
    rows.push([
      i + 1,
      ind.name,
      ind.code,
      ind.section,
      s.target,
      v(s.base),
      v(s.actual),
      v(s.completion),
      v(s.expected),
      v(s.expectedCompletion),
      statusLabel(s.status),
      s.met === null ? NO_DATA : s.met ? "已达标" : "未达标",
      ind.computation,
    ]);
    styles.push({ range: `A${r}:M${r}`, style: BODY });
    styles.push({ range: `B${r}`, style: { ...BODY, wrap: true } });
    styles.push({ range: `M${r}`, style: { ...BODY, wrap: true, fontSize: 9 } });
    styles.push({ range: `E${r}:G${r}`, style: { ...BODY, numFmt: valueNumFmt(ind), hAlign: "right" } });
    styles.push({ range: `H${r}`, style: { ...BODY, numFmt: "0.0%", hAlign: "right" } });
    styles.push({ range: `I${r}`, style: { ...BODY, numFmt: expectedNumFmt(ind), hAlign: "right" } });
    styles.push({ range: `J${r}`, style: { ...BODY, numFmt: "0.0%", hAlign: "right" } });
    styles.push({
      range: `K${r}`,
      style: { ...BODY, hAlign: "center", ...(s.status ? STATUS_STYLE[s.status] : UNSCORED_STYLE) },
    });
    styles.push({ range: `L${r}`, style: { ...BODY, hAlign: "center" } });
  });
  return {
    name: SHEET_CITY,
    state: "visible",
    rows,
    columnWidths: [6, 36, 24, 9, 10, 12, 12, 10, 13, 13, 9, 9, 40],
    rowHeights: { 0: 30, 1: 45, 2: 32 },
    styles,
    merges: ["A1:M1", "A2:M2"],
    freeze: { rows: 3, columns: 2 },
    print: landscape("3:3"),
    tabColor: "C00000",
  };
}

export function unitsSheet(result: RoundResult, plan: Plan): SheetDescription {
  const { score } = result;
  const n = plan.indicators.length;
  // Columns: A code, B name, C reported, then one per indicator, then score and rank.
  const scoreCol = columnLetter(3 + n);
  const rankCol = columnLetter(4 + n);
  const lastCol = rankCol;
  const rows: CellValue[][] = [
    [`各县区、功能板块目标完成情况及排名（${result.aggregate.periodLabel}）`],
    [
      "上表为完成率(当前值÷分解目标，封顶" +
        `${Math.round(result.settings.cap * 100)}%)，按状态着色；灰色为未分解目标或无数据、不计分；` +
        "计数类指标未分解目标的只展示不计分，比率类指标未分解的采用全市目标。得分 = Σ(权重×完成率)÷Σ权重×100。下表为当前值。",
    ],
    ["单位代码", "单位", "报送", ...plan.indicators.map((i) => i.name), "得分", "排名"],
    ["", "", "", ...plan.indicators.map((i) => i.code), "", ""],
  ];
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE },
    { range: "A2", style: NOTE },
    { range: `A3:${lastCol}4`, style: HEAD },
    { range: `D4:${columnLetter(2 + n)}4`, style: { ...HEAD, fontSize: 8, bold: false } },
  ];
  const merges = [
    `A1:${lastCol}1`,
    `A2:${lastCol}2`,
    "A3:A4",
    "B3:B4",
    "C3:C4",
    `${scoreCol}3:${scoreCol}4`,
    `${rankCol}3:${rankCol}4`,
  ];
  // Ranked units first, then the ones without a score in plan order.
  const order = [...score.units].sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity));
  for (const u of order) {
    const r = rows.length + 1;
    rows.push([
      u.code,
      u.name,
      u.reported ? "已报送" : "未报送",
      ...u.indicators.map((s) => v(s.completion)),
      u.score === null ? NO_DATA : u.score,
      u.rank === null ? NO_DATA : u.rank,
    ]);
    styles.push({ range: `A${r}:${lastCol}${r}`, style: { ...BODY, hAlign: "center" } });
    u.indicators.forEach((s, i) => {
      const c = columnLetter(3 + i);
      const look = s.scored && s.status ? STATUS_STYLE[s.status] : UNSCORED_STYLE;
      styles.push({ range: `${c}${r}`, style: { ...BODY, ...look, numFmt: "0%", hAlign: "right" } });
    });
    styles.push({
      range: `${scoreCol}${r}`,
      style: { ...BODY, numFmt: "0.00", bold: true, hAlign: "right" },
    });
    styles.push({ range: `${rankCol}${r}`, style: { ...BODY, bold: true, hAlign: "center" } });
  }
  rows.push([]);
  const head2 = rows.length + 1;
  rows.push(["单位代码", "单位", "报送", ...plan.indicators.map((i) => i.name)]);
  styles.push({ range: `A${head2}:${columnLetter(2 + n)}${head2}`, style: HEAD });
  for (const u of order) {
    const r = rows.length + 1;
    rows.push([u.code, u.name, u.reported ? "已报送" : "未报送", ...u.indicators.map((s) => v(s.actual))]);
    styles.push({ range: `A${r}:${columnLetter(2 + n)}${r}`, style: { ...BODY, hAlign: "center" } });
    plan.indicators.forEach((ind, i) =>
      styles.push({
        range: `${columnLetter(3 + i)}${r}`,
        style: { ...BODY, numFmt: valueNumFmt(ind), hAlign: "right" },
      }),
    );
  }
  return {
    name: SHEET_UNITS,
    state: "visible",
    rows,
    columnWidths: [9, 22, 7, ...plan.indicators.map(() => 8), 8, 6],
    rowHeights: { 0: 30, 1: 36, 2: 96, 3: 30, [head2 - 1]: 96 },
    styles,
    merges,
    freeze: { rows: 4, columns: 2 },
    print: landscape("3:4"),
    tabColor: "C00000",
  };
}

const TIMING_LABEL: Record<string, string> = { on_time: "按时", late: "逾期", unknown: "时间不明" };
const SUBMISSION_LABEL: Record<string, string> = {
  reported: "已报送",
  rejected: "已退回",
  missing: "未报送",
};

export function submissionsSheet(result: RoundResult): SheetDescription {
  const a = result.aggregate;
  const header = [
    "单位代码",
    "单位",
    "状态",
    "计入汇总的文件",
    "文件修改时间",
    "是否按时",
    "错误数",
    "警告数",
    "读取行数",
    "接受行数",
    "退回行数",
  ];
  const rows: CellValue[][] = [
    [`各地报送情况（${a.periodLabel}）`],
    [`报送截止日期：${a.deadline ?? "未设定"}（按北京时间计）；报送时间取报表文件的最后修改时间。`],
    header,
  ];
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE },
    { range: "A2", style: NOTE },
    { range: "A3:K3", style: HEAD },
  ];
  for (const s of a.submissions) {
    const r = rows.length + 1;
    rows.push([
      s.unit,
      s.name,
      SUBMISSION_LABEL[s.status],
      s.file ?? NO_DATA,
      s.submittedAt ?? NO_DATA,
      s.timing ? TIMING_LABEL[s.timing] : NO_DATA,
      s.errors,
      s.warnings,
      s.rows ? s.rows.read : NO_DATA,
      s.rows ? s.rows.accepted : NO_DATA,
      s.rows ? s.rows.rejected : NO_DATA,
    ]);
    styles.push({ range: `A${r}:K${r}`, style: { ...BODY, hAlign: "center" } });
    styles.push({ range: `D${r}`, style: { ...BODY, wrap: true } });
    const bad = s.status !== "reported" || s.timing === "late";
    styles.push({
      range: `C${r}`,
      style: { ...BODY, hAlign: "center", ...(bad ? STATUS_STYLE.red : STATUS_STYLE.green) },
    });
    if (s.timing === "late")
      styles.push({ range: `F${r}`, style: { ...BODY, hAlign: "center", ...STATUS_STYLE.red } });
  }
  return {
    name: SHEET_SUBMISSIONS,
    state: "visible",
    rows,
    columnWidths: [10, 24, 9, 36, 24, 9, 8, 8, 9, 9, 9],
    rowHeights: { 0: 30, 2: 30 },
    styles,
    merges: ["A1:K1", "A2:K2"],
    freeze: { rows: 3, columns: 0 },
    print: landscape("3:3"),
    tabColor: "C00000",
  };
}

const EXCLUDED_LABEL: Record<string, string> = {
  rejected: "整份退回",
  unknown_unit: "单位不明",
  other_period: "报告期不符",
  superseded: "已被替代",
};

export function issuesSheet(result: RoundResult): SheetDescription {
  const a = result.aggregate;
  const header = ["类别", "单位", "文件", "工作表", "单元格", "问题代码", "说明"];
  const rows: CellValue[][] = [
    [`数据问题清单（${a.periodLabel}）`],
    [
      "本表列出未计入汇总的报表和数据行、跨单位重复报送的企业和平台，以及提示性问题。报表中的文字按原样以文本列出。",
    ],
    header,
  ];
  const add = (
    kind: string,
    unit: string | null,
    file: string,
    sheet: string | null,
    cell: string | null,
    code: string,
    text: string,
  ) => rows.push([kind, unit ?? NO_DATA, file, sheet ?? "", cell ?? "", code, text]);
  for (const x of a.excluded)
    add(EXCLUDED_LABEL[x.kind], x.unitName ?? x.unit, x.file, null, null, x.kind, x.reason);
  for (const rr of a.rejectedRows)
    for (const i of rr.issues.length ? rr.issues : [null])
      add(
        "退回数据行",
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
        // This row's own place is in the 工作表 and 单元格 columns; the text names only the others.
        `${d.name}（${d.kind === "enterprise" ? "统一社会信用代码" : "名称|类型|级别"} ${d.key}）被${d.occurrences.length}个单位报送，另见：` +
          d.occurrences
            .filter((x) => x !== o)
            .map((x) => `${x.unitName} ${x.sheet}!${x.cell}`)
            .join("；") +
          `；市级汇总计入${used?.unitName ?? d.usedUnit}`,
      );
  }
  for (const w of a.warnings)
    add("提示", w.unitName, w.file, w.issue.sheet, w.issue.cell, w.issue.code, w.issue.message);
  const last = rows.length;
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE },
    { range: "A2", style: NOTE },
    { range: "A3:G3", style: HEAD },
  ];
  if (last > 3) styles.push({ range: `A4:G${last}`, style: { ...BODY, wrap: true, vAlign: "top" } });
  if (last === 3) rows.push(["无", "", "", "", "", "", "本期未发现数据问题"]);
  return {
    name: SHEET_ISSUES,
    state: "visible",
    rows,
    columnWidths: [11, 20, 30, 12, 9, 26, 70],
    rowHeights: { 0: 30, 2: 24 },
    styles,
    merges: ["A1:G1", "A2:G2"],
    freeze: { rows: 3, columns: 0 },
    autoFilter: `A3:G${Math.max(last, 4)}`,
    print: landscape("3:3"),
    tabColor: "C00000",
  };
}
