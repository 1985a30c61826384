// The targets workbook (目标分解 + 评分设置): what the bureau fills to allocate the plan's targets to
// units and tune scoring. One block per indicator with units as rows is what clerks are used to from
// paper allocation tables; column A/B keep machine keys so that reading back never depends on position.
import { assertPeriodInPlan } from "../plan/window";
import { bulletinSettingsSheet, type BulletinSettings } from "./bulletin-settings";
import { TABLE_HEADER } from "../sheet/styles";
import { columnLetter } from "../a1";
import { milestoneInForce } from "../plan/milestones";
import type { Period } from "../plan/periods";
import type { Indicator, Plan } from "../plan/types";
import type {
  CellStyle,
  CellValue,
  ConditionalFormat,
  DataValidation,
  SheetDescription,
  StyledRange,
  WorkbookDescription,
} from "../sheet/types";
import { wrappedLines } from "../form/template";
import { isoToSerial } from "../read/date";
import { SETTING_PARAMS, WHOLE } from "./settings-params";
import { placeWords, type PlaceWords } from "../plan/words";
import { regionFieldsOf } from "../plan/region-fields";
import { formsOf } from "../form/versions";
import { REASON_HEADER, REVIEW_HEADER, REVIEW_LABELS, REVIEW_OPTIONS } from "../review/review";
import {
  CITY_CODE,
  DEFAULT_SETTINGS,
  SETTINGS_SHEET,
  TARGETS_FORM_ID,
  TARGETS_FORM_VERSION,
  TARGETS_META_SHEET,
  TARGETS_SHEET,
  REGION_SHEET,
  RECEIPTS_SHEET,
  weightOf,
  type ScoringSettings,
  type TargetAllocation,
} from "./types";

const HEADER: CellStyle = TABLE_HEADER;
const TITLE: CellStyle = { bold: true, fontSize: 16, fontName: "黑体", hAlign: "center", vAlign: "middle" };
const BLOCK: CellStyle = { bold: true, fill: "F2F2F2", border: true };
const INPUT: CellStyle = { locked: false, border: true, fill: "FFF9E5" };
const CELL: CellStyle = { border: true };

export const SETTING_KEYS = {
  cap: "cap",
  basis: "basis",
  yellowThreshold: "yellow_threshold",
  approxShare: "approx_share",
} as const;

export const RECEIPT_HEADER = "收到日期";

export function isPercentIndicator(ind: Indicator): boolean {
  return ind.unit === "%";
}

function numFmtOf(ind: Indicator): string {
  if (isPercentIndicator(ind)) return "0.0%";
  return ind.kind === "rate" ? "0.00" : "General";
}

function inputValidation(ind: Indicator, range: string): DataValidation {
  if (isPercentIndicator(ind))
    return {
      range,
      type: "decimal",
      operator: "between",
      min: 0,
      max: 1,
      allowBlank: true,
      prompt: { title: "请输入百分数", message: "如 5% 请输入 5%（即0.05）；留空表示未分解" },
      error: { title: "数值不正确", message: "须为0%至100%之间的百分数", style: "stop" },
    };
  return {
    range,
    type: "decimal",
    operator: "greaterThanOrEqual",
    min: 0,
    allowBlank: true,
    prompt: { title: "请输入数值", message: `单位：${ind.unit || "比值"}；不小于0；留空表示未分解` },
    error: { title: "数值不正确", message: "须为不小于0的数字", style: "stop" },
  };
}

function cmpText(ind: Indicator): string {
  return ind.cmp === ">" ? "超过" : ind.cmp === "~" ? "左右" : "不低于";
}

export function targetText(ind: Indicator, value: number): string {
  if (isPercentIndicator(ind)) return `${Math.round(value * 1000) / 10}%`;
  return `${value}${ind.unit}`;
}

