// The bureau's review (审核结果, 退回原因) written into a targets workbook file's 报送登记, as the pane writes it
// into the open workbook (src/excel/round-actions.ts): placed by the one rule of src/core/review/review-place,
// the rest of the file as it was. For the offline page, where the targets workbook is a file.
import ExcelJS from "exceljs";
import type { Review } from "../core/review/review";
import { placeReview } from "../core/review/review-place";
import { RECEIPTS_SHEET } from "../core/targets/types";
import type { ReviewWrite } from "../host/types";
import { annotationRefusal, compactValidations, forExcelJS } from "./annotate";

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
  // The core's rule places the review (0-based); ExcelJS counts rows and columns from 1.
  const place = placeReview((r, c) => text(ws.getCell(r + 1, c + 1).value), unitCode, review);
  if (place.outcome !== "written") return { outcome: place.outcome, bytes };
  ws.getCell(place.row + 1, place.stateColumn + 1).value = place.state;
  ws.getCell(place.row + 1, place.reasonColumn + 1).value = place.reason;
  wb.worksheets.forEach(compactValidations);
  return { outcome: "written", bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
}
