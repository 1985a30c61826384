// The issue catalogue: every issue code (returns and the targets workbook) with its default severity,
// its scope and its zh-CN text. One function, issueMessage, makes the text, so the CLI, the task pane,
// the bulletin and the annotated workbook say the same thing. The text says what is wrong, never where:
// the location travels as the issue's sheet and cell, and each view shows it once (issueText for plain
// text, its own columns or links elsewhere).
//
// To add a code: one entry in CATALOGUE (or TARGETS_CATALOGUE) with severity, scope and text; the type
// IssueCode then includes it, and tests/read/messages.test.ts checks every entry.

/** Where and what an issue is about; each message uses the parts it needs. */
export interface MessageArgs {
  /** Where: never put in the text (the issue carries it); a reader error keeps its sheet here. */
  sheet?: string | null;
  cell?: string | null;
  /** The field's header or the cell's label, e.g. 统一社会信用代码. */
  label?: string;
  /** The value as read (untrusted: shown sanitised and clipped). */
  value?: string | null;
  expected?: string;
  actual?: string;
  min?: number | string;
  max?: number | string;
  /** Free detail: the read value after normalisation, a reason, a list of options. */
  detail?: string;
  /** Another cell the issue refers to (e.g. the first occurrence of a duplicate). */
  other?: string;
  /** For rule.*: the rule's own text. */
  ruleText?: string;
}

/** How a percent column is read. The 填报说明 of the template states the same rule. */
export const PERCENT_RULE =
  "百分数列按百分点读取：填45或\u201c45%\u201d均表示45%；大于等于1的数按百分点读取(1表示1%)；" +
  "0与1之间的小数(如0.45)按比例读取为45%，并给出提示；单元格设置为百分比格式时按其显示值读取。";

type Text = (a: MessageArgs) => string;

/**
 * What an issue is about. file: the workbook as a whole (its form, sheets and columns); an error of this
 * scope rejects the whole return. row: one data row as a whole (a repeated row, a cross-field rule, merged
 * cells). cell: one cell's value. An error in a data row, of row or cell scope, rejects that row.
 */
export type IssueScope = "file" | "row" | "cell";

export interface CatalogueEntry {
  severity: "error" | "warning";
  scope: IssueScope;
  text: Text;
}

const q = (s: string | null | undefined) => `\u201c${shown(s)}\u201d`;
const label = (a: MessageArgs) => (a.label ? `\u201c${a.label}\u201d` : "");

/** Untrusted text for display: control characters made visible, long text clipped. */
export function shown(s: string | null | undefined, max = 40): string {
  if (s === null || s === undefined) return "";
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, "\uFFFD");
  const chars = Array.from(clean);
  return chars.length > max ? chars.slice(0, max).join("") + "…" : clean;
}