export interface TargetsWorkbookOptions {
  /** Prefilled values (the demo ships an allocation); absent cells stay blank. */
  allocation?: TargetAllocation;
  settings?: ScoringSettings;
  generatedAt?: string;
  /** The bulletin's issuing body, 期号, 主送, 抄送 and next steps (sheet 通报设置). */
  bulletin?: BulletinSettings;
}

function targetsSheet(plan: Plan, period: Period, alloc: TargetAllocation | undefined): SheetDescription {
  const w = placeWords(plan);
  const rows: CellValue[][] = [
    [`${plan.city}专精特新企业培育目标分解表（${period.label}）`],
    [
      "说明：黄色单元格为填写处。基期值为" +
        plan.baseDate.slice(0, 4) +
        `年底数；计数类指标各地分解目标合计应等于${w.whole}目标(F列核对)，未分解的计数类指标只展示、不计分；` +
        `比率类指标各地留空则采用${w.whole}目标。百分数请按百分数输入(如5%)。`,
    ],
    ["指标代码", "单位代码", "单位", `基期值(${plan.baseDate.slice(0, 4)}年底)`, "分解目标", "核对"],
  ];
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE },
    { range: "A2", style: { wrap: true, vAlign: "top" } },
    { range: "A3:F3", style: HEADER },
  ];
  const merges = ["A1:F1", "A2:F2"];
  const validations: DataValidation[] = [];
  const conditionalFormats: ConditionalFormat[] = [];
  plan.indicators.forEach((ind, i) => {
    const titleRow = rows.length + 1;
    // The milestone the period is measured against, by its year; a 新增 target says so.
    const m = milestoneInForce(plan, ind, period.year);
    const increase = ind.basis === "increase";
    rows.push([
      ind.code,
      `${i + 1}. ${ind.name}（${ind.kind === "count" ? "计数类" : "比率类"}；${w.whole}${m.year}年目标` +
        `${increase ? "为较基期新增" : ""}${cmpText(ind)}${targetText(ind, m.target)}` +
        `${increase ? "；各地分解目标填较基期的新增数" : ""}）`,
    ]);
    merges.push(`B${titleRow}:F${titleRow}`);
    styles.push({ range: `A${titleRow}:F${titleRow}`, style: BLOCK });
    const first = rows.length + 1;
    for (const u of plan.units) {
      const cell = alloc?.units[u.code]?.[ind.code];
      rows.push([ind.code, u.code, u.name, cell?.base ?? null, cell?.target ?? null]);
    }
    const last = rows.length;
    const cityRow = last + 1;
    const sum = `SUM(E${first}:E${last})`;
    const check: CellValue =
      ind.kind === "count"
        ? {
            formula:
              `IF(COUNT(E${first}:E${last})=0,"未分解",IF(ABS(${sum}-E${cityRow})<0.000001,"相符",` +
              `"各地合计"&${sum}&"，与${w.whole}目标不符"))`,
          }
        : `比率类：各地留空则采用${w.whole}目标`;
    // The whole's row: its code cell says the whole in the plan's word (全市, 全省); the reader takes it
    // or the built-in code.
    rows.push([ind.code, w.whole, w.whole, alloc?.city[ind.code]?.base ?? ind.base ?? null, m.target, check]);
    const fmt = numFmtOf(ind);
    styles.push({ range: `A${first}:C${cityRow}`, style: CELL });
    styles.push({ range: `D${first}:E${last}`, style: { ...INPUT, numFmt: fmt } });
    styles.push({ range: `D${cityRow}`, style: { ...INPUT, numFmt: fmt } });
    styles.push({ range: `E${cityRow}`, style: { ...CELL, numFmt: fmt, bold: true } });
    styles.push({ range: `F${first}:F${cityRow}`, style: { ...CELL, wrap: true } });
    styles.push({ range: `C${cityRow}`, style: { ...CELL, bold: true } });
    validations.push(inputValidation(ind, `D${first}:E${last}`));
    validations.push(inputValidation(ind, `D${cityRow}`));
    if (ind.kind === "count")
      conditionalFormats.push({
        range: `F${cityRow}`,
        type: "expression",
        formula: `LEFT(F${cityRow},4)="各地合计"`,
        style: { fill: "FFC7CE", fontColor: "9C0006", bold: true },
      });
  });
  return {
    name: TARGETS_SHEET,
    state: "visible",
    rows,
    columnWidths: [24, 10, 26, 16, 14, 34],
    // Column A keeps the indicator code for reading back; people see the name in each block's title.
    hiddenColumns: [0],
    rowHeights: { 0: 30, 1: 48, 2: 30 },
    styles,
    merges,
    freeze: { rows: 3, columns: 0 },
    validations,
    conditionalFormats,
    protection: { protected: true, allowFormatColumns: true },
    print: {
      orientation: "portrait",
      paperSize: "A4",
      fitToWidth: true,
      printTitleRows: "3:3",
      centerHorizontally: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 },
      footer: "第 &P 页，共 &N 页",
    },
    tabColor: "C00000",
  };
}

