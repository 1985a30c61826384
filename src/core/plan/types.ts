// The plan as data: a new plan or city is a plan workbook (core/planbook) or a JSON file (validated by
// plan/schema.ts), not a release.
import type { FormDef } from "../form/types";

/** The words of a plan's place (plan/words.ts derives the ones a plan leaves out). */
export interface PlaceWords {
  /** 发文机关: printed under the bulletin's masthead and in its 印发 line (通报设置 may override it). */
  issuer: string;
  /** 主管部门: the bureau that collects the returns and keeps the targets workbook (连云港市工业和信息化局). */
  bureau: string;
  /** 主管部门简称: the bureau in a sentence (市局, 省厅). */
  bureauShort: string;
  /** 全域称谓: the plan's whole (全市, 全省, 全县). */
  whole: string;
  /** 本级称谓: the level of the whole (市级, 省级): 市级汇总, 仅市级考核. */
  level: string;
  /** 单位统称: all the units together (各县区、功能板块, 各设区市, 各州（市）). */
  units: string;
  /** 单位简称: one word for the units (县区, 设区市, 州（市）), used in a sheet name (县区完成情况). */
  unitsShort: string;
}

export interface Unit {
  /** Stable code: the statistical division code where one exists, else the product's own. */
  code: string;
  name: string;
  /** prefecture: a 州（市） reporting to a province (云南's 州市); city: a 设区市 of a province. */
  kind: "district" | "county" | "zone" | "prefecture" | "city";
}

export type Comparator = ">" | ">=" | "~";

/** Which enterprise rows an indicator looks at (INDICATORS.md "Populations"). */
export type Population = "SRDI" | "INNO" | "ALL";

/**
 * Predicates over one enterprise record. `recognised` = year filled, not after the period's year and
 * still valid (period year − year ≤ the tier's validity); `since` = honour year filled, not before the
 * plan's start year and not after the period's year; `all` = every one of `of`.
 */
export type Predicate =
  | { op: "recognised"; field: YearField }
  | { op: "since"; field: HonourYearField }
  | { op: "all"; of: Predicate[] }
  | { op: "yes"; field: YesNoField }
  | { op: "in"; field: ListField; values: string[] }
  | { op: "notIn"; field: ListField; values: string[] };

export type YearField = "innovative_year" | "provincial_srdi_year" | "little_giant_year" | "champion_year";
/** Years of honours the plan asks to be achieved during the plan (form version 2). */
export type HonourYearField =
  "jiangsu_quality_year" | "quality_award_year" | "smart_factory_year" | "cloud_star_year";
export type YesNoField =
  | "above_scale"
  | "pool"
  | "digital_mgmt"
  | "digital_rd_tools"
  | "transformation"
  | "free_diagnosis"
  | "integration_std"
  | "smart_factory"
  | "ip_standard"
  | "jiangsu_quality"
  | "ipo_reserve"
  | "srdi_board"
  | "listed";
export type ListField = "chain" | "rd_institution" | "cloud_star" | "quality_award";
export type NumberField =
  | "revenue"
  | "main_revenue"
  | "rd_expense"
  | "patents"
  | "invention_patents"
  | "cnc_rate"
  | "smart_workshops"
  /** Form version 2: smart workshops built since the plan start. */
  | "smart_workshops_new";

