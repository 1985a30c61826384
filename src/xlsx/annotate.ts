// A copy of a return with its problems shown where they are: each cell with an issue filled (red for
// errors, yellow for warnings) with a note saying why, and a 校验结果 sheet listing every issue.
// Everything written is text (never a formula); the return's own data and validations are left as read.
/* eslint-disable office-addins/call-sync-before-read -- ExcelJS cells, not Office.js proxies */
import { chineseDate } from "../core/report/format";
import { columnPoints, wrappedHeight } from "../core/sheet/print-fit";
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { columnIndex, columnLetter } from "../core/a1";
import type { Issue } from "../core/issues";
import type { ReturnResult } from "../core/read/types";
import { DEFAULT_LIMITS } from "./limits";
import { readNoteAuthors, setNoteAuthors, type NoteAuthors } from "./note-authors";
import { END, OPEN, XmlScanner } from "./read-scan";
import { ZipReader } from "./read-zip";

export const RESULT_SHEET = "校验结果";
/** The author of the notes the check adds (a note the file had keeps its own). */
export const CHECK_AUTHOR = "专精特新报表工具(校验)";
const ERROR_FILL = "FFFFC7CE";
const WARNING_FILL = "FFFFEB9C";
const HEADER_FILL = "FFDDEBF7";
/** Excel's limit on a cell's text. */
const TEXT_MAX = 32767;

/** Untrusted text made safe for a cell: characters XML 1.0 cannot hold replaced, length capped. */
const text = (s: string | null | undefined) =>
  // eslint-disable-next-line no-control-regex
  (s ?? "").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\ufffd").slice(0, TEXT_MAX);

function noteText(existing: ExcelJS.Cell["note"], added: string): string {
  const old =
    typeof existing === "string"
      ? existing
      : existing && Array.isArray(existing.texts)
        ? existing.texts.map((t) => t.text).join("")
        : "";
  return old ? `${old}\n—— 校验 ——\n${added}` : added;
}

function markCells(wb: ExcelJS.Workbook, issues: Issue[]): void {
  const byCell = new Map<string, Issue[]>();
  for (const i of issues) {
    if (!i.sheet || !i.cell) continue;
    const key = `${i.sheet}\u0000${i.cell}`;
    const list = byCell.get(key) ?? [];
    list.push(i);
    byCell.set(key, list);
  }
  for (const [key, list] of byCell) {
    const [sheet, a1] = key.split("\u0000");
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const cell = ws.getCell(a1);
    const isError = list.some((i) => i.severity === "error");
    // A fresh style object: ExcelJS shares style objects between cells, so never mutate one in place.
    cell.style = {
      ...cell.style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: isError ? ERROR_FILL : WARNING_FILL } },
    };
    const lines = list.map((i) => `${i.severity === "error" ? "错误" : "提示"}：${i.message}`);
    cell.note = text(noteText(cell.note, lines.join("\n")));
  }
}

function freeName(wb: ExcelJS.Workbook, base: string): string {
  let name = base;
  for (let n = 2; wb.getWorksheet(name); n++) name = `${base}(${n})`;
  return name;
}

