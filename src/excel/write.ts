// Writes a WorkbookDescription into the open workbook: the same description the CLI writes with ExcelJS.
// Two syncs per operation (what exists; everything else), more only when the data passes the request budget.
import { fitForPrint } from "../core/sheet/print-fit";
import { columnLetter, parseRange } from "../core/a1";
import type { SheetDescription, StyledRange, WorkbookDescription } from "../core/sheet/types";
import { Batch } from "./batch";
import {
  absoluteRows,
  anchorEnd,
  cellValueRule,
  color,
  filled,
  INCHES_TO_POINTS,
  jsonBytes,
  TEXT_FORMAT,
  validationAlert,
  validationPrompt,
  validationRule,
  valueChunks,
  widthToPoints,
} from "./cells";
import { ExcelActionError, runExcel } from "./errors";
import { detectSupport, type HostSupport } from "./support";

export interface WriteOptions {
  /** Replace sheets (and defined names) of the same name; without it an existing name is an error. */
  replace?: boolean;
  /** Sheet to show at the end; default the first visible sheet written. */
  activate?: string;
  support?: HostSupport;
  /** Hears (requests sent, requests in all) while the description is written (Batch.flush). */
  onSent?: (sent: number, total: number) => void;
}

export interface WriteReport {
  sheets: string[];
  /** Features of the description the host could not write (e.g. "print" below ExcelApi 1.9). */
  skipped: string[];
}

const CHART_TYPES: Record<string, Excel.ChartType> = {
  bar: "BarClustered" as Excel.ChartType,
  column: "ColumnClustered" as Excel.ChartType,
  line: "Line" as Excel.ChartType,
};

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;

function queueStyle(ws: Excel.Worksheet, s: StyledRange): void {
  const r = ws.getRange(s.range);
  const st = s.style;
  if (st.numFmt) r.numberFormat = filled(s.range, st.numFmt);
  if (st.fill) r.format.fill.color = color(st.fill);
  if (st.bold !== undefined) r.format.font.bold = st.bold;
  if (st.italic !== undefined) r.format.font.italic = st.italic;
  if (st.fontSize !== undefined) r.format.font.size = st.fontSize;
  if (st.fontColor) r.format.font.color = color(st.fontColor);
  if (st.fontName) r.format.font.name = st.fontName;
  if (st.hAlign) r.format.horizontalAlignment = H_ALIGN[st.hAlign] as Excel.HorizontalAlignment;
  if (st.vAlign) r.format.verticalAlignment = V_ALIGN[st.vAlign] as Excel.VerticalAlignment;
  if (st.wrap !== undefined) r.format.wrapText = st.wrap;
  if (st.border) {
    const ref = parseRange(s.range);
    for (const e of EDGES) {
      if (e === "InsideVertical" && ref.left === ref.right) continue;
      if (e === "InsideHorizontal" && ref.top === ref.bottom) continue;
      r.format.borders.getItem(e as Excel.BorderIndex).style = "Continuous" as Excel.BorderLineStyle;
    }
  }
  if (st.locked !== undefined) r.format.protection.locked = st.locked;
}

/** Each property set is an action of its own in the request (~200 bytes with its object path). */
function styleBytes(s: StyledRange): number {
  const actions = Object.keys(s.style).length + (s.style.border ? 5 : 0);
  if (!s.style.numFmt) return 200 * actions;
  const r = parseRange(s.range);
  return 200 * actions + (r.bottom - r.top + 1) * (r.right - r.left + 1) * (jsonBytes(s.style.numFmt) + 2);
}

