// The bureau's review (审核结果, 退回原因) written into a targets workbook file's 报送登记, as the pane writes it
// into the open workbook (src/excel/round-actions.ts): found by its headers and the unit's code, the rest
// of the file as it was. For the offline page, where the targets workbook is a file.
import ExcelJS from "exceljs";
import { REASON_HEADER, REVIEW_HEADER, REVIEW_LABELS, type Review } from "../core/review/review";
import { RECEIPTS_SHEET } from "../core/targets/types";
import type { ReviewWrite } from "../host/types";
import { annotationRefusal, compactValidations, forExcelJS } from "./annotate";

/** Rows and columns of 报送登记 searched for its header and the units (a plan has tens of units). */
const MAX_ROWS = 200;
const MAX_COLS = 30;

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "result" in v) return text((v as { result: ExcelJS.CellValue }).result);
  if (typeof v === "object" && "richText" in v)
    return v.richText
      .map((r) => r.text)
      .join("")
      .trim();
  return typeof v === "object" ? "" : String(v).trim();
}

export async function writeReviewIntoWorkbook(
  bytes: Uint8Array,
  unitCode: string,
  review: Review,
): Promise<{ outcome: ReviewWrite; bytes: Uint8Array }> {
  const refusal = annotationRefusal(bytes);
  if (refusal !== null) throw new Error(`无法写入审核结果：${refusal}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((forExcelJS(bytes) ?? bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(RECEIPTS_SHEET);
  if (!ws) return { outcome: "noSheet", bytes };
  const at = (r: number, c: number) => text(ws.getCell(r, c).value);
  let header = -1;
  let stateCol = -1;
  let reasonCol = -1;
  for (let r = 1; r <= MAX_ROWS && header < 0; r++)
    for (let c = 1; c <= MAX_COLS; c++)
      if (at(r, c) === REVIEW_HEADER) {
        header = r;
        stateCol = c;
      }
  if (header < 0) return { outcome: "noColumns", bytes };
  for (let c = 1; c <= MAX_COLS; c++) if (at(header, c) === REASON_HEADER) reasonCol = c;
  let row = -1;
  for (let r = header + 1; r <= MAX_ROWS && row < 0; r++) if (at(r, 1) === unitCode) row = r;
  if (row < 0) return { outcome: "noUnit", bytes };
  if (reasonCol < 0) return { outcome: "noColumns", bytes };
  ws.getCell(row, stateCol).value = REVIEW_LABELS[review.state];
  ws.getCell(row, reasonCol).value = review.state === "returned" ? (review.reason ?? "") : "";
  wb.worksheets.forEach(compactValidations);
  return { outcome: "written", bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
}