const NOTE_WIDTH = 60;

/** A setting's note in the plan's words. */
function noteOf(note: string, w: PlaceWords): string {
  return note.split(WHOLE).join(w.whole);
}

function settingsSheet(plan: Plan, s: ScoringSettings): SheetDescription {
  const w = placeWords(plan);
  const rows: CellValue[][] = [
    ["评分设置"],
    [
      "说明：黄色单元格可修改。百分制：指标得分 = Σ(权重×完成率)/Σ权重×100，每项完成率按100%封顶；" +
        "超额部分单列为加分(有上限)；再减去迟报、未报送和退回数据行的扣分。所有单位按同一组指标计分" +
        `(仅${w.level}考核的指标不计)；权重为0的指标不计分。`,
    ],
    ["参数代码", "参数", "取值", "说明"],
  ];
  const first = rows.length + 1;
  // LibreOffice does not grow a row to its wrapped text on open: the height follows the note's length.
  const rowHeights: Record<number, number> = { 0: 30, 1: 48 };
  for (const p of SETTING_PARAMS) {
    rowHeights[rows.length] = 16 * wrappedLines(noteOf(p.note, w), NOTE_WIDTH);
    rows.push([p.key, p.label, p.get(s), noteOf(p.note, w)]);
  }
  const last = rows.length;
  rows.push([]);
  const weightHeader = rows.length + 1;
  rows.push(["指标代码", "指标", "权重", "说明"]);
  const firstWeight = rows.length + 1;
  for (const ind of plan.indicators)
    rows.push([
      ind.code,
      ind.name,
      weightOf(s, ind.code),
      (ind.kind === "count" ? "计数类" : "比率类") +
        ((ind.scope ?? "unit") === "city_only" ? `；仅${w.level}考核，各地不计分` : ""),
    ]);
  const lastWeight = rows.length;
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE },
    { range: "A2", style: { wrap: true, vAlign: "top" } },
    { range: "A3:D3", style: HEADER },
    { range: `A${first}:B${last}`, style: CELL },
    { range: `D${first}:D${last}`, style: { ...CELL, wrap: true } },
    { range: `A${weightHeader}:D${weightHeader}`, style: HEADER },
    { range: `A${firstWeight}:B${lastWeight}`, style: { ...CELL, wrap: true } },
    { range: `D${firstWeight}:D${lastWeight}`, style: CELL },
    { range: `C${firstWeight}:C${lastWeight}`, style: { ...INPUT, numFmt: "0.00" } },
  ];
  const validations: DataValidation[] = [];
  SETTING_PARAMS.forEach((p, i) => {
    const cell = `C${first + i}`;
    const own = p.kind === "percent" ? { numFmt: "0%" } : p.kind === "text" ? { wrap: true } : {};
    styles.push({ range: cell, style: { ...INPUT, ...own } });
    if (p.kind === "list")
      validations.push({
        range: cell,
        type: "list",
        list: p.list!,
        allowBlank: false,
        prompt: { title: p.label, message: "请从下拉列表选择" },
        error: { title: "取值不正确", message: `请从下拉列表选择：${p.list!.join("、")}`, style: "stop" },
      });
    else if (p.kind === "text")
      validations.push({
        range: cell,
        type: "textLength",
        operator: "between",
        min: 3,
        max: 300,
        allowBlank: false,
        prompt: { title: p.label, message: noteOf(p.note, w) },
        error: { title: "取值不正确", message: noteOf(p.note, w), style: "stop" },
      });
    else {
      const msg =
        p.kind === "percent"
          ? `须为${p.min! * 100}%至${p.max! * 100}%之间的百分数`
          : `须为${p.min}至${p.max}之间的数字`;
      validations.push({
        range: cell,
        type: "decimal",
        operator: "between",
        min: p.min!,
        max: p.max!,
        allowBlank: false,
        prompt: { title: "请输入数值", message: msg },
        error: { title: "数值不正确", message: msg, style: "stop" },
      });
    }
  });
  validations.push({
    range: `C${firstWeight}:C${lastWeight}`,
    type: "decimal",
    operator: "between",
    min: 0,
    max: 100,
    allowBlank: false,
    prompt: { title: "请输入数值", message: "权重须为0至100之间的数字，0表示不计分" },
    error: { title: "数值不正确", message: "权重须为0至100之间的数字，0表示不计分", style: "stop" },
  });
  return {
    name: SETTINGS_SHEET,
    state: "visible",
    rows,
    columnWidths: [24, 44, 22, NOTE_WIDTH],
    hiddenColumns: [0],
    rowHeights,
    styles,
    merges: ["A1:D1", "A2:D2"],
    freeze: { rows: 3, columns: 0 },
    validations,
    protection: { protected: true, allowFormatColumns: true },
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true, centerHorizontally: true },
    tabColor: "C00000",
  };
}

