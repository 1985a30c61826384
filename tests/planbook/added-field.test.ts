// A plan that adds a field (PLAN-AS-DATA-ANCHORS §5.9): the bureau adds form version 4 with 高价值发明专利(件),
// a rule and an indicator over it, in the workbook only. The template asks it with in-file validation,
// the self-check checks it, a filled round aggregates to hand-computed values, and returns of versions
// 1 to 3 still read against their own versions.
import { address } from "../../src/core/a1";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { currentForm, formByVersion, formsOf } from "../../src/core/form/versions";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { loadPlanBook } from "../../src/core/planbook/read-plan";
import { buildPlanBook } from "../../src/core/planbook/write-plan";
import { readReturn } from "../../src/core/read/read-return";
import { usccCheckChar } from "../../src/core/read/uscc";
import { runRound } from "../../src/core/report/round-result";
import type { CellValue } from "../../src/core/sheet/types";
import type { SheetSnapshot, SnapshotValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { snapshotOf } from "../targets/snapshot-of";

const sheet = (b: WorkbookSnapshot, name: string) => b.sheets.find((s) => s.name === name)!;
/** A row for a sheet from its headers: `{表头: value}`. */
function rowFor(s: SheetSnapshot, values: Record<string, SnapshotValue>): SnapshotValue[] {
  const head = s.cells[0];
  for (const k of Object.keys(values)) if (!head.includes(k)) throw new Error(`no column ${k} in ${s.name}`);
  return head.map((h) => values[h as string] ?? null);
}

function planWithField(): WorkbookSnapshot {
  const b = snapshotOf(buildPlanBook(DEFAULT_PLAN));
  const forms = sheet(b, "表单");
  forms.cells.push([...forms.cells[forms.cells.length - 1]]);
  forms.cells[forms.cells.length - 1][forms.cells[0].indexOf("版本")] = "4";
  const fields = sheet(b, "字段");
  const after = fields.cells.findIndex((r) => r[1] === "invention_patents");
  fields.cells.splice(
    after + 1,
    0,
    rowFor(fields, {
      工作表: "企业名录",
      键: "high_value_patents",
      表头: "高价值发明专利(件)",
      类型: "整数",
      最小值: "0",
      列宽: 12,
      提示: "不小于0的整数，不得大于发明专利",
      自版本: "4",
    }),
  );
  const rules = sheet(b, "校验规则");
  rules.cells.push(
    rowFor(rules, {
      规则代码: "high_value_gt_invention",
      左: "high_value_patents",
      运算: "<=",
      右: "invention_patents",
      严重程度: "错误",
      提示: "高价值发明专利数不得大于发明专利数",
      自版本: "4",
    }),
  );
  const inds = sheet(b, "指标");
  inds.cells.push(
    rowFor(inds, {
      指标代码: "high_value_patents_per_firm",
      指标名称: "户均高价值发明专利",
      单位: "件",
      比较: "≥",
      类别: "比率",
      人群: "SRDI",
      口径: "存量",
      考核: "单位",
      计算: "sum(high_value_patents, SRDI) / count(SRDI)",
      口径说明: "专精特新企业高价值发明专利合计 ÷ 专精特新企业户数",
    }),
  );
  sheet(b, "目标").cells.push(
    rowFor(sheet(b, "目标"), { 指标代码: "high_value_patents_per_firm", 年份: 2025, 目标值: 2 }),
  );
  return b;
}

const plan = loadPlanBook(planWithField());
const period = parsePeriod("2025Q3")!;
const unit = plan.units[0];
const v3 = currentForm(plan);

function filled(form = v3, rows: Record<string, CellValue>[]) {
  const desc = buildTemplate({ plan, form, unit, period, generatedAt: "2025-09-25T01:00:00.000Z" });
  const data = {
    enterprises: rows.map((r) => form.enterprises.fields.map((f) => r[f.key] ?? null)),
    region: {
      contact: "张三 0518-85800000",
      ...(form.region.cells.some((c) => c.key === "filled_on") ? { filled_on: "2025-10-10" } : {}),
    },
  };
  return { desc, snapshot: snapshotOf(fillTemplate(desc, data, form)) };
}

// Four firms: two SRDI firms accepted (high-value patents 4 and 2), one not SRDI (5, not counted),
// one SRDI firm with more high-value than invention patents (refused by the rule), one with -1 (refused).
const firm = (name: string, uscc: string, extra: Record<string, CellValue>) => ({
  name,
  uscc,
  above_scale: "是",
  revenue: 1000,
  patents: 10,
  ...extra,
});
const rows = [
  firm("甲科技有限公司", "91110000600037341L", {
    provincial_srdi_year: 2024,
    invention_patents: 6,
    high_value_patents: 4,
  }),
  firm("乙装备有限公司", "91320214745555318W", {
    little_giant_year: 2023,
    invention_patents: 3,
    high_value_patents: 2,
  }),
  firm("丙材料有限公司", "913205056082348768", {
    innovative_year: 2024,
    invention_patents: 5,
    high_value_patents: 5,
  }),
  firm("丁医药有限公司", "91310115MA1K3BTP2B", {
    provincial_srdi_year: 2025,
    invention_patents: 2,
    high_value_patents: 3,
  }),
  firm("戊纤维有限公司", `91320700MA1MA0A15${usccCheckChar("91320700MA1MA0A15")}`, {
    provincial_srdi_year: 2025,
    invention_patents: 2,
    high_value_patents: -1,
  }),
];

test("the plan's new form version 4 is version 3 and the new field; versions 1 to 3 are unchanged", () => {
  expect(formsOf(plan).map((f) => f.version)).toEqual(["1", "2", "3", "4"]);
  const v2 = formByVersion("3", formsOf(plan))!;
  expect(v3.enterprises.fields.map((f) => f.key)).toEqual(
    v2.enterprises.fields.flatMap((f) =>
      f.key === "invention_patents" ? [f.key, "high_value_patents"] : [f.key],
    ),
  );
  expect(v3.enterprises.crossRules.map((r) => r.code)).toContain("rule.high_value_gt_invention");
});

test("the template asks the new field with its in-file validation (whole number ≥ 0) and its input message", () => {
  const desc = buildTemplate({ plan, unit, period, form: v3, generatedAt: "2025-09-25T01:00:00.000Z" });
  const ents = desc.sheets.find((s) => s.name === "企业名录")!;
  const col = ents.rows[0].indexOf("高价值发明专利(件)");
  expect(col).toBe(v3.enterprises.fields.findIndex((f) => f.key === "high_value_patents"));
  const letter = address(0, col).replace(/\d+$/, "");
  const v = ents.validations!.find((x) => x.range.startsWith(`${letter}2:`))!;
  expect(v).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", min: 0 });
  expect(v.prompt?.message).toContain("不得大于发明专利");
});

test("the self-check checks it: the rule and the bound refuse their rows, each located", () => {
  const { snapshot } = filled(v3, rows);
  const r = readReturn(snapshot, { plan, file: "v3.xlsx" });
  expect(r.rejected).toBe(false);
  expect(r.formVersion).toBe("4");
  expect(r.rows).toEqual({ read: 5, accepted: 3, rejected: 2 });
  const col = address(
    0,
    v3.enterprises.fields.findIndex((f) => f.key === "high_value_patents"),
  ).replace(/\d+$/, "");
  const byRow = new Map(r.rejectedRows.map((x) => [x.row, x.issues.map((i) => [i.code, i.cell])]));
  expect(byRow.get(5)).toEqual([["rule.high_value_gt_invention", expect.stringMatching(/^[A-Z]+5$/)]]);
  expect(byRow.get(6)).toEqual([[expect.stringMatching(/^value\./), `${col}6`]]);
  expect(r.enterprises.map((e) => (e as unknown as Record<string, unknown>).high_value_patents)).toEqual([
    4, 2, 5,
  ]);
});

test("a filled round aggregates to hand-computed values: (4 + 2) ÷ 2 SRDI firms = 3", () => {
  const { snapshot } = filled(v3, rows);
  const r = readReturn(snapshot, { plan, file: "v3.xlsx" });
  const result = runRound({ plan, period, returns: [r], deadline: "2025-10-15" });
  expect(result.aggregate.city.values.high_value_patents_per_firm).toEqual({
    value: 3,
    numerator: 6,
    denominator: 2,
  });
  expect(result.aggregate.city.values.provincial_srdi.value).toBe(1);
});

test("returns of versions 1 to 3 are still read against their own versions; an unknown version is refused", () => {
  for (const version of ["1", "2", "3"]) {
    const form = formByVersion(version, formsOf(plan))!;
    const { snapshot } = filled(form, rows.slice(0, 2));
    const r = readReturn(snapshot, { plan, file: `v${version}.xlsx` });
    expect([r.rejected, r.formVersion, r.rows.accepted]).toEqual([false, version, 2]);
  }
  const { snapshot } = filled(v3, rows.slice(0, 1));
  const meta = snapshot.sheets.find((s) => s.name === v3.metaSheet)!;
  meta.cells.find((c) => c[0] === "form_version")![1] = "9";
  const r = readReturn(snapshot, { plan, file: "v9.xlsx" });
  expect(r.rejected).toBe(true);
  expect(r.errors.map((e) => e.code)).toContain("form.version");
});
