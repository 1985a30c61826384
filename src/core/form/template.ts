// The submission template as a sheet description (REPORTING-FORM.md "Sheets of a template"): the same
// description is written by the CLI (ExcelJS) and by the task pane (Office.js).
import { assertPeriodInPlan } from "../plan/window";
import { chineseDate } from "../china-date";
import { TABLE_HEADER } from "../sheet/styles";
import { columnLetter, sheetRef } from "../a1";
import type { Period } from "../plan/periods";
import { hasPlatforms } from "./tables";
import { isChainField } from "./lists";
import type { Plan, Unit } from "../plan/types";
import { bureauLocal, placeWords } from "../plan/words";
import type {
  CellStyle,
  CellValue,
  DataValidation,
  DefinedName,
  NoteDescription,
  SheetDescription,
  StyledRange,
  WorkbookDescription,
} from "../sheet/types";
import { fingerprint, metaRows } from "./meta";
import { fieldNumFmt, fieldValidation, fitsInlineList } from "./template-fields";
import type { FieldDef, FormDef, TableSheetDef } from "./types";
import { PERCENT_RULE } from "./messages";

export interface TemplateArgs {
  plan: Plan;
  /** The plan's form version the template uses (new templates: currentForm(plan)). */
  form: FormDef;
  unit: Unit;
  period: Period;
  /** ISO date; null or absent: "以通知为准". */
  deadline?: string | null;
  /** ISO timestamp written into the metadata sheet. */
  generatedAt: string;
  /** Who to ask; shown on the instructions sheet. */
  contact?: string;
}

export const OTHER_CHAIN = "其他";

/** The Beijing calendar day of an ISO time (the time itself when it is only a date). */
function beijingDay(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso.slice(0, 10) : new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
/** Who a clerk asks: the plan's bureau as its units say it (市工业和信息化局, 省工业和信息化厅). */
export function defaultContact(plan: Plan): string {
  return `填报中如有疑问，请联系${bureauLocal(plan)}中小企业工作处室`;
}
/** Defined name of the chain list when it is too long for an inline list (kept on the metadata sheet). */
export const CHAINS_NAME = "srdi_chains";
/** Column of the metadata sheet that holds the chain list (A:B are the key/value rows). */
const CHAINS_COL = 3;

export const HEADER_STYLE: CellStyle = { ...TABLE_HEADER, locked: true };
const TITLE_STYLE: CellStyle = { bold: true, fontSize: 16, hAlign: "left", vAlign: "middle" };
const HEADING_STYLE: CellStyle = { bold: true, fontSize: 12 };
const INPUT_BOX: CellStyle = { locked: false, border: true, fill: "FFF9E5" };

/** The chain options of the template: the plan's chains in force, then 其他. */
export function chainOptions(plan: Plan): string[] {
  return [...plan.chains.filter((c) => c !== OTHER_CHAIN), OTHER_CHAIN];
}

function lastColumn(t: TableSheetDef): string {
  return columnLetter(t.fields.length - 1);
}

function lastTemplateRow(t: TableSheetDef): number {
  return t.firstDataRow + t.templateRows - 1;
}

/** Narrow enough for A4 portrait even where Calibri is missing and a wider font stands in. */
const INSTRUCTIONS_WIDTH = 60;

/** Lines a text takes in a wrapped column `width` characters wide: a CJK character is two widths. */
export function wrappedLines(text: string, width: number): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  // A little slack: glyphs are not exactly two digit widths and words do not break anywhere.
  return Math.max(1, Math.ceil(units / (width - 4)));
}

