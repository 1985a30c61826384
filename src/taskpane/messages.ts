// Every string the task pane shows, in one catalogue: zh-CN first, en-US beside it.
import type { HostErrorCode as ExcelErrorCode } from "../host/types";

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
  /** The bar under 汇总 while the round is computed and the bulletin written (total: requests to Excel). */
  writing: (sent: number, total: number) => string;
  computing: string;
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
  // Tabs, fields and notices
  tabsLabel: string;
  notices: string;
  dateFormat: string;
  dateInvalid: (text: string) => string;
  // Clerk: presets, overwriting, stale results, export
  presetFromWorkbook: (unit: string, period: string) => string;
  lastUnit: (unit: string) => string;
  confirmTitle: string;
  confirmBody: (unit: string, period: string, filled: number) => string;
  confirmReplace: string;
  confirmNewWorkbook: string;
  confirmCancel: string;
  insertCancelled: string;
  newWorkbookOpened: (unit: string, period: string) => string;
  stale: string;
  recheck: string;
  exportAnnotated: string;
  exported: (file: string) => string;
  exportUnsupported: string;
  // Issues
  issuesLabel: string;
  errorsHeading: (n: number) => string;
  warningsHeading: (n: number) => string;
  rowHeading: (row: number) => string;
  sheetLevel: string;
  moreIssues: (n: number) => string;
  // Returns list
  returnsLabel: string;
  returnsHeading: (total: number, counted: number) => string;
  status: {
    accepted: string;
    partial: string;
    rejected: string;
    late: string;
    duplicate: string;
    excluded: string;
  };
  includeReturn: (unit: string) => string;
  removeReturn: (unit: string) => string;
  showIssues: (unit: string, open: boolean) => string;
  details: string;
  hideDetails: string;
  remove: string;
  downloadAnnotated: (unit: string) => string;
  returnCounts: (accepted: number, rejected: number, errors: number, warnings: number) => string;
  unknownUnit: string;
  missingHeading: (n: number) => string;
  noneMissing: string;
  removed: (unit: string) => string;
  nothingToAggregate: string;
  // Round result
  resultHeading: string;
  cityAttainment: string;
  statusCounts: (green: number, yellow: number, red: number, none: number) => string;
  indicatorLine: (name: string, actual: string, target: string, completion: string) => string;
  topUnits: string;
  bottomUnits: string;
  unitScore: (name: string, score: string) => string;
  missingUnits: string;
  lateUnits: string;
  rejectedRows: (n: number) => string;
  noneListed: string;
  writtenSheets: string;
  goToSheet: (sheet: string) => string;
  targetIssuesHeading: (n: number) => string;
  errors: Record<ExcelErrorCode, (detail: string) => string>;
  unexpected: (detail: string) => string;
  // The plan in force (规划配置)
  planInForce: string;
  loadPlan: string;
  loadPlanHint: string;
  planLoaded: (title: string, units: number, indicators: number) => string;
  planRefused: (errors: number) => string;
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
  deadlineOptional: "可不填（以通知为准），格式 YYYY-MM-DD",
  insertTemplate: "插入模板",
  downloadTemplate: "下载模板",
  downloadFallback:
    "当前 Excel 版本不支持在工作簿中写入数据验证（需要 ExcelApi 1.8），请下载模板文件后打开填写。",
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
  pickFiles: "选择报表文件（可多选）",
  pickFilesHint: "各单位报送的 .xlsx 报表，一次可选多个；文件只在本机读取，不会上传。",
  chooseFiles: "选择文件…",
  reading: (d, t) => `正在读取 ${d}/${t} 个文件……`,
  writing: (d, t) => `正在写入工作通报：已完成 ${d}/${t} 批……`,
  computing: "正在汇总计算……",
  colFile: "文件",
  colUnit: "单位",
  colPeriod: "报告期",
  colStatus: "状态",
  colIssues: "问题数",
  accepted: "已接受",
  rejected: "退回",
  kept: (n) => `已把 ${n} 份报表的数据表保存到本工作簿（以单位名称为前缀）。`,
  keepUnsupported: "当前 Excel 版本不支持把报表工作表插入工作簿（需要 ExcelApi 1.13），汇总仍可进行。",
  insertTargets: "插入目标分解表",
  targetsInserted: "已插入目标分解表，请填写各地分解目标后再汇总。",
  targetsExist: "工作簿中已有目标分解表，未覆盖。",
  issuedOn: "通报日期",
  aggregate: "汇总并生成通报",
  aggregating: "正在汇总并写入工作通报……",
  aggregated: (o) =>
    `已汇总 ${o.returns} 份报表：${o.reported}/${o.units} 个单位计入汇总，未计入 ${o.excluded} 份，重复 ${o.duplicates} 处。工作通报已写入工作簿。`,
  noTargets: "工作簿中没有目标分解表：计数类指标各地只展示、不计分。",
  tabsLabel: "功能",
  notices: "操作结果",
  dateFormat: "YYYY-MM-DD",
  dateInvalid: (t) => `日期“${t}”无法识别，应写作 YYYY-MM-DD，如 2025-10-15`,
  presetFromWorkbook: (u, p) => `已按本工作簿中的模板选定：${u}，${p}。`,
  lastUnit: (u) => `已选上次使用的填报单位：${u}。`,
  confirmTitle: "工作簿中已有填写的报表",
  confirmBody: (u, p, n) =>
    `本工作簿中的模板已填写 ${n} 处数据。插入 ${u} ${p} 的模板会替换现有的模板工作表，已填写的数据将丢失。`,
  confirmReplace: "替换（数据将丢失）",
  confirmNewWorkbook: "在新工作簿中插入",
  confirmCancel: "取消，保留数据",
  insertCancelled: "未插入模板，工作簿中的数据保持不变。",
  newWorkbookOpened: (u, p) => `已在新工作簿中打开 ${u} ${p} 的填报模板，本工作簿未改动。`,
  stale: "工作表在自查后有改动，下列结果可能已过时，请重新自查。",
  recheck: "重新自查",
  exportAnnotated: "导出标注副本",
  exported: (f) => `已生成标注副本 ${f}，请在浏览器的下载中打开。`,
  exportUnsupported: "当前 Excel 版本无法在加载项中复制本工作簿，请改用 srdi check --annotate 生成标注副本。",
  issuesLabel: "问题清单",
  errorsHeading: (n) => `错误 ${n} 条（须改正）`,
  warningsHeading: (n) => `提示 ${n} 条（请核实）`,
  rowHeading: (r) => `第 ${r} 行`,
  sheetLevel: "整表",
  moreIssues: (n) => `另有 ${n} 条未列出，请导出标注副本查看全部。`,
  returnsLabel: "已导入的报表",
  returnsHeading: (t, c) => `已导入报表 ${t} 份，计入汇总 ${c} 份`,
  status: {
    accepted: "已接受",
    partial: "部分退回",
    rejected: "退回",
    late: "逾期",
    duplicate: "重复",
    excluded: "不计入",
  },
  includeReturn: (u) => `计入汇总：${u}`,
  removeReturn: (u) => `移除 ${u}`,
  showIssues: (u, open) => (open ? `收起 ${u} 的详情` : `${u} 的详情`),
  details: "详情",
  hideDetails: "收起",
  remove: "移除",
  downloadAnnotated: (u) => `导出标注副本：${u}`,
  returnCounts: (a, x, e, w) => `通过 ${a} 行，退回 ${x} 行；错误 ${e}，提示 ${w}`,
  unknownUnit: "未能识别单位",
  missingHeading: (n) => `未报送单位 ${n} 个`,
  noneMissing: "各单位均已报送。",
  removed: (u) => `已移除 ${u}，不计入本轮汇总。`,
  nothingToAggregate: "请先选择报表文件，导入后才能汇总。",
  resultHeading: "汇总结果",
  cityAttainment: "全市目标完成情况",
  statusCounts: (g, y, r, n) => `正常 ${g} 项，略滞后 ${y} 项，滞后 ${r} 项${n ? `，无数据 ${n} 项` : ""}。`,
  indicatorLine: (n, a, t, c) => `${n}：${a}／目标 ${t}，完成 ${c}`,
  topUnits: "得分前三",
  bottomUnits: "得分后三",
  unitScore: (n, s) => `${n}（${s} 分）`,
  missingUnits: "未报送",
  lateUnits: "逾期报送",
  rejectedRows: (n) => `退回数据行 ${n} 行（见“数据问题”工作表）`,
  noneListed: "无",
  writtenSheets: "已写入的工作表",
  goToSheet: (s) => `打开工作表 ${s}`,
  targetIssuesHeading: (n) => `目标分解表问题 ${n} 条`,
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
  planInForce: "规划",
  loadPlan: "载入规划配置…",
  loadPlanHint: "市局编辑的规划配置工作簿(srdi plan --out 导出)；有任何错误则整个不载入",
  planLoaded: (t, u, i) => `已载入${t}：${u}个填报单位，${i}项指标`,
  planRefused: (n) => `规划配置有${n}处错误，未载入(仍用原规划)：`,
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
