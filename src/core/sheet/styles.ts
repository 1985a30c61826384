// The one look of a column header across every workbook we write (template, targets, tables, bulletin),
// so a clerk sees the same header on every sheet the bureau sends or receives.
import type { CellStyle } from "./types";

export const TABLE_HEADER: CellStyle = {
  bold: true,
  fill: "DDEBF7",
  border: true,
  wrap: true,
  hAlign: "center",
  vAlign: "middle",
};
