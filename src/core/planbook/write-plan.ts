// The Plan as the plan workbook (规划配置.xlsx): a 说明 sheet, then one sheet per concern in the order a
// bureau reads them. Expression and code columns are text format so that Excel keeps what is typed.
import { formsOf } from "../form/versions";
import type { Plan } from "../plan/types";
import { placeWords, WORD_KEYS } from "../plan/words";
import type { SheetDescription, WorkbookDescription } from "../sheet/types";
import {
  CHAINS_SHEET,
  CMP_NAMES,
  BASIS_NAMES,
  INDICATORS_SHEET,
  KIND_NAMES,
  PLAN_SHEET,
  POPULATIONS_SHEET,
  REGION_FIGURE_TYPE_NAMES,
  REGION_FIGURES_SHEET,
  SCOPE_NAMES,
  TARGETS_SHEET,
  TIERS_SHEET,
  UNIT_KIND_NAMES,
  UNITS_SHEET,
} from "./plan-sheets";
import { tableSheet, type Record_ } from "./table-write";
import { FORM_SHEET_SPECS, formRecords } from "./write-form";

export const README_SHEET = "说明";

function readme(plan: Plan): SheetDescription {
  const w = placeWords(plan);
  const lines = [
    `规划配置：${plan.title}`,
    `本工作簿是规划与报表的配置，由${w.bureauShort}在 Excel 中编辑，用 srdi --plan 规划配置.xlsx 或任务窗格载入。`,
    "每个工作表第1行是列名(可调换列的顺序，也可用英文列名)；不认识的列会被忽略并提示。",
    "载入时检查全部工作表：任何一处错误都会列出(工作表、单元格、原因)，整个规划不被载入。",
    "规划：一行，规划名称、发文字号、地区、起止日期与基期日期(YYYY-MM-DD)。",
    "规划的称谓列(发文机关、主管部门、主管部门简称、全域称谓、本级称谓、单位统称、单位简称)用于通报、模板和目标分解表的措辞，" +
      `留空则按地区和单位类型推定，现为：${w.issuer}、${w.bureau}、${w.bureauShort}、${w.whole}、${w.level}、${w.units}、${w.unitsShort}。`,
    "单位：填报单位代码、名称、类型(区/县/功能区/设区市/州市)，代码与名称均不得重复。",
    "产业链：重点产业链清单，一行一条(不要列\u201c其他\u201d)。层级：各认定层级的有效期(年)。",
    "指标：每行一个指标；\u201c计算\u201d列是计算表达式，设为文本格式，勿以等号开头。目标：每个指标每个目标年份一行。",
    "区域数据(可无)：只由主管部门每期录入、各地报表不填的区域数据(键、名称、类型 小数/百分数)，计算中用 region(键) 读取。",
    "表单：报表的各个版本(最后一行为新模板所用版本)。字段：每个字段一行，自版本/停用版本说明字段属于哪些版本；",
    "选项：下拉列表的选项；校验规则：字段间的规则(左 运算 右)，严重程度为错误或警告。",
    "已发出的表单版本不要改动(已报回的报表按其版本读取)；要改报表，请新增一个版本。",
  ];
  return {
    name: README_SHEET,
    state: "visible",
    rows: lines.map((l) => [l]),
    columnWidths: [110],
    styles: [{ range: "A1", style: { bold: true, fontSize: 14 } }],
  };
}

/** Each target on its own row (long format): the milestones, else the end target at the plan's end year. */
function targetRows(plan: Plan): Record_[] {
  const endYear = Number(plan.end.slice(0, 4));
  return plan.indicators.flatMap((i) => {
    const ms = i.milestones && i.milestones.length > 0 ? i.milestones : [{ year: endYear, target: i.target }];
    return ms.map((m, j) => ({
      indicator: i.code,
      year: m.year,
      target: m.target,
      source: j === 0 ? (i.source ?? null) : null,
    }));
  });
}

export function buildPlanBook(plan: Plan): WorkbookDescription {
  const f = formRecords(formsOf(plan));
  // 考核 in the plan's own words: 仅全省 for a province, 仅全市 for a city (the reader takes 仅 + 全域称谓).
  const whole = placeWords(plan).whole;
  const scopeName = (s: Plan["indicators"][number]["scope"]) =>
    s === "city_only" ? `仅${whole}` : SCOPE_NAMES[s];
  const popName = (p: string) => plan.populations.find((x) => x.name.toLowerCase() === p)?.name ?? p;
  return {
    properties: { title: plan.title, creator: "srdi" },
    sheets: [
      readme(plan),
      tableSheet(PLAN_SHEET, [
        {
          id: plan.id,
          title: plan.title,
          document: plan.document ?? null,
          city: plan.city,
          start: plan.start,
          end: plan.end,
          baseDate: plan.baseDate,
          chainsNote: plan.chainsNote || null,
          ...Object.fromEntries(WORD_KEYS.map((k) => [k, plan.words?.[k] || null])),
        },
      ]),
      tableSheet(
        UNITS_SHEET,
        plan.units.map((u) => ({ code: u.code, name: u.name, kind: UNIT_KIND_NAMES[u.kind] })),
      ),
      tableSheet(
        CHAINS_SHEET,
        plan.chains.map((name) => ({ name })),
      ),
      tableSheet(
        TIERS_SHEET,
        plan.tiers.flatMap((t) =>
          t.names.map((n, j) => ({
            tier: t.key,
            yearField: j === 0 ? t.yearField : null,
            validity: j === 0 ? t.validityYears : null,
            name: n.name,
            from: n.from ?? null,
          })),
        ),
      ),
      tableSheet(
        POPULATIONS_SHEET,
        plan.populations.map((p) => ({ name: p.name, label: p.label, filter: p.filter || null })),
      ),
      // Written only when the plan has figures only the bureau types (an optional sheet).
      ...(plan.regionFigures && plan.regionFigures.length > 0
        ? [
            tableSheet(
              REGION_FIGURES_SHEET,
              plan.regionFigures.map((r) => ({
                key: r.key,
                label: r.label,
                type: REGION_FIGURE_TYPE_NAMES[r.type],
              })),
            ),
          ]
        : []),
      tableSheet(
        INDICATORS_SHEET,
        plan.indicators.map((i) => ({
          code: i.code,
          name: i.name,
          section: i.section || null,
          unit: i.unit || null,
          cmp: CMP_NAMES[i.cmp],
          kind: KIND_NAMES[i.kind],
          population: popName(i.population),
          basis: BASIS_NAMES[i.basis],
          scope: scopeName(i.scope),
          expr: i.expr,
          computation: i.computation || null,
          base: i.base ?? null,
          annualIncrease: i.annualIncrease ?? null,
          relativeTo: i.relativeTo ?? null,
        })),
      ),
      tableSheet(TARGETS_SHEET, targetRows(plan)),
      tableSheet(FORM_SHEET_SPECS.forms, f.forms),
      tableSheet(FORM_SHEET_SPECS.fields, f.fields),
      tableSheet(FORM_SHEET_SPECS.options, f.options),
      tableSheet(FORM_SHEET_SPECS.rules, f.rules),
    ],
  };
}
