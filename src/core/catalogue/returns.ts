// Issues of a return (报表), read for the clerk who filled it: the file, its identification, its sheets
// and columns, each cell's value, normalisations (warnings: read, but not as written), history and outliers.
import { label, q, shown, type CatalogueEntry } from "./entry";

export const RETURNS = {
  // The file itself
  "file.unreadable": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `无法读取文件${a.detail ? `(${a.detail})` : ""}，请检查文件是否存在、是否被其他程序占用`,
  },
  "file.empty": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: () => "文件为空(0字节)，不是 Excel 工作簿",
  },
  "file.not_workbook": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `文件不是 Excel 工作簿(.xlsx)${a.detail ? `：${a.detail}` : ""}，请使用下发的模板填报`,
  },
  "file.corrupt": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `文件已损坏，无法作为 Excel 工作簿读取${a.detail ? `：${shown(a.detail, 120)}` : ""}`,
  },
  "file.encrypted": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: () => "文件设置了打开密码(已加密)，无法读取；请取消密码后重新报送",
  },
  "file.xls": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: () => "文件是旧版 Excel 97-2003 格式(.xls)或其他 Office 文件，请使用下发的 .xlsx 模板填报",
  },
  "file.too_large": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `文件解压后过大或压缩比异常，拒绝读取${a.detail ? `：${a.detail}` : ""}`,
  },
  // A count the reader caps (sheets, merged ranges, zip entries) passed: which one, and its cap.
  "file.over_limit": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) =>
      `${a.label ?? "工作簿的结构"}超过读取上限${a.max !== undefined ? `(${a.max})` : ""}，拒绝读取${a.detail ? `：${shown(a.detail, 120)}` : ""}`,
  },
  "file.too_many_rows": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `行数或单元格数超过上限(${a.max ?? ""})，拒绝读取${a.detail ? `：${a.detail}` : ""}`,
  },
  // Identification (the metadata sheet)
  "form.unknown": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `无法识别的报表：${a.detail ?? "缺少元数据工作表"}。请使用下发的模板填报，勿复制到新工作簿`,
  },
  "form.version": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `表式版本不符：应为 ${a.expected}，实为 ${shown(a.actual)}。请使用本轮下发的模板`,
  },
  "form.fingerprint": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: () => "表式结构校验码不符：模板由其他版本的表式生成或元数据被改动，请使用本轮下发的模板",
  },
  "form.unit_unknown": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `填报单位代码 ${q(a.value)} 不在本计划的填报单位之中`,
  },
  "form.unit_mismatch": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `填报单位不符：本次应为 ${a.expected}，报表为 ${a.actual ?? q(a.value)}`,
  },
  "form.period_invalid": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `报告期 ${q(a.value)} 无法识别(应如 2025、2025H1、2025Q3、2025-09)`,
  },
  "form.period_outside_plan": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => a.detail ?? `报告期 ${q(a.value)} 不在本计划的计划期内`,
  },
  "form.period_mismatch": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `报告期不符：本轮为 ${a.expected}，报表为 ${a.actual ?? q(a.value)}`,
  },
  // Structure
  "sheet.missing": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `缺少该工作表${a.detail ? `(${a.detail})` : ""}；请勿删除或改名工作表`,
  },
  "sheet.added": {
    severity: "warning",
    scope: "file",
    audience: "clerk",
    text: (a) => `该工作表不属于模板${a.detail ? `(${a.detail})` : ""}，其中内容不会被读取`,
  },
  "column.missing": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `缺少列\u201c${a.expected}\u201d；请勿删除、移动或改名列标题`,
  },
  "column.renamed": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `列标题应为\u201c${a.expected}\u201d，实为${q(a.actual)}；请勿改动列标题`,
  },
  "column.moved": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `列\u201c${a.expected}\u201d的位置被移动(应在 ${a.other})；请勿插入、删除或移动列`,
  },
  "column.added": {
    severity: "warning",
    scope: "file",
    audience: "clerk",
    text: (a) => `模板之外的列${a.actual ? q(a.actual) : ""}，其中内容不会被读取`,
  },
  "region.label": {
    severity: "error",
    scope: "file",
    audience: "clerk",
    text: (a) => `此处应为指标\u201c${a.expected}\u201d，实为${q(a.actual)}；请勿插入、删除或改动行`,
  },
  // Cells
  "cell.error_value": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}为错误值 ${shown(a.value)}，请改为有效的值`,
  },
  "cell.formula_no_cache": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    text: (a) =>
      `${label(a)}是公式${a.value ? q(a.value) : ""}但文件中没有计算结果，请在 Excel 中打开、重新计算并保存，或改为数值`,
  },
  // History and outliers (issue 26): warnings the clerk explains in 说明, never a rejection.
  "history.firm_missing": {
    severity: "warning",
    scope: "file",
    audience: "clerk",
    text: (a) =>
      `上期填报的企业${q(a.value)}(${a.detail ?? ""})本期未填报：如已退出(注销、迁出、不再纳入)，请在${a.label ? `\u201c${a.label}\u201d` : "说明"}中写明原因；如遗漏请补填`,
  },
  "history.firm_moved": {
    severity: "warning",
    scope: "row",
    audience: "clerk",
    text: (a) =>
      `该企业上期由${a.detail ?? "其他单位"}填报，本期改由本单位填报：如已迁入请在\u201c说明\u201d中写明`,
  },
  "outlier.robust": {
    severity: "warning",
    scope: "cell",
    audience: "clerk",
    noValue: "the detail begins with the value",
    text: (a) =>
      `${label(a)}${a.detail ?? ""}，与同类企业相比明显偏离，请核实；如属实请在\u201c说明\u201d中写明原因`,
  },
  "cell.merged": {
    severity: "error",
    scope: "row",
    audience: "clerk",
    text: (a) => `数据区域有合并单元格 ${a.detail ?? ""}，请取消合并并逐行填写`,
  },
  // Values
  "value.required": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    noValue: "the cell is blank",
    text: (a) => `${label(a)}为必填项，不能为空${a.detail ?? ""}`,
  },
  "value.too_short": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}至少 ${a.min} 个字符，实为 ${a.actual} 个：${q(a.value)}`,
  },
  "value.too_long": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}不得超过 ${a.max} 个字符，实为 ${a.actual} 个：${q(a.value)}`,
  },
  "value.not_in_list": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}的值 ${q(a.value)} 不在可选项中(可选：${a.detail})`,
  },
  "value.not_number": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}应为数字，实为 ${q(a.value)}`,
  },
  "value.not_whole": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}应为整数，实为 ${q(a.value)}`,
  },
  "value.out_of_range": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}超出范围：${a.detail}，实为 ${q(a.value)}`,
  },
  "value.not_year": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}应为4位年份(如 2023)，实为 ${q(a.value)}`,
  },
  "value.year_range": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}须在 ${a.min} 年至 ${a.max} 年之间(不晚于报告期年份)，实为 ${q(a.value)}`,
  },
  "value.not_date": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}应为日期(如 2025-10-12)，实为 ${q(a.value)}`,
  },
  "value.date_range": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}须在 ${a.min} 至 ${a.max} 之间(不晚于今天)，实为 ${q(a.value)}`,
  },
  "value.duplicate": {
    severity: "error",
    scope: "row",
    audience: "clerk",
    text: (a) => `${label(a)}的值 ${q(a.value)} 与 ${a.other} 重复，本行不予计入`,
  },
  // 统一社会信用代码
  "uscc.length": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    text: (a) => `统一社会信用代码应为18位，实为 ${a.actual} 位：${q(a.value)}`,
  },
  "uscc.charset": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    noValue: "it names the position and the character instead",
    text: (a) =>
      `统一社会信用代码第 ${a.detail} 位含非法字符 ${q(a.actual)}(只能是数字和除 I、O、S、V、Z 外的大写字母)`,
  },
  "uscc.checksum": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    noValue: "never the code: the clerk copies the whole code again rather than fixing one character",
    // Never the check character that would pass: typing it makes a code with an earlier typo valid but
    // wrong, which no later check catches. The clerk copies the whole code again from its source.
    text: () =>
      "统一社会信用代码校验不通过(代码中有字符录入有误)；请从营业执照或国家企业信用信息公示系统重新复制完整代码",
  },
  "uscc.number": {
    severity: "error",
    scope: "cell",
    audience: "clerk",
    text: (a) =>
      `统一社会信用代码以数字形式存储，末几位已丢失(读到 ${shown(a.value)})；请将该列设为文本格式后重新输入`,
  },
  "uscc.duplicate": {
    severity: "error",
    scope: "row",
    audience: "clerk",
    text: (a) => `统一社会信用代码 ${q(a.value)} 与 ${a.other} 重复，本行不予计入`,
  },
  // Normalisations (warnings: the value was read, but not as written)
  "norm.number_text": {
    severity: "warning",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}是以文本形式存储的数字 ${q(a.value)}，已按数字 ${a.detail} 读取`,
  },
  "norm.thousands": {
    severity: "warning",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}含千位分隔符 ${q(a.value)}，已按 ${a.detail} 读取`,
  },
  "norm.fullwidth": {
    severity: "warning",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}含全角字符 ${q(a.value)}，已按 ${q(a.detail)} 读取`,
  },
  "norm.percent_text": {
    severity: "warning",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}填为 ${q(a.value)}，已按 ${a.detail} 读取`,
  },
  "norm.percent_fraction": {
    severity: "warning",
    scope: "cell",
    audience: "clerk",
    text: (a) =>
      `${label(a)}填为 ${q(a.value)}，0与1之间的小数按比例读取为 ${a.detail}；如实为不到1%，请填写如\u201c0.45%\u201d`,
  },
  "norm.year_text": {
    severity: "warning",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}填为 ${q(a.value)}，已按年份 ${a.detail} 读取`,
  },
  "norm.date_text": {
    severity: "warning",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}以文本填为 ${q(a.value)}，已按日期 ${a.detail} 读取`,
  },
  "norm.yesno": {
    severity: "warning",
    scope: "cell",
    audience: "clerk",
    text: (a) =>
      `${label(a)}填为 ${q(a.value)}，已按\u201c${a.detail}\u201d读取；请填\u201c是\u201d或\u201c否\u201d`,
  },
  "norm.uscc": {
    severity: "warning",
    scope: "cell",
    audience: "clerk",
    text: (a) => `统一社会信用代码 ${q(a.value)} 已规范为 ${a.detail}(大写、去空格、全角转半角)`,
  },
  "norm.list": {
    severity: "warning",
    scope: "cell",
    audience: "clerk",
    text: (a) => `${label(a)}填为 ${q(a.value)}，已按可选项\u201c${a.detail}\u201d读取`,
  },
} satisfies Record<string, CatalogueEntry>;