/** How an indicator is computed from accepted records. Formulas are data, evaluated by core/aggregate. */
export type Formula =
  /** count of population rows matching `where` */
  | { type: "count"; population: Population; where?: Predicate }
  /** Σ field over population rows (blank counts as 0) */
  | { type: "sum"; population: Population; field: NumberField }
  /** share of population rows matching `where`; no data when the population is empty */
  | { type: "share"; population: Population; where: Predicate }
  /** Σ num / Σ den over population rows that filled both (ratio of sums, never a mean of ratios) */
  | { type: "ratioOfSums"; population: Population; numerator: NumberField; denominator: NumberField }
  /** Σ field over population / count of population */
  | { type: "sumPerFirm"; population: Population; field: NumberField }
  /** mean of field over population rows that filled it */
  | { type: "mean"; population: Population; field: NumberField }
  /** Σ field over population rows matching `where` / Σ of a region figure (the bureau's, else 区域指标) */
  | {
      type: "shareOfRegion";
      population: Population;
      field: NumberField;
      /** A region field of the plan's forms or its bureau figures (region(f)). */
      region: string;
      where?: Predicate;
    }
  /** key chains (not 其他) with ≥ 1 population firm / number of chains in the plan */
  | { type: "chainCoverage"; population: Population }
  /** platforms/bases/clusters of the given kinds at the given levels (measure since_plan_start: by year) */
  | { type: "platformCount"; kinds: string[]; levels: string[] }
  /** distinct non-blank field values on population rows / count of population */
  | { type: "distinctPerFirm"; population: Population; field: "service_officer" };

/**
 * What the target counts (INDICATORS.md, issue 17):
 * - stock: the value at the period's end against the target (a base, when known, gives the increase);
 * - increase: the target is an increase over the base (新增/新培育): the figure shown and scored is the
 *   value at the period's end minus the base value (`base`, or the allocation's);
 * - since_plan_start: the computation counts only what was achieved since the plan start (争创, 培育, 建设).
 */
export type Basis = "stock" | "increase" | "since_plan_start";

/** A target for the end of one year of the plan (the last milestone is the plan's end target). */
export interface Milestone {
  year: number;
  /** Shares and ratios as fractions (5 % = 0.05); for basis "increase", the increase over the base. */
  target: number;
}

export interface Indicator {
  /** Stable code used in JSON output (INDICATORS.md `code` column). */
  code: string;
  /** As the plan says it. */
  name: string;
  /** Plan section, e.g. "一(三)". */
  section: string;
  /** End-of-plan target (= the last milestone's); shares and ratios as fractions (5 % = 0.05). */
  target: number;
  /** Display unit: 家, 个, 件, % (value is a fraction), or "" for a plain ratio. */
  unit: string;
  cmp: Comparator;
  /** count: a stock that units are allocated targets of and that adds up across units.
   * rate: a share, ratio or mean; the city target applies to units unless allocated. */
  kind: "count" | "rate";
  /**
   * The computation in the expression language (src/core/expr, ../i17-contract.md), e.g.
   * `count(ALL, recognised(innovative))`. Always set on a loaded plan: a plan file that gives only the
   * legacy `formula` gets its expression written from it (plan/formula-expr.ts).
   */
  expr: string;
  /** Legacy structured computation (plan JSON files before issue 17). Not read by the evaluator once `expr`
   * is set; kept so old files load. */
  formula?: Formula;
  /** Short description of the computation, shown in the bulletin's notes. */
  computation: string;
  /** Which enterprises the indicator is about: a population's name lower-cased ("srdi", "inno", "all"). */
  population: string;
  /** A stock at the period's end, or only what was achieved since the plan start (争创, 培育, 建设).
   * Derived from `basis` on load ("since_plan_start" ⇔ since_plan_start). */
  measure: "stock" | "since_plan_start";
  /** What the target counts; default "stock", or "since_plan_start" when `measure` says so. */
  basis: Basis;
  /** Scored for units and the city, or a city indicator units are not scored on (chain coverage). */
  scope: "unit" | "city_only";
  /** The city's base value at the plan's base date as the plan states it (云南: 3019户); null/absent when the
   * plan gives none (the targets workbook's 全市 base row then applies). */
  base?: number | null;
  /** Targets per milestone year, ascending, unique years inside the plan; absent = one milestone, the end
   * target at the plan's end year. The last one's target equals `target`. */
  milestones?: Milestone[];
  /** 年均增加: a yearly increase; a year without an explicit milestone gets base + (year − base year) ×
   * annualIncrease (needs `base`). */
  annualIncrease?: number | null;
  /** A target relative to another figure (应税销售增速高于规上工业5个百分点): the key of a region figure
   * (区域数据, typed by the bureau each round); the indicator's value is (computation − that figure) × 100
   * in 百分点 (unit "百分点"), and its target is typed in 百分点 (5). */
  relativeTo?: string | null;
  /** The plan's sentence the target comes from, quoted (shown in the targets workbook). */
  source?: string;
}

