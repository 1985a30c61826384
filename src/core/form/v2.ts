// Form v2 (REPORTING-FORM.md "Version 2"): what the plan needs to count the right firms. Version 1 stays
// readable beside it; the metadata sheet says which version a return uses.
//
// Validity is asked as the year of the latest recognition or passed review per tier (blank = not
// recognised now, including a failed review), not as a status: a year is a fact printed in the public
// announcement the clerk can look up and the bureau can check, it does not go stale (a status 有效 typed
// in 2024 is wrong in 2026), and validity is then computed from plan data (three years per tier).
import type { CrossFieldRule, FieldDef, FormDef } from "./types";
import { FORM_V1 } from "./v1";

export const FORM_V2_VERSION = "2";
/** The period the money fields cover, stated in the template and in the metadata. */
export const MONEY_PERIOD = "本年1月至报告期末累计";

const v1 = (key: string): FieldDef => {
  const f = FORM_V1.enterprises.fields.find((x) => x.key === key);
  if (!f) throw new Error(`form v1 has no field ${key}`);
  return f;
};

const tierYear = (key: string, header: string, what: string): FieldDef => ({
  ...v1(key),
  header,
  recognition: true,
  hint: `填最近一次${what}或通过复核的年份(有效期3年，过期由系统判断)；从未获得或复核未通过的留空`,
});

const honourYear = (key: string, header: string, hint: string): FieldDef => ({
  key,
  header,
  type: "year",
  yearMin: 2000,
  recognition: false,
  width: 12,
  hint,
  carry: true,
});

const money = (key: string, header: string): FieldDef => ({
  ...v1(key),
  header,
  hint: `${v1(key).hint}；${MONEY_PERIOD}数`,
});

const fields: FieldDef[] = [
  v1("name"),
  v1("uscc"),
  v1("chain"),
  v1("above_scale"),
  v1("pool"),
  tierYear("innovative_year", "创新型中小企业最近公告或复核年份", "公告"),
  tierYear("provincial_srdi_year", "省级专精特新中小企业最近认定或复核年份", "认定"),
  tierYear("little_giant_year", "国家专精特新\u201c小巨人\u201d最近认定或复核年份", "认定"),
  tierYear("champion_year", "国家制造业单项冠军最近认定或复核年份", "认定"),
  money("revenue", "营业收入(万元，本年累计)"),
  money("main_revenue", "主营业务收入(万元，本年累计)"),
  money("rd_expense", "研发费用(万元，本年累计)"),
  v1("patents"),
  v1("invention_patents"),
  v1("rd_institution"),
  v1("cnc_rate"),
  v1("digital_mgmt"),
  v1("digital_rd_tools"),
  v1("transformation"),
  v1("free_diagnosis"),
  v1("integration_std"),
  v1("cloud_star"),
  honourYear("cloud_star_year", "星级上云评定年份", "评定为现有星级的年份；未评定的留空"),
  { ...v1("smart_workshops"), header: "智能车间(个)", hint: "现有智能车间总数，不小于0的整数" },
  {
    key: "smart_workshops_new",
    header: "其中：计划期内建成(个)",
    type: "whole",
    min: 0,
    width: 12,
    hint: "行动计划实施以来(见填报说明)新建成的智能车间个数，不大于智能车间总数",
  },
  honourYear(
    "smart_factory_year",
    "智能制造示范工厂认定年份",
    "获认定智能制造示范工厂的年份；未获认定的留空",
  ),
  v1("ip_standard"),
  honourYear("jiangsu_quality_year", "江苏精品获评年份", "获评\u201c江苏精品\u201d的年份；未获评的留空"),
  v1("quality_award"),
  honourYear("quality_award_year", "质量奖获奖年份", "所填质量奖的获奖年份；未获奖的留空"),
  v1("ipo_reserve"),
  v1("srdi_board"),
  v1("listed"),
  v1("service_officer"),
  v1("note"),
];

const crossRules: CrossFieldRule[] = [
  ...FORM_V1.enterprises.crossRules,
  {
    code: "rule.new_workshops_gt_workshops",
    severity: "error",
    left: "smart_workshops_new",
    op: "<=",
    right: "smart_workshops",
    message: "计划期内建成的智能车间数不得大于智能车间总数",
  },
];

export const FORM_V2: FormDef = {
  ...FORM_V1,
  version: FORM_V2_VERSION,
  moneyPeriod: MONEY_PERIOD,
  enterprises: {
    ...FORM_V1.enterprises,
    fields,
    crossRules,
    pairedYears: [
      {
        code: "rule.quality_award_year",
        field: "quality_award",
        none: "无",
        year: "quality_award_year",
        message: "质量奖与获奖年份应同时填写，未填年份的不计入计划期内完成数",
      },
      {
        code: "rule.cloud_star_year",
        field: "cloud_star",
        none: "无",
        year: "cloud_star_year",
        message: "星级上云与评定年份应同时填写，未填年份的不计入计划期内完成数",
      },
    ],
  },
  region: {
    name: FORM_V1.region.name,
    cells: [
      {
        key: "above_scale_sme_main_revenue",
        header: "规上中小企业主营业务收入(万元，本年累计，仅供核对)",
        type: "decimal",
        min: 0,
        row: 3,
        hint: "本地区规上中小企业主营业务收入合计(统计部门口径)，仅供市局核对；计算比重以市局录入的统计数据为准",
      },
      FORM_V1.region.cells.find((c) => c.key === "contact")!,
      {
        key: "filled_on",
        header: "填报日期",
        type: "date",
        required: true,
        dateMin: "2023-01-01",
        row: 5,
        hint: "填写完成本表的日期，如 2025-10-12，不得晚于今天",
      },
    ],
  },
  notes: [
    "认定年份：创新型、省级专精特新、小巨人、单项冠军各填最近一次公告(认定)或通过复核的年份；有效期3年，过期未复核的由系统自动不计；复核未通过的请留空。",
    "江苏精品、质量奖、智能制造示范工厂、星级上云请填获得的年份，智能车间另填计划期内建成的个数；{start}年(行动计划实施)以前获得的不计入计划期内的完成数。",
    "金额(营业收入、主营业务收入、研发费用)填{money}数，单位万元。",
    "\u201c区域指标\u201d中的规上中小企业主营业务收入仅供核对，计算比重以市局录入的统计数据为准；请填写填报日期。",
  ],
};
