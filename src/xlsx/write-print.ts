// PrintSetup -> ExcelJS page setup and footer. A4 is paper size 9; "fit to width" is one page wide and
// as many pages tall as needed (fitToHeight 0).
import type ExcelJS from "exceljs";
import type { PrintSetup } from "../core/sheet/types";

export const PAPER_A4 = 9;

export function toXlPageSetup(p: PrintSetup): Partial<ExcelJS.PageSetup> {
  const x: Partial<ExcelJS.PageSetup> = {
    paperSize: PAPER_A4,
    orientation: p.orientation,
    fitToPage: p.fitToWidth,
  };
  if (p.fitToWidth) {
    x.fitToWidth = 1;
    x.fitToHeight = 0;
  }
  if (p.scale) x.scale = p.scale;
  if (p.printTitleRows) x.printTitlesRow = p.printTitleRows;
  if (p.printTitleColumns) x.printTitlesColumn = p.printTitleColumns;
  // ExcelJS prefixes only the column with "$"; the row must be absolute too, or LibreOffice drops
  // the print area ("$A1:$E10" is not read as one).
  if (p.printArea) x.printArea = p.printArea.replace(/\$?([A-Z]+)\$?(\d+)/g, "$1$$$2");
  if (p.centerHorizontally) x.horizontalCentered = true;
  if (p.margins) x.margins = { ...p.margins, header: 0.3, footer: 0.3 };
  return x;
}

export function toXlHeaderFooter(p: PrintSetup): Partial<ExcelJS.HeaderFooter> | undefined {
  return p.footer ? { oddFooter: `&C${p.footer}` } : undefined;
}
