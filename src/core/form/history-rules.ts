// The built-in plan's history rules (issue 26): a figure compared with the firm's own figure of the
// previous round. Each is a warning the clerk answers in 说明, never a rejection. Floors keep small firms
// (whose figures move a lot in relative terms) from tripping the 5× rules: the rule applies only when the
// larger of the two figures is at least the floor.
import type { ExprRule } from "./types";

/** Money fields checked for a 5× move, with the floor in 万元 below which a move is not questioned. */
const MONEY: [key: string, label: string, floor: number][] = [
  ["revenue", "营业收入", 500],
  ["main_revenue", "主营业务收入", 500],
  ["rd_expense", "研发费用", 100],
];

const TIERS: [tier: string, yearField: string, label: string][] = [
  ["innovative", "innovative_year", "创新型中小企业"],
  ["provincial_srdi", "provincial_srdi_year", "省级专精特新中小企业"],
  ["little_giant", "little_giant_year", "专精特新\u201c小巨人\u201d"],
  ["champion", "champion_year", "制造业单项冠军"],
];

const money = MONEY.flatMap(([key, label, floor]): ExprRule[] => [
  {
    code: `rule.${key}_rise_5x`,
    severity: "warning",
    left: key,
    op: "<=",
    right: `prev(${key}) * 5`,
    when: `${key} >= ${floor}`,
    message: `${label}是上期的5倍以上，请核实单位(万元)是否填错；如属实请在\u201c说明\u201d中写明原因`,
  },
  {
    code: `rule.${key}_fall_5x`,
    severity: "warning",
    left: key,
    op: ">=",
    right: `prev(${key}) / 5`,
    when: `prev(${key}) >= ${floor}`,
    message: `${label}不到上期的五分之一，请核实单位(万元)是否填错；如属实请在\u201c说明\u201d中写明原因`,
  },
]);

const rdShare: ExprRule[] = [
  {
    code: "rule.rd_share_up_10pt",
    severity: "warning",
    left: "rd_expense / revenue - prev(rd_expense) / prev(revenue)",
    op: "<=",
    right: "10%",
    message: "研发费用占营业收入的比重比上期上升超过10个百分点，请核实；如属实请在\u201c说明\u201d中写明原因",
  },
  {
    code: "rule.rd_share_down_10pt",
    severity: "warning",
    left: "rd_expense / revenue - prev(rd_expense) / prev(revenue)",
    op: ">=",
    right: "-10%",
    message: "研发费用占营业收入的比重比上期下降超过10个百分点，请核实；如属实请在\u201c说明\u201d中写明原因",
  },
];

const years = TIERS.flatMap(([tier, field, label]): ExprRule[] => [
  {
    code: `rule.${field}_backwards`,
    severity: "warning",
    left: field,
    op: ">=",
    right: `prev(${field})`,
    message: `${label}年份早于上期所填，应填最近一次认定或通过复核的年份，请核实`,
  },
  {
    code: `rule.${field}_vanished`,
    severity: "warning",
    left: `filled(${field})`,
    op: "holds",
    right: "",
    when: `prev(recognised(${tier}))`,
    message: `上期所填${label}年份仍在有效期内，本期未填；如复核未通过或被撤销请在\u201c说明\u201d中写明`,
  },
]);

/** The built-in form's history rules (both versions have these fields). */
export const HISTORY_RULES: ExprRule[] = [...money, ...rdShare, ...years];
