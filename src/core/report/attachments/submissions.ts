// 附件4: each unit's return (status, file, form version, when and by which evidence it arrived, rows sent
// back), then a line per superseded or sent-back return.
import type { ExcludedReturn } from "../../aggregate/types";
import { diffCountsText } from "../../diff/diff";
import type { CellValue, SheetDescription, StyledRange } from "../../sheet/types";
import { beijingDateTime, chineseDateOrNone, NO_DATA, STATUS_STYLE } from "../format";
import type { RoundResult } from "../round-result";
import { versionLabel } from "../text";
import type { Plan } from "../../plan/types";
import { attachmentTitles } from "./titles";
import { BODY, HEAD, landscape, titleBlock } from "./frame";
import { EXCLUDED_LABEL } from "./issues";

export const SHEET_SUBMISSIONS = "报送情况";

const SUBMISSION_LABEL: Record<string, string> = {
  reported: "已报送",
  rejected: "已退回",
  missing: "未报送",
};

const TIMING_LABEL: Record<string, string> = { on_time: "按时", late: "逾期", unknown: "时间不明" };
const SOURCE_LABEL: Record<string, string> = {
  receipt: "报送登记",
  workbook: "报表保存时间",
  file: "文件修改时间",
};

/** Columns C:I of a superseded or sent-back return's line (C holds the text; the rest are merged into it). */
function excludedLineCells(x: ExcludedReturn): CellValue[] {
  if (x.kind === "sent_back") return [`${x.file}：${x.reason}`, ...Array(6).fill(null)];
  const counts = x.changes ? `，较此表${diffCountsText(x.changes)}` : "";
  return [`${x.file}：以较新的\u201c${x.supersededBy ?? NO_DATA}\u201d为准${counts}`, ...Array(6).fill(null)];
}

export function submissionsSheet(result: RoundResult, plan: Plan): SheetDescription {
  const a = result.aggregate;
  const header = [
    "单位",
    "状态",
    "计入汇总的报表",
    "表式",
    "报送时间(北京时间)",
    "时间依据",
    "是否按时",
    "逾期工作日",
    "退回记录",
  ];
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  titleBlock(
    rows,
    styles,
    merges,
    rowHeights,
    4,
    `${attachmentTitles(plan).submissions}（${a.periodLabel}）`,
    `报送截止日期：${chineseDateOrNone(a.deadline)}(按北京时间计)。报送时间优先取报送登记时间，其次取报表自身的保存时间，最后取文件修改时间。`,
    "I",
  );
  rows.push(header);
  styles.push({ range: "A4:I4", style: HEAD });
  rowHeights[3] = 30;
  for (const s of a.submissions) {
    const r = rows.length + 1;
    const u = result.score.units.find((x) => x.code === s.unit);
    rows.push([
      s.name,
      SUBMISSION_LABEL[s.status],
      s.file ?? NO_DATA,
      s.status === "reported" ? versionLabel(s.formVersion) : NO_DATA,
      beijingDateTime(s.submittedAt),
      s.submittedAtSource ? SOURCE_LABEL[s.submittedAtSource] : NO_DATA,
      s.timing ? TIMING_LABEL[s.timing] : NO_DATA,
      u?.daysLate ?? NO_DATA,
      s.rows ? s.rows.rejected : NO_DATA,
    ]);
    styles.push({ range: `A${r}:I${r}`, style: { ...BODY, hAlign: "center" } });
    styles.push({ range: `A${r}`, style: { ...BODY, wrap: true } });
    styles.push({ range: `C${r}`, style: { ...BODY, wrap: true } });
    const bad = s.status !== "reported" || s.timing === "late";
    styles.push({
      range: `B${r}`,
      style: { ...BODY, hAlign: "center", ...(bad ? STATUS_STYLE.red : STATUS_STYLE.green) },
    });
  }
  // A line per superseded return: which file replaced it and how many rows the replacement changed.
  // and a line per return the bureau sent back, with the reason.
  for (const x of a.excluded.filter((e) => e.kind === "superseded" || e.kind === "sent_back")) {
    const r = rows.length + 1;
    rows.push([x.unitName ?? x.unit ?? NO_DATA, EXCLUDED_LABEL[x.kind], ...excludedLineCells(x)]);
    styles.push({ range: `A${r}:I${r}`, style: { ...BODY, hAlign: "center" } });
    styles.push({ range: `A${r}:C${r}`, style: { ...BODY, wrap: true } });
    merges.push(`C${r}:I${r}`);
    rowHeights[r - 1] = 30;
  }
  return {
    name: SHEET_SUBMISSIONS,
    state: "visible",
    rows,
    columnWidths: [18, 7, 30, 10, 18, 11, 7, 8, 8],
    rowHeights,
    styles,
    merges,
    freeze: { rows: 4, columns: 0 },
    print: landscape("4:4"),
    tabColor: "C00000",
  };
}
