// Hand-made records for aggregation tests: every field blank unless a test sets it.
import type { EnterpriseRecord, PlatformRecord, ReturnResult } from "../../src/core/read/types";

export function ent(o: Partial<EnterpriseRecord> & { uscc: string }, row = 2): EnterpriseRecord {
  return {
    sheet: "企业名录",
    row,
    name: `企业${o.uscc.slice(-4)}`,
    chain: null,
    above_scale: true,
    pool: null,
    innovative_year: null,
    provincial_srdi_year: null,
    little_giant_year: null,
    champion_year: null,
    revenue: null,
    main_revenue: null,
    rd_expense: null,
    patents: null,
    invention_patents: null,
    rd_institution: null,
    cnc_rate: null,
    digital_mgmt: null,
    digital_rd_tools: null,
    transformation: null,
    free_diagnosis: null,
    integration_std: null,
    cloud_star: null,
    smart_workshops: null,
    smart_factory: null,
    ip_standard: null,
    jiangsu_quality: null,
    quality_award: null,
    ipo_reserve: null,
    srdi_board: null,
    listed: null,
    service_officer: null,
    note: null,
    ...o,
  };
}

export function plat(
  name: string,
  kind: string,
  level: string,
  year: number | null = 2024,
  row = 2,
): PlatformRecord {
  return { sheet: "平台与集群", row, name, kind, level, year };
}

/** Rows numbered from 2 in the order given. */
export function ret(
  unit: string,
  enterprises: (Partial<EnterpriseRecord> & { uscc: string })[],
  o: Partial<ReturnResult> = {},
): ReturnResult {
  const ents = enterprises.map((e, i) => ent({ ...e, row: i + 2 }, i + 2));
  const platforms = o.platforms ?? [];
  return {
    file: `${unit}.xlsx`,
    unit,
    unitName: null,
    period: "2025Q3",
    formVersion: "1",
    meta: null,
    rejected: false,
    errors: [],
    warnings: [],
    rows: { read: ents.length + platforms.length, accepted: ents.length + platforms.length, rejected: 0 },
    enterprises: ents,
    platforms,
    region: { above_scale_sme_main_revenue: null, contact: "张三" },
    rejectedRows: [],
    modified: "2025-10-08T02:00:00.000Z",
    ...o,
  };
}

/** A USCC-shaped key unique per n (tests of aggregation do not check the check character). */
export const code = (n: number) => `91320700MA${String(n).padStart(7, "0")}X`;