const CATALOGUE = {
  // The file itself
  "file.unreadable": {
    severity: "error",
    scope: "file",
    text: (a) => `无法读取文件${a.detail ? `(${a.detail})` : ""}，请检查文件是否存在、是否被其他程序占用`,
  },
  "file.empty": { severity: "error", scope: "file", text: () => "文件为空(0字节)，不是 Excel 工作簿" },
  "file.not_workbook": {
    severity: "error",
    scope: "file",
    text: (a) => `文件不是 Excel 工作簿(.xlsx)${a.detail ? `：${a.detail}` : ""}，请使用下发的模板填报`,
  },
  "file.corrupt": {
    severity: "error",
    scope: "file",
    text: (a) => `文件已损坏，无法作为 Excel 工作簿读取${a.detail ? `：${shown(a.detail, 120)}` : ""}`,
  },
  "file.encrypted": {
    severity: "error",
    scope: "file",
    text: () => "文件设置了打开密码(已加密)，无法读取；请取消密码后重新报送",
  },
  "file.xls": {
    severity: "error",
    scope: "file",
    text: () => "文件是旧版 Excel 97-2003 格式(.xls)或其他 Office 文件，请使用下发的 .xlsx 模板填报",
  },
  "file.too_large": {
    severity: "error",
    scope: "file",
    text: (a) => `文件解压后过大或压缩比异常，拒绝读取${a.detail ? `：${a.detail}` : ""}`,
  },
  // A count the reader caps (sheets, merged ranges, zip entries) passed: which one, and its cap.
  "file.over_limit": {
    severity: "error",
    scope: "file",
    text: (a) =>
      `${a.label ?? "工作簿的结构"}超过读取上限${a.max !== undefined ? `(${a.max})` : ""}，拒绝读取${a.detail ? `：${shown(a.detail, 120)}` : ""}`,
  },
  "file.too_many_rows": {
    severity: "error",
    scope: "file",
    text: (a) => `行数或单元格数超过上限(${a.max ?? ""})，拒绝读取${a.detail ? `：${a.detail}` : ""}`,
  },
  // Identification (the metadata sheet)
  "form.unknown": {
    severity: "error",
    scope: "file",
    text: (a) => `无法识别的报表：${a.detail ?? "缺少元数据工作表"}。请使用下发的模板填报，勿复制到新工作簿`,
  },
  "form.version": {
    severity: "error",
    scope: "file",
    text: (a) => `表式版本不符：应为 ${a.expected}，实为 ${shown(a.actual)}。请使用本轮下发的模板`,
  },
  "form.fingerprint": {
    severity: "error",
    scope: "file",
    text: () => "表式结构校验码不符：模板由其他版本的表式生成或元数据被改动，请使用本轮下发的模板",
  },
  "form.unit_unknown": {
    severity: "error",
    scope: "file",
    text: (a) => `填报单位代码 ${q(a.value)} 不在本计划的填报单位之中`,
  },
  "form.unit_mismatch": {
    severity: "error",
    scope: "file",
    text: (a) => `填报单位不符：本次应为 ${a.expected}，报表为 ${a.actual ?? q(a.value)}`,
  },
  "form.period_invalid": {
    severity: "error",
    scope: "file",
    text: (a) => `报告期 ${q(a.value)} 无法识别(应如 2025、2025H1、2025Q3、2025-09)`,
  },
  "form.period_outside_plan": {
    severity: "error",
    scope: "file",
    text: (a) => a.detail ?? `报告期 ${q(a.value)} 不在本计划的计划期内`,
  },
  "form.period_mismatch": {
    severity: "error",
    scope: "file",
    text: (a) => `报告期不符：本轮为 ${a.expected}，报表为 ${a.actual ?? q(a.value)}`,
  },
  // Structure
  "sheet.missing": {
    severity: "error",
    scope: "file",
    text: (a) => `缺少该工作表${a.detail ? `(${a.detail})` : ""}；请勿删除或改名工作表`,
  },
  "sheet.added": {
    severity: "warning",
    scope: "file",
    text: (a) => `该工作表不属于模板${a.detail ? `(${a.detail})` : ""}，其中内容不会被读取`,
  },
  "column.missing": {
    severity: "error",
    scope: "file",
    text: (a) => `缺少列\u201c${a.expected}\u201d；请勿删除、移动或改名列标题`,
  },
  "column.renamed": {
    severity: "error",
    scope: "file",
    text: (a) => `列标题应为\u201c${a.expected}\u201d，实为${q(a.actual)}；请勿改动列标题`,
  },
  "column.moved": {
    severity: "error",
    scope: "file",
    text: (a) => `列\u201c${a.expected}\u201d的位置被移动(应在 ${a.other})；请勿插入、删除或移动列`,
  },
  "column.added": {
    severity: "warning",
    scope: "file",
    text: (a) => `模板之外的列${a.actual ? q(a.actual) : ""}，其中内容不会被读取`,
  },
  "region.label": {
    severity: "error",
    scope: "file",
    text: (a) => `此处应为指标\u201c${a.expected}\u201d，实为${q(a.actual)}；请勿插入、删除或改动行`,
  },
  // Cells
  "cell.error_value": {
    severity: "error",
    scope: "cell",
    text: (a) => `${label(a)}为错误值 ${shown(a.value)}，请改为有效的值`,
  },
  "cell.formula_no_cache": {
    severity: "error",
    scope: "cell",
    text: (a) => `${label(a)}是公式但文件中没有计算结果，请在 Excel 中打开、重新计算并保存，或改为数值`,
  },
  // History and outliers (issue 26): warnings the clerk explains in 说明, never a rejection.
  "history.firm_missing": {
    severity: "warning",
    scope: "file",
    text: (a) =>
      `上期填报的企业${q(a.value)}(${a.detail ?? ""})本期未填报：如已退出(注销、迁出、不再纳入)，请在${a.label ? `\u201c${a.label}\u201d` : "说明"}中写明原因；如遗漏请补填`,
  },
  "history.firm_moved": {
    severity: "warning",
    scope: "row",
    text: (a) =>
      `该企业上期由${a.detail ?? "其他单位"}填报，本期改由本单位填报：如已迁入请在\u201c说明\u201d中写明`,
  },
  "outlier.robust": {
    severity: "warning",
    scope: "cell",
    text: (a) =>
      `${label(a)}${a.detail ?? ""}，与同类企业相比明显偏离，请核实；如属实请在\u201c说明\u201d中写明原因`,
  },
  "cell.merged": {
    severity: "error",
    scope: "row",
    text: (a) => `数据区域有合并单元格 ${a.detail ?? ""}，请取消合并并逐行填写`,
  },
  // Values
  "value.required": {
    severity: "error",
    scope: "cell",
    text: (a) => `${label(a)}为必填项，不能为空${a.detail ?? ""}`,
  },
  "value.too_short": {
    severity: "error",
    scope: "cell",
    text: (a) => `${label(a)}至少 ${a.min} 个字符，实为 ${a.actual} 个：${q(a.value)}`,
  },
  "value.too_long": {
    severity: "error",
    scope: "cell",
    text: (a) => `${label(a)}不得超过 ${a.max} 个字符，实为 ${a.actual} 个`,
  },
  "value.not_in_list": {
    severity: "error",
    scope: "cell",
    text: (a) => `${label(a)}的值 ${q(a.value)} 不在可选项中(可选：${a.detail})`,
  },
  "value.not_number": {
    severity: "error",
    scope: "cell",
    text: (a) => `${label(a)}应为数字，实为 ${q(a.value)}`,
  },
  "value.not_whole": {
    severity: "error",
    scope: "cell",
    text: (a) => `${label(a)}应为整数，实为 ${q(a.value)}`,
  },
  "value.out_of_range": {
    severity: "error",
    scope: "cell",
    text: (a) => `${label(a)}超出范围：${a.detail}，实为 ${q(a.value)}`,
  },
  "value.not_year": {
    severity: "error",
    scope: "cell",
    text: (a) => `${label(a)}应为4位年份(如 2023)，实为 ${q(a.value)}`,
  },
  "value.year_range": {
    severity: "error",
    scope: "cell",
    text: (a) => `${label(a)}须在 ${a.min} 年至 ${a.max} 年之间(不晚于报告期年份)，实为 ${q(a.value)}`,
  },
  "value.not_date": {
    severity: "error",
    scope: "cell",
    text: (a) => `${label(a)}应为日期(如 2025-10-12)，实为 ${q(a.value)}`,
  },
  "value.date_range": {
    severity: "error",
    scope: "cell",
    text: (a) => `${label(a)}须在 ${a.min} 至 ${a.max} 之间(不晚于今天)，实为 ${q(a.value)}`,
  },
  "value.duplicate": {
    severity: "error",
    scope: "row",
    text: (a) => `${label(a)}的值 ${q(a.value)} 与 ${a.other} 重复，本行不予计入`,
  },
  // 统一社会信用代码
  "uscc.length": {
    severity: "error",
    scope: "cell",
    text: (a) => `统一社会信用代码应为18位，实为 ${a.actual} 位：${q(a.value)}`,
  },
  "uscc.charset": {
    severity: "error",
    scope: "cell",
    text: (a) =>
      `统一社会信用代码第 ${a.detail} 位含非法字符 ${q(a.actual)}(只能是数字和除 I、O、S、V、Z 外的大写字母)`,
  },
  "uscc.checksum": {
    severity: "error",
    scope: "cell",
    // Never the check character that would pass: typing it makes a code with an earlier typo valid but
    // wrong, which no later check catches. The clerk copies the whole code again from its source.
    text: () =>
      "统一社会信用代码校验不通过(代码中有字符录入有误)；请从营业执照或国家企业信用信息公示系统重新复制完整代码",
  },
  "uscc.number": {
    severity: "error",
    scope: "cell",
    text: (a) =>
      `统一社会信用代码以数字形式存储，末几位已丢失(读到 ${shown(a.value)})；请将该列设为文本格式后重新输入`,
  },
  "uscc.duplicate": {
    severity: "error",
    scope: "row",
    text: (a) => `统一社会信用代码 ${q(a.value)} 与 ${a.other} 重复，本行不予计入`,
  },
  // Normalisations (warnings: the value was read, but not as written)
  "norm.number_text": {
    severity: "warning",
    scope: "cell",
    text: (a) => `${label(a)}是以文本形式存储的数字 ${q(a.value)}，已按数字 ${a.detail} 读取`,
  },
  "norm.thousands": {
    severity: "warning",
    scope: "cell",
    text: (a) => `${label(a)}含千位分隔符 ${q(a.value)}，已按 ${a.detail} 读取`,
  },
  "norm.fullwidth": {
    severity: "warning",
    scope: "cell",
    text: (a) => `${label(a)}含全角字符 ${q(a.value)}，已按 ${q(a.detail)} 读取`,
  },
  "norm.percent_text": {
    severity: "warning",
    scope: "cell",
    text: (a) => `${label(a)}填为 ${q(a.value)}，已按 ${a.detail} 读取`,
  },
  "norm.percent_fraction": {
    severity: "warning",
    scope: "cell",
    text: (a) =>
      `${label(a)}填为 ${q(a.value)}，0与1之间的小数按比例读取为 ${a.detail}；如实为不到1%，请填写如\u201c0.45%\u201d`,
  },
  "norm.year_text": {
    severity: "warning",
    scope: "cell",
    text: (a) => `${label(a)}填为 ${q(a.value)}，已按年份 ${a.detail} 读取`,
  },
  "norm.date_text": {
    severity: "warning",
    scope: "cell",
    text: (a) => `${label(a)}以文本填为 ${q(a.value)}，已按日期 ${a.detail} 读取`,
  },
  "norm.yesno": {
    severity: "warning",
    scope: "cell",
    text: (a) =>
      `${label(a)}填为 ${q(a.value)}，已按\u201c${a.detail}\u201d读取；请填\u201c是\u201d或\u201c否\u201d`,
  },
  "norm.uscc": {
    severity: "warning",
    scope: "cell",
    text: (a) => `统一社会信用代码 ${q(a.value)} 已规范为 ${a.detail}(大写、去空格、全角转半角)`,
  },
  "norm.list": {
    severity: "warning",
    scope: "cell",
    text: (a) => `${label(a)}填为 ${q(a.value)}，已按可选项\u201c${a.detail}\u201d读取`,
  },
} satisfies Record<string, CatalogueEntry>;

