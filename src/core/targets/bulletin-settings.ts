// What the bureau sets for its bulletin (issuing body, 期号, 主送, 抄送, next steps): kept on a sheet
// of the targets workbook (通报设置), beside the targets and scoring settings it already edits.
import { TABLE_HEADER } from "../sheet/styles";
import type { Issue } from "../issues";
import type { Plan } from "../plan/types";
import { placeWords } from "../plan/words";
import type { CellStyle, CellValue, SheetDescription, StyledRange } from "../sheet/types";
import type { WorkbookSnapshot } from "../snapshot";

export const BULLETIN_SETTINGS_SHEET = "通报设置";

export interface BulletinSettings {
  /** 发文机关, printed under the masthead and above the date at the end. */
  issuer: string;
  /** 期号, e.g. "第3期"; empty: the line shows the period only. */
  number: string;
  /** 主送 line, e.g. "各县区、功能板块工业和信息化主管部门". Empty: no 主送 line. */
  mainTo: string;
  /** 抄送 line. Empty: no 抄送 line. */
  cc: string;
  /** Paragraphs of 下一步工作要求; empty: drafted from the round. */
  nextSteps: string[];
}

/** The plan's 发文机关 and its units' 中小企业主管部门 (plan/words.ts), no 期号, 抄送 or next steps. */
export function defaultBulletinSettings(plan: Plan): BulletinSettings {
  const w = placeWords(plan);
  return {
    issuer: w.issuer,
    number: "",
    mainTo: `${w.units}中小企业主管部门`,
    cc: "",
    nextSteps: [],
  };
}

const LABELS = {
  issuer: "发文机关",
  number: "期号",
  mainTo: "主送",
  cc: "抄送",
} as const;
const NEXT_STEP = "下一步工作要求";
const MAX_NEXT_STEPS = 10;
/** Settings text is printed in the bulletin: bounded, one line, no control characters. */
const MAX_SETTING_CHARS = 400;

const HEAD: CellStyle = { ...TABLE_HEADER };
const INPUT: CellStyle = { fill: "FFF9E5", border: true, wrap: true, vAlign: "top", locked: false };

/** The 通报设置 sheet of the targets workbook: one labelled row per setting, next steps one per row. */
export function bulletinSettingsSheet(
  plan: Plan,
  s: BulletinSettings = defaultBulletinSettings(plan),
): SheetDescription {
  const rows: CellValue[][] = [
    ["工作通报设置"],
    ["以下内容印在工作通报上。期号如\u201c第3期\u201d；下一步工作要求每行一条，留空则由系统按本期情况起草。"],
    ["项目", "内容"],
  ];
  const styles: StyledRange[] = [
    { range: "A1", style: { bold: true, fontSize: 14 } },
    { range: "A2", style: { wrap: true, vAlign: "top" } },
    { range: "A3:B3", style: HEAD },
  ];
  for (const k of ["issuer", "number", "mainTo", "cc"] as const) rows.push([LABELS[k], s[k]]);
  const steps = s.nextSteps.length > 0 ? s.nextSteps : [];
  for (let i = 0; i < Math.max(5, steps.length); i++) rows.push([`${NEXT_STEP}${i + 1}`, steps[i] ?? ""]);
  styles.push({ range: `A4:A${rows.length}`, style: { border: true, vAlign: "top" } });
  styles.push({ range: `B4:B${rows.length}`, style: INPUT });
  return {
    name: BULLETIN_SETTINGS_SHEET,
    state: "visible",
    rows,
    columnWidths: [18, 70],
    rowHeights: { 0: 24 },
    styles,
    merges: ["A1:B1", "A2:B2"],
    protection: { protected: true },
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true, printTitleRows: "3:3" },
    tabColor: "C00000",
  };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    const r = (v as { result?: unknown }).result;
    return typeof r === "string" || typeof r === "number" ? String(r) : "";
  }
  return String(v);
}

/** Printable: control and XML-forbidden characters removed, whitespace folded, bounded. */
export function settingText(v: unknown): string {
  let out = "";
  for (const ch of cellText(v)) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x20 || c === 0x7f || (c >= 0xfffe && c <= 0xffff) || (c >= 0xd800 && c <= 0xdfff)) out += " ";
    else out += ch;
    if (out.length > MAX_SETTING_CHARS) break;
  }
  return out.replace(/\s+/g, " ").trim().slice(0, MAX_SETTING_CHARS);
}

/** Reads 通报设置 when the workbook has it; a missing sheet or blank cell keeps the default. */
export function readBulletinSettings(
  snapshot: WorkbookSnapshot,
  plan: Plan,
): { settings: BulletinSettings; issues: Issue[] } {
  const settings = defaultBulletinSettings(plan);
  const sheet = snapshot.sheets.find((s) => s.name === BULLETIN_SETTINGS_SHEET);
  if (!sheet) return { settings, issues: [] };
  const byLabel = new Map<string, string>();
  const steps: string[] = [];
  for (const row of sheet.cells.slice(0, 200)) {
    const label = settingText(row?.[0]);
    const value = settingText(row?.[1]);
    if (label.startsWith(NEXT_STEP) && label !== NEXT_STEP) {
      if (value && steps.length < MAX_NEXT_STEPS) steps.push(value);
    } else if (label) byLabel.set(label, value);
  }
  for (const k of ["issuer", "number", "mainTo", "cc"] as const) {
    const v = byLabel.get(LABELS[k]);
    if (v !== undefined && (v !== "" || k === "mainTo" || k === "cc" || k === "number")) settings[k] = v;
  }
  if (!settings.issuer) settings.issuer = defaultBulletinSettings(plan).issuer;
  settings.nextSteps = steps;
  return { settings, issues: [] };
}
