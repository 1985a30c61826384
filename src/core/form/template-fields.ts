// How one form field becomes template cells: its built-in data validation (so clerks without the add-in
// are guarded too), its number format and its input message. Rules the file cannot express (check
// digits, cross-field and cross-row rules) are left to the self-check and the bureau's import.
import type { DataValidation } from "../sheet/types";
import type { FieldDef } from "./types";

/** Excel's limits: input/error titles 32 characters, messages 255, inline list source 255. */
export const TITLE_MAX = 32;
export const MESSAGE_MAX = 255;
export const INLINE_LIST_MAX = 255;

export interface FieldContext {
  /** The period's year: the latest year a "year" field accepts. */
  periodYear: number;
  /** When set, the list is read from this reference (a defined name) instead of an inline list. */
  listSource?: string;
}

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + "…" : s);

/** True when the options can be written as an inline list: no separator or quote inside, short enough. */
export function fitsInlineList(options: string[]): boolean {
  return options.every((o) => !/[,"]/.test(o)) && options.join(",").length + 2 <= INLINE_LIST_MAX;
}

/** Number format of a field's input cells. Text columns are "@" so that a digits-only USCC keeps its digits. */
export function fieldNumFmt(field: Pick<FieldDef, "type">): string {
  switch (field.type) {
    case "decimal":
      return "#,##0.00";
    case "percent":
      return "0.0";
    case "whole":
    case "year":
      return "0";
    case "date":
      return 'yyyy"年"m"月"d"日"';
    default:
      return "@";
  }
}

function numberRule(
  field: FieldDef,
  whole: boolean,
): Pick<DataValidation, "operator" | "min" | "max"> & {
  text: string;
} {
  const kind = whole ? "整数" : "数字";
  const { min, max } = field;
  if (min !== undefined && max !== undefined)
    return { operator: "between", min, max, text: `须为${min}至${max}之间的${kind}` };
  if (min !== undefined) return { operator: "greaterThanOrEqual", min, text: `须为不小于${min}的${kind}` };
  if (max !== undefined) return { operator: "lessThanOrEqual", max, text: `须为不大于${max}的${kind}` };
  return { operator: "between", min: -1e15, max: 1e15, text: `须为${kind}` };
}

function textRule(field: FieldDef): Pick<DataValidation, "operator" | "min" | "max"> & { text: string } {
  const lo = field.minLength;
  const hi = field.maxLength ?? 32767;
  if (lo !== undefined && lo === hi) return { operator: "equal", min: lo, text: `须为${lo}个字符` };
  if (lo !== undefined) return { operator: "between", min: lo, max: hi, text: `长度须为${lo}至${hi}个字符` };
  return { operator: "lessThanOrEqual", max: hi, text: `不得超过${hi}个字符` };
}

/** The data validation of one field over `range` (e.g. "B2:B5001"), with a zh-CN prompt and error alert. */
export function fieldValidation(field: FieldDef, range: string, ctx: FieldContext): DataValidation {
  const where = `\u201c${field.header}\u201d`;
  let v: Omit<DataValidation, "range" | "allowBlank" | "prompt" | "error">;
  let rule: string;
  switch (field.type) {
    case "list":
    case "yesno": {
      const options = field.type === "yesno" ? ["是", "否"] : (field.options ?? []);
      v = ctx.listSource ? { type: "list", formula: ctx.listSource } : { type: "list", list: options };
      rule = field.type === "yesno" ? "只能填\u201c是\u201d或\u201c否\u201d" : "须从下拉列表中选择";
      break;
    }
    case "year": {
      const min = field.yearMin ?? 1900;
      v = { type: "whole", operator: "between", min, max: ctx.periodYear };
      rule = `须为${min}至${ctx.periodYear}之间的年份(4位数字)`;
      break;
    }
    case "whole":
    case "decimal":
    case "percent": {
      const { text, ...bounds } = numberRule(field, field.type === "whole");
      v = { type: field.type === "whole" ? "whole" : "decimal", ...bounds };
      rule = field.type === "percent" ? `${text}(百分数，如45表示45%)` : text;
      break;
    }
    case "date": {
      // Not after today: a formula, so the file checks it on the day the clerk types, not the day it was made.
      const min = field.dateMin ?? "2000-01-01";
      const [y, m, d] = min.split("-").map(Number);
      const cell = range.split(":")[0];
      v = {
        type: "custom",
        formula: `AND(ISNUMBER(${cell}),${cell}>=DATE(${y},${m},${d}),${cell}<=TODAY())`,
      };
      rule = `须为${min}至今天之间的日期(如 2025-10-12)`;
      break;
    }
    case "uscc":
    case "text": {
      const { text, ...bounds } = textRule(field);
      v = { type: "textLength", ...bounds };
      rule = text;
      break;
    }
  }
  return {
    range,
    ...v,
    allowBlank: true,
    prompt: { title: clip(field.header, TITLE_MAX), message: clip(field.hint, MESSAGE_MAX) },
    error: {
      title: clip(`${field.header}填写有误`, TITLE_MAX),
      message: clip(`${where}${rule}。${field.hint}`, MESSAGE_MAX),
      style: "stop",
    },
  };
}