/** The roster workbook (认定名单) the bureau checks claimed recognitions against (core/roster). */
const ROSTER_CATALOGUE = {
  "roster.no_sheet": {
    severity: "error",
    scope: "file",
    text: () =>
      "没有找到认定名单：需要一张表头含\u201c企业名称\u201d\u201c层级\u201d\u201c年份\u201d\u201c状态\u201d的工作表(可用 srdi roster 生成空白名单)",
  },
  "roster.missing_column": {
    severity: "error",
    scope: "file",
    text: (a) => `认定名单缺少列\u201c${a.expected}\u201d；请补上该列(列的先后不限)`,
  },
  "roster.too_many_rows": {
    severity: "error",
    scope: "file",
    text: (a) => `认定名单超过 ${a.max} 行，未读取；请按层级或年份拆分`,
  },
  "roster.required": {
    severity: "error",
    scope: "cell",
    text: (a) => `${label(a)}未填写，本行未计入名单`,
  },
  "roster.name_long": {
    severity: "error",
    scope: "cell",
    text: (a) => `企业名称超过 ${a.max} 个字符，本行未计入名单：${q(a.value)}`,
  },
  "roster.tier_unknown": {
    severity: "error",
    scope: "cell",
    text: (a) => `层级 ${q(a.value)} 不是本计划的层级(应为${a.detail})，本行未计入名单`,
  },
  "roster.year": {
    severity: "error",
    scope: "cell",
    text: (a) => `年份须为 ${a.min} 至 ${a.max} 之间的年份，实为 ${q(a.value)}，本行未计入名单`,
  },
  "roster.status": {
    severity: "error",
    scope: "cell",
    text: (a) => `状态须为${a.detail}之一，实为 ${q(a.value)}，本行未计入名单`,
  },
  "roster.uscc": {
    severity: "warning",
    scope: "cell",
    text: (a) => `统一社会信用代码 ${q(a.value)} 不正确(${a.detail})，本行按企业名称核对`,
  },
  "roster.duplicate": {
    severity: "error",
    scope: "row",
    text: (a) => `与第 ${a.other} 行重复(同一企业、层级、年份和状态)，以第一次出现的为准`,
  },
} satisfies Record<string, CatalogueEntry>;

