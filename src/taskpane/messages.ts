// Every string the task pane shows, in one catalogue: zh-CN first, en-US beside it.
import type { HostErrorCode as ExcelErrorCode } from "../host/types";

export interface Messages {
  title: string;
  tabClerk: string;
  tabBureau: string;
  /** Shown while a view's script loads (汇总 is loaded when first opened). */
  loadingView: string;
  unit: string;
  period: string;
  periodHint: (first: number, last: number) => string;
  periodYear: string;
  periodPart: string;
  periodInvalid: (text: string) => string;
  /** A period outside the plan in force, refused (foreseen: said with what to do). */
  periodOutsidePlan: string;
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
  ruleGroup: (first: string) => string;
  groupCount: (n: number) => string;
  skipIssues: string;
  issueShow: string;
  issueShowAll: string;
  issueShowErrors: string;
  issueShowWarnings: string;
  issueFilter: string;
  issueFilterHint: string;
  issueNoneMatch: string;
  issuesEnd: string;
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
    outside: string;
    sentBack: string;
  };
  /** Why a return that cannot be counted has no ticked box. */
  cannotCount: string;
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
  /** bureau: the plan in force's 主管部门简称 (市局, 省厅), the body that issues plan workbooks. */
  loadPlanHint: (bureau: string) => string;
  planLoaded: (title: string, units: number, indicators: number) => string;
  planRefused: (errors: number, bureau: string) => string;
  planRemembered: string;
  /** The plan workbook was kept in the workbook's own settings (it goes with the file). */
  planInWorkbook: string;
  planUseBuiltin: string;
  planForgotten: string;
  planNotices: string;
  planRememberedGone: string;
  /** Where a file could not be downloaded (Excel for Mac): opened as a new workbook instead. */
  openedInExcel: (file: string) => string;
  /** Where neither a download nor a new workbook is possible. */
  noDownload: (file: string) => string;
  // Consequences, confirmed before and named after (bureau)
  readDone: (n: number) => string;
  excludeTitle: (units: string) => string;
  excludeBody: (units: string, points: number) => string;
  excludeConfirm: string;
  keepIncluded: string;
  excludedResult: (units: string, points: number) => string;
  removeTitle: (unit: string) => string;
  sendBackTitle: (unit: string) => string;
  sendBackBody: (unit: string, reason: string, points: number | null) => string;
  sendBackCancel: string;
  sendBackResult: (unit: string, points: number) => string;
  reviewNeedsTargets: string;
  noDocxDownload: (file: string) => string;
  partialRosterTitle: string;
  partialRosterBody: (have: string[], missing: string[], policy: string, dropped: boolean) => string;
  partialRosterConfirm: string;
  partialRosterCancel: string;
  publishedMissing: (units: string, points: number) => string;
  fixDates: string;
  choosePeriod: string;
  stepTargets: string;
  targetsHint: string;
  /** Why 插入模板 cannot be pressed (clerk). */
  chooseUnit: string;
  stepTemplate: string;
  stepCheck: string;
  // First-run card
  stepsClerkHeading: string;
  stepsBureauHeading: string;
  stepsClerk: string[];
  stepsBureau: string[];
  stepsShow: string;
  stepsClose: string;
  helpLink: string;
}