/** A further input column of a per-unit sheet, between the value column and 备注 (报送登记's review). */
interface ExtraColumn {
  header: string;
  width: number;
  values: Record<string, CellValue>;
  validation?: Omit<DataValidation, "range">;
}

/** One row per unit with a yellow input column (and any extra ones): the shape of 区域数据 and 报送登记. */
function unitInputSheet(
  plan: Plan,
  name: string,
  title: string,
  note: string,
  header: string,
  values: Record<string, CellValue>,
  input: { numFmt: string; validation: Omit<DataValidation, "range"> },
  extra: ExtraColumn[] = [],
): SheetDescription {
  const rows: CellValue[][] = [
    [title],
    [note],
    ["单位代码", "单位", header, ...extra.map((x) => x.header), "备注"],
  ];
  const first = rows.length + 1;
  for (const u of plan.units)
    rows.push([u.code, u.name, values[u.code] ?? null, ...extra.map((x) => x.values[u.code] ?? null), null]);
  const last = rows.length;
  const end = columnLetter(3 + extra.length);
  const extraCols = extra.map((x, i) => ({ ...x, col: columnLetter(3 + i) }));
  return {
    name,
    state: "visible",
    rows,
    columnWidths: [12, 28, 24, ...extra.map((x) => x.width), 36],
    rowHeights: { 0: 30, 1: 48, 2: 30 },
    styles: [
      { range: "A1", style: TITLE },
      { range: "A2", style: { wrap: true, vAlign: "top" } },
      { range: `A3:${end}3`, style: HEADER },
      { range: `A${first}:B${last}`, style: CELL },
      { range: `C${first}:C${last}`, style: { ...INPUT, numFmt: input.numFmt } },
      ...extraCols.map((x) => ({
        range: `${x.col}${first}:${x.col}${last}`,
        style: { ...INPUT, wrap: true },
      })),
      { range: `${end}${first}:${end}${last}`, style: { ...INPUT, wrap: true } },
    ],
    merges: [`A1:${end}1`, `A2:${end}2`],
    freeze: { rows: 3, columns: 0 },
    validations: [
      { ...input.validation, range: `C${first}:C${last}` } as DataValidation,
      ...extraCols
        .filter((x) => x.validation)
        .map((x) => ({ ...x.validation, range: `${x.col}${first}:${x.col}${last}` }) as DataValidation),
    ],
    protection: { protected: true, allowFormatColumns: true },
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true, centerHorizontally: true },
    tabColor: "C00000",
  };
}

