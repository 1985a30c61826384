// 江苏省专精特新企业培育三年行动计划(2023—2025年) (江苏省政府办公厅, 2023-01-20) as plan data: a province
// with its 13 设区市 as units and five-figure targets. It is shipped as assets/plans/jiangsu-2023-2025.xlsx
// (written from this module by scripts/write-plans.js; tests/planbook/plans.test.ts checks they agree) and
// is the plan of the provincial demo in `npm run bench`.
//
// Targets are the plan's 主要目标 (quoted per indicator); bases are the figures the province gave at issue
// for the end of 2022 (省级专精特新5594家, 小巨人709家, 单项冠军186家). The plan states no base for
// 创新型中小企业, so that count is measured against its target alone. The form is the built-in form version 2
// plus one column the plan's 户均高价值专利 needs.
import type { FieldDef, FormDef } from "../form/types";
import { FORM_V2 } from "../form/v2";
import { DEFAULT_POPULATIONS, DEFAULT_TIERS } from "../plan/default-plan";
import type { Indicator, Plan } from "../plan/types";

const GOALS =
  "到2025年，累计培育国家制造业单项冠军300家和专精特新\u201c小巨人\u201d企业1500家，省级专精特新中小企业10000家以上，" +
  "创新型中小企业50000家以上；专精特新企业研发投入强度超过7%，户均高价值专利达到10件以上；智能化改造数字化转型" +
  "实现全覆盖，关键工序数控化率超过65%、经营管理数字化普及率超过80%、数字化研发设计工具普及率达到90%；主营业务收入" +
  "占规上中小工业企业比重超过50%，省重点产业链配套实现全覆盖。";

const HIGH_VALUE_PATENTS: FieldDef = {
  key: "high_value_patents",
  header: "高价值发明专利(件)",
  type: "whole",
  min: 0,
  width: 12,
  hint: "有效高价值发明专利件数，不小于0的整数，不得大于有效授权专利",
};

const v2 = FORM_V2.enterprises.fields;
const at = v2.findIndex((f) => f.key === "invention_patents") + 1;

export const JIANGSU_FORM: FormDef = {
  ...FORM_V2,
  id: "JS-SRDI",
  version: "1",
  title: "江苏省专精特新企业培育工作报表",
  enterprises: {
    ...FORM_V2.enterprises,
    fields: [...v2.slice(0, at), HIGH_VALUE_PATENTS, ...v2.slice(at)],
    crossRules: [
      ...FORM_V2.enterprises.crossRules,
      {
        code: "rule.high_value_gt_patents",
        severity: "error",
        left: "high_value_patents",
        op: "<=",
        right: "patents",
        message: "高价值发明专利数不得大于有效授权专利数",
      },
    ],
  },
};

const common = {
  section: "主要目标",
  measure: "stock" as const,
  basis: "stock" as const,
  scope: "unit" as const,
};

const count = (code: string, name: string, tier: string, target: number, base: number | null): Indicator => ({
  ...common,
  code,
  name,
  target,
  unit: "家",
  cmp: ">=",
  kind: "count",
  expr: `count(ALL, recognised(${tier}))`,
  computation: `认定(公告)或复核年份在有效期内的${name}家数`,
  population: "all",
  base,
  source: GOALS,
});

const rate = (
  code: string,
  name: string,
  target: number,
  cmp: ">" | ">=",
  expr: string,
  computation: string,
  unit = "%",
): Indicator => ({
  ...common,
  code,
  name,
  target,
  unit,
  cmp,
  kind: "rate",
  expr,
  computation,
  population: "srdi",
  source: GOALS,
});

