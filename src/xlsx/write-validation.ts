// DataValidation -> ExcelJS data validation. Lists are inline ("a,b,c", under 255 characters) or a
// reference (a defined name or range) given as `formula`.
import type ExcelJS from "exceljs";
import type { DataValidation } from "../core/sheet/types";

const bound = (v: number | string | undefined, type: DataValidation["type"]): unknown =>
  // ExcelJS converts date formulae from Date objects to serial numbers.
  type === "date" && typeof v === "string" ? new Date(`${v}T00:00:00Z`) : v;

export function toXlValidation(v: DataValidation): ExcelJS.DataValidation {
  let formulae: unknown[];
  let operator = v.operator;
  switch (v.type) {
    case "list":
      if (v.formula) formulae = [v.formula.replace(/^=/, "")];
      else {
        const text = (v.list ?? []).join(",");
        if (text.length + 2 > 255)
          throw new Error(`validation list too long for ${v.range} (${text.length})`);
        formulae = [`"${text}"`];
      }
      operator = undefined;
      break;
    case "custom":
      formulae = [(v.formula ?? "").replace(/^=/, "")];
      operator = undefined;
      break;
    default: {
      operator = operator ?? "between";
      if (operator === "between" || operator === "notBetween")
        formulae = [bound(v.min, v.type), bound(v.max, v.type)];
      else if (operator === "lessThan" || operator === "lessThanOrEqual")
        formulae = [bound(v.max ?? v.min, v.type)];
      else formulae = [bound(v.min ?? v.max, v.type)];
      if (formulae.some((f) => f === undefined)) throw new Error(`validation bounds missing for ${v.range}`);
    }
  }
  const x: ExcelJS.DataValidation = {
    type: v.type,
    formulae,
    allowBlank: v.allowBlank,
    showErrorMessage: true,
    errorStyle: v.error.style ?? "stop",
    errorTitle: v.error.title,
    error: v.error.message,
  };
  if (operator) x.operator = operator;
  if (v.prompt) {
    x.showInputMessage = true;
    x.promptTitle = v.prompt.title;
    x.prompt = v.prompt.message;
  }
  return x;
}