/**
 * 区域数据: one row per unit and one for the whole, one yellow column per region field the plan's
 * computations read with region(f) (plan/region-fields.ts), headed by the field's label; the reader finds
 * each column by that header. A plan that reads none gets the units listed and a note saying so.
 */
function regionSheet(plan: Plan, alloc: TargetAllocation | undefined): SheetDescription {
  const w = placeWords(plan);
  const fields = regionFieldsOf(plan, formsOf(plan));
  const byCode = new Map(plan.indicators.map((i) => [i.code, i.name]));
  const uses = fields.map(
    (f) =>
      `“${f.label}”用于${f.indicators.map((c) => `“${byCode.get(c) ?? c}”`).join("、")}` +
      (f.unitsSupply ? "" : `(各地报表不填此项，须由${w.bureauShort}每期录入，未录入的为—)`),
  );
  const note =
    fields.length === 0
      ? "说明：本规划的指标不使用区域数据，本表无需填写。"
      : `说明：按统计部门数据录入。${uses.join("；")}。各地报表中自填的数值仅作核对，此处有数时以此处为准，` +
        `此处留空的才采用各地自填数。${w.whole}一行留空时，金额类取计入汇总的各单位之和，百分数类为—。` +
        "百分数请按百分数输入(如5%)，可为负数(如增速)。";
  const rows: CellValue[][] = [
    [`${plan.city}各地区域数据(${w.bureauShort}据统计部门数据录入)`],
    [note],
    ["单位代码", "单位", ...fields.map((f) => f.label), "备注"],
  ];
  const first = rows.length + 1;
  const valueOf = (code: string, key: string): CellValue => alloc?.regions?.[code]?.[key] ?? null;
  for (const u of plan.units) rows.push([u.code, u.name, ...fields.map((f) => valueOf(u.code, f.key)), null]);
  rows.push([w.whole, w.whole, ...fields.map((f) => valueOf(CITY_CODE, f.key)), null]);
  const last = rows.length;
  const end = columnLetter(2 + fields.length);
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE },
    { range: "A2", style: { wrap: true, vAlign: "top" } },
    { range: `A3:${end}3`, style: { ...HEADER, wrap: true } },
    { range: `A${first}:B${last}`, style: CELL },
    { range: `B${last}`, style: { ...CELL, bold: true } },
    { range: `${end}${first}:${end}${last}`, style: { ...INPUT, wrap: true } },
  ];
  const validations: DataValidation[] = [];
  fields.forEach((f, i) => {
    const col = columnLetter(2 + i);
    const range = `${col}${first}:${col}${last}`;
    styles.push({ range, style: { ...INPUT, numFmt: f.percent ? "0.0%" : "#,##0.00" } });
    validations.push(
      f.percent
        ? {
            range,
            type: "decimal",
            operator: "between",
            min: -10,
            max: 10,
            allowBlank: true,
            prompt: { title: "请输入百分数", message: "如 5.2% 请输入 5.2%；可为负数；留空表示未录入" },
            error: { title: "数值不正确", message: "须为百分数，如 5.2%", style: "stop" },
          }
        : {
            range,
            type: "decimal",
            operator: "greaterThanOrEqual",
            min: 0,
            allowBlank: true,
            prompt: { title: "请输入数值", message: "不小于0；留空表示未录入" },
            error: { title: "数值不正确", message: "须为不小于0的数字", style: "stop" },
          },
    );
  });
  return {
    name: REGION_SHEET,
    state: "visible",
    rows,
    columnWidths: [12, 28, ...fields.map(() => 24), 36],
    rowHeights: { 0: 30, 1: fields.length > 1 ? 80 : 64, 2: 45 },
    styles,
    merges: [`A1:${end}1`, `A2:${end}2`],
    freeze: { rows: 3, columns: 0 },
    validations,
    protection: { protected: true, allowFormatColumns: true },
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true, centerHorizontally: true },
    tabColor: "C00000",
  };
}