export const JIANGSU_PLAN: Plan = {
  id: "js-srdi-2023-2025",
  title: "江苏省专精特新企业培育三年行动计划(2023—2025年)",
  city: "江苏省",
  start: "2023-01-01",
  end: "2025-12-31",
  baseDate: "2022-12-31",
  units: [
    { code: "320100", name: "南京市", kind: "prefecture" },
    { code: "320200", name: "无锡市", kind: "prefecture" },
    { code: "320300", name: "徐州市", kind: "prefecture" },
    { code: "320400", name: "常州市", kind: "prefecture" },
    { code: "320500", name: "苏州市", kind: "prefecture" },
    { code: "320600", name: "南通市", kind: "prefecture" },
    { code: "320700", name: "连云港市", kind: "prefecture" },
    { code: "320800", name: "淮安市", kind: "prefecture" },
    { code: "320900", name: "盐城市", kind: "prefecture" },
    { code: "321000", name: "扬州市", kind: "prefecture" },
    { code: "321100", name: "镇江市", kind: "prefecture" },
    { code: "321200", name: "泰州市", kind: "prefecture" },
    { code: "321300", name: "宿迁市", kind: "prefecture" },
  ],
  chains: [
    "新型电力(新能源)装备",
    "工程机械",
    "物联网",
    "高端纺织",
    "前沿新材料",
    "生物医药",
    "新型医疗器械",
    "集成电路",
    "海工装备和高技术船舶",
    "高端装备",
    "节能环保",
    "核心信息技术",
    "汽车及零部件(含新能源汽车)",
    "新型显示",
    "绿色食品",
    "软件和信息服务",
  ],
  chainsNote:
    "清单取全省16个先进制造业集群(行动计划\u201c聚焦16个先进制造业集群和50条重点产业链\u201d)；50条重点产业链由省厅在产业链工作表中细分。",
  indicators: [
    count("innovative_smes", "创新型中小企业", "innovative", 50000, null),
    count("provincial_srdi", "省级专精特新中小企业", "provincial_srdi", 10000, 5594),
    count("little_giants", "专精特新\u201c小巨人\u201d企业", "little_giant", 1500, 709),
    count("champions", "国家制造业单项冠军", "champion", 300, 186),
    rate(
      "rd_intensity",
      "研发投入强度",
      0.07,
      ">",
      "ratio_of_sums(rd_expense, revenue, SRDI)",
      "专精特新企业研发费用合计 ÷ 营业收入合计",
    ),
    rate(
      "high_value_patents_per_firm",
      "户均高价值专利",
      10,
      ">=",
      "sum(high_value_patents, SRDI) / count(SRDI)",
      "专精特新企业高价值发明专利合计 ÷ 专精特新企业家数",
      "件",
    ),
    rate(
      "transformation_coverage",
      "智能化改造数字化转型全覆盖",
      1,
      ">=",
      "share(SRDI, transformation)",
      "已实施智改数转的专精特新企业占比",
    ),
    rate(
      "cnc_rate",
      "关键工序数控化率",
      0.65,
      ">",
      "mean(cnc_rate, SRDI)",
      "填报了数控化率的专精特新企业的算术平均",
    ),
    rate(
      "digital_mgmt_rate",
      "经营管理数字化普及率",
      0.8,
      ">",
      "share(SRDI, digital_mgmt)",
      "经营管理数字化的专精特新企业占比",
    ),
    rate(
      "digital_rd_tools_rate",
      "数字化研发设计工具普及率",
      0.9,
      ">=",
      "share(SRDI, digital_rd_tools)",
      "使用数字化研发设计工具的专精特新企业占比",
    ),
    rate(
      "srdi_revenue_share",
      "专精特新企业主营业务收入占规上中小工业企业比重",
      0.5,
      ">",
      "sum(main_revenue, SRDI, above_scale) / region(above_scale_sme_main_revenue)",
      "规上专精特新企业主营业务收入合计 ÷ 省厅录入的规上中小工业企业主营业务收入合计",
    ),
    {
      ...rate(
        "chain_coverage",
        "省重点产业链配套全覆盖",
        1,
        ">=",
        "chain_coverage(SRDI)",
        "有专精特新企业的先进制造业集群个数 ÷ 集群清单个数",
      ),
      scope: "city_only",
    },
  ],
  tiers: DEFAULT_TIERS,
  populations: DEFAULT_POPULATIONS,
  validityYears: Object.fromEntries(DEFAULT_TIERS.map((t) => [t.key, t.validityYears])),
  forms: [JIANGSU_FORM],
};