function instructionsSheet(args: Required<Pick<TemplateArgs, "contact">> & TemplateArgs, form: FormDef) {
  const { plan, unit, period } = args;
  const e = form.enterprises;
  const lines: [string, CellStyle?][] = [
    [`${form.title}（${period.label}）`, TITLE_STYLE],
    [`填报单位：${unit.name}（代码 ${unit.code}）`],
    [`报告期：${period.label}（${chineseDate(period.start)}至${chineseDate(period.end)}）`],
    [`报送截止日期：${args.deadline ? chineseDate(args.deadline) : "以通知为准"}`],
    [`联系方式：${args.contact}`],
    [""],
    ["一、如何填写", HEADING_STYLE],
    [
      `1. \u201c${e.name}\u201d：每家企业(培育库企业和已获认定企业)填一行，从第${e.firstDataRow}行起连续填写。`,
    ],
    // A form without a platform sheet says nothing about platforms; the lines after it are renumbered.
    ...numbered(2, [
      ...(hasPlatforms(form) ? [`\u201c${form.platforms.name}\u201d：每个平台、基地或集群填一行。`] : []),
      `\u201c${form.region.name}\u201d：填写本地区汇总数和填报人联系方式。`,
      "只能在输入单元格中填写；请勿增删、移动或改名工作表和列标题，否则报表将被退回。",
      "选中单元格可看到填写提示；下拉列表的列请从列表中选择。",
      "年份填4位数字；金额单位为万元。",
      `数控化率等${PERCENT_RULE}`,
      "请勿粘贴带公式的内容；从其他表格复制时请使用\u201c选择性粘贴—数值\u201d。",
    ]),
    ...(form.notes ?? []).map((n, i): [string] => [
      `${(hasPlatforms(form) ? 9 : 8) + i}. ${n.replace("{start}", plan.start.slice(0, 4)).replace(
        "{money}",
        (moneyPeriodText(form, period) ?? "").replace(/\d{4}-\d{2}-\d{2}/g, (d) => chineseDate(d)),
      )}`,
    ]),
    [""],
    ["二、本表会检查什么", HEADING_STYLE],
    ["1. 表内校验(无需插件)：输入时即检查下拉选项、数值范围、整数、年份范围和文字长度。"],
    ["2. 统一社会信用代码：18位，按GB 32100-2015校验字符和校验码，同一报表内不得重复。"],
    ["3. 必填项：企业名称、统一社会信用代码、是否规上工业企业；已获认定的企业须填营业收入。"],
    ["4. 逻辑关系：主营业务收入不大于营业收入，发明专利不大于有效授权专利；研发费用大于营业收入时提示核实。"],
    [
      `5. 报送后${placeWords(plan).bureauShort}导入时还会检查：填报单位和报告期是否与本模板一致、表式是否被改动、企业是否被重复报送。`,
    ],
    [""],
    // The chain list only where the form asks for a chain.
    ...(e.fields.some(isChainField)
      ? ([
          ["三、重点产业链清单", HEADING_STYLE],
          ...chainOptions(plan).map((c, i): [string] => [`${i + 1}. ${c}`]),
          [`说明：${plan.chainsNote}`],
          [""],
        ] as [string, CellStyle?][])
      : []),
    // On paper: the form's version and the day (Beijing) it was made; the form's code and the exact
    // time stay in the metadata sheet.
    [`表式第${form.version}版；计划：${plan.title}；生成日期：${chineseDate(beijingDay(args.generatedAt))}`],
  ];
  const styles: StyledRange[] = [];
  const rowHeights: Record<number, number> = { 0: 30 };
  // Long lines wrap, and LibreOffice does not grow a row to its wrapped text on open: set the height.
  lines.forEach(([text, style], i) => {
    if (style) styles.push({ range: `A${i + 1}`, style });
    const n = wrappedLines(text, INSTRUCTIONS_WIDTH);
    if (n > 1) rowHeights[i] = 16 * n;
  });
  styles.push({ range: `A2:A${lines.length}`, style: { wrap: true, vAlign: "top" } });
  const sheet: SheetDescription = {
    name: form.instructionsSheet,
    state: "visible",
    rows: lines.map(([text]) => [text]),
    columnWidths: [INSTRUCTIONS_WIDTH],
    rowHeights,
    styles,
    protection: { protected: true },
    // Not centred: LibreOffice centres by the unscaled width and cuts the left edge of a fitted page.
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true },
    tabColor: "4472C4",
  };
  return sheet;
}

