// A template prefilled from the unit's previous return: the rows carry over with the fields the form marks
// `carry` (facts that persist); the period's figures stay blank for the clerk. The source is a return read
// by the one guarded reader; this module only decides whether it may be used and what it puts where.
// Pure: the CLI and the pane read the file and write the workbook.
import { isChainField } from "../form/lists";
import { columnLetter } from "../a1";
import { chainOptions, wrappedLines } from "../form/template";
import { fillTemplate, type FillData } from "../form/template-fill";
import type { FieldDef, FormDef, TableSheetDef } from "../form/types";
import { formsOf } from "../form/versions";
import { issueText } from "../issues";
import { parsePeriod, type Period } from "../plan/periods";
import type { Plan, Unit } from "../plan/types";
import type { ReturnResult, RowOrigin } from "../read/types";
import { sentBackReason, type Review } from "../review/review";
import { placeWords } from "../plan/words";
import type { ScoringSettings } from "../targets/types";
import type { CellValue, SheetDescription, WorkbookDescription } from "../sheet/types";
import { cellOf } from "./cell";
import { historySheet, previousOf } from "../history/previous";

/** Fill of the rows that were prefilled (light green): visible on screen and in print, distinct from the blue header and the yellow input boxes. */
export const PREFILLED_FILL = "E2EFDA";

export interface PrefillSummary {
  /** The source's name as given to the reader (file name). */
  file: string;
  unit: string;
  unitName: string;
  period: Period;
  formVersion: string;
  enterprises: number;
  platforms: number;
  /** Data rows of the source the reader rejected: not carried, listed for the clerk by firm and error. */
  skippedRows: SkippedRow[];
  /** Rows carried although the source had a warning on them (no error): marked in the sheet and listed
   * by firm and warning, as the rows not carried are; `row` is the template's row. */
  warnedRows?: SkippedRow[];
  /** Values not carried because the new form no longer allows them (e.g. a chain the plan dropped). */
  dropped: number;
  /** The source was sent back (退回): the bureau, as the plan words it, and its reason. */
  sentBack?: { bureau: string; reason: string | null };
}

/** A source row not carried: where, the firm (or platform) it names and its first error. */
export interface SkippedRow extends RowOrigin {
  name?: string;
  why?: string;
}

/** Fill of a carried row's name cell when last round's row had a warning (the annotated copy's yellow). */
export const WARNED_FILL = "FFEB9C";

/** Rows named in 填报说明 one by one; the rest are counted. */
const MAX_SKIPPED_NAMED = 20;

/** Why a return cannot prefill any template (unreadable, rejected, not our form); null when usable. */
function unusable(source: ReturnResult, forms: readonly FormDef[]): string | null {
  const name = source.file;
  if (source.rejected || !source.meta || source.unit === null) {
    const why = source.errors.slice(0, 3).map(issueText).join("；") || "无法识别为报表";
    return `上期报表\u201c${name}\u201d不能使用：${why}`;
  }
  const { formId, formVersion } = source.meta;
  if (!forms.some((f) => f.id === formId && f.version === formVersion))
    return `上期报表\u201c${name}\u201d的表式(${formId} 第${formVersion}版)不是本系统的表式`;
  return null;
}

/** Why a return cannot prefill this unit's template of this period; null when it can. */
export function prefillRefusal(
  source: ReturnResult,
  unit: Unit,
  period: Period,
  forms: readonly FormDef[],
): string | null {
  const name = source.file;
  const why = unusable(source, forms);
  if (why) return why;
  if (source.unit !== unit.code)
    return `上期报表\u201c${name}\u201d是${source.unitName ?? ""}(${source.unit})的报表，不是${unit.name}(${unit.code})的`;
  const p = source.period ? parsePeriod(source.period) : null;
  if (!p) return `上期报表\u201c${name}\u201d的报告期\u201c${source.period ?? ""}\u201d无法识别`;
  if (p.end >= period.end)
    return `上期报表\u201c${name}\u201d的报告期为${p.label}，不早于新模板的${period.label}，不能用来预填`;
  return null;
}

type Rec = Record<string, unknown>;

/** Options a list field accepts in the new template (the chain's come from the plan). */
function optionsOf(f: FieldDef, chains: string[]): string[] | null {
  if (f.type !== "list") return null;
  return isChainField(f) ? chains : (f.options ?? null);
}

