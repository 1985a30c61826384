// Words of the views where the host is the offline page (support().filesOnly): files chosen and
// downloaded instead of a workbook open beside the views.
export const PAGE_TEXT = {
  version: (v: string) => `专精特新报表工具 版本 ${v}（离线网页，无需安装，不联网）`,
  planCarried: (title: string, start: string, end: string, file: string | null) =>
    `规划：${title}（${start} 至 ${end}）${file ? `，来自 ${file}` : "，内置"}`,
  offline: "所有文件只在本机读取和生成，不上传任何数据。",
  noWorker:
    "此浏览器不允许本页启用后台计算：读取报表和汇总在本页进行，数据量大时页面会暂停响应几秒，请耐心等待。",
  clerkIntro: "先下载本单位模板，用 Excel 或 WPS 填好并保存，再在此打开它自查；有问题可下载标注副本。",
  openReturn: "打开填好的报表并自查",
  openReturnHint: "选择填好的报表文件(.xlsx)",
  opened: (name: string) => `已打开 ${name}。`,
  targetsFile: "目标分解表",
  chooseTargets: "选择目标分解表",
  targetsHint: "选择本期的目标分解表(.xlsx)：分解目标、评分设置和报送登记从中读取，审核结果写回其中并下载",
  targetsChosen: (name: string) => `已选择 ${name}`,
  targetsLoaded: (name: string) => `已读取目标分解表 ${name}。`,
  targetsRefused: (name: string) => `目标分解表 ${name} 无法使用：`,
  downloadTargets: "下载空白目标分解表",
  targetsDownloaded: (name: string) => `已下载 ${name}，填好后在上面选择它。`,
  reviewNeedsTargets: "请先选择目标分解表：审核结果写在其中的报送登记里。",
  reviewSaved: (name: string) => `更新后的目标分解表已下载为 ${name}，请保存并替换原文件。`,
  dropHere: "也可把报表文件或整个文件夹拖到这里",
  dropLabel: "拖放报表文件或文件夹",
  dropUnread: (n: number) =>
    `有 ${n} 个文件夹浏览器不允许本页打开：请打开文件夹，选中其中的报表文件拖入或用“选择文件”。`,
  dropCapped: (n: number) => `拖入的文件太多：只读取了前 ${n} 份，其余未读取，请分批拖入。`,
  read: (n: number) => `已读取 ${n} 份报表。`,
  downloadBulletin: "下载通报工作簿(.xlsx)",
  bulletinSaved: (name: string) => `已下载通报工作簿 ${name}。`,
  downloadJson: "下载汇总数据(JSON)",
  jsonSaved: (name: string) => `已下载 ${name}（与 srdi aggregate --json 相同）。`,
  templates: "全部单位模板(.zip)",
  templatesHint: "每个单位一个模板，打包下载；选了上期报表时按上期报表预填",
  choosePreviousReturns: "选择上期报表(可多选)",
  previousReturnsChosen: (n: number) => `已选择上期报表 ${n} 份`,
  templatesSaved: (name: string, prefilled: number, blank: string[]) =>
    `已下载 ${name}` +
    (prefilled ? `，其中 ${prefilled} 个按上期报表预填` : "") +
    (blank.length ? `；没有可用上期报表、为空白模板的单位：${blank.join("、")}` : "") +
    "。",
  noCellSelect: "本页没有打开的工作簿：问题所在的工作表和单元格已列出，请在 Excel 或 WPS 中打开文件修改。",
} as const;