function tableSheet(
  t: TableSheetDef,
  periodYear: number,
  listSourceFor: (f: FieldDef) => string | undefined,
) {
  const last = lastTemplateRow(t);
  const lastCol = lastColumn(t);
  const headerRow: CellValue[] = t.fields.map((f) => f.header);
  const rows: CellValue[][] = [];
  for (let r = 1; r < t.headerRow; r++) rows.push([]);
  rows.push(headerRow);
  const styles: StyledRange[] = [{ range: `A${t.headerRow}:${lastCol}${t.headerRow}`, style: HEADER_STYLE }];
  const validations: DataValidation[] = [];
  const notes: NoteDescription[] = [];
  t.fields.forEach((f, i) => {
    const col = columnLetter(i);
    const range = `${col}${t.firstDataRow}:${col}${last}`;
    styles.push({ range, style: { locked: false, numFmt: fieldNumFmt(f) } });
    validations.push(fieldValidation(f, range, { periodYear, listSource: listSourceFor(f) }));
    if (f.required) notes.push({ cell: `${col}${t.headerRow}`, text: `必填。${f.hint}` });
  });
  const sheet: SheetDescription = {
    name: t.name,
    state: "visible",
    rows,
    columnWidths: t.fields.map((f) => f.width),
    rowHeights: { [t.headerRow - 1]: 40 },
    styles,
    freeze: { rows: t.headerRow, columns: 0 },
    validations,
    protection: { protected: true, allowFormatColumns: true },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      printTitleRows: `${t.headerRow}:${t.headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 },
      footer: "第 &P 页，共 &N 页",
    },
    notes,
    tabColor: "70AD47",
  };
  return sheet;
}

function regionSheet(form: FormDef, unit: Unit, period: Period): SheetDescription {
  const reg = form.region;
  const rows: CellValue[][] = [[`${reg.name}（${unit.name}，${period.label}）`], ["指标", "填报值"]];
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE_STYLE },
    { range: "A2:B2", style: HEADER_STYLE },
  ];
  const validations: DataValidation[] = [];
  const rowHeights: Record<number, number> = { 0: 30 };
  for (const c of reg.cells) {
    rowHeights[c.row - 1] = 22;
    while (rows.length < c.row) rows.push([]);
    rows[c.row - 1] = [c.header];
    styles.push({
      range: `A${c.row}`,
      style: { border: true, bold: !!c.required, wrap: true, vAlign: "middle" },
    });
    styles.push({ range: `B${c.row}`, style: { vAlign: "middle" } });
    styles.push({ range: `B${c.row}`, style: { ...INPUT_BOX, numFmt: fieldNumFmt(c) } });
    validations.push(fieldValidation({ ...c, width: 0 }, `B${c.row}`, { periodYear: period.year }));
  }
  return {
    name: reg.name,
    state: "visible",
    rows,
    columnWidths: [40, 32],
    rowHeights,
    styles,
    merges: ["A1:B1"],
    validations,
    protection: { protected: true },
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true, centerHorizontally: true },
    tabColor: "70AD47",
  };
}

/** Lines numbered from `first`: "2. …". */
function numbered(first: number, lines: string[]): [string][] {
  return lines.map((l, i) => [`${first + i}. ${l}`]);
}

/** The money fields' period with its dates, e.g. "本年1月至报告期末累计(2025-01-01至2025-09-30)"; v1: none. */
export function moneyPeriodText(form: FormDef, period: Period): string | undefined {
  return form.moneyPeriod ? `${form.moneyPeriod}(${period.year}-01-01至${period.end})` : undefined;
}

/** The template of one unit and period. Pure: `generatedAt` is given, not read from a clock. */
export function buildTemplate(args: TemplateArgs): WorkbookDescription {
  const form = args.form;
  const contact = args.contact ?? defaultContact(args.plan);
  const { plan, unit, period } = args;
  assertPeriodInPlan(plan, period);
  const chains = chainOptions(plan);
  const chainsInline = fitsInlineList(chains);
  const meta = metaRows({
    formId: form.id,
    formVersion: form.version,
    unitCode: unit.code,
    unitName: unit.name,
    period: period.id,
    planId: plan.id,
    deadline: args.deadline ?? null,
    generatedAt: args.generatedAt,
    fingerprint: fingerprint(form),
    moneyPeriod: moneyPeriodText(form, period),
  });
  const metaCells: CellValue[][] = meta.map((r) => [...r]);
  const names: DefinedName[] = [];
  if (!chainsInline) {
    chains.forEach((c, i) => {
      while (metaCells.length <= i) metaCells.push([]);
      metaCells[i][CHAINS_COL] = c;
    });
    const col = columnLetter(CHAINS_COL);
    names.push({ name: CHAINS_NAME, ref: sheetRef(form.metaSheet, `$${col}$1:$${col}$${chains.length}`) });
  }
  const enterpriseFields = form.enterprises.fields.map((f) =>
    isChainField(f) ? { ...f, options: chains } : f,
  );
  const enterprises = { ...form.enterprises, fields: enterpriseFields };
  const listSourceFor = (f: FieldDef) => (isChainField(f) && !chainsInline ? CHAINS_NAME : undefined);

  for (const t of hasPlatforms(form) ? [enterprises, form.platforms] : [enterprises]) {
    names.push({
      name: `srdi_${t === enterprises ? "enterprises" : "platforms"}`,
      ref: sheetRef(t.name, `$A$${t.headerRow}:$${lastColumn(t)}$${lastTemplateRow(t)}`),
    });
  }
  for (const c of form.region.cells) {
    names.push({ name: `srdi_region_${c.key}`, ref: sheetRef(form.region.name, `$B$${c.row}`) });
  }

  const metaSheet: SheetDescription = {
    name: form.metaSheet,
    state: "veryHidden",
    rows: metaCells,
    styles: [{ range: `B1:B${meta.length}`, style: { numFmt: "@" } }],
    protection: { protected: true },
  };
  return {
    sheets: [
      instructionsSheet({ ...args, contact }, form),
      tableSheet(enterprises, period.year, listSourceFor),
      ...(hasPlatforms(form) ? [tableSheet(form.platforms, period.year, () => undefined)] : []),
      regionSheet(form, unit, period),
      metaSheet,
    ],
    names,
    properties: {
      title: `${form.title}-${unit.name}-${period.label}`,
      creator: "srdi",
      created: args.generatedAt,
    },
  };
}
