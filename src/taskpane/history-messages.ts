// Words of the history and outlier warnings in the views (issue 26): last round's value beside the cell,
// whether the row's 说明 answers the warning, the 未说明/已说明 filter, and the previous round's returns
// the bureau's 汇总 compares with.
export const HISTORY_TEXT = {
  previous: (v: string) => `上期 ${v}`,
  previousNone: "上期无此值",
  explained: (t: string) => `已说明：${t}`,
  unexplained: "未说明",
  showUnexplained: "只看未说明的核实提示",
  showExplained: "只看已说明的核实提示",
  /** Above the list, when the check found history or outlier warnings. */
  summary: (unexplained: number, explained: number) =>
    unexplained
      ? `与上期数据或同类企业比较，有 ${unexplained} 条提示尚未说明：请核实数据；数据无误的，在该行的“说明”列写明原因。` +
        (explained ? `另有 ${explained} 条已说明。` : "")
      : `与上期数据或同类企业比较的 ${explained} 条提示均已说明。`,
  /** The source of last round's figures, when the template carries them. */
  comparedWith: (file: string, period: string) => `与上期报表“${file}”(${period})比较。`,
  historyReturns: "上期报表",
  chooseHistory: "选择上期报表",
  // Short: it sits in the bureau's first screen at 320 px; the help page says how the returns are chosen.
  historyHint: "可选：上一期各单位的报表(可多选)，用于列出迁入、退出的企业和变化异常的数据",
  historyChosen: (n: number) => `已选择上期报表 ${n} 份`,
  clearHistory: "不与上期报表比较",
  findings: "与上期比较",
  gone: (n: number, names: string) => `上期填报、本期未填报(退出或遗漏)的企业 ${n} 家：${names}`,
  moved: (n: number, names: string) => `改由其他单位填报(迁入)的企业 ${n} 家：${names}`,
  openByUnit: (open: number, explained: number, units: string) =>
    open
      ? `未说明的核实提示 ${open} 条(${units})，已列入通报的数据质量部分和附件5` +
        (explained ? `；另有 ${explained} 条已说明。` : "。")
      : `核实提示 ${explained} 条均已由填报单位说明。`,
};
