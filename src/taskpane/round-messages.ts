// The pane's words for the later rounds (prefill, resubmission compared, review, .docx, 较上期), zh-CN.
export const ROUND_TEXT = {
  prefill: "按上期报表预填",
  prefillHint: "选择本单位上一期报送的报表：名称、认定年份等沿用，金额和数量留空待填",
  prefilled: (unit: string, period: string, file: string) =>
    `已插入 ${unit} ${period} 的填报模板，并按上期报表“${file}”预填(浅绿底色的单元格为带入的内容)；请核对并填写白色的本期数据。`,
  prefillDownloaded: (file: string) => `已按上期报表预填并下载模板：${file}`,
  compared: "与上次报送相比",
  review: "审核",
  accept: "接受",
  sendBack: "退回",
  reason: "退回原因",
  reasonHint: "写明需要更正的内容，将列入通报的数据质量部分",
  reviewOf: (unit: string, state: string) => `${unit}的审核结果：${state}`,
  reviewWritten: (unit: string, state: string) =>
    `已在报送登记中记下${unit}的审核结果：${state}。汇总时将按此计入。`,
  reviewNoSheet: "请先插入目标分解表：审核结果记在其中的\u201c报送登记\u201d工作表。",
  reviewNoColumns:
    "报送登记中没有\u201c审核结果\u201d\u201c退回原因\u201d列(旧版目标分解表)，请重新插入目标分解表。",
  reviewNoUnit: (unit: string) => `报送登记中没有${unit}的行。`,
  reasonNeeded: "请填写退回原因。",
  removedKept: (unit: string, n: number) =>
    `已从列表移除 ${unit}，并删除其保存在本工作簿中的 ${n} 张工作表。`,
  previous: "上期通报(可选)",
  previousHint: "选择上一期的工作通报工作簿，通报中将列出较上期变化",
  choosePrevious: "选择上期通报",
  previousChosen: (file: string) => `上期通报：${file}`,
  clearPrevious: "不与上期比较",
  previousFailed: (reason: string) => `未与上期比较：${reason}`,
  downloadDocx: "下载通报(.docx)",
  docxSaved: (file: string) => `已下载通报文档：${file}`,
} as const;
