// 附件1: the city's (the plan's whole's) attainment of each indicator against the milestone in force.
import { columnLetter } from "../../a1";
import type { Plan } from "../../plan/types";
import type { CellValue, SheetDescription, StyledRange } from "../../sheet/types";
import {
  chineseDate,
  NO_DATA,
  percentText,
  STATUS_STYLE,
  statusLabel,
  UNSCORED_STYLE,
  valueNumFmt,
} from "../format";
import { linked, type DetailIndex } from "../details";
import type { Comparison } from "../previous";
import type { RoundResult } from "../round-result";
import { placeWords } from "../../plan/words";
import { attachmentTitles, citySheetName } from "./titles";
import { roundTargetYear, targetLabel, targetYearOf } from "../completion";
import { BODY, deltaCell, expectedFmt, HEAD, landscape, titleBlock, v } from "./frame";

export function citySheet(
  result: RoundResult,
  plan: Plan,
  cmp: Comparison | null = null,
  details?: DetailIndex,
): SheetDescription {
  const firstUnit = result.counted?.[0]?.unit;
  const { aggregate: a, score } = result;
  // One milestone year for every indicator: the column names it; else each row names its own.
  const years = new Set(score.city.map((s) => targetYearOf(s, plan)));
  const oneYear = years.size <= 1;
  const header = [
    "序号",
    "指标",
    "计划章节",
    oneYear ? `${roundTargetYear(score, plan)}年目标` : "目标",
    `基期值(${plan.baseDate.slice(0, 4)}年底)`,
    "当前值",
    "完成率",
    "序时进度应达值",
    "状态",
    "是否达标",
    ...(cmp ? [`较上期(${cmp.previous.periodLabel})`] : []),
    "计算口径",
  ];
  const last = columnLetter(header.length - 1);
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  titleBlock(
    rows,
    styles,
    merges,
    rowHeights,
    1,
    `${plan.city}${attachmentTitles(plan).city}（${a.periodLabel}）`,
    `截至${chineseDate(a.periodEnd)}，序时进度${percentText(score.timeProgress)}。完成率 = 当前值÷目标` +
      (score.city.some((s) => s.shownAs === "increase") ? "(较基期新增类指标为新增数÷新增目标)" : "") +
      `；达到序时进度应达值为正常，低于应达值不超过目标的${Math.round(result.settings.yellowThreshold * 100)}%为略滞后，其余为滞后；—表示无数据。` +
      // The duplicate rule (aggregate/round.ts registeredUnitOf), stated where the figures are.
      `同一企业由两个及以上单位报送的，汇总时只计一次，以其注册地(统一社会信用代码第3—8位)所在单位的报表为准，注册地不在各单位的以单位名单中靠前者为准。` +
      `各${placeWords(plan).unitsShort}得分按较基期的增量计算，见附件2、附件3。`,
    last,
  );
  rows.push(header);
  styles.push({ range: `A4:${last}4`, style: HEAD });
  rowHeights[3] = 30;
  const cCol = cmp ? "K" : null;
  const wayCol = last;
  plan.indicators.forEach((ind, i) => {
    const s = score.city[i];
    const r = rows.length + 1;
    const named =
      ind.name +
      (s.shownAs === "increase" ? "(较基期新增)" : "") +
      (oneYear ? "" : `(${targetLabel(s, plan)})`);
    rows.push([
      i + 1,
      named,
      ind.section,
      s.target,
      v(s.base),
      linked(v(s.actual) as number | string, details?.get(`${ind.code}|${firstUnit}`)),
      v(s.reached ?? null),
      v(s.expected),
      statusLabel(s.status),
      s.met === null ? NO_DATA : s.met ? "已达标" : "未达标",
      ...(cmp ? [deltaCell(ind, cmp.city[ind.code])] : []),
      ind.computation,
    ]);
    styles.push({ range: `A${r}:${last}${r}`, style: { ...BODY, hAlign: "center" } });
    styles.push({ range: `B${r}`, style: { ...BODY, wrap: true } });
    styles.push({ range: `${wayCol}${r}`, style: { ...BODY, wrap: true } });
    styles.push({ range: `D${r}:F${r}`, style: { ...BODY, numFmt: valueNumFmt(ind), hAlign: "right" } });
    styles.push({ range: `G${r}`, style: { ...BODY, numFmt: "0.0%", hAlign: "right" } });
    styles.push({ range: `H${r}`, style: { ...BODY, numFmt: expectedFmt(ind), hAlign: "right" } });
    styles.push({
      range: `I${r}`,
      style: { ...BODY, hAlign: "center", ...(s.status ? STATUS_STYLE[s.status] : UNSCORED_STYLE) },
    });
    if (cCol) styles.push({ range: `${cCol}${r}`, style: { ...BODY, hAlign: "right" } });
  });
  return {
    name: citySheetName(plan),
    state: "visible",
    rows,
    columnWidths: [4, 24, 7, 9, 9, 9, 8, 9, 7, 7, ...(cmp ? [10] : []), cmp ? 18 : 26],
    rowHeights,
    styles,
    merges,
    freeze: { rows: 4, columns: 2 },
    print: landscape("4:4"),
    tabColor: "C00000",
  };
}