/** The targets workbook (目标分解表) read back by the bureau. */
const TARGETS_CATALOGUE = {
  "targets.unknown_form": {
    severity: "error",
    scope: "file",
    text: () => "该文件不是目标分解表(缺少SRDI-TARGETS标识)，请使用 srdi targets 生成的目标分解表",
  },
  "targets.plan_mismatch": {
    severity: "warning",
    scope: "file",
    text: (a) => `目标分解表对应的计划为${shown(a.actual)}，与当前计划${a.expected}不一致，请核实`,
  },
  "targets.missing_sheet": {
    severity: "error",
    scope: "file",
    text: (a) => `缺少该工作表${a.detail ? `，${a.detail}` : ""}`,
  },
  "targets.not_number": {
    severity: "error",
    scope: "cell",
    text: (a) => `${a.label ?? ""}不是数字，已按未填写处理`,
  },
  "targets.negative": {
    severity: "error",
    scope: "cell",
    text: (a) => `${a.label ?? ""}不得小于0，已按未填写处理`,
  },
  "targets.percent_points": {
    severity: "warning",
    scope: "cell",
    text: (a) => `${a.label ?? ""}${a.detail}大于1，按百分数${a.detail}%读取`,
  },
  "targets.duplicate_row": {
    severity: "error",
    scope: "row",
    text: (a) => `${a.label ?? ""}重复出现，以第一次出现的为准`,
  },
  "targets.sum_mismatch": {
    severity: "warning",
    scope: "file",
    // detail: the plan's whole (全市, 全省).
    text: (a) => `${a.label ?? ""}各地分解目标合计${a.actual}，与${a.detail ?? ""}目标${a.expected}不符`,
  },
  "targets.partial": {
    severity: "warning",
    scope: "file",
    text: (a) => `${a.label ?? ""}有${a.actual}个单位未分解目标，这些单位该指标只展示、不计分`,
  },
  "targets.region_invalid": {
    severity: "error",
    scope: "cell",
    // detail: what the cell must hold (a percentage may be negative: a growth rate).
    text: (a) => `${a.label ?? ""}须为${a.detail ?? "不小于0的数字"}，已按未录入处理`,
  },
  "targets.region_column_missing": {
    severity: "warning",
    scope: "file",
    // label: the region field's header; detail: what is used instead.
    text: (a) => `区域数据缺少“${a.label ?? ""}”一列，${a.detail ?? ""}`,
  },
  "targets.region_column_unknown": {
    severity: "warning",
    scope: "cell",
    text: (a) => `不认识的列${q(a.value)}(本规划的指标不读取这项区域数据)，已忽略`,
  },
  "targets.receipt_invalid": {
    severity: "error",
    scope: "cell",
    text: (a) => `${a.label ?? ""}不是日期(应如 2025-10-12)，已按未登记处理`,
  },
  "targets.review_invalid": {
    severity: "error",
    scope: "cell",
    text: (a) => `${a.label ?? ""}应为\u201c待审核\u201d\u201c接受\u201d或\u201c退回\u201d，已按待审核处理`,
  },
  "settings.invalid": {
    severity: "error",
    scope: "cell",
    text: (a) => `${a.label ?? ""}取值不正确，已采用默认值${a.expected}`,
  },
} satisfies Record<string, CatalogueEntry>;

