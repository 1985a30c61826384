// 附件5: what was not counted (returns, rows), firms and platforms two units reported, and warnings;
// every text from a return is written as text. The issue code stays outside the print area.
import type { CellValue, SheetDescription, StyledRange } from "../../sheet/types";
import { NO_DATA } from "../format";
import type { RoundResult } from "../round-result";
import type { Plan } from "../../plan/types";
import { measuresPlatforms, placeWords } from "../../plan/words";
import { attachmentTitles } from "./titles";
import { BODY, HEAD, landscape, titleBlock } from "./frame";

export const SHEET_ISSUES = "数据问题";

export const EXCLUDED_LABEL: Record<string, string> = {
  rejected: "整份退回",
  unknown_unit: "单位不明",
  other_period: "报告期不符",
  superseded: "已被替代",
  sent_back: "审核退回",
};

export function issuesSheet(result: RoundResult, plan: Plan): SheetDescription {
  const a = result.aggregate;
  const w = placeWords(plan);
  // Platforms are named only where the plan measures them or some were reported twice.
  const platforms = measuresPlatforms(plan) || a.duplicates.some((d) => d.kind !== "enterprise");
  // Column F (the stable issue code, for programs) lies outside the print area.
  const header = ["类别", "单位", "报表文件", "位置", "说明", "问题代码"];
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  titleBlock(
    rows,
    styles,
    merges,
    rowHeights,
    5,
    `${attachmentTitles(plan).issues}（${a.periodLabel}）`,
    `本表列出未计入汇总的报表和记录、跨单位重复报送的企业${platforms ? "和平台" : ""}，以及提示性问题。报表中的文字按原样以文本列出。`,
    "E",
  );
  rows.push(header);
  const add = (
    kind: string,
    unit: string | null,
    file: string,
    sheet: string | null,
    cell: string | null,
    code: string,
    text: string,
  ) =>
    rows.push([kind, unit ?? NO_DATA, file, [sheet, cell].filter((x) => x).join(" ") || NO_DATA, text, code]);
  for (const x of a.excluded)
    add(EXCLUDED_LABEL[x.kind], x.unitName ?? x.unit, x.file, null, null, x.kind, x.reason);
  for (const rr of a.rejectedRows)
    for (const i of rr.issues.length ? rr.issues : [null])
      add(
        "退回记录",
        rr.unitName,
        rr.file,
        rr.sheet,
        i?.cell ?? `第${rr.row}行`,
        i?.code ?? "row.rejected",
        i?.message ?? `第${rr.row}行未通过校验`,
      );
  for (const d of a.duplicates) {
    const used = d.occurrences.find((o) => o.unit === d.usedUnit);
    for (const o of d.occurrences)
      add(
        d.kind === "enterprise" ? "重复企业" : "重复平台",
        o.unitName,
        o.file,
        o.sheet,
        o.cell,
        d.kind === "enterprise" ? "duplicate.uscc" : "duplicate.platform",
        // This row's own place is in its columns; the text names only the other places.
        `${d.name}（${d.kind === "enterprise" ? "统一社会信用代码" : "名称、类型、级别"} ${d.key.replace(/\|/g, "、")}）被${d.occurrences.length}个单位报送，另见：` +
          d.occurrences
            .filter((x) => x !== o)
            .map((x) => `${x.unitName} ${x.sheet} ${x.cell}`)
            .join("；") +
          `；${w.level}汇总计入${used?.unitName ?? d.usedUnit}`,
      );
  }
  for (const w of a.warnings) {
    // History and outlier warnings (issue 26): unexplained ones are asked for; explained ones show the 说明.
    const history = w.issue.previous !== undefined;
    const kind = !history ? "提示" : w.issue.explanation ? "已说明" : "未说明";
    const text =
      history && w.issue.explanation ? `${w.issue.message}（说明：${w.issue.explanation}）` : w.issue.message;
    add(kind, w.unitName, w.file, w.issue.sheet, w.issue.cell, w.issue.code, text);
  }
  const last = rows.length;
  styles.push({ range: "A4:F4", style: HEAD });
  if (last > 4) styles.push({ range: `A5:E${last}`, style: { ...BODY, wrap: true, vAlign: "top" } });
  if (last === 4) rows.push(["无", "", "", "", "本期未发现数据问题"]);
  return {
    name: SHEET_ISSUES,
    state: "visible",
    rows,
    columnWidths: [9, 14, 24, 12, 58, 18],
    rowHeights,
    styles,
    merges,
    freeze: { rows: 4, columns: 0 },
    autoFilter: `A4:F${Math.max(rows.length, 5)}`,
    print: { ...landscape("4:4"), printArea: `A1:E${Math.max(rows.length, 5)}` },
    tabColor: "C00000",
  };
}