/** Queues one sheet's content (the sheet exists, empty, unprotected, visible). Protection comes last. */
export function queueSheet(
  batch: Batch,
  workbook: Excel.Workbook,
  ws: () => Excel.Worksheet,
  d: SheetDescription,
  support: HostSupport,
  skipped: Set<string>,
): void {
  d.columnWidths?.forEach((w, i) => {
    const col = columnLetter(i);
    batch.add(40, () => (ws().getRange(`${col}:${col}`).format.columnWidth = widthToPoints(w)));
  });
  for (const [row, h] of Object.entries(d.rowHeights ?? {})) {
    const r = Number(row) + 1;
    batch.add(40, () => (ws().getRange(`${r}:${r}`).format.rowHeight = h));
  }
  // Formats before values: a text-formatted cell keeps an entered string as text.
  for (const s of d.styles ?? []) batch.add(styleBytes(s), () => queueStyle(ws(), s));
  for (const chunk of valueChunks(d, batch.budget / 4)) {
    batch.add(chunk.bytes, () => {
      const sheet = ws();
      for (const t of chunk.text) sheet.getRange(t).numberFormat = filled(t, TEXT_FORMAT);
      sheet.getRange(chunk.address).formulas = chunk.entries;
    });
  }
  for (const m of d.merges ?? []) batch.add(40, () => ws().getRange(m).merge(false));
  if (d.freeze && (d.freeze.rows > 0 || d.freeze.columns > 0)) {
    const { rows, columns } = d.freeze;
    batch.add(40, () => {
      const fp = ws().freezePanes;
      if (columns === 0) fp.freezeRows(rows);
      else if (rows === 0) fp.freezeColumns(columns);
      else fp.freezeAt(ws().getRange(`A1:${columnLetter(columns - 1)}${rows}`));
    });
  }
  if (d.validations?.length) {
    if (!support.validation) skipped.add("validation");
    else
      for (const v of d.validations) {
        const rule = validationRule(v);
        const prompt = validationPrompt(v);
        const alert = validationAlert(v);
        batch.add(jsonBytes([rule, prompt, alert]) + 800, () => {
          const dv = ws().getRange(v.range).dataValidation;
          dv.rule = rule;
          dv.ignoreBlanks = v.allowBlank;
          if (prompt) dv.prompt = prompt;
          dv.errorAlert = alert;
        });
      }
  }
  for (const cf of d.conditionalFormats ?? []) {
    batch.add(200 + cf.formula.length, () => {
      const r = ws().getRange(cf.range);
      if (cf.type === "expression") {
        const f = r.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        f.custom.rule.formula = `=${cf.formula.replace(/^=/, "")}`;
        if (cf.style.fill) f.custom.format.fill.color = color(cf.style.fill);
        if (cf.style.fontColor) f.custom.format.font.color = color(cf.style.fontColor);
        if (cf.style.bold !== undefined) f.custom.format.font.bold = cf.style.bold;
      } else {
        const f = r.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
        f.cellValue.rule = cellValueRule(cf);
        if (cf.style.fill) f.cellValue.format.fill.color = color(cf.style.fill);
        if (cf.style.fontColor) f.cellValue.format.font.color = color(cf.style.fontColor);
        if (cf.style.bold !== undefined) f.cellValue.format.font.bold = cf.style.bold;
      }
    });
  }
  if (d.autoFilter) {
    const range = d.autoFilter;
    if (support.pageLayout) batch.add(60, () => ws().autoFilter.apply(ws().getRange(range)));
    else skipped.add("autoFilter");
  }
  if (d.print) {
    const p = d.print;
    if (!support.pageLayout) skipped.add("print");
    else
      batch.add(400, () => {
        const pl = ws().pageLayout;
        pl.orientation = (p.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
        pl.paperSize = "A4" as Excel.PaperType;
        if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (p.centerHorizontally) pl.centerHorizontally = true;
        if (p.margins) {
          pl.leftMargin = p.margins.left * INCHES_TO_POINTS;
          pl.rightMargin = p.margins.right * INCHES_TO_POINTS;
          pl.topMargin = p.margins.top * INCHES_TO_POINTS;
          pl.bottomMargin = p.margins.bottom * INCHES_TO_POINTS;
        }
        if (p.printTitleRows) pl.setPrintTitleRows(absoluteRows(p.printTitleRows));
        if (p.printArea) pl.setPrintArea(p.printArea);
        if (p.footer) pl.headersFooters.defaultForAllPages.centerFooter = p.footer;
      });
  }
  for (const c of d.charts ?? []) {
    batch.add(400, () => {
      const sheet = ws();
      const [first, ...rest] = c.series;
      const chart = sheet.charts.add(
        CHART_TYPES[c.type],
        sheet.getRange(first.values),
        "Columns" as Excel.ChartSeriesBy,
      );
      chart.title.text = c.title;
      const s0 = chart.series.getItemAt(0);
      s0.name = first.name;
      s0.setXAxisValues(sheet.getRange(c.categories));
      for (const s of rest) {
        const x = chart.series.add(s.name);
        x.setValues(sheet.getRange(s.values));
        x.setXAxisValues(sheet.getRange(c.categories));
      }
      chart.setPosition(c.anchor.cell, anchorEnd(c.anchor.cell, c.anchor.widthCols, c.anchor.heightRows));
    });
  }
  for (const n of d.notes ?? []) {
    if (support.notes) batch.add(n.text.length * 2, () => ws().notes.add(n.cell, n.text));
    else if (support.comments)
      batch.add(n.text.length * 2, () =>
        workbook.comments.add(`'${d.name.replace(/'/g, "''")}'!${n.cell}`, n.text),
      );
    else skipped.add("notes");
  }
  if (d.tabColor) {
    const tab = color(d.tabColor);
    batch.add(40, () => (ws().tabColor = tab));
  }
}

/** Visibility and protection, queued after every sheet's content (a hidden sheet cannot be the active one). */
function queueFinish(batch: Batch, ws: () => Excel.Worksheet, d: SheetDescription): void {
  if (d.state !== "visible") {
    const v = d.state === "veryHidden" ? "VeryHidden" : "Hidden";
    batch.add(40, () => (ws().visibility = v as Excel.SheetVisibility));
  }
  if (d.protection?.protected) {
    const p = d.protection;
    batch.add(100, () =>
      ws().protection.protect({
        allowFormatColumns: p.allowFormatColumns ?? false,
        allowSort: p.allowSort ?? false,
        allowAutoFilter: p.allowAutoFilter ?? false,
        selectionMode: "Normal" as Excel.ProtectionSelectionMode,
      }),
    );
  }
}

const TEMP_PREFIX = "~srdi旧表";

/** Writes the description into the open workbook. */
export async function writeWorkbookDescription(
  described: WorkbookDescription,
  opts: WriteOptions = {},
): Promise<WriteReport> {
  // The same paper rules as the file writer: row heights for wrapped text, legible print scale.
  const desc = { ...described, sheets: described.sheets.map(fitForPrint) };
  const support = opts.support ?? detectSupport();
  const skipped = new Set<string>();
  await runExcel(async (context) => {
    const wb = context.workbook;
    const existing = wb.worksheets;
    existing.load("items/name");
    const names = wb.names;
    names.load("items/name");
    await context.sync();

    const have = new Set(existing.items.map((w) => w.name));
    const clashes = desc.sheets.filter((s) => have.has(s.name)).map((s) => s.name);
    const wanted = new Set((desc.names ?? []).map((n) => n.name.toLowerCase()));
    const nameClashes = names.items.filter((n) => wanted.has(n.name.toLowerCase())).map((n) => n.name);
    if ((clashes.length || nameClashes.length) && !opts.replace)
      throw new ExcelActionError("sheetExists", [...clashes, ...nameClashes].join("、"));

    const batch = new Batch();
    // Old sheets are renamed out of the way first and deleted last, so a workbook never has zero sheets.
    const temps = clashes.map((name, i) => {
      const temp = `${TEMP_PREFIX}${i + 1}`;
      batch.add(60, () => {
        wb.worksheets.getItem(name).name = temp;
      });
      return temp;
    });
    for (const n of nameClashes) batch.add(60, () => wb.names.getItem(n).delete());

    const sheets = new Map<string, Excel.Worksheet>();
    for (const d of desc.sheets) batch.add(60, () => sheets.set(d.name, wb.worksheets.add(d.name)));
    for (const d of desc.sheets) queueSheet(batch, wb, () => sheets.get(d.name)!, d, support, skipped);
    for (const n of desc.names ?? [])
      batch.add(n.ref.length + 60, () => wb.names.add(n.name, `=${n.ref.replace(/^=/, "")}`));
    const show = opts.activate ?? desc.sheets.find((s) => s.state === "visible")?.name;
    if (show) batch.add(40, () => sheets.get(show)?.activate());
    for (const d of desc.sheets) queueFinish(batch, () => sheets.get(d.name)!, d);
    for (const t of temps) batch.add(40, () => wb.worksheets.getItem(t).delete());
    await batch.flush(context, opts.onSent);
  });
  return { sheets: desc.sheets.map((s) => s.name), skipped: [...skipped] };
}
