// Drill-down: every city and unit figure traced to the records it counts. One block per indicator and
// unit on the 明细 sheet; the figures on 附件1 and 附件3 link to their block. The sheet is for the
// screen: its print area is its heading, so printing the bulletin does not print every record.
import { compilePlan, populationsOf, runtimeOf } from "../aggregate/evaluate";
import type { AggregateTrace, IndicatorRuntime } from "../expr/compile";
import type { Plan } from "../plan/types";
import { measuresPlatforms } from "../plan/words";
import type { EnterpriseRecord } from "../read/types";
import { TABLE_HEADER } from "../sheet/styles";
import type { CellValue, Formula, SheetDescription, StyledRange } from "../sheet/types";
import { FONT_TABLE, FONT_TITLE } from "./format";
import type { CountedReturn, RoundResult } from "./round-result";

export const SHEET_DETAILS = "明细";
/** A cap that counts data: record rows on the sheet. */
export const MAX_DETAIL_ROWS = 60_000;

/** 1-based first row of each block, keyed `${indicator code}|${unit code}`. */
export type DetailIndex = Map<string, number>;

/** What the indicator's first aggregate reads of one context: its population's rows (a count: those its
 * condition keeps), or for platforms() the platforms it counts. */
function recordsOf(trace: AggregateTrace | null, c: CountedReturn, rt: IndicatorRuntime) {
  if (!trace) return { enterprises: [], platforms: [] };
  if (trace.population === null) {
    const platforms = c.platforms.filter(
      (p) => (p.year === null || p.year <= rt.periodYear) && (!trace.filter || trace.filter(p, rt)),
    );
    return { enterprises: null, platforms };
  }
  const pop = rt.population(trace.population) as EnterpriseRecord[];
  const enterprises = trace.fn === "count" && trace.filter ? pop.filter((e) => trace.filter!(e, rt)) : pop;
  return { enterprises, platforms: [] };
}

const filledText = (v: unknown): CellValue =>
  v === null || v === undefined ? "未填" : typeof v === "boolean" ? (v ? "是" : "否") : (v as CellValue);

/** How one record enters the figure: counted, numerator or denominator only, or the value it adds. */
function how(trace: AggregateTrace, e: EnterpriseRecord, rt: IndicatorRuntime): CellValue {
  const r = e as unknown as Record<string, unknown>;
  switch (trace.fn) {
    case "count":
      return "计入";
    case "share":
      return trace.filter && trace.filter(e, rt) ? "计入分子" : "仅计入分母";
    case "ratio_of_sums":
      return `${String(filledText(r[trace.fields[0]]))} / ${String(filledText(r[trace.fields[1]]))}`;
    default:
      return trace.fields.length ? filledText(r[trace.fields[0]]) : "";
  }
}

export function detailsSheet(
  result: RoundResult,
  plan: Plan,
): { sheet: SheetDescription; index: DetailIndex } {
  const periodYear = Number(result.aggregate.periodEnd.slice(0, 4));
  const compiled = compilePlan(plan);
  // Platforms are named only where the plan measures them.
  const p = measuresPlatforms(plan);
  const rows: CellValue[][] = [
    [`明细：各项指标计入的企业${p ? "和平台" : ""}`],
    [
      "按指标、单位分块列出计入各项数据的记录；附件1和附件3中的数值可点击跳转到对应的块。本表供查阅，不随通报打印。",
    ],
    [
      "指标",
      "单位",
      p ? "企业(平台)名称" : "企业名称",
      p ? "统一社会信用代码(平台类型)" : "统一社会信用代码",
      "计入情况或填报值",
    ],
  ];
  const styles: StyledRange[] = [
    { range: "A1", style: { bold: true, fontSize: 14, fontName: FONT_TITLE } },
    { range: "A2", style: { wrap: true, fontName: FONT_TABLE, vAlign: "top" } },
    { range: "A3:E3", style: { ...TABLE_HEADER, fontName: FONT_TITLE } },
  ];
  const index: DetailIndex = new Map();
  let count = 0;
  const contexts = (result.counted ?? []).map((c) => {
    const ctx = { enterprises: c.enterprises, platforms: c.platforms, regions: [], plan, periodYear };
    return { c, rt: runtimeOf(ctx, populationsOf(ctx, compiled)) };
  });
  for (const ind of plan.indicators)
    for (const { c, rt } of contexts) {
      index.set(`${ind.code}|${c.unit}`, rows.length + 1);
      const trace = compiled.indicators.get(ind.code)?.trace ?? null;
      const list = recordsOf(trace, c, rt);
      const start = rows.length + 1;
      if (list.enterprises === null) {
        for (const p of list.platforms)
          if (count++ < MAX_DETAIL_ROWS)
            rows.push([ind.name, c.unitName, p.name, `${p.kind}(${p.level})`, p.year ?? "未填"]);
        if (list.platforms.length === 0) rows.push([ind.name, c.unitName, "无计入的记录", "", ""]);
      } else {
        for (const e of list.enterprises)
          if (count++ < MAX_DETAIL_ROWS)
            rows.push([ind.name, c.unitName, e.name, e.uscc, how(trace!, e, rt)]);
        if (list.enterprises.length === 0) rows.push([ind.name, c.unitName, "无计入的记录", "", ""]);
      }
      styles.push({ range: `A${start}:A${start}`, style: { bold: true } });
    }
  return {
    sheet: {
      name: SHEET_DETAILS,
      state: "visible",
      rows,
      columnWidths: [30, 20, 34, 26, 20],
      styles,
      merges: ["A1:E1", "A2:E2"],
      freeze: { rows: 3, columns: 0 },
      autoFilter: `A3:E${rows.length}`,
      print: {
        orientation: "portrait",
        paperSize: "A4",
        fitToWidth: true,
        printArea: "A1:E3",
      },
      tabColor: "808080",
    },
    index,
  };
}

/** A figure that links to its block on the 明细 sheet (shown and read as the number itself). */
export function linked(value: number | string, row: number | undefined): CellValue {
  if (row === undefined || typeof value !== "number") return value;
  const f: Formula = { formula: `HYPERLINK("#'${SHEET_DETAILS}'!A${row}",${value})`, result: value };
  return f;
}
