// The words of 汇总's trend charts (TrendCharts.tsx), in one place for the pane and the page.
export const TREND_WORDS = {
  heading: (n: number) => `各指标趋势（${n}期）`,
  key: "蓝色实线为当前值，灰色虚线为序时进度应达值；横轴为报告期（如25Q3即2025年第三季度）。",
  chartLabel: (name: string, n: number, first: string, last: string, expected: string) =>
    `${name}趋势图，共${n}期：首期${first}，本期${last}，本期序时进度应达值${expected}。各期数字见下方数据表。`,
  showTable: (name: string) => `${name}：各期数据表`,
  tableCaption: (name: string) => `${name}各期当前值与序时进度应达值`,
  round: "报告期",
  value: "当前值",
  expected: "应达值",
  status: "状态",
};