function carriedRow(fields: FieldDef[], rec: Rec, chains: string[], dropped: { n: number }): CellValue[] {
  return fields.map((f) => {
    if (!f.carry || !(f.key in rec)) return null;
    const v = cellOf(f, rec[f.key]);
    const options = optionsOf(f, chains);
    if (options && typeof v === "string" && !options.includes(v)) {
      dropped.n++;
      return null;
    }
    return v;
  });
}

/** The values a template of `form` gets from the source return. */
export function prefillData(source: ReturnResult, form: FormDef, plan: Plan): FillData & { dropped: number } {
  const chains = chainOptions(plan);
  const dropped = { n: 0 };
  const rows = (t: TableSheetDef, recs: Rec[]) => recs.map((r) => carriedRow(t.fields, r, chains, dropped));
  const region: Record<string, CellValue> = {};
  for (const c of form.region.cells) {
    const v = c.carry && source.region ? cellOf(c, (source.region as unknown as Rec)[c.key]) : null;
    if (v !== null) region[c.key] = v;
  }
  return {
    enterprises: rows(form.enterprises, source.enterprises as unknown as Rec[]),
    platforms: rows(form.platforms, source.platforms as unknown as Rec[]),
    region,
    dropped: dropped.n,
  };
}

/** "“企业名录”第5行(某某公司：统一社会信用代码的校验位不对)、……": each row by firm and error, not a bare row number. */
function rowList(rows: SkippedRow[]): string {
  const named = rows.slice(0, MAX_SKIPPED_NAMED).map((r) => {
    const what = [r.name ?? "名称空白", r.why].filter((x) => x).join("：");
    return `\u201c${r.sheet}\u201d第${r.row}行(${what})`;
  });
  return named.join("；") + (rows.length > MAX_SKIPPED_NAMED ? `等${rows.length}行` : "");
}

/** The sentence the template's 填报说明 carries (and the CLI prints). */
export function prefillStatement(s: PrefillSummary): string {
  const parts: string[] = [];
  if (s.sentBack)
    parts.push(
      `上期报表经${s.sentBack.bureau}审核退回，原因：${s.sentBack.reason?.trim() || "未填写退回原因"}；` +
        `本模板仍按该报表预填，请按退回原因核对修改带入的内容后报送。`,
    );
  parts.push(
    `本模板已按上期报表预填：${s.unitName}${s.period.label}报表(${s.file}，表式第${s.formVersion}版)。` +
      `带入企业${s.enterprises}家、平台${s.platforms}个，浅绿底色的单元格为带入的内容；` +
      `带入的名称、认定年份等如有变化请直接修改，金额、数量等本期数据未带入，请逐项填写。`,
  );
  if (s.skippedRows.length)
    parts.push(
      `上期报表中以下${s.skippedRows.length}行有错误，未带入，请核对后补填：${rowList(s.skippedRows)}。`,
    );
  if (s.warnedRows?.length)
    parts.push(
      `以下${s.warnedRows.length}行已带入，但上期报表中有提示，名称已用黄色标出，请核实后填报：${rowList(s.warnedRows)}。`,
    );
  if (s.dropped) parts.push(`有${s.dropped}项取值已不在本期下拉选项中，未带入。`);
  return parts.join("");
}

/**
 * Only the cells that were carried get the light green, so what is still blank is still white (a whole
 * green row hid the blanks left to fill); the firm's name cell carries a note naming the source and the
 * bureau, who is the note's author too (not "Author"). Ranges: per column, runs of carried rows.
 */
function markRows(
  sheet: SheetDescription,
  t: TableSheetDef,
  data: CellValue[][] | undefined,
  note: string,
  author: string,
  warned: Map<number, string> = new Map(),
): SheetDescription {
  if (!data || data.length === 0) return sheet;
  const first = t.firstDataRow;
  const notes = [...(sheet.notes ?? [])];
  for (let i = 0; i < data.length; i++) {
    const w = warned.get(i);
    notes.push({ cell: `A${first + i}`, text: w ? `${note}\n上期该行有提示，请核实：${w}` : note, author });
  }
  const fills: SheetDescription["styles"] = [];
  for (let c = 0; c < t.fields.length; c++) {
    const col = columnLetter(c);
    let start = -1;
    for (let i = 0; i <= data.length; i++) {
      const carried = i < data.length && data[i][c] !== null && data[i][c] !== undefined;
      if (carried && start < 0) start = i;
      else if (!carried && start >= 0) {
        fills.push({
          range: `${col}${first + start}:${col}${first + i - 1}`,
          style: { fill: PREFILLED_FILL },
        });
        start = -1;
      }
    }
  }
  // A row carried with last round's warning: its name cell yellow (after the green, so it wins).
  for (const i of warned.keys()) fills.push({ range: `A${first + i}`, style: { fill: WARNED_FILL } });
  return { ...sheet, styles: [...(sheet.styles ?? []), ...fills], notes };
}

