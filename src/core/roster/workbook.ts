// The roster workbook (认定名单.xlsx): one sheet a clerk pastes the province's and MIIT's announcements
// into, one row per firm, tier and year. Columns are found by their headers when read (read.ts), so a
// pasted list with the columns in another order still reads; the validation here helps typing by hand.
import { columnLetter as col } from "../a1";
import { TABLE_HEADER } from "../sheet/styles";
import type { Plan } from "../plan/types";
import type { CellValue, DataValidation, WorkbookDescription } from "../sheet/types";
import { planTiers } from "./tiers";
import { STATUS_LABELS, type RosterEntry } from "./types";

export const ROSTER_SHEET = "认定名单";
export const ROSTER_META_SHEET = "_srdi_roster_meta";
export const ROSTER_FORM_ID = "SRDI-ROSTER";
/** Rows the template validates; the reader reads any number up to its cap. */
export const ROSTER_TEMPLATE_ROWS = 20_000;

/** The roster's columns, by header, in the template's order. */
export const ROSTER_COLUMNS = [
  { key: "name", header: "企业名称", required: true, width: 36, aliases: ["企业名称(全称)", "企业全称"] },
  { key: "uscc", header: "统一社会信用代码", required: false, width: 22, aliases: ["信用代码"] },
  { key: "tier", header: "层级", required: true, width: 26, aliases: ["认定层级", "类别"] },
  { key: "year", header: "年份", required: true, width: 8, aliases: ["认定年份", "公告年份"] },
  { key: "batch", header: "批次或文号", required: false, width: 28, aliases: ["批次", "文号"] },
  { key: "region", header: "所在地区", required: false, width: 20, aliases: ["地区", "所在地", "所属地区"] },
  { key: "status", header: "状态", required: true, width: 12, aliases: ["认定状态"] },
] as const;

export type RosterColumnKey = (typeof ROSTER_COLUMNS)[number]["key"];

/** Rows above the header: a title and the 说明. */
export const ROSTER_HEADER_ROW = 3;

export interface RosterWorkbookOptions {
  /** The latest year the 年份 validation admits (the adapter passes the current year). */
  thisYear: number;
  generatedAt?: string;
  /** Rows to write under the header (the pane keeps a loaded roster in the workbook this way). */
  entries?: readonly RosterEntry[];
}

export function buildRosterWorkbook(plan: Plan, opts: RosterWorkbookOptions): WorkbookDescription {
  const tiers = planTiers(plan, opts.thisYear);
  const first = ROSTER_HEADER_ROW + 1;
  const last = ROSTER_HEADER_ROW + ROSTER_TEMPLATE_ROWS;
  const at = (key: RosterColumnKey) => col(ROSTER_COLUMNS.findIndex((c) => c.key === key));
  const range = (key: RosterColumnKey) => `${at(key)}${first}:${at(key)}${last}`;
  const yearMin = Math.min(...tiers.map((t) => t.yearMin));
  const statuses = Object.values(STATUS_LABELS);
  const rows: CellValue[][] = [
    [`${plan.city}优质中小企业认定名单`],
    [
      "说明：按省、部公告逐行录入(可直接粘贴)，每行一家企业的一个层级、一个年份。层级从下拉列表选择；年份填公告" +
        "(认定)或复核的年份；状态填认定、复核通过、复核未通过或撤销；所在地区照公告填写(市或区县)，用于查找漏报；" +
        "统一社会信用代码公告有的填写，有代码的按代码核对，没有的按企业名称核对。",
    ],
    ROSTER_COLUMNS.map((c) => c.header),
  ];
  const tierName = new Map(tiers.map((t) => [t.key, t.name]));
  // Names and codes are written as text, as read (a roster is untrusted; no formula is ever written).
  for (const e of opts.entries ?? [])
    rows.push([
      e.name,
      e.uscc,
      tierName.get(e.tier) ?? e.tier,
      e.year,
      e.batch,
      e.region,
      STATUS_LABELS[e.status],
    ]);
  const lastCol = col(ROSTER_COLUMNS.length - 1);
  const validations: DataValidation[] = [
    {
      range: range("tier"),
      type: "list",
      // Every name a tier was announced under: a list from before a rename uses the old name.
      list: tiers.flatMap((t) => t.names),
      allowBlank: true,
      prompt: { title: "层级", message: "从下拉列表选择" },
      error: { title: "层级不正确", message: "请从下拉列表选择本计划的层级", style: "stop" },
    },
    {
      range: range("year"),
      type: "whole",
      operator: "between",
      min: yearMin,
      max: opts.thisYear,
      allowBlank: true,
      prompt: { title: "年份", message: `公告(认定)或复核的年份，${yearMin}至${opts.thisYear}` },
      error: { title: "年份不正确", message: `须为${yearMin}至${opts.thisYear}之间的年份`, style: "stop" },
    },
    {
      range: range("status"),
      type: "list",
      list: statuses,
      allowBlank: true,
      prompt: { title: "状态", message: statuses.join("、") },
      error: { title: "状态不正确", message: `请选择${statuses.join("、")}之一`, style: "stop" },
    },
    {
      range: range("uscc"),
      type: "textLength",
      operator: "equal",
      min: 18,
      allowBlank: true,
      prompt: { title: "统一社会信用代码", message: "18位；公告未列的留空" },
      error: { title: "代码位数不对", message: "统一社会信用代码为18位", style: "stop" },
    },
  ];
  const generatedAt = opts.generatedAt ?? `${opts.thisYear}-01-01T00:00:00.000Z`;
  return {
    sheets: [
      {
        name: ROSTER_SHEET,
        state: "visible",
        rows,
        columnWidths: ROSTER_COLUMNS.map((c) => c.width),
        rowHeights: { 0: 30, 1: 60, 2: 24 },
        styles: [
          { range: "A1", style: { bold: true, fontSize: 16, fontName: "黑体", hAlign: "center" } },
          { range: "A2", style: { wrap: true, vAlign: "top" } },
          { range: `A3:${lastCol}3`, style: TABLE_HEADER },
          // Text, so a code keeps its leading zeros and a pasted 文号 stays as written.
          { range: range("uscc"), style: { numFmt: "@" } },
          { range: range("batch"), style: { numFmt: "@" } },
        ],
        merges: [`A1:${lastCol}1`, `A2:${lastCol}2`],
        freeze: { rows: ROSTER_HEADER_ROW, columns: 1 },
        validations,
        autoFilter: `A3:${lastCol}3`,
        print: {
          orientation: "landscape",
          paperSize: "A4",
          fitToWidth: true,
          printTitleRows: "3:3",
          centerHorizontally: true,
        },
      },
      {
        name: ROSTER_META_SHEET,
        state: "veryHidden",
        rows: [
          ["form_id", ROSTER_FORM_ID],
          ["plan_id", plan.id],
          ["generated_at", generatedAt],
        ],
        styles: [{ range: "B1:B3", style: { numFmt: "@" } }],
        protection: { protected: true },
      },
    ],
    properties: { title: `${plan.city}优质中小企业认定名单`, creator: "srdi", created: generatedAt },
  };
}
