// 云南省专精特新企业倍增三年行动计划(2025—2027年) (云政办发〔2025〕27号, 2025-06-06) as plan data: the
// second plan in the box. It is shipped as the workbook assets/plans/yunnan-2025-2027.xlsx (written from
// this module by scripts/write-plans.js; tests/planbook/plans.test.ts checks the two agree): the workbook is
// what a bureau edits and loads with --plan, this module is its reviewable source.
//
// Targets, bases and 年均增加 are the plan's own sentence (一、工作目标); each indicator quotes it. The
// plan states its bases as "目前" at issue (June 2025); they are dated here at the end of 2024, the base
// date before the plan's first year. The province's own form asks only what these targets need.
import type { FieldDef, FormDef } from "../form/types";
import { FORM_V1 } from "../form/v1";
import { FORM_V2 } from "../form/v2";
import { DEFAULT_POPULATIONS } from "../plan/default-plan";
import type { Indicator, Plan } from "../plan/types";

const SENTENCE =
  "目前，全省已培育3019户创新型中小企业、1543户专精特新中小企业、85户国家级专精特新\u201c小巨人\u201d企业。" +
  "力争到2027年年底，创新型中小企业达到6000户左右，年均增加1000户；专精特新中小企业达到3000户左右，" +
  "年均增加500户；国家级专精特新\u201c小巨人\u201d企业达到170户左右。";

const field = (key: string): FieldDef => {
  const f = FORM_V2.enterprises.fields.find((x) => x.key === key);
  if (!f) throw new Error(`form v2 has no field ${key}`);
  return f;
};

const tierYear = (key: string, header: string, what: string): FieldDef => ({
  ...field(key),
  header,
  hint: `填最近一次${what}或通过复核的年份(有效期3年，过期由系统判断)；从未获得或复核未通过的留空`,
});

export const YUNNAN_FORM: FormDef = {
  id: "YN-SRDI",
  version: "1",
  title: "云南省专精特新企业培育工作报表",
  instructionsSheet: FORM_V2.instructionsSheet,
  metaSheet: FORM_V2.metaSheet,
  moneyPeriod: FORM_V2.moneyPeriod,
  enterprises: {
    name: FORM_V2.enterprises.name,
    headerRow: FORM_V2.enterprises.headerRow,
    firstDataRow: FORM_V2.enterprises.firstDataRow,
    templateRows: FORM_V2.enterprises.templateRows,
    fields: [
      field("name"),
      field("uscc"),
      field("chain"),
      field("above_scale"),
      field("pool"),
      tierYear("innovative_year", "创新型中小企业最近公告或复核年份", "公告"),
      tierYear("provincial_srdi_year", "专精特新中小企业最近认定或复核年份", "认定"),
      tierYear("little_giant_year", "国家级专精特新\u201c小巨人\u201d最近认定或复核年份", "认定"),
      field("revenue"),
      field("main_revenue"),
      field("rd_expense"),
      field("patents"),
      field("invention_patents"),
      field("rd_institution"),
      field("service_officer"),
      field("note"),
    ],
    crossRules: FORM_V1.enterprises.crossRules,
  },
  platforms: FORM_V1.platforms,
  region: {
    name: FORM_V2.region.name,
    cells: FORM_V2.region.cells
      .filter((c) => c.key !== "above_scale_sme_main_revenue")
      .map((c, i) => ({ ...c, row: 3 + i })),
  },
  notes: [
    "认定年份：创新型、专精特新、小巨人各填最近一次公告(认定)或通过复核的年份；有效期3年，过期未复核的由系统自动不计；复核未通过的请留空。",
    "金额(营业收入、主营业务收入、研发费用)填{money}数，单位万元。",
    "\u201c所属重点产业链\u201d按行动计划所列制造强国战略十大重点产业填写，不属于的选\u201c其他\u201d。",
  ],
};

