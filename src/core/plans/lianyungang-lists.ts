// The built-in 连云港 plan's option lists its forms (v1–v3) take: quality awards, platform kinds and levels.
// Data of the built-in plan, in a module of their own so the forms and the plan import them without a circle.
export const QUALITY_AWARDS = ["无", "市长质量奖", "省长质量奖", "全国质量奖", "中国质量奖"];
export const PLATFORM_KINDS = [
  "中小企业公共服务示范平台",
  "小微企业创业创新示范基地",
  "中小企业特色产业集群",
];
export const PLATFORM_LEVELS = ["国家级", "省级", "市级"];
