// Every string the task pane shows, in one catalogue: zh-CN first, en-US beside it.
import type { ExcelErrorCode } from "../excel/errors";

export interface Messages {
  title: string;
  tabClerk: string;
  tabBureau: string;
  unit: string;
  period: string;
  periodHint: string;
  periodInvalid: (text: string) => string;
  deadline: string;
  deadlineOptional: string;
  insertTemplate: string;
  downloadTemplate: string;
  downloadFallback: string;
  inserted: (unit: string, period: string) => string;
  downloaded: (file: string) => string;
  skipped: (features: string) => string;
  feature: Record<string, string>;
  selfCheck: string;
  clearMarks: string;
  marksCleared: string;
  checking: string;
  checkSummary: (errors: number, warnings: number, marked: number) => string;
  checkClean: string;
  checkRejected: string;
  rowsSummary: (read: number, accepted: number, rejected: number) => string;
  severity: { error: string; warning: string };
  wholeFile: string;
  goToCell: (where: string) => string;
  pickFiles: string;
  pickFilesHint: string;
  chooseFiles: string;
  reading: (done: number, total: number) => string;
  colFile: string;
  colUnit: string;
  colPeriod: string;
  colStatus: string;
  colIssues: string;
  accepted: string;
  rejected: string;
  kept: (n: number) => string;
  keepUnsupported: string;
  insertTargets: string;
  targetsInserted: string;
  targetsExist: string;
  issuedOn: string;
  aggregate: string;
  aggregating: string;
  aggregated: (o: {
    returns: number;
    reported: number;
    units: number;
    excluded: number;
    duplicates: number;
  }) => string;
  noTargets: string;
  errors: Record<ExcelErrorCode, (detail: string) => string>;
  unexpected: (detail: string) => string;
}

const zhCN: Messages = {
  title: "专精特新填报",
  tabClerk: "填报",
  tabBureau: "汇总",
  unit: "填报单位",
  period: "报告期",
  periodHint: "如 2025Q3、2025H1、2025、2025-09",
  periodInvalid: (t) => `报告期“${t}”无法识别，应写作 2025Q3、2025H1、2025 或 2025-09`,
  deadline: "报送截止日期",
  deadlineOptional: "可不填(以通知为准)",
  insertTemplate: "插入模板",
  downloadTemplate: "下载模板",
  downloadFallback:
    "当前 Excel 版本不支持在工作簿中写入数据验证(需要 ExcelApi 1.8)，请下载模板文件后打开填写。",
  inserted: (u, p) => `已插入 ${u} ${p} 的填报模板。`,
  downloaded: (f) => `已生成模板文件 ${f}，请在浏览器的下载中打开。`,
  skipped: (f) => `当前 Excel 版本不支持以下内容，已略过：${f}。`,
  feature: {
    validation: "数据验证",
    print: "打印设置",
    notes: "批注",
    autoFilter: "筛选",
  },
  selfCheck: "自查",
  clearMarks: "清除标记",
  marksCleared: "已清除自查标记。",
  checking: "正在检查本工作簿……",
  checkSummary: (e, w, m) => `发现错误 ${e} 条、提示 ${w} 条；已在工作簿中标出 ${m} 个单元格。`,
  checkClean: "未发现问题，可以报送。",
  checkRejected: "本报表存在整表错误，汇总时将被退回，请先改正下列错误。",
  rowsSummary: (r, a, x) => `数据行 ${r} 行：通过 ${a} 行，退回 ${x} 行。`,
  severity: { error: "错误", warning: "提示" },
  wholeFile: "整个文件",
  goToCell: (w) => `定位到 ${w}`,
  pickFiles: "选择报表文件(可多选)",
  pickFilesHint: "各单位报送的 .xlsx 报表，一次可选多个；文件只在本机读取，不会上传。",
  chooseFiles: "选择文件…",
  reading: (d, t) => `正在读取 ${d}/${t} 个文件……`,
  colFile: "文件",
  colUnit: "单位",
  colPeriod: "报告期",
  colStatus: "状态",
  colIssues: "问题数",
  accepted: "已接受",
  rejected: "退回",
  kept: (n) => `已把 ${n} 份报表的数据表保存到本工作簿(以单位名称为前缀)。`,
  keepUnsupported: "当前 Excel 版本不支持把报表工作表插入工作簿(需要 ExcelApi 1.13)，汇总仍可进行。",
  insertTargets: "插入目标分解表",
  targetsInserted: "已插入目标分解表，请填写各地分解目标后再汇总。",
  targetsExist: "工作簿中已有目标分解表，未覆盖。",
  issuedOn: "通报日期",
  aggregate: "汇总并生成通报",
  aggregating: "正在汇总并写入工作通报……",
  aggregated: (o) =>
    `已汇总 ${o.returns} 份报表：${o.reported}/${o.units} 个单位计入汇总，未计入 ${o.excluded} 份，重复 ${o.duplicates} 处。工作通报已写入工作簿。`,
  noTargets: "工作簿中没有目标分解表：计数类指标各地只展示、不计分。",
  errors: {
    cellEditMode: () => "Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。",
    payloadTooLarge: () => "一次写入的数据过多，Excel 拒绝了请求。请减少数据后重试。",
    sheetExists: (d) => `工作簿中已有同名工作表或名称：${d}。`,
    protected: (d) => `工作表受保护，无法修改：${d}`,
    unsupported: (d) => `当前 Excel 版本不支持此功能(${d})。`,
    notFound: (d) => `找不到工作表或单元格：${d}`,
    host: (d) => `Excel 报告错误：${d}`,
  },
  unexpected: (d) => `出现意外错误：${d}`,
};

const enUS: Messages = {
  ...zhCN,
  title: "SRDI reporting",
  tabClerk: "Fill in",
  tabBureau: "Aggregate",
  unit: "Reporting unit",
  period: "Period",
  insertTemplate: "Insert template",
  downloadTemplate: "Download template",
  selfCheck: "Self-check",
  clearMarks: "Clear highlights",
  insertTargets: "Insert target allocation",
  aggregate: "Aggregate and write bulletin",
  severity: { error: "Error", warning: "Warning" },
};

export function messagesFor(locale: string | undefined): Messages {
  return locale && /^en/i.test(locale) ? enUS : zhCN;
}

export const MESSAGES = zhCN;