const ROW_OF = /^[A-Z]{1,3}([0-9]{1,7})$/;

/**
 * Carried records (by index) whose source row had a warning and no error, with the warnings' text. History
 * and outlier warnings a 说明 answered are not asked again.
 */
function warnedRecords(source: ReturnResult, table: string, recs: Rec[]): Map<number, string> {
  const byRow = new Map<number, string[]>();
  for (const w of source.warnings) {
    if (w.sheet !== table || !w.cell || w.explanation) continue;
    const m = ROW_OF.exec(w.cell);
    if (!m) continue;
    const r = Number(m[1]);
    const list = byRow.get(r) ?? [];
    if (list.length < 3) list.push(w.message);
    byRow.set(r, list);
  }
  const out = new Map<number, string>();
  recs.forEach((rec, i) => {
    const list = typeof rec.row === "number" ? byRow.get(rec.row) : undefined;
    if (list) out.set(i, list.join("；"));
  });
  return out;
}

/** The bureau that issues the templates, as a note's author and in its text. */
export function bureauOf(plan: Plan): string {
  const words = (plan as Plan & { words?: { bureau?: string } }).words;
  return words?.bureau?.trim() || `${plan.city}工业和信息化局`;
}

/** The instructions sheet with the statement in its first blank line after the heading block. */
function stateOnInstructions(sheet: SheetDescription, text: string): SheetDescription {
  const rows = sheet.rows.map((r) => [...r]);
  let i = rows.findIndex((r, k) => k > 0 && r.every((v) => v === null || v === ""));
  if (i < 0) i = rows.push([]) - 1;
  rows[i] = [text];
  return {
    ...sheet,
    rows,
    rowHeights: { ...(sheet.rowHeights ?? {}), [i]: 16 * wrappedLines(text, sheet.columnWidths?.[0] ?? 60) },
    styles: [
      ...(sheet.styles ?? []),
      { range: `A${i + 1}`, style: { bold: true, fontColor: "1F4E79", fill: PREFILLED_FILL, wrap: true } },
    ],
  };
}

/**
 * The template `desc` (built for `form`) prefilled from `source`, which the caller has checked with
 * prefillRefusal. The result is still a plain template: same sheets, validation and metadata.
 */
export function prefillTemplate(
  desc: WorkbookDescription,
  source: ReturnResult,
  form: FormDef,
  plan: Plan,
  review?: Review,
): { workbook: WorkbookDescription; summary: PrefillSummary } {
  const data = prefillData(source, form, plan);
  const recs = (t: TableSheetDef) =>
    (t.name === form.enterprises.name ? source.enterprises : source.platforms) as unknown as Rec[];
  const warned = {
    enterprises: warnedRecords(source, form.enterprises.name, recs(form.enterprises)),
    platforms: warnedRecords(source, form.platforms.name, recs(form.platforms)),
  };
  const warnedRows: SkippedRow[] = (["enterprises", "platforms"] as const).flatMap((k) =>
    [...warned[k]].map(([i, why]) => {
      const rec = recs(form[k])[i];
      const name = typeof rec.name === "string" && rec.name.trim() ? rec.name.trim() : undefined;
      return { sheet: form[k].name, row: form[k].firstDataRow + i, ...(name ? { name } : {}), why };
    }),
  );
  const summary: PrefillSummary = {
    file: source.file,
    unit: source.unit ?? "",
    unitName: source.unitName ?? source.unit ?? "",
    period: parsePeriod(source.period ?? "")!,
    formVersion: source.formVersion ?? "",
    enterprises: data.enterprises?.length ?? 0,
    platforms: data.platforms?.length ?? 0,
    skippedRows: source.rejectedRows.map((r) => {
      const err = r.issues.find((i) => i.severity === "error") ?? r.issues[0];
      const why = err?.message ?? "";
      return { sheet: r.sheet, row: r.row, ...(r.name ? { name: r.name } : {}), ...(why ? { why } : {}) };
    }),
    ...(warnedRows.length ? { warnedRows } : {}),
    dropped: data.dropped,
    ...(review?.state === "returned"
      ? { sentBack: { bureau: placeWords(plan).bureauShort, reason: review.reason } }
      : {}),
  };
  const filled = fillTemplate(desc, data, form);
  const bureau = bureauOf(plan);
  const note =
    `${bureau}按上期报表预填：来源文件\u201c${summary.file}\u201d(${summary.unitName}${summary.period.label})。` +
    "浅绿底色的单元格为带入的内容，白色的请本期填写";
  const sheets = filled.sheets.map((s) => {
    if (s.name === form.instructionsSheet) return stateOnInstructions(s, prefillStatement(summary));
    if (s.name === form.enterprises.name)
      return markRows(s, form.enterprises, data.enterprises, note, bureau, warned.enterprises);
    if (s.name === form.platforms.name)
      return markRows(s, form.platforms, data.platforms, note, bureau, warned.platforms);
    return s;
  });
  // Last round's figures of these firms, very hidden and protected: the self-check compares offline.
  // Placed before the metadata sheet, which stays last as in a blank template.
  if (form.enterprises.checks?.length) sheets.splice(-1, 0, historySheet(previousOf(source), form));
  return { workbook: { ...filled, sheets }, summary };
}

