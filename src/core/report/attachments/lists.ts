// 附件6: what changed since the last round and the firms to act on — enterprises new this round and
// gone since the last (when the previous bulletin was given), recognitions lapsing within a year, and
// per 全覆盖 indicator the SRDI firms of each unit not yet covered.
import type { Plan } from "../../plan/types";
import { TABLE_HEADER } from "../../sheet/styles";
import type { CellStyle, CellValue, SheetDescription, StyledRange } from "../../sheet/types";
import { FONT_TABLE, FONT_TITLE, NO_DATA } from "../format";
import type { Comparison } from "../previous";
import type { RoundResult } from "../round-result";
import { deltaCell, landscape } from "./frame";
import { attachmentTitles } from "./titles";
import { lapsing, uncovered } from "../watch";

export const SHEET_LISTS = "企业名单";

const HEAD: CellStyle = { ...TABLE_HEADER, fontName: FONT_TITLE, fontSize: 10 };
const BODY: CellStyle = { border: true, fontName: FONT_TABLE, fontSize: 10, vAlign: "middle", wrap: true };
const LABEL: CellStyle = { fontName: FONT_TITLE, fontSize: 12, vAlign: "middle" };

export function listsSheet(result: RoundResult, plan: Plan, cmp: Comparison | null): SheetDescription {
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  rows.push(
    ["附件6"],
    [
      `${cmp ? attachmentTitles(plan).change : attachmentTitles(plan).lists}（${result.aggregate.periodLabel}）`,
    ],
  );
  styles.push(
    { range: "A1", style: { fontName: FONT_TITLE, fontSize: 14 } },
    { range: "A2", style: { bold: true, fontSize: 16, fontName: FONT_TITLE, hAlign: "center", wrap: true } },
  );
  merges.push("A1:E1", "A2:E2");
  rowHeights[1] = 30;
  const section = (title: string, header: string[], body: CellValue[][], empty: string) => {
    rows.push([]);
    const t = rows.length + 1;
    rows.push([title]);
    styles.push({ range: `A${t}`, style: LABEL });
    merges.push(`A${t}:E${t}`);
    const h = rows.length + 1;
    rows.push(header);
    styles.push({ range: `A${h}:E${h}`, style: HEAD });
    if (body.length === 0) body = [[empty]];
    for (const b of body) rows.push(b);
    styles.push({ range: `A${h + 1}:E${rows.length}`, style: BODY });
    if (body.length === 1 && body[0].length === 1) merges.push(`A${h + 1}:E${h + 1}`);
  };
  let k = 0;
  const cn = ["一", "二", "三", "四", "五", "六"];
  if (cmp) {
    const unitRows = result.score.units.map((u) => {
      const c = cmp.units[u.code];
      const move = c?.rankMove;
      return [
        u.name,
        u.rank ?? NO_DATA,
        c?.previousRank ?? NO_DATA,
        move === null || move === undefined
          ? NO_DATA
          : move > 0
            ? `上升${move}位`
            : move < 0
              ? `下降${-move}位`
              : "持平",
        c?.score === null || c?.score === undefined
          ? NO_DATA
          : `${c.score >= 0 ? "+" : "−"}${Math.abs(c.score).toFixed(2)}`,
      ];
    });
    section(
      `（${cn[k++]}）与${cmp.previous.periodLabel}相比的排名变化`,
      ["单位", "本期排名", "上期排名", "排名变化", "得分较上期"],
      unitRows,
      "无",
    );
    const valueRows: CellValue[][] = [];
    for (const u of result.score.units) {
      const c = cmp.units[u.code];
      plan.indicators.forEach((ind, i) => {
        const d = c?.values[ind.code];
        if (d === null || d === undefined || Math.abs(d) < 1e-9) return;
        valueRows.push([u.name, ind.name, u.indicators[i].actual ?? NO_DATA, deltaCell(ind, d), ""]);
      });
    }
    section(
      `（${cn[k++]}）各地指标较上期变化(只列有变化的)`,
      ["单位", "指标", "本期值", "较上期", ""],
      valueRows,
      "各地指标与上期相同",
    );
    const firm = (e: { unitName: string; name: string; uscc: string }): CellValue[] => [
      e.unitName,
      e.name,
      e.uscc,
      "",
      "",
    ];
    section(
      `（${cn[k++]}）本期新进入名录的企业(${cmp.newEnterprises.length}家)`,
      ["单位", "企业名称", "统一社会信用代码", "", ""],
      cmp.newEnterprises.map(firm),
      "无",
    );
    section(
      `（${cn[k++]}）上期在录、本期未报送的企业(${cmp.goneEnterprises.length}家)`,
      ["单位", "企业名称", "统一社会信用代码", "", ""],
      cmp.goneEnterprises.map(firm),
      "无",
    );
  }
  const lapse = lapsing(result, plan);
  section(
    `（${cn[k++]}）一年内认定有效期届满、需复核的企业(${lapse.length}家次)`,
    ["单位", "企业名称", "统一社会信用代码", "认定类别", "认定年份及有效期"],
    lapse.map((e) => [e.unitName, e.name, e.uscc, e.tier, `${e.year}年认定，有效期至${e.validThrough}年底`]),
    "无",
  );
  const un = uncovered(result, plan);
  section(
    `（${cn[k++]}）\u201c全覆盖\u201d指标尚未覆盖的专精特新企业(${un.length}家次)`,
    ["指标", "单位", "企业名称", "统一社会信用代码", ""],
    un.map((e) => [e.indicator, e.unitName, e.name, e.uscc, ""]),
    "无",
  );
  return {
    name: SHEET_LISTS,
    state: "visible",
    rows,
    columnWidths: [18, 28, 22, 18, 30],
    rowHeights,
    styles,
    merges,
    print: landscape(""),
    tabColor: "C00000",
  };
}
