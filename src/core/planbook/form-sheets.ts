// The form's sheets of the plan workbook, XLSForm style: 表单 (one row per form version, like XLSForm's
// settings), 字段 (one row per field and version range, like survey), 选项 (lists, like choices) and
// 校验规则 (cross-field rules, DHIS2 style: left, operator, right, severity, message).
import type { SheetSpec } from "./table";

export const FORMS_SHEET: SheetSpec = {
  name: "表单",
  aliases: ["forms", "form", "表单版本"],
  nonEmpty: true,
  columns: [
    {
      key: "id",
      header: "表单编号",
      aliases: ["form_id", "表式代码"],
      required: true,
      text: true,
      width: 14,
    },
    {
      key: "version",
      header: "版本",
      aliases: ["form_version", "表单版本"],
      required: true,
      text: true,
      width: 8,
    },
    { key: "title", header: "标题", aliases: ["title", "表单名称"], required: true, width: 26 },
    { key: "instructions", header: "说明表", aliases: ["instructions_sheet"], width: 10 },
    { key: "enterprises", header: "企业表", aliases: ["enterprises_sheet"], width: 10 },
    { key: "enterpriseRows", header: "企业表行数", aliases: ["enterprises_rows"], width: 10 },
    { key: "platforms", header: "平台表", aliases: ["platforms_sheet"], width: 12 },
    { key: "platformRows", header: "平台表行数", aliases: ["platforms_rows"], width: 10 },
    { key: "region", header: "区域表", aliases: ["region_sheet"], width: 10 },
    { key: "meta", header: "元数据表", aliases: ["meta_sheet"], width: 12 },
    { key: "moneyPeriod", header: "金额口径", aliases: ["money_period"], width: 20 },
    { key: "notes", header: "填报说明补充", aliases: ["notes", "说明"], width: 60 },
  ],
};

export const FIELDS_SHEET: SheetSpec = {
  name: "字段",
  aliases: ["fields", "survey"],
  nonEmpty: true,
  columns: [
    { key: "sheet", header: "工作表", aliases: ["sheet"], required: true, width: 10 },
    {
      key: "key",
      header: "键",
      aliases: ["name", "key", "字段键", "字段代码"],
      required: true,
      text: true,
      width: 22,
    },
    {
      key: "header",
      header: "表头",
      aliases: ["label", "header", "列名", "标签"],
      required: true,
      width: 30,
    },
    { key: "type", header: "类型", aliases: ["type"], required: true, width: 10 },
    { key: "required", header: "必填", aliases: ["required"], width: 10 },
    { key: "min", header: "最小值", aliases: ["min", "minimum"], text: true, width: 10 },
    { key: "max", header: "最大值", aliases: ["max", "maximum"], width: 8 },
    { key: "minLength", header: "最短字符", aliases: ["min_length"], width: 8 },
    { key: "maxLength", header: "最长字符", aliases: ["max_length"], width: 8 },
    { key: "list", header: "列表", aliases: ["list", "list_name", "选项列表"], width: 12 },
    { key: "unique", header: "不得重复", aliases: ["unique", "唯一"], width: 8 },
    { key: "recognition", header: "认定年份", aliases: ["recognition"], width: 8 },
    { key: "carry", header: "结转", aliases: ["carry", "下期结转"], width: 6 },
    { key: "width", header: "列宽", aliases: ["width"], width: 6 },
    { key: "hint", header: "提示", aliases: ["hint", "说明"], width: 50 },
    {
      key: "from",
      header: "自版本",
      aliases: ["introduced", "version_from", "起始版本"],
      text: true,
      width: 8,
    },
    { key: "until", header: "停用版本", aliases: ["retired", "version_until"], text: true, width: 8 },
  ],
};

export const OPTIONS_SHEET: SheetSpec = {
  name: "选项",
  aliases: ["choices", "lists", "列表"],
  columns: [
    { key: "list", header: "列表", aliases: ["list_name", "list"], required: true, width: 14 },
    { key: "value", header: "选项", aliases: ["name", "value", "label", "值"], required: true, width: 28 },
  ],
};

export const RULES_SHEET: SheetSpec = {
  name: "校验规则",
  aliases: ["checks", "rules", "规则"],
  optional: true,
  columns: [
    { key: "code", header: "规则代码", aliases: ["code", "代码"], required: true, text: true, width: 28 },
    { key: "sheet", header: "工作表", aliases: ["sheet"], width: 10 },
    { key: "left", header: "左", aliases: ["left", "左边"], required: true, width: 18 },
    {
      key: "op",
      header: "运算",
      aliases: ["operator", "op", "运算符"],
      required: true,
      text: true,
      width: 8,
    },
    { key: "right", header: "右", aliases: ["right", "右边"], width: 18 },
    { key: "when", header: "适用条件", aliases: ["when", "condition", "条件"], width: 24 },
    { key: "none", header: "空值", aliases: ["none"], width: 6 },
    { key: "severity", header: "严重程度", aliases: ["importance", "severity"], required: true, width: 8 },
    { key: "message", header: "提示", aliases: ["message", "消息"], required: true, width: 40 },
    { key: "from", header: "自版本", aliases: ["introduced", "version_from"], text: true, width: 8 },
    { key: "until", header: "停用版本", aliases: ["retired", "version_until"], text: true, width: 8 },
  ],
};

export const FIELD_TYPES = {
  文本: "text",
  统一社会信用代码: "uscc",
  列表: "list",
  是否: "yesno",
  年份: "year",
  小数: "decimal",
  整数: "whole",
  百分数: "percent",
  日期: "date",
  text: "text",
  uscc: "uscc",
  list: "list",
  yesno: "yesno",
  year: "year",
  decimal: "decimal",
  whole: "whole",
  integer: "whole",
  percent: "percent",
  date: "date",
} as const;

export const REQUIRED_KINDS = {
  是: "yes",
  否: "no",
  已认定必填: "ifRecognised",
  yes: "yes",
  no: "no",
  if_recognised: "ifRecognised",
} as const;

export const RULE_OPS = {
  "<=": "<=",
  ">=": ">=",
  "<": "<",
  ">": ">",
  "≤": "<=",
  "≥": ">=",
  不大于: "<=",
  不小于: ">=",
  同时填写: "paired",
  paired: "paired",
  "=": "=",
  "<>": "<>",
  "≠": "<>",
  成立: "holds",
  holds: "holds",
} as const;

export const SEVERITIES = { 错误: "error", 警告: "warning", error: "error", warning: "warning" } as const;

/** The list whose options are the plan's key chains (defined with the form: form/lists.ts). */
export { CHAIN_LIST } from "../form/lists";
