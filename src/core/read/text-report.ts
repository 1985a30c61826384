// The human-readable check report (srdi check without --json): per file, who and when, the counts,
// then errors and warnings, each with its location once (issueText: sheet!cell, then the message). Warnings of one kind are capped so that a column
// of numbers stored as text does not bury the errors; --json always lists everything.
import { shown } from "../catalogue";
import { issueText, type Issue } from "../issues";
import type { ReturnResult } from "./types";

export interface TextReportOptions {
  /** Warnings shown per code before "…另有 N 条". */
  warningsPerCode?: number;
}

function verdict(r: ReturnResult): string {
  if (r.rejected) return "退回：整份报表不予计入";
  if (r.errors.length > 0)
    return r.rows.rejected > 0
      ? `有错误：${r.rows.rejected} 行不予计入，其余 ${r.rows.accepted} 行可计入；请修改后重新报送`
      : "有错误，请修改后重新报送";
  return r.warnings.length > 0 ? "通过(有提示，请核实)" : "通过";
}

/** A history or outlier warning: whether the row's 说明 answers it. */
function explained(i: Issue): string {
  if (i.previous === undefined) return "";
  return i.explanation ? `[已说明：${shown(i.explanation)}]` : "[未说明]";
}

function capped(issues: Issue[], perCode: number): string[] {
  const shown = new Map<string, number>();
  const hidden = new Map<string, number>();
  const lines: string[] = [];
  for (const i of issues) {
    const n = shown.get(i.code) ?? 0;
    if (n < perCode) {
      shown.set(i.code, n + 1);
      lines.push(`    ${issueText(i)}${explained(i)}`);
    } else hidden.set(i.code, (hidden.get(i.code) ?? 0) + 1);
  }
  for (const [code, n] of hidden) lines.push(`    …另有 ${n} 条同类提示(${code})，用 --json 可列出全部`);
  return lines;
}

export function formatReturnText(r: ReturnResult, opts: TextReportOptions = {}): string {
  const perCode = opts.warningsPerCode ?? 20;
  const lines: string[] = [`文件：${r.file}`];
  const unit = r.unit ? `${r.unitName ?? ""}(${r.unit})` : "未能识别";
  lines.push(
    `  填报单位：${unit}  报告期：${r.period ?? "未能识别"}  表式版本：${r.formVersion ?? "未能识别"}`,
  );
  lines.push(`  数据行：读取 ${r.rows.read}，计入 ${r.rows.accepted}，不予计入 ${r.rows.rejected}`);
  lines.push(`  结论：${verdict(r)}`);
  if (r.errors.length > 0) {
    lines.push(`  错误(${r.errors.length})：`);
    for (const i of r.errors) lines.push(`    ${issueText(i)}`);
  }
  if (r.previous) lines.push(`  与上期比较：${r.previous.file}(${r.previous.period})`);
  if (r.warnings.length > 0) {
    lines.push(`  提示(${r.warnings.length})：`);
    lines.push(...capped(r.warnings, perCode));
  }
  return lines.join("\n");
}

export function formatCheckText(results: ReturnResult[], opts: TextReportOptions = {}): string {
  const parts = results.map((r) => formatReturnText(r, opts));
  if (results.length > 1) {
    const bad = results.filter((r) => r.errors.length > 0).length;
    parts.push(`共 ${results.length} 份报表：通过 ${results.length - bad} 份，有错误 ${bad} 份`);
  }
  return parts.join("\n\n") + "\n";
}
