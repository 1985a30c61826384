// ConditionalFormat -> ExcelJS conditional formatting.
import type ExcelJS from "exceljs";
import type { ConditionalFormat } from "../core/sheet/types";
import { argb } from "./write-style";

export function toXlConditional(
  cf: ConditionalFormat,
  priority: number,
): ExcelJS.ConditionalFormattingOptions {
  const style: Partial<ExcelJS.Style> = {};
  if (cf.style.fill)
    style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.style.fill) } };
  if (cf.style.fontColor || cf.style.bold !== undefined) {
    style.font = {};
    if (cf.style.fontColor) style.font.color = { argb: argb(cf.style.fontColor) };
    if (cf.style.bold !== undefined) style.font.bold = cf.style.bold;
  }
  const formulae = [cf.formula, cf.formula2]
    .filter((f): f is string => f !== undefined)
    .map((f) => f.replace(/^=/, ""));
  const rule: ExcelJS.ConditionalFormattingRule =
    cf.type === "expression"
      ? { type: "expression", priority, formulae, style }
      : {
          type: "cellIs",
          priority,
          // ExcelJS writes the operator attribute as given; its type lists only a few of OOXML's operators.
          operator: (cf.operator ?? "equal") as ExcelJS.CellIsOperators,
          formulae,
          style,
        };
  return { ref: cf.range, rules: [rule] };
}
