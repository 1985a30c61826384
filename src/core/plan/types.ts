// The plan as data: a new plan or city is a plan workbook (core/planbook) or a JSON file (validated by
// plan/schema.ts), not a release.
import type { FormDef } from "../form/types";

export interface Unit {
  /** Stable code: the statistical division code where one exists, else the product's own. */
  code: string;
  name: string;
  kind: "district" | "county" | "zone";
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
      region: "above_scale_sme_main_revenue";
      where?: Predicate;
    }
  /** key chains (not 其他) with ≥ 1 population firm / number of chains in the plan */
  | { type: "chainCoverage"; population: Population }
  /** platforms/bases/clusters of the given kinds at the given levels (measure since_plan_start: by year) */
  | { type: "platformCount"; kinds: string[]; levels: string[] }
  /** distinct non-blank field values on population rows / count of population */
  | { type: "distinctPerFirm"; population: Population; field: "service_officer" };

export interface Indicator {
  /** Stable code used in JSON output (INDICATORS.md `code` column). */
  code: string;
  /** As the plan says it. */
  name: string;
  /** Plan section, e.g. "一(三)". */
  section: string;
  /** 2025 target; shares and ratios as fractions (5 % = 0.05). */
  target: number;
  /** Display unit: 家, 个, 件, % (value is a fraction), or "" for a plain ratio. */
  unit: string;
  cmp: Comparator;
  /** count: a stock that units are allocated targets of and that adds up across units.
   * rate: a share, ratio or mean; the city target applies to units unless allocated. */
  kind: "count" | "rate";
  formula: Formula;
  /** Short description of the computation, shown in the bulletin's notes. */
  computation: string;
  /** Which enterprises the indicator is about (INDICATORS.md "Populations"); "all" for platforms. */
  population: "srdi" | "inno" | "all";
  /** A stock at the period's end, or only what was achieved since the plan start (争创, 培育, 建设). */
  measure: "stock" | "since_plan_start";
  /** Scored for units and the city, or a city indicator units are not scored on (chain coverage). */
  scope: "unit" | "city_only";
}

/** The recognition tiers whose validity the plan sets (INDICATORS.md: three years, then 复核). */
export type RecognitionTier = "innovative" | "provincial_srdi" | "little_giant" | "champion";

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
  /** Per tier, years a recognition stays valid after its latest recognition or review (复核) year. */
  validityYears: Record<RecognitionTier, number>;
  /** The issuing document (发文字号), e.g. 云政办发〔2025〕27号. */
  document?: string;
  /**
   * Every form version the plan has issued, oldest first; the last is the one new templates use. A
   * return is read against the version it names. Absent: the built-in form versions 1 and 2.
   */
  forms?: FormDef[];
}
