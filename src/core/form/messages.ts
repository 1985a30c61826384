// The form's own wording rules, and the issue catalogue's API re-exported where the readers of a return
// have always found it. The catalogue itself (every code, its severity, scope, audience and message) is
// src/core/catalogue.

export {
  defaultSeverity,
  isIssueCode,
  ISSUE_CODES,
  issueMessage,
  issueScope,
  shown,
  where,
} from "../catalogue";
export type { CatalogueEntry, IssueCode, IssueScope, MessageArgs } from "../catalogue";

/** How a percent column is read. The 填报说明 of the template states the same rule. */
export const PERCENT_RULE =
  "百分数列按百分点读取：填45或\u201c45%\u201d均表示45%；大于等于1的数按百分点读取(1表示1%)；" +
  "0与1之间的小数(如0.45)按比例读取为45%，并给出提示；单元格设置为百分比格式时按其显示值读取。";