const periodEnd = (r: ReturnResult) => (r.period ? (parsePeriod(r.period)?.end ?? "") : "");
const timeKey = (s: string | null | undefined) => {
  const ms = s ? Date.parse(s) : NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
};

export interface SourceChoice {
  /** Per unit code: the return its template is prefilled from. */
  byUnit: Map<string, ReturnResult>;
  /** Units with no usable return: they get a blank template. */
  blank: Unit[];
  /** Returns not used, with the reason (unusable, another period, superseded by a later one). */
  unused: { file: string; reason: string }[];
}

/** What a sent-back unit's template is (评分设置 退回单位模板); comparisons (history) never use such a return. */
export type SentBackMode = ScoringSettings["sentBackTemplate"];

/**
 * A unit whose last return the bureau sent back (退回 in the previous round's 报送登记): with "blank" it
 * has no accepted return to carry over, its template is blank, and the reason says why; with "prefill"
 * the rejected return prefills it (prefillTemplate states the reason).
 */
export function sentBackRefusal(
  plan: Plan,
  unit: Unit,
  reviews: Record<string, Review>,
  mode: SentBackMode = "blank",
): string | null {
  const review = reviews[unit.code];
  return review?.state === "returned" && mode === "blank"
    ? `${sentBackReason(review, placeWords(plan).bureauShort)}，不用于预填`
    : null;
}

/**
 * For `template --all --from DIR`: each unit's latest usable return of the previous round, i.e. of the
 * latest period before `period` among its returns, the latest saved of that period.
 */
export function chooseSources(
  returns: ReturnResult[],
  plan: Plan,
  period: Period,
  reviews: Record<string, Review> = {},
  sentBack: SentBackMode = "blank",
): SourceChoice {
  const byUnit = new Map<string, ReturnResult>();
  const unused: SourceChoice["unused"] = [];
  const ok = new Map<string, ReturnResult[]>();
  for (const r of returns) {
    const unit = plan.units.find((u) => u.code === r.unit);
    const why = unit
      ? (prefillRefusal(r, unit, period, formsOf(plan)) ?? sentBackRefusal(plan, unit, reviews, sentBack))
      : (unusable(r, formsOf(plan)) ?? `填报单位${r.unit}不在本计划中`);
    if (!unit || why) {
      unused.push({ file: r.file, reason: why ?? "" });
      continue;
    }
    ok.set(unit.code, [...(ok.get(unit.code) ?? []), r]);
  }
  for (const [code, list] of ok) {
    const sorted = [...list].sort(
      (a, b) =>
        (periodEnd(b) > periodEnd(a) ? 1 : periodEnd(b) < periodEnd(a) ? -1 : 0) ||
        timeKey(b.savedAt ?? b.modified) - timeKey(a.savedAt ?? a.modified) ||
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
    );
    byUnit.set(code, sorted[0]);
    for (const r of sorted.slice(1))
      unused.push({ file: r.file, reason: `${r.unitName ?? code}以\u201c${sorted[0].file}\u201d为准` });
  }
  return { byUnit, blank: plan.units.filter((u) => !byUnit.has(u.code)), unused };
}
