// Drill-down: every city and unit figure traced to the records it counts. One block per indicator and
// unit on the 明细 sheet; the figures on 附件1 and 附件3 link to their block. The sheet is for the
// screen: its print area is its heading, so printing the bulletin does not print every record.
import { inPopulation, matches } from "../aggregate/evaluate";
import type { Indicator, Plan } from "../plan/types";
import type { EnterpriseRecord } from "../read/types";
import { TABLE_HEADER } from "../sheet/styles";
import type { CellValue, Formula, SheetDescription, StyledRange } from "../sheet/types";
import { FONT_TABLE, FONT_TITLE } from "./format";
import type { RoundResult } from "./round-result";

export const SHEET_DETAILS = "明细";
/** A cap that counts data: record rows on the sheet. */
export const MAX_DETAIL_ROWS = 60_000;

/** 1-based first row of each block, keyed `${indicator code}|${unit code}`. */
export type DetailIndex = Map<string, number>;

function recordsOf(ind: Indicator, ents: EnterpriseRecord[], w: Parameters<typeof matches>[2]) {
  const f = ind.formula;
  if (!f || !("population" in f)) return null;
  const pop = ents.filter((e) => inPopulation(e, f.population, w));
  if (f.type === "count") return f.where ? pop.filter((e) => matches(e, f.where!, w)) : pop;
  return pop;
}

function how(ind: Indicator, e: EnterpriseRecord, w: Parameters<typeof matches>[2]): CellValue {
  const f = ind.formula;
  if (!f) return "计入";
  switch (f.type) {
    case "count":
      return "计入";
    case "share":
      return matches(e, f.where, w) ? "计入分子" : "仅计入分母";
    case "sum":
    case "sumPerFirm":
    case "mean":
    case "shareOfRegion":
      return e[f.field] ?? "未填";
    case "ratioOfSums":
      return `${e[f.numerator] ?? "未填"} / ${e[f.denominator] ?? "未填"}`;
    case "chainCoverage":
      return e.chain ?? "未填";
    case "distinctPerFirm":
      return e[f.field] ?? "未填";
    default:
      return "";
  }
}

export function detailsSheet(
  result: RoundResult,
  plan: Plan,
): { sheet: SheetDescription; index: DetailIndex } {
  const w = { periodYear: Number(result.aggregate.periodEnd.slice(0, 4)), plan };
  const rows: CellValue[][] = [
    ["明细：各项指标计入的企业和平台"],
    [
      "按指标、单位分块列出计入各项数据的记录；附件1和附件3中的数值可点击跳转到对应的块。本表供查阅，不随通报打印。",
    ],
    ["指标", "单位", "企业(平台)名称", "统一社会信用代码(平台类型)", "计入情况或填报值"],
  ];
  const styles: StyledRange[] = [
    { range: "A1", style: { bold: true, fontSize: 14, fontName: FONT_TITLE } },
    { range: "A2", style: { wrap: true, fontName: FONT_TABLE, vAlign: "top" } },
    { range: "A3:E3", style: { ...TABLE_HEADER, fontName: FONT_TITLE } },
  ];
  const index: DetailIndex = new Map();
  let count = 0;
  for (const ind of plan.indicators)
    for (const c of result.counted ?? []) {
      index.set(`${ind.code}|${c.unit}`, rows.length + 1);
      const list = recordsOf(ind, c.enterprises, w);
      const start = rows.length + 1;
      if (list === null) {
        const f = ind.formula;
        const plats =
          f?.type === "platformCount"
            ? c.platforms.filter((p) => f.kinds.includes(p.kind) && f.levels.includes(p.level))
            : [];
        for (const p of plats)
          if (count++ < MAX_DETAIL_ROWS)
            rows.push([ind.name, c.unitName, p.name, `${p.kind}(${p.level})`, p.year ?? "未填"]);
        if (plats.length === 0) rows.push([ind.name, c.unitName, "无计入的记录", "", ""]);
      } else {
        for (const e of list)
          if (count++ < MAX_DETAIL_ROWS) rows.push([ind.name, c.unitName, e.name, e.uscc, how(ind, e, w)]);
        if (list.length === 0) rows.push([ind.name, c.unitName, "无计入的记录", "", ""]);
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