const count = (
  code: string,
  name: string,
  tier: string,
  target: number,
  base: number,
  annualIncrease: number | null,
  clause: string,
): Indicator => ({
  code,
  name,
  section: "一",
  target,
  unit: "户",
  cmp: "~",
  kind: "count",
  expr: `count(ALL, recognised(${tier}))`,
  computation: `认定(公告)或复核年份在有效期内的${name}户数`,
  population: "all",
  measure: "stock",
  basis: "stock",
  scope: "unit",
  base,
  ...(annualIncrease === null ? {} : { annualIncrease }),
  source: `${clause}(原文：${SENTENCE})`,
});

export const YUNNAN_PLAN: Plan = {
  id: "yn-srdi-2025-2027",
  title: "云南省专精特新企业倍增三年行动计划(2025—2027年)",
  document: "云政办发〔2025〕27号",
  city: "云南省",
  start: "2025-01-01",
  end: "2027-12-31",
  baseDate: "2024-12-31",
  units: [
    { code: "530100", name: "昆明市", kind: "prefecture" },
    { code: "530300", name: "曲靖市", kind: "prefecture" },
    { code: "530400", name: "玉溪市", kind: "prefecture" },
    { code: "530500", name: "保山市", kind: "prefecture" },
    { code: "530600", name: "昭通市", kind: "prefecture" },
    { code: "530700", name: "丽江市", kind: "prefecture" },
    { code: "530800", name: "普洱市", kind: "prefecture" },
    { code: "530900", name: "临沧市", kind: "prefecture" },
    { code: "532300", name: "楚雄彝族自治州", kind: "prefecture" },
    { code: "532500", name: "红河哈尼族彝族自治州", kind: "prefecture" },
    { code: "532600", name: "文山壮族苗族自治州", kind: "prefecture" },
    { code: "532800", name: "西双版纳傣族自治州", kind: "prefecture" },
    { code: "532900", name: "大理白族自治州", kind: "prefecture" },
    { code: "533100", name: "德宏傣族景颇族自治州", kind: "prefecture" },
    { code: "533300", name: "怒江傈僳族自治州", kind: "prefecture" },
    { code: "533400", name: "迪庆藏族自治州", kind: "prefecture" },
  ],
  chains: [
    "新一代信息技术产业",
    "高档数控机床和机器人",
    "航空航天装备",
    "海洋工程装备及高技术船舶",
    "先进轨道交通装备",
    "节能与新能源汽车",
    "电力装备",
    "农机装备",
    "新材料",
    "高性能医疗器械",
  ],
  chainsNote:
    "清单取自行动计划\u201c一、工作目标\u201d所列制造强国战略十大重点产业(小巨人认定的重点领域之一)；" +
    "工业\u201c六基\u201d与网络强国建设领域未列入，省厅可在产业链工作表中增删。",
  indicators: [
    count(
      "innovative_smes",
      "创新型中小企业",
      "innovative",
      6000,
      3019,
      1000,
      "力争到2027年年底，创新型中小企业达到6000户左右，年均增加1000户",
    ),
    count(
      "provincial_srdi",
      "专精特新中小企业",
      "provincial_srdi",
      3000,
      1543,
      500,
      "专精特新中小企业达到3000户左右，年均增加500户",
    ),
    count(
      "little_giants",
      "国家级专精特新\u201c小巨人\u201d企业",
      "little_giant",
      170,
      85,
      null,
      "国家级专精特新\u201c小巨人\u201d企业达到170户左右",
    ),
  ],
  tiers: [
    {
      key: "innovative",
      yearField: "innovative_year",
      names: [{ name: "创新型中小企业" }, { name: "科技和创新型中小企业", from: 2026 }],
      validityYears: 3,
    },
    {
      key: "provincial_srdi",
      yearField: "provincial_srdi_year",
      names: [{ name: "专精特新中小企业" }],
      validityYears: 3,
    },
    {
      key: "little_giant",
      yearField: "little_giant_year",
      names: [{ name: "国家级专精特新\u201c小巨人\u201d企业" }],
      validityYears: 3,
    },
  ],
  populations: DEFAULT_POPULATIONS,
  validityYears: { innovative: 3, provincial_srdi: 3, little_giant: 3 },
  forms: [YUNNAN_FORM],
};