/** The recognition tiers of the built-in plan (INDICATORS.md: three years, then 复核). */
export type RecognitionTier = "innovative" | "provincial_srdi" | "little_giant" | "champion";

/** A tier's name as announced from a year on (MIIT 2026: 创新型中小企业 → 科技和创新型中小企业). */
export interface TierName {
  name: string;
  /** First year this name applies; absent = from the beginning. */
  from?: number;
}

/** A recognition tier as plan data: `recognised(key)` in an expression reads `yearField` of a record. */
export interface Tier {
  /** Identifier used in expressions, [a-z][a-z0-9_]*: innovative, provincial_srdi, little_giant, champion. */
  key: string;
  /** The form field holding the year of the latest recognition or review (复核). */
  yearField: string;
  /** Names as announced, `from` ascending; the name in force in a year is the last whose `from` ≤ it. */
  names: TierName[];
  /** Years a recognition stays valid after its latest recognition or review year. */
  validityYears: number;
}

/** A named set of enterprise rows (专精特新企业 = 省级 or 小巨人 still valid), used by indicators. */
export interface PopulationDef {
  /** Identifier used in expressions: SRDI, INNO, ALL, or the plan's own ([A-Za-z][A-Za-z0-9_]*). */
  name: string;
  /** As readers read it: 专精特新企业. */
  label: string;
  /** Row filter (boolean expression); "" = every row. */
  filter: string;
}

/** A region figure the bureau types per unit (and for the whole) each round; `region(key)` reads it. */
export interface RegionFigureDef {
  /** Identifier used in expressions, [a-z][a-z0-9_]*. */
  key: string;
  /** As the bureau reads it: the 区域数据 column header (规上工业应税销售增速). */
  label: string;
  /** decimal: a sum over units for the whole unless the bureau types the whole's; percent: a fraction
   * (5 % = 0.05), never summed (the whole's is the bureau's own). */
  type: "decimal" | "percent";
}

export interface Plan {
  id: string;
  title: string;
  city: string;
  /** Plan start and end, ISO dates; targets are stocks at `end`. */
  start: string;
  end: string;
  /** Date of the base values (end of the year before the plan). */
  baseDate: string;
  units: Unit[];
  /** Key industry chains in force; chain coverage is measured against this list. */
  chains: string[];
  /** Where the chain list came from, shown wherever the list is shown. */
  chainsNote: string;
  indicators: Indicator[];
  /** Per tier key, years a recognition stays valid (derived from `tiers` on load; kept for old readers). */
  validityYears: Record<string, number>;
  /** Recognition tiers (always set on a loaded plan; a plan file without them gets the built-in four). */
  tiers: Tier[];
  /** Populations the indicators count over (always set on a loaded plan; default SRDI, INNO, ALL). */
  populations: PopulationDef[];
  /** The words of the plan's place as the plan states them (发文机关, 全市/全省, 各县区、功能板块 …); any left
   * out are derived from `city` and the units' kinds (plan/words.ts placeWords). */
  words?: Partial<PlaceWords>;
  /** Region figures only the bureau supplies (plan workbook sheet 区域数据): typed each round in the
   * targets workbook's 区域数据, never in a unit's return (规上工业应税销售增速 for a relative target). */
  regionFigures?: RegionFigureDef[];
  /** Issuing document, e.g. 云政办发〔2025〕27号 (optional). */
  document?: string;
  /**
   * Every form version the plan has issued, oldest first; the last is the one new templates use. A
   * return is read against the version it names. Absent: the built-in form versions 1 and 2.
   */
  forms: FormDef[];
}