function receiptsSheet(plan: Plan, period: Period, alloc: TargetAllocation | undefined): SheetDescription {
  const values: Record<string, CellValue> = {};
  for (const [code, day] of Object.entries(alloc?.receipts ?? {})) values[code] = isoToSerial(day);
  const states: Record<string, CellValue> = {};
  const reasons: Record<string, CellValue> = {};
  for (const [code, r] of Object.entries(alloc?.reviews ?? {})) {
    states[code] = REVIEW_LABELS[r.state];
    reasons[code] = r.reason;
  }
  return unitInputSheet(
    plan,
    RECEIPTS_SHEET,
    `${plan.city}报表报送登记（${period.label}）`,
    "说明：收到各地正式报表的日期(如公文、邮件或系统的收件日期)。有登记的以登记日期判断是否迟报；" +
      "未登记的依次采用报表工作簿自身的保存时间、文件修改时间。审核结果为\u201c退回\u201d的报表不计入汇总，" +
      "按缺报计分，并在通报中列出退回原因；单位重新报送后请改为\u201c待审核\u201d或\u201c接受\u201d。",
    RECEIPT_HEADER,
    values,
    {
      numFmt: 'yyyy"年"m"月"d"日"',
      validation: {
        type: "date",
        operator: "between",
        min: "2000-01-01",
        max: "2099-12-31",
        allowBlank: true,
        prompt: { title: "请输入日期", message: "如 2025-10-12；留空表示未登记" },
        error: { title: "日期不正确", message: "请输入日期，如 2025-10-12", style: "stop" },
      },
    },
    [
      {
        header: REVIEW_HEADER,
        width: 10,
        values: states,
        validation: {
          type: "list",
          list: REVIEW_OPTIONS,
          allowBlank: true,
          prompt: { title: "审核结果", message: "待审核、接受或退回；留空即待审核" },
          error: { title: "审核结果不正确", message: "请从列表中选择", style: "stop" },
        },
      },
      { header: REASON_HEADER, width: 30, values: reasons },
    ],
  );
}

/** Rows of the very hidden sheet that identifies a targets workbook. */
export function targetsMetaRows(plan: Plan, period: Period, generatedAt: string): string[][] {
  return [
    ["form_id", TARGETS_FORM_ID],
    ["form_version", TARGETS_FORM_VERSION],
    ["plan_id", plan.id],
    ["period", period.id],
    ["generated_at", generatedAt],
  ];
}

export function buildTargetsWorkbook(
  plan: Plan,
  period: Period,
  opts: TargetsWorkbookOptions = {},
): WorkbookDescription {
  assertPeriodInPlan(plan, period);
  const generatedAt = opts.generatedAt ?? `${period.end}T00:00:00.000Z`;
  return {
    sheets: [
      targetsSheet(plan, period, opts.allocation),
      settingsSheet(plan, opts.settings ?? DEFAULT_SETTINGS),
      bulletinSettingsSheet(plan, opts.bulletin),
      regionSheet(plan, opts.allocation),
      receiptsSheet(plan, period, opts.allocation),
      {
        name: TARGETS_META_SHEET,
        state: "veryHidden",
        rows: targetsMetaRows(plan, period, generatedAt),
        styles: [{ range: "B1:B5", style: { numFmt: "@" } }],
        protection: { protected: true },
      },
    ],
    properties: {
      title: `${plan.city}专精特新目标分解-${period.label}`,
      creator: "srdi",
      created: generatedAt,
    },
  };
}
