// 表单, 字段, 选项 and 校验规则 -> the form versions (FormDef[]), in the order of the 表单 rows; the last
// row is the version new templates use. A field or rule applies from 自版本 up to, not including, 停用版本.
import type {
  CrossFieldRule,
  ExprRule,
  FieldDef,
  FieldType,
  FormDef,
  LabelCellDef,
  PairedYearRule,
  TableSheetDef,
} from "../form/types";
import type { PlanIssue } from "./issues";
import { SheetReader, Unique } from "./cells";
import {
  CHAIN_LIST,
  FIELD_TYPES,
  FIELDS_SHEET,
  FORMS_SHEET,
  OPTIONS_SHEET,
  REQUIRED_KINDS,
  RULE_OPS,
  RULES_SHEET,
  SEVERITIES,
} from "./form-sheets";
import type { Table, TableRow } from "./table";

/** Field keys are machine names: expressions and the return's records use them. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
/** First row of the 区域指标 input cells: row 1 is the title, row 2 the column headings. */
const REGION_FIRST_ROW = 3;
const NUMERIC: ReadonlySet<FieldType> = new Set(["decimal", "whole", "percent", "year"]);

interface Version {
  def: Omit<FormDef, "enterprises" | "platforms" | "region"> & {
    enterprises: TableSheetDef;
    platforms: TableSheetDef;
    region: { name: string; cells: LabelCellDef[] };
  };
  row: TableRow;
}

/** Versions from..until (exclusive) as indexes; null (and an issue) when a named version is unknown. */
function range(r: SheetReader, row: TableRow, versions: Version[]): [number, number] | null {
  const index = (key: string): number | null | undefined => {
    const t = r.text(row, key);
    if (t === "") return undefined;
    const i = versions.findIndex((v) => v.def.version === t);
    if (i < 0) {
      r.fail("plan.ref_unknown", row, key, {
        detail: `表单版本只有 ${versions.map((v) => v.def.version).join("、")}`,
      });
      return null;
    }
    return i;
  };
  const from = index("from");
  const until = index("until");
  if (from === null || until === null) return null;
  const a = from ?? 0;
  const b = until ?? versions.length;
  if (b <= a) {
    r.fail("plan.invalid", row, "until", { detail: "停用版本必须晚于自版本" });
    return null;
  }
  return [a, b];
}

function readVersions(t: Table, issues: PlanIssue[]): Version[] {
  const r = new SheetReader(t, issues);
  const ids = new Unique(r, "version");
  const out: Version[] = [];
  for (const row of t.rows) {
    const id = r.text(row, "id", true);
    const version = r.text(row, "version", true);
    if (!ids.check(row, version, id)) continue;
    const title = r.text(row, "title", true);
    const name = (key: string, dflt: string) => r.text(row, key) || dflt;
    const rows = (key: string, dflt: number) =>
      r.num(row, key, { integer: true, min: 1, max: 20_000 }) ?? dflt;
    const table = (sheet: string, templateRows: number): TableSheetDef => ({
      name: sheet,
      headerRow: 1,
      firstDataRow: 2,
      templateRows,
      fields: [],
      crossRules: [],
    });
    const notes = r.text(row, "notes");
    const moneyPeriod = r.text(row, "moneyPeriod");
    const def: Version["def"] = {
      id,
      version,
      title,
      instructionsSheet: name("instructions", "填报说明"),
      enterprises: table(name("enterprises", "企业名录"), rows("enterpriseRows", 5000)),
      platforms: table(name("platforms", "平台与集群"), rows("platformRows", 500)),
      region: { name: name("region", "区域指标"), cells: [] },
      metaSheet: name("meta", "_srdi_meta"),
      ...(moneyPeriod ? { moneyPeriod } : {}),
      ...(notes ? { notes: notes.split(/\r?\n/).filter((l) => l.trim() !== "") } : {}),
    };
    const names = [
      def.instructionsSheet,
      def.enterprises.name,
      def.platforms.name,
      def.region.name,
      def.metaSheet,
    ];
    if (new Set(names).size !== names.length)
      r.fail("plan.invalid", row, "enterprises", { detail: "同一表单版本的各工作表名称不能相同" });
    out.push({ def, row });
  }
  return out;
}

