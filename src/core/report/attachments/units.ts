// 附件3: every unit by indicator, in groups that fit a landscape page: completion first, then values.
import { columnLetter } from "../../a1";
import type { Plan } from "../../plan/types";
import type { CellValue, SheetDescription, StyledRange } from "../../sheet/types";
import { STATUS_STYLE, UNSCORED_STYLE, valueNumFmt } from "../format";
import { linked, type DetailIndex } from "../details";
import type { RoundResult } from "../round-result";
import { placeWords } from "../../plan/words";
import { attachmentTitles, unitsSheetName } from "./titles";
import { BODY, completionCell, HEAD, LABEL, landscape, order, titleBlock, v } from "./frame";

/** Indicator groups for printing: the plan's top-level sections, each cut into pieces of at most
 * `max` columns of about equal size, so a group fits the width of a landscape page. */
export function indicatorGroups(plan: Plan, max = 8): number[][] {
  const bySection: number[][] = [];
  let key = "";
  plan.indicators.forEach((ind, i) => {
    const k = ind.section.replace(/[（(].*$/, "");
    if (k !== key || bySection.length === 0) bySection.push([]);
    key = k;
    bySection[bySection.length - 1].push(i);
  });
  return bySection.flatMap((g) => {
    const parts = Math.ceil(g.length / max);
    const size = Math.ceil(g.length / parts);
    return Array.from({ length: parts }, (_, p) => g.slice(p * size, (p + 1) * size));
  });
}

const CN = [
  "一",
  "二",
  "三",
  "四",
  "五",
  "六",
  "七",
  "八",
  "九",
  "十",
  "十一",
  "十二",
  "十三",
  "十四",
  "十五",
  "十六",
];

export function unitsSheet(result: RoundResult, plan: Plan, details?: DetailIndex): SheetDescription {
  const { score } = result;
  const groups = indicatorGroups(plan);
  const width = Math.max(...groups.map((g) => g.length));
  const last = columnLetter(width);
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const pageBreaks: number[] = [];
  const cap = Math.round(result.settings.cap * 100);
  titleBlock(
    rows,
    styles,
    merges,
    rowHeights,
    3,
    `${attachmentTitles(plan).units}（${result.aggregate.periodLabel}）`,
    (result.settings.completionBasis === "increase"
      ? `完成率为计分口径：有基期值的按较基期的增量计算，(当前值−基期值)÷(分解目标−基期值)，无基期值的为当前值÷分解目标；`
      : "完成率为计分口径：当前值÷分解目标；") +
      `封顶${cap}%，低于基期的标明\u201c低于基期\u201d(计0分)；按状态着色；灰色为未分解目标或无数据、不计分。计数类指标未分解目标的只列数据不计分，比率类指标未分解的采用${placeWords(plan).whole}目标。` +
      "指标按计划章节分组，每组先列完成率、再列当前值。",
    last,
  );
  const list = order(score.units);
  const perPage = list.length <= 12 ? 2 : 1;
  let block = 0;
  const blockOf = (title: string, idx: number[], kind: "completion" | "actual") => {
    if (block > 0 && block % perPage === 0) pageBreaks.push(rows.length);
    block++;
    rows.push([]);
    const t = rows.length + 1;
    rows.push([title]);
    styles.push({ range: `A${t}`, style: { ...LABEL, fontSize: 12 } });
    merges.push(`A${t}:${last}${t}`);
    const h = rows.length + 1;
    rows.push(["单位", ...idx.map((i) => plan.indicators[i].name)]);
    styles.push({ range: `A${h}:${columnLetter(idx.length)}${h}`, style: HEAD });
    for (const u of list) {
      const r = rows.length + 1;
      rows.push([
        u.name,
        ...idx.map((i) =>
          kind === "completion"
            ? completionCell(u.indicators[i].completion)
            : linked(
                v(u.indicators[i].actual) as number | string,
                details?.get(`${plan.indicators[i].code}|${u.code}`),
              ),
        ),
      ]);
      styles.push({ range: `A${r}`, style: { ...BODY, wrap: true } });
      idx.forEach((i, k) => {
        const c = columnLetter(k + 1);
        const s = u.indicators[i];
        if (kind === "completion") {
          const look = s.scored && s.status ? STATUS_STYLE[s.status] : UNSCORED_STYLE;
          styles.push({ range: `${c}${r}`, style: { ...BODY, ...look, numFmt: "0%", hAlign: "right" } });
        } else
          styles.push({
            range: `${c}${r}`,
            style: { ...BODY, numFmt: valueNumFmt(plan.indicators[i]), hAlign: "right" },
          });
      });
    }
  };
  let n = 0;
  groups.forEach((g) => {
    const span = `第${g[0] + 1}—${g[g.length - 1] + 1}项指标`;
    blockOf(`（${CN[n++] ?? n}）完成率：${span}`, g, "completion");
    blockOf(`（${CN[n++] ?? n}）当前值：${span}`, g, "actual");
  });
  return {
    name: unitsSheetName(plan),
    state: "visible",
    rows,
    columnWidths: [22, ...Array.from({ length: width }, () => 11)],
    rowHeights,
    styles,
    merges,
    pageBreaks,
    freeze: { rows: 0, columns: 1 },
    print: { ...landscape(""), printTitleRows: undefined },
    tabColor: "C00000",
  };
}
