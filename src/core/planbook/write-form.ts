// The form versions as the 表单, 字段, 选项 and 校验规则 sheets. A field (or rule) identical in consecutive
// versions is one row with 自版本/停用版本; rows are placed so that each version's fields, read in row
// order, are that version's columns in order.
import type { FieldDef, FormDef, LabelCellDef } from "../form/types";
import { CHAIN_LIST, FIELDS_SHEET, FORMS_SHEET, OPTIONS_SHEET, RULES_SHEET } from "./form-sheets";
import type { Record_ } from "./table-write";

type AnyField = FieldDef | (LabelCellDef & { width?: number });

interface Spanned<T> {
  item: T;
  sheet: string;
  from: number;
  until: number;
}

/** Canonical JSON (sorted keys) for comparing two definitions. */
function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canon).join(",")}]`;
  if (v !== null && typeof v === "object")
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v);
}

/**
 * Rows for items of one sheet over the versions: an item equal (by `same`) to a row that reaches the
 * previous version, and placed after this version's last row, extends that row; any other opens a new
 * row right after this version's last row.
 */
function spans<T>(
  sheetOf: (f: FormDef) => string,
  itemsOf: (f: FormDef) => T[],
  forms: readonly FormDef[],
  same: (a: T, b: T) => boolean,
): Spanned<T>[] {
  const rows: Spanned<T>[] = [];
  forms.forEach((form, v) => {
    const sheet = sheetOf(form);
    let last = -1;
    for (const item of itemsOf(form)) {
      let at = rows.findIndex((r, i) => i > last && r.until === v && r.sheet === sheet && same(r.item, item));
      if (at >= 0) rows[at].until = v + 1;
      else {
        at = last + 1;
        rows.splice(at, 0, { item, sheet, from: v, until: v + 1 });
      }
      last = at;
    }
  });
  return rows;
}

const FIELD_TYPE_NAMES: Record<string, string> = {
  text: "文本",
  uscc: "统一社会信用代码",
  list: "列表",
  yesno: "是否",
  year: "年份",
  decimal: "小数",
  whole: "整数",
  percent: "百分数",
  date: "日期",
};

const yesNo = (b: boolean | undefined) => (b === undefined ? null : b ? "是" : "否");

export interface FormSheets {
  forms: Record_[];
  fields: Record_[];
  options: Record_[];
  rules: Record_[];
}

export function formRecords(forms: readonly FormDef[]): FormSheets {
  const version = (i: number) => forms[i]?.version ?? null;
  const range = (s: { from: number; until: number }) => ({
    from: version(s.from),
    until: s.until < forms.length ? version(s.until) : null,
  });
  // Lists: one per distinct option list, named by the first field that uses it.
  const listNames = new Map<string, string>();
  const options: Record_[] = [];
  const listOf = (f: AnyField): string | null => {
    if (f.type !== "list") return null;
    if (f.list === CHAIN_LIST || !f.options || f.options.length === 0) return CHAIN_LIST;
    const k = canon(f.options);
    let name = listNames.get(k);
    if (!name) {
      // The field names its list (XLSForm's select_one <list>); an unnamed one takes the field's header.
      const taken = [...listNames.values()];
      name = f.list && !taken.includes(f.list) ? f.list : taken.includes(f.header) ? f.key : f.header;
      listNames.set(k, name);
      for (const o of f.options) options.push({ list: name, value: o });
    }
    return name;
  };
  const fieldRow = (s: Spanned<AnyField>): Record_ => {
    const f = s.item;
    const min = f.type === "date" ? f.dateMin : f.type === "year" ? f.yearMin : f.min;
    return {
      sheet: s.sheet,
      key: f.key,
      header: f.header,
      type: FIELD_TYPE_NAMES[f.type],
      required: f.required ? "是" : f.requiredIfRecognised ? "已认定必填" : null,
      min: min === undefined ? null : String(min),
      max: f.max ?? null,
      minLength: f.minLength ?? null,
      maxLength: f.maxLength ?? null,
      list: listOf(f),
      unique: f.unique ? "是" : null,
      carry: yesNo(f.carry),
      recognition: f.type === "year" ? yesNo(f.recognition) : null,
      width: "width" in f && f.width !== undefined ? f.width : null,
      hint: f.hint,
      ...range(s),
    };
  };
  const noRow = (c: LabelCellDef) => {
    const { row: _r, ...rest } = c;
    void _r;
    return canon(rest);
  };
  const fields = [
    ...spans(
      (f) => f.enterprises.name,
      (f) => f.enterprises.fields as AnyField[],
      forms,
      (a, b) => canon(a) === canon(b),
    ),
    ...spans(
      (f) => f.platforms.name,
      (f) => f.platforms.fields as AnyField[],
      forms,
      (a, b) => canon(a) === canon(b),
    ),
    ...spans(
      (f) => f.region.name,
      (f) => f.region.cells as AnyField[],
      forms,
      (a, b) => noRow(a as LabelCellDef) === noRow(b as LabelCellDef),
    ),
  ].map(fieldRow);

  type Rule = {
    code: string;
    severity: string;
    left: string;
    op: string;
    right: string;
    message: string;
    none?: string;
    when?: string;
  };
  const rulesOf =
    (t: "enterprises" | "platforms") =>
    (f: FormDef): Rule[] => [
      ...f[t].crossRules,
      ...(f[t].pairedYears ?? []).map((p) => ({
        code: p.code,
        severity: "warning",
        left: p.field,
        op: "paired",
        right: p.year,
        message: p.message,
        none: p.none,
      })),
      ...(t === "enterprises" ? (f[t].checks ?? []) : []),
    ];
  const ruleRow = (s: Spanned<Rule>, first: string): Record_ => ({
    code: s.item.code,
    sheet: s.sheet === first ? null : s.sheet,
    left: s.item.left,
    op: s.item.op === "paired" ? "同时填写" : s.item.op === "holds" ? "成立" : s.item.op,
    right: s.item.right || null,
    when: s.item.when ?? null,
    none: s.item.op === "paired" ? (s.item.none ?? null) : null,
    severity: s.item.severity === "error" ? "错误" : "警告",
    message: s.item.message,
    ...range(s),
  });
  const same = (a: Rule, b: Rule) => canon(a) === canon(b);
  const rules = [
    ...spans((f) => f.enterprises.name, rulesOf("enterprises"), forms, same).map((s) => ruleRow(s, s.sheet)),
    ...spans((f) => f.platforms.name, rulesOf("platforms"), forms, same).map((s) => ruleRow(s, "")),
  ];

  const formRows = forms.map((f): Record_ => ({
    id: f.id,
    version: f.version,
    title: f.title,
    instructions: f.instructionsSheet,
    enterprises: f.enterprises.name,
    enterpriseRows: f.enterprises.templateRows,
    platforms: f.platforms.name,
    platformRows: f.platforms.templateRows,
    region: f.region.name,
    meta: f.metaSheet,
    moneyPeriod: f.moneyPeriod ?? null,
    notes: f.notes && f.notes.length ? f.notes.join("\n") : null,
  }));
  return { forms: formRows, fields, options, rules };
}

export const FORM_SHEET_SPECS = {
  forms: FORMS_SHEET,
  fields: FIELDS_SHEET,
  options: OPTIONS_SHEET,
  rules: RULES_SHEET,
};