function resultSheet(wb: ExcelJS.Workbook, r: ReturnResult): void {
  const ws = wb.addWorksheet(freeName(wb, RESULT_SHEET), { properties: { tabColor: { argb: "FFC00000" } } });
  const verdict = r.rejected
    ? "退回：整份报表不予计入"
    : r.errors.length > 0
      ? "有错误：标红的行不予计入"
      : "通过";
  const head: string[][] = [
    ["校验结果"],
    ["文件", text(r.file)],
    ["填报单位", r.unit ? `${r.unitName ?? ""}(${r.unit})` : "未能识别"],
    ["报告期", r.period ?? "未能识别"],
    ["数据行", `读取 ${r.rows.read}，计入 ${r.rows.accepted}，不予计入 ${r.rows.rejected}`],
    ["结论", `${verdict}；错误 ${r.errors.length} 条，提示 ${r.warnings.length} 条`],
    [],
    ["序号", "级别", "代码", "工作表", "单元格", "字段", "填写值", "说明"],
  ];
  head.forEach((values) => ws.addRow(values.map(text)));
  ws.getCell("A1").font = { bold: true, size: 14 };
  const headerRow = ws.getRow(head.length);
  headerRow.eachCell((c) => {
    c.font = { bold: true };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  });
  [...r.errors, ...r.warnings].forEach((i, n) => {
    const shown = text(i.value);
    const row = ws.addRow([
      String(n + 1),
      i.severity === "error" ? "错误" : "提示",
      text(i.code),
      text(i.sheet),
      text(i.cell),
      text(i.field),
      /^\d{4}-\d{2}-\d{2}$/.test(shown) ? chineseDate(shown) : shown,
      text(i.message),
    ]);
    // Wrapped text gets the height it needs: Excel does not grow a row on open.
    row.height = Math.max(
      wrappedHeight(text(i.message), columnPoints(80), 11),
      wrappedHeight(shown, columnPoints(24), 11),
    );
    row.getCell(2).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: i.severity === "error" ? ERROR_FILL : WARNING_FILL },
    };
  });
  if (r.errors.length + r.warnings.length === 0) ws.addRow(["", "", "", "", "", "", "", "未发现问题"]);
  [6, 6, 24, 12, 8, 18, 24, 80].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(8).alignment = { wrapText: true, vertical: "top" };
  ws.getColumn(7).alignment = { wrapText: true, vertical: "top" };
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: head.length }];
  // The issue code and field key are for programs: kept in the sheet, hidden from screen and paper.
  ws.getColumn(3).hidden = true;
  ws.getColumn(6).hidden = true;
  Object.assign(ws.pageSetup, {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${head.length}:${head.length}`,
  });
  ws.headerFooter.oddFooter = "&C第 &P 页，共 &N 页";
}

type Validations = { model: Record<string, ExcelJS.DataValidation> };

/**
 * ExcelJS expands each validation range into one entry per cell on load, and its writer re-joins them in
 * string order of the addresses ("A10" before "A2"), writing overlapping ranges that Excel repairs. So join
 * them back here: per validation object (one per original range), per column, contiguous rows, then
 * equal row spans across adjacent columns.
 */
export function compactValidations(ws: ExcelJS.Worksheet): void {
  const dv = (ws as unknown as { dataValidations: Validations }).dataValidations;
  const groups = new Map<ExcelJS.DataValidation, Map<number, number[]>>();
  const kept: Record<string, ExcelJS.DataValidation> = {};
  for (const [addr, v] of Object.entries(dv.model)) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr);
    if (!m) {
      kept[addr] = v;
      continue;
    }
    const cols = groups.get(v) ?? new Map<number, number[]>();
    groups.set(v, cols);
    const c = columnIndex(m[1]);
    const rows = cols.get(c) ?? [];
    rows.push(Number(m[2]));
    cols.set(c, rows);
  }
  for (const [v, cols] of groups) {
    // Runs of rows per column, as "top:bottom" keys, then adjacent columns with the same run joined.
    const runsByCol = new Map<number, string[]>();
    for (const [c, rows] of cols) {
      rows.sort((a, b) => a - b);
      const runs: string[] = [];
      let start = rows[0];
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
        runs.push(`${start}:${rows[i - 1]}`);
        start = rows[i];
      }
      runsByCol.set(c, runs);
    }
    const colsSorted = [...runsByCol.keys()].sort((a, b) => a - b);
    const open = new Map<string, { left: number; right: number }>();
    const emit = (run: string, left: number, right: number) => {
      const [top, bottom] = run.split(":");
      const tl = `${columnLetter(left)}${top}`;
      const br = `${columnLetter(right)}${bottom}`;
      kept[tl === br ? tl : `${tl}:${br}`] = v;
    };
    for (const c of colsSorted) {
      const runs = new Set(runsByCol.get(c));
      for (const [run, span] of [...open]) {
        if (runs.has(run) && span.right === c - 1) {
          span.right = c;
          runs.delete(run);
        } else {
          emit(run, span.left, span.right);
          open.delete(run);
        }
      }
      for (const run of runs) open.set(run, { left: c, right: c });
    }
    for (const [run, span] of open) emit(run, span.left, span.right);
  }
  dv.model = kept;
}

// eslint-disable-next-line no-control-regex
const FORBIDDEN_RE = /[\ufffe\uffff\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
/** The same characters as references (&#xFFFF;, &#1;), which ExcelJS decodes and writes back raw. */
const FORBIDDEN_REF_RE =
  /&#(?:x0*(?:fff[ef]|[0-8bcef]|1[0-9a-f])|0*(?:6553[45]|[0-8]|1[124-9]|2[0-9]|3[01]));/i;

const FORBIDDEN_ALL = new RegExp(FORBIDDEN_RE.source, "g");
const FORBIDDEN_REF_ALL = new RegExp(FORBIDDEN_REF_RE.source, "gi");

const escapeText = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The text with each CDATA section written as escaped character data, which means the same to XML.
 * ExcelJS reads a CDATA section as nothing: a shared or inline string became empty, a formula or a
 * list validation's formula1 lost (issue 24: a list written <formula1><![CDATA["是,否"]]></formula1>
 * came back from the marked-up copy with no list). Comments are passed over whole. One pass, no regex.
 */
export function cdataAsText(text: string): string {
  let out = "";
  let last = 0;
  for (let i = text.indexOf("<!", 0); i >= 0; i = text.indexOf("<!", i)) {
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) break;
      i = end + 3;
    } else if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i + 9);
      if (end < 0) break;
      out += text.slice(last, i) + escapeText(text.slice(i + 9, end));
      last = i = end + 3;
    } else i += 2;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * The file as ExcelJS can load it whole, or null when it can as it is: every XML-forbidden character in
 * its parts (raw, or as a character reference, which ExcelJS decodes and would write back raw) replaced
 * by U+FFFD, as the bulletin writes such text, and every CDATA section written as character data.
 * ExcelJS cannot load or would write an ill-formed copy of the first, and drops the second; the clerk
 * still needs the marked-up copy back, with their data: only those characters and sections change.
 */
export function forExcelJS(bytes: Uint8Array): Uint8Array | null {
  const zip = new ZipReader(bytes, DEFAULT_LIMITS);
  const files: Record<string, Uint8Array> = {};
  let changed = false;
  for (const e of zip.entries.values()) {
    const data = zip.read(e.name);
    if (data === undefined) continue;
    files[e.name] = data;
    if (!/\.(xml|rels|vml)$/i.test(e.name)) continue;
    const text = new TextDecoder().decode(data);
    const forbidden = FORBIDDEN_RE.test(text) || FORBIDDEN_REF_RE.test(text);
    const cdata = text.includes("<![CDATA[");
    if (!forbidden && !cdata) continue;
    const plain = cdata ? cdataAsText(text) : text;
    files[e.name] = new TextEncoder().encode(
      plain.replace(FORBIDDEN_ALL, "\ufffd").replace(FORBIDDEN_REF_ALL, "&#xFFFD;"),
    );
    changed = true;
  }
  return changed ? zipSync(files) : null;
}

/** Cells ExcelJS would build on load (cells, merged, validated and linked areas): at most this many. */
const ANNOTATE_MAX_CELLS = 2_000_000;

function rangeArea(ref: string): number {
  let total = 0;
  for (const one of ref.split(/\s+/)) {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(one);
    if (!m) continue;
    const rows = Math.abs(Number(m[4] ?? m[2]) - Number(m[2])) + 1;
    const cols = Math.abs(columnIndex(m[3] ?? m[1]) - columnIndex(m[1])) + 1;
    total += rows * cols;
  }
  return total;
}

/**
 * Why ExcelJS must not load this return (already accepted by the guarded reader), or null. ExcelJS expands
 * every merged, validated and hyperlinked range into cells and parses every part, which the reader does
 * not: each worksheet is scanned here first, under the reader's caps, and the areas counted.
 */
export function annotationRefusal(bytes: Uint8Array): string | null {
  try {
    const zip = new ZipReader(bytes, DEFAULT_LIMITS);
    let cells = 0;
    for (const { name } of zip.entries.values()) {
      if (!name.endsWith(".xml") && !name.endsWith(".rels") && !name.endsWith(".vml")) continue;
      const xml = zip.read(name)!;
      const s = new XmlScanner(xml, name, DEFAULT_LIMITS.maxDepth);
      const sheet = name.startsWith("xl/worksheets/");
      for (let t = s.next(); t !== END; t = s.next()) {
        if (t !== OPEN || !sheet) continue;
        const n = s.name;
        if (n === "c") cells++;
        else if (n === "mergeCell" || n === "hyperlink") cells += rangeArea(s.attr("ref") ?? "");
        else if (n === "dataValidation" || n === "conditionalFormatting")
          cells += rangeArea(s.attr("sqref") ?? "");
        if (cells > ANNOTATE_MAX_CELLS) return `${name} 中的单元格、合并或数据验证区域过大`;
      }
    }
  } catch (e) {
    return (e as Error).message;
  }
  return null;
}

/**
 * The annotated copy of `bytes` (an .xlsx already read successfully) for the result of checking it.
 * Throws an Error with a zh-CN message when the file is not one ExcelJS can safely load.
 */
export async function annotateWorkbook(bytes: Uint8Array, result: ReturnResult): Promise<Uint8Array> {
  const refusal = annotationRefusal(bytes);
  if (refusal !== null) throw new Error(`无法生成标注副本：${refusal}`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((forExcelJS(bytes) ?? bytes) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new Error(`无法生成标注副本：${(e as Error).message.slice(0, 200)}`);
  }
  wb.worksheets.forEach(compactValidations);
  markCells(wb, [...result.errors, ...result.warnings]);
  resultSheet(wb, result);
  const out = await wb.xlsx.writeBuffer();
  // ExcelJS writes every note's author as "Author": the file's own notes keep theirs (the bureau's, on a
  // prefilled template), the notes the check adds are the tool's.
  const authors = await readNoteAuthors(bytes).catch(() => new Map() as NoteAuthors);
  return setNoteAuthors(new Uint8Array(out as ArrayBuffer), authors, CHECK_AUTHOR);
}