const zhCN: Messages = {
  title: "专精特新填报",
  tabClerk: "填报",
  tabBureau: "汇总",
  loadingView: "正在加载…",
  unit: "填报单位",
  period: "报告期",
  periodHint: (a, b) => `当前规划覆盖 ${a}—${b} 年；要报其他年份，请先载入覆盖该年份的规划配置。`,
  periodYear: "报告期年度",
  periodPart: "报告期期间",
  periodInvalid: (t) => `报告期“${t}”无法识别，请在列表中选择年度和期间`,
  periodOutsidePlan:
    "所选报告期不在当前规划的年份内。请在“报告期”中选择规划内的年度，或点“载入规划配置…”载入覆盖该年份的规划配置工作簿（向主管部门索取）。",
  deadline: "报送截止日期",
  deadlineOptional: "可不填（以通知为准），如 2025-10-15 或 2025年10月15日",
  insertTemplate: "插入模板",
  downloadTemplate: "下载模板",
  downloadFallback:
    "这个版本的 Excel 不能在工作簿里加入下拉选项和输入检查，所以模板改为文件：点“下载模板”，再用 Excel 打开填写。使用 Microsoft 365 或 Excel 2019 及以上版本可直接插入。",
  inserted: (u, p) => `已插入 ${u} ${p} 的填报模板。`,
  downloaded: (f) => `已下载模板文件“${f}”（在“下载”文件夹中），用 Excel 打开即可填写。`,
  skipped: (f) =>
    `这个版本的 Excel 做不到以下几项，已略过，其余已完成：${f}。使用 Microsoft 365 或新版 Excel 可完整写入。`,
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
  checkRejected: "本报表存在整表错误，主管部门将无法读取，请先改正下列错误。",
  rowsSummary: (r, a, x) => `数据行 ${r} 行：可采用 ${a} 行，有错误未能采用 ${x} 行。`,
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
  keepUnsupported:
    "这个版本的 Excel 不能把各单位的报表复制进本工作簿，汇总照常进行；只是关闭窗格后需重新选择报表文件。使用 Microsoft 365 可保存在工作簿中。",
  insertTargets: "插入目标分解表",
  targetsInserted: "已插入目标分解表，请填写各地分解目标后再汇总。",
  targetsExist: "工作簿中已有目标分解表，未覆盖。",
  issuedOn: "通报日期",
  aggregate: "汇总并生成通报",
  aggregating: "正在汇总并写入工作通报……",
  aggregated: (o) =>
    `已汇总 ${o.returns} 份报表：${o.reported}/${o.units} 个单位计入汇总，未计入 ${o.excluded} 份；多个单位重复填报的企业或平台 ${o.duplicates} 处。工作通报已写入工作簿。`,
  noTargets: "工作簿中没有目标分解表：计数类指标各地只展示、不计分。",
  tabsLabel: "功能",
  notices: "操作结果",
  dateFormat: "如 2025-10-15、2025/10/15 或 2025年10月15日",
  dateInvalid: (t) => `日期“${t}”无法识别，请写作 2025-10-15、2025/10/15 或 2025年10月15日`,
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
  exported: (f) => `已下载标注副本“${f}”（在“下载”文件夹中）：问题单元格已标出并附批注。`,
  exportUnsupported:
    "这个版本的 Excel 不能从加载项复制本工作簿，所以无法导出标注副本。问题已在本工作簿中标出，可按下面的清单逐条改正。",
  issuesLabel: "问题清单",
  errorsHeading: (n) => `错误 ${n} 条（须改正）`,
  warningsHeading: (n) => `提示 ${n} 条（请核实）`,
  rowHeading: (r) => `第 ${r} 行`,
  sheetLevel: "整表",
  moreIssues: (n) => `另有 ${n} 条未列出，请导出标注副本查看全部。`,
  ruleGroup: (t) => `${t} 等`,
  groupCount: (n) => `（${n} 处）`,
  skipIssues: "跳过问题清单",
  issueShow: "显示哪些问题",
  issueShowAll: "全部",
  issueShowErrors: "只看错误",
  issueShowWarnings: "只看提示",
  issueFilter: "筛选问题",
  issueFilterHint: "工作表、单元格或文字",
  issueNoneMatch: "没有符合筛选条件的问题。",
  issuesEnd: "问题清单结束",
  returnsLabel: "已导入的报表",
  returnsHeading: (t, c) => `已导入报表 ${t} 份，计入汇总 ${c} 份`,
  status: {
    accepted: "可计入",
    partial: "部分采用",
    rejected: "无法读取",
    late: "逾期",
    duplicate: "旧版",
    excluded: "不计入",
    outside: "不属本轮",
    sentBack: "已退回",
  },
  cannotCount: "无法计入汇总",
  includeReturn: (u) => `计入汇总：${u}`,
  removeReturn: (u) => `移除 ${u}`,
  showIssues: (u, open) => (open ? `收起 ${u} 的详情` : `${u} 的详情`),
  details: "详情",
  hideDetails: "收起",
  remove: "移除",
  downloadAnnotated: (u) => `导出标注副本：${u}`,
  returnCounts: (a, x, e, w) => `采用 ${a} 行，未采用 ${x} 行；错误 ${e}，提示 ${w}`,
  unknownUnit: "未能识别单位",
  missingHeading: (n) => `未报送单位 ${n} 个`,
  noneMissing: "各单位均已报送。",
  removed: (u) => `已移除 ${u}，不计入本轮汇总。`,
  nothingToAggregate: "请先选择报表文件，导入后才能汇总。",
  resultHeading: "汇总结果",
  statusCounts: (g, y, r, n) => `正常 ${g} 项，略滞后 ${y} 项，滞后 ${r} 项${n ? `，无数据 ${n} 项` : ""}。`,
  indicatorLine: (n, a, t, c) => `${n}：${a}／目标 ${t}，完成 ${c}`,
  topUnits: "得分前三",
  bottomUnits: "得分后三",
  unitScore: (n, s) => `${n}（${s} 分）`,
  missingUnits: "未报送",
  lateUnits: "逾期报送",
  rejectedRows: (n) => `未采用的数据行 ${n} 行（见“数据问题”工作表）`,
  noneListed: "无",
  writtenSheets: "已写入的工作表",
  goToSheet: (s) => `打开工作表 ${s}`,
  targetIssuesHeading: (n) => `目标分解表问题 ${n} 条`,
  errors: {
    cellEditMode: () => "Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。",
    payloadTooLarge: () => "一次写入的数据过多，Excel 拒绝了请求。请减少数据后重试。",
    sheetExists: (d) => `工作簿中已有同名工作表或名称：${d}。`,
    protected: (d) => `工作表受保护，无法修改：${d}`,
    unsupported: () =>
      "这个版本的 Excel 不支持这一步。请使用 Microsoft 365 或 Excel 2019 及以上版本，或在网页版 Excel 中操作。",
    notFound: (d) => `找不到工作表或单元格：${d}`,
    host: (d) => `Excel 未能完成这一步：${d}。请稍后重试；仍不成功请保存并重新打开工作簿。`,
  },
  unexpected: (d) => `出现意外错误：${d}`,
  planInForce: "规划",
  loadPlan: "载入规划配置…",
  loadPlanHint: (b) =>
    `${b}下发的规划配置工作簿（.xlsx）；载入后存入本工作簿并由本机记住，下次打开窗格仍用它。有任何错误则整个不载入`,
  planLoaded: (t, u, i) => `已载入${t}：${u}个填报单位，${i}项指标`,
  planRefused: (n, b) =>
    `规划配置有 ${n} 处错误，未载入（仍用原规划）。请把下列问题告知编制规划配置的${b}同事，改正后再载入。`,
  planRemembered: "。本机已记住，下次打开窗格仍用此规划。",
  planInWorkbook: "。已存入本工作簿，并由本机记住：此工作簿换到别的电脑打开，也用此规划。",
  planUseBuiltin: "改用内置规划",
  planForgotten: "已改用内置规划，本工作簿和本机不再记住载入的规划配置。",
  planNotices: "规划载入结果",
  planRememberedGone: "上次载入的规划配置已无法读取，已改用内置规划；请重新载入规划配置。",
  readDone: (n) => `已读取 ${n} 份报表，见下方列表。`,
  excludeTitle: (u) => `不计入汇总？${u}将按“未报送”通报`,
  excludeBody: (u, p) =>
    `${u}没有其他可计入的报表。不计入后，本轮通报中${u}按“未报送”列出，综合得分扣 ${p} 分（评分设置“未报送扣分”），并排在最后。`,
  excludeConfirm: "不计入",
  keepIncluded: "保留，继续计入",
  excludedResult: (u, p) => `已不计入：通报中${u}将按“未报送”列出，扣 ${p} 分。重新勾选即可恢复。`,
  removeTitle: (u) => `移除${u}的报表？`,
  sendBackTitle: (u) => `退回${u}的报表？`,
  sendBackBody: (u, r, p) =>
    (p === null
      ? `退回后这份报表不计入本轮汇总（${u}另有报表计入）。`
      : `退回后${u}的报表不计入本轮汇总：通报中${u}列为“已退回”，综合得分按未报送扣 ${p} 分（评分设置“未报送扣分”）。`) +
    `\n退回原因“${r}”记入报送登记，并列入通报的数据质量部分。`,
  sendBackCancel: "取消，不退回",
  sendBackResult: (u, p) => `通报中${u}将列为“已退回”，按未报送扣 ${p} 分。`,
  reviewNeedsTargets: "审核结果记在目标分解表的“报送登记”中：如尚未插入，请先在上方点“插入目标分解表”。",
  noDocxDownload: (f) =>
    `这台电脑上的 Excel（Mac 版）不能从加载项下载文件，“${f}”未保存。通报内容已写入本工作簿的“工作通报”工作表，可直接打印或复制到 Word；需要 .docx 文件时，请在 Windows 版或网页版 Excel 中点此按钮。`,
  partialRosterTitle: "认定名单不全，仍要载入？",
  partialRosterBody: (have, miss, policy, dropped) =>
    `这份认定名单只有${have.length ? `“${have.join("、")}”` : "部分层级"}的记录，没有“${miss.join("、")}”。\n` +
    (dropped
      ? `按评分设置（${policy}），汇总时各地填报的${miss.join("、")}都将因名单中找不到而不计入，相关指标可能降为 0%。`
      : `按评分设置（${policy}），各地填报的${miss.join("、")}仍计入，但都将列为“名单中未找到”。`) +
    `\n如有这些层级的名单，请与现有名单合并后一起载入。`,
  partialRosterConfirm: "仍然载入",
  partialRosterCancel: "取消，不载入",
  publishedMissing: (u, p) =>
    `以下单位的报表已导入但未计入（已退回、无法读取或取消勾选），通报中列为“未报送”或“已退回”，各按未报送扣 ${p} 分：${u}。`,
  fixDates: "请先改正上方标红的日期。",
  choosePeriod: "请先选择报告期。",
  stepTargets: "目标分解与认定名单",
  targetsHint: "先插入目标分解表并填写各地目标（审核结果也记在其中），再导入报表。",
  chooseUnit: "请先选择填报单位。",
  stepTemplate: "插入模板",
  stepCheck: "自查",
  openedInExcel: (f) =>
    `这台电脑上的 Excel 不能从加载项下载文件，已把“${f}”作为新工作簿打开：请用“文件 > 另存为”保存。`,
  noDownload: (f) =>
    `这台电脑上的 Excel（Mac 版）不能从加载项下载文件，“${f}”未保存。请在 Windows 版 Excel 或网页版 Excel（浏览器中打开本工作簿）中再点此按钮。`,
  stepsClerkHeading: "填报单位的步骤",
  stepsBureauHeading: "主管部门汇总的步骤",
  stepsClerk: [
    "如主管部门下发了规划配置工作簿，先点“载入规划配置…”（只需一次）。",
    "选择填报单位和报告期，点“插入模板”。",
    "在模板中填写数据（可“按上期报表预填”）。",
    "点“自查”，按清单改正标出的单元格，直到没有错误。",
    "保存工作簿，按通知报送给主管部门。",
  ],
  stepsBureau: [
    "如使用新的规划，先点“载入规划配置…”（只需一次）。",
    "选择报告期，点“插入目标分解表”，填写各地分解目标。",
    "点“选择文件…”，一次选中各单位报送的报表。",
    "在列表中查看各份报表，必要时“接受”或“退回”（写入报送登记）。",
    "点“汇总并生成通报”，工作通报写入本工作簿，可另存为 Word 文档。",
  ],
  stepsShow: "使用步骤",
  stepsClose: "知道了",
  helpLink: "帮助（在浏览器中打开）",
};

const enUS: Messages = {
  ...zhCN,
  title: "SRDI reporting",
  tabClerk: "Fill in",
  tabBureau: "Aggregate",
  loadingView: "Loading…",
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