type FixedCode = keyof typeof CATALOGUE | keyof typeof TARGETS_CATALOGUE | keyof typeof ROSTER_CATALOGUE;

/** Every issue code: a fixed one of the catalogue, or rule.* from a form's cross-field rules. */
export type IssueCode = FixedCode | `rule.${string}`;

/** Every fixed code (rule.* codes come from the form's cross-field rules). */
export const ISSUE_CODES = [
  ...Object.keys(CATALOGUE),
  ...Object.keys(TARGETS_CATALOGUE),
  ...Object.keys(ROSTER_CATALOGUE),
] as FixedCode[];

/** A form's cross-field rule (rule.*): the rule gives its own text and may lower the severity. */
const RULE_ENTRY: CatalogueEntry = {
  severity: "error",
  scope: "row",
  text: (a) => `${a.ruleText ?? "逻辑关系不符"}${a.detail ? `(${a.detail})` : ""}`,
};

const ENTRIES: Record<string, CatalogueEntry> = { ...CATALOGUE, ...TARGETS_CATALOGUE, ...ROSTER_CATALOGUE };

function entryOf(code: IssueCode): CatalogueEntry | undefined {
  return ENTRIES[code] ?? (code.startsWith("rule.") ? RULE_ENTRY : undefined);
}

/** True for a code of the catalogue (a fixed one or rule.*): text from outside (a reader's error) is checked. */
export function isIssueCode(code: string): code is IssueCode {
  return entryOf(code as IssueCode) !== undefined;
}

export function defaultSeverity(code: IssueCode): "error" | "warning" {
  return entryOf(code)?.severity ?? "error";
}

/** The catalogue's scope of a code (an unknown code counts as the whole file: nothing is assumed). */
export function issueScope(code: IssueCode): IssueScope {
  return entryOf(code)?.scope ?? "file";
}

/** "企业名录!B7 " or "工作表“企业名录”：" or "": the location as plain text shows it, before the message. */
export function where(sheet: string | null | undefined, cell: string | null | undefined): string {
  if (sheet && cell) return `${sheet}!${cell} `;
  if (sheet) return `工作表\u201c${sheet}\u201d：`;
  return "";
}

/** What is wrong, in zh-CN, without where (the issue's sheet and cell say that). */
export function issueMessage(code: IssueCode, a: MessageArgs = {}): string {
  const entry = entryOf(code);
  return entry ? entry.text(a) : `${code}${a.detail ? `：${a.detail}` : ""}`;
}