function readLists(t: Table | null, issues: PlanIssue[]): Map<string, { options: string[]; at: string }> {
  const lists = new Map<string, { options: string[]; at: string }>();
  if (!t) return lists;
  const r = new SheetReader(t, issues);
  const seen = new Unique(r, "value");
  for (const row of t.rows) {
    const list = r.text(row, "list", true);
    const value = r.text(row, "value", true);
    if (!list || !value || !seen.check(row, value, list)) continue;
    if (list === CHAIN_LIST) {
      r.fail("plan.invalid", row, "list", {
        detail: `列表\u201c${CHAIN_LIST}\u201d取自产业链工作表，不在此列出`,
      });
      continue;
    }
    const l = lists.get(list) ?? { options: [], at: r.cell(row, "list") };
    l.options.push(value);
    lists.set(list, l);
  }
  return lists;
}

/** Which table or region of version v a sheet name is. */
function sheetOf(v: Version, name: string): TableSheetDef | Version["def"]["region"] | null {
  const d = v.def;
  return d.enterprises.name === name
    ? d.enterprises
    : d.platforms.name === name
      ? d.platforms
      : d.region.name === name
        ? d.region
        : null;
}

function readFields(
  t: Table,
  versions: Version[],
  lists: Map<string, { options: string[] }>,
  issues: PlanIssue[],
): void {
  const r = new SheetReader(t, issues);
  // key and header are unique per sheet within each version: "sheet|version" scopes.
  const keys = new Unique(r, "key");
  const headers = new Unique(r, "header");
  const usedLists = new Set<string>();
  for (const row of t.rows) {
    const sheet = r.text(row, "sheet", true);
    const key = r.text(row, "key", true);
    const header = r.text(row, "header", true);
    const type = r.choice(row, "type", FIELD_TYPES, true);
    const span = range(r, row, versions);
    if (key && !KEY_PATTERN.test(key))
      r.fail("plan.invalid", row, "key", {
        detail: "键只能由小写英文字母开头，含小写字母、数字和下划线，最长40个字符",
      });
    if (!sheet || !key || !header || !type || !span) continue;
    const req = r.choice(row, "required", REQUIRED_KINDS);
    const def: FieldDef = { key, header, type, width: 0, hint: r.text(row, "hint") };
    if (req === "yes") def.required = true;
    if (req === "ifRecognised") def.requiredIfRecognised = true;
    const minLength = r.num(row, "minLength", { integer: true, min: 0, max: 32767 });
    const maxLength = r.num(row, "maxLength", { integer: true, min: 1, max: 32767 });
    if (minLength !== undefined) def.minLength = minLength;
    if (maxLength !== undefined) def.maxLength = maxLength;
    if (type === "date") {
      const d = r.date(row, "min");
      if (d) def.dateMin = d;
    } else if (type === "year") {
      const y = r.num(row, "min", { integer: true, min: 1900, max: 9999 });
      if (y !== undefined) def.yearMin = y;
      const rec = r.bool(row, "recognition");
      if (rec !== undefined) def.recognition = rec;
    } else {
      const min = r.num(row, "min");
      if (min !== undefined) def.min = min;
    }
    const max = r.num(row, "max");
    if (max !== undefined) def.max = max;
    if (def.min !== undefined && def.max !== undefined && def.min > def.max)
      r.fail("plan.invalid", row, "max", { detail: "最大值小于最小值" });
    const listName = r.text(row, "list");
    if (type === "list") {
      if (!listName) r.fail("plan.required", row, "list");
      else if (listName === CHAIN_LIST) {
        def.options = [];
        def.list = CHAIN_LIST;
      } else {
        const l = lists.get(listName);
        if (!l) r.fail("plan.ref_unknown", row, "list", { detail: "选项工作表中没有这个列表" });
        else {
          def.options = [...l.options];
          def.list = listName;
        }
      }
      usedLists.add(listName);
    } else if (listName)
      r.fail("plan.invalid", row, "list", { detail: "只有类型为\u201c列表\u201d的字段可指定列表" });
    if (r.bool(row, "unique")) def.unique = true;
    const carry = r.bool(row, "carry");
    if (carry !== undefined) def.carry = carry;
    const width = r.num(row, "width", { min: 1, max: 255 }) ?? 12;
    let ok = true;
    for (let i = span[0]; i < span[1]; i++) {
      const target = sheetOf(versions[i], sheet);
      if (!target) {
        r.fail("plan.ref_unknown", row, "sheet", {
          detail: `表单版本${versions[i].def.version}的工作表为 ${versions[i].def.enterprises.name}、${versions[i].def.platforms.name}、${versions[i].def.region.name}`,
        });
        ok = false;
        break;
      }
      if (!keys.check(row, key, `${sheet}|${i}`) || !headers.check(row, header, `${sheet}|${i}`)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    for (let i = span[0]; i < span[1]; i++) {
      const target = sheetOf(versions[i], sheet)!;
      if ("fields" in target) {
        target.fields.push({ ...def, width });
      } else {
        const { width: _w, ...cell } = def;
        void _w;
        target.cells.push({ ...cell, row: REGION_FIRST_ROW + target.cells.length });
      }
    }
  }
}

/** Where each expression rule came from, for the plan's expression check to point at its cells. */
export type RuleAt = (version: number, index: number, row: TableRow, r: SheetReader) => void;

/**
 * A rule is a plain cross-field rule (左 and 右 field keys of the sheet, a comparison, no 适用条件) or an
 * expression rule: 左/右 expressions (prev() included), 运算 成立 (左 a condition that must hold) or an
 * 适用条件. Expression rules are warnings (the clerk explains them in 说明; they never reject a row) and
 * apply to the enterprise sheet; their expressions are checked with the plan's names (schema.ts).
 */
function readRules(t: Table, versions: Version[], issues: PlanIssue[], ruleAt?: RuleAt): void {
  const r = new SheetReader(t, issues);
  const codes = new Unique(r, "code");
  const simpleKey = /^[a-z][a-z0-9_]{0,39}$/;
  for (const row of t.rows) {
    // Rule issues are coded rule.<code> in the issue catalogue; the prefix may be left out.
    const typed = r.text(row, "code", true);
    const code = typed === "" || typed.startsWith("rule.") ? typed : `rule.${typed}`;
    if (typed && !/^[A-Za-z0-9_.-]{1,60}$/.test(typed))
      r.fail("plan.invalid", row, "code", { detail: "规则代码只能由英文字母、数字和 _ . - 组成" });
    const sheet = r.text(row, "sheet");
    const left = r.text(row, "left", true);
    const right = r.text(row, "right");
    const when = r.text(row, "when");
    const op = r.choice(row, "op", RULE_OPS, true);
    const severity = r.choice(row, "severity", SEVERITIES, true);
    const message = r.text(row, "message", true);
    const span = range(r, row, versions);
    if (!code || !left || !op || !severity || !message || !span) continue;
    if (op !== "holds" && !right) {
      r.fail("plan.invalid", row, "right", { detail: "比较规则须填写右边" });
      continue;
    }
    const isExpr =
      op === "holds" ||
      op === "=" ||
      op === "<>" ||
      when !== "" ||
      !simpleKey.test(left) ||
      !simpleKey.test(right);
    if (isExpr) {
      if (op === "paired") {
        r.fail("plan.invalid", row, "op", { detail: "\u201c同时填写\u201d的左右两边应为字段键" });
        continue;
      }
      if (severity !== "warning") {
        r.fail("plan.invalid", row, "severity", {
          detail:
            "表达式规则(含prev、适用条件或\u201c成立\u201d)只能是警告：由填报人在\u201c说明\u201d中解释，不退回数据",
        });
        continue;
      }
      if (sheet && versions.slice(span[0], span[1]).some((v) => v.def.enterprises.name !== sheet)) {
        r.fail("plan.invalid", row, "sheet", { detail: "表达式规则只能用于企业表" });
        continue;
      }
      let ok = true;
      for (let i = span[0]; i < span[1] && ok; i++) ok = codes.check(row, code, String(i));
      if (!ok) continue;
      for (let i = span[0]; i < span[1]; i++) {
        const rule: ExprRule = {
          code,
          severity: "warning",
          left,
          op: op as ExprRule["op"],
          right: op === "holds" ? "" : right,
          message,
          ...(when ? { when } : {}),
        };
        const checks = (versions[i].def.enterprises.checks ??= []);
        checks.push(rule);
        ruleAt?.(i, checks.length - 1, row, r);
      }
      continue;
    }
    let ok = true;
    for (let i = span[0]; i < span[1] && ok; i++) {
      const v = versions[i];
      const target = sheet ? sheetOf(v, sheet) : v.def.enterprises;
      if (!target || !("fields" in target)) {
        r.fail("plan.ref_unknown", row, "sheet", { detail: "规则只能用于企业表或平台表" });
        ok = false;
        break;
      }
      if (!codes.check(row, code, String(i))) {
        ok = false;
        break;
      }
      const field = (key: string) => {
        const f = target.fields.find((x) => x.key === key);
        if (!f) {
          r.fail("plan.ref_unknown", row, key === left ? "left" : "right", {
            detail: `表单版本${v.def.version}的${target.name}没有键为\u201c${key}\u201d的字段`,
          });
          ok = false;
        }
        return f;
      };
      const lf = field(left);
      const rf = field(right);
      if (!lf || !rf) break;
      if (op === "paired") {
        if (lf.type !== "list" || rf.type !== "year") {
          r.fail("plan.invalid", row, "op", {
            detail: "\u201c同时填写\u201d的左边应为列表字段，右边应为年份字段",
          });
          ok = false;
        }
      } else if (!NUMERIC.has(lf.type) || !NUMERIC.has(rf.type)) {
        r.fail("plan.invalid", row, "op", { detail: "比较的两边都应为数值字段" });
        ok = false;
      }
    }
    if (!ok) continue;
    for (let i = span[0]; i < span[1]; i++) {
      const target = (sheet ? sheetOf(versions[i], sheet) : versions[i].def.enterprises) as TableSheetDef;
      if (op === "paired") {
        const rule: PairedYearRule = {
          code,
          field: left,
          none: r.text(row, "none") || "无",
          year: right,
          message,
        };
        (target.pairedYears ??= []).push(rule);
      } else {
        const rule: CrossFieldRule = { code, severity, left, op: op as CrossFieldRule["op"], right, message };
        target.crossRules.push(rule);
      }
    }
  }
}

/** Every version must be usable: a 企业表 with the enterprise's name and credit code. */
function checkVersions(versions: Version[], r: SheetReader): void {
  for (const v of versions) {
    const keys = new Set(v.def.enterprises.fields.map((f) => f.key));
    for (const [key, type] of [
      ["name", "text"],
      ["uscc", "uscc"],
    ] as const) {
      const f = v.def.enterprises.fields.find((x) => x.key === key);
      if (!keys.has(key) || f?.type !== type)
        r.fail("plan.invalid", v.row, "version", {
          detail: `表单版本${v.def.version}的${v.def.enterprises.name}必须有键为\u201c${key}\u201d、类型为${type === "uscc" ? "统一社会信用代码" : "文本"}的字段`,
        });
    }
  }
}

export interface FormTables {
  forms: Table | null;
  fields: Table | null;
  options: Table | null;
  rules: Table | null;
}

export function compileForms(t: FormTables, issues: PlanIssue[], ruleAt?: RuleAt): FormDef[] {
  if (!t.forms) return [];
  const versions = readVersions(t.forms, issues);
  const lists = readLists(t.options, issues);
  if (t.fields) readFields(t.fields, versions, lists, issues);
  if (t.rules) readRules(t.rules, versions, issues, ruleAt);
  checkVersions(versions, new SheetReader(t.forms, issues));
  return versions.map((v) => v.def);
}

export const FORM_SHEETS = [FORMS_SHEET, FIELDS_SHEET, OPTIONS_SHEET, RULES_SHEET];
