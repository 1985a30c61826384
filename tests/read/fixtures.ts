// Snapshots of filled returns for reader tests, built from the real template description (so the tests
// follow the template) and turned into a snapshot the way an adapter would read it.
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate, type FillData } from "../../src/core/form/template-fill";
import { FORM_V1 } from "../../src/core/form/v1";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import type { CellValue, WorkbookDescription } from "../../src/core/sheet/types";
import type { SheetSnapshot, SnapshotValue, WorkbookSnapshot } from "../../src/core/snapshot";

export const PLAN = DEFAULT_PLAN;
export const FORM = FORM_V1;
export const UNIT = PLAN.units[0]; // 320703 连云区
export const PERIOD = "2025Q3";
export const ENT = FORM.enterprises.name;
export const PLAT = FORM.platforms.name;
export const REG = FORM.region.name;

/** Valid check characters (GB 32100-2015), from REPORTING-FORM.md and made with usccCheckChar. */
export const USCC = ["91110000600037341L", "91320214745555318W", "913205056082348768", "91310115MA1K3BTP2B"];

/** A valid 企业名录 row by field key; override keys to make defects. */
export function enterprise(over: Record<string, CellValue> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    name: "连云港示例科技有限公司",
    uscc: USCC[0],
    chain: "生物医药",
    above_scale: "是",
    pool: "是",
    innovative_year: 2023,
    provincial_srdi_year: 2024,
    little_giant_year: null,
    champion_year: null,
    revenue: 12000,
    main_revenue: 11000,
    rd_expense: 700,
    patents: 12,
    invention_patents: 3,
    rd_institution: "市级",
    cnc_rate: 55,
    digital_mgmt: "是",
    digital_rd_tools: "否",
    transformation: "是",
    free_diagnosis: "是",
    integration_std: "否",
    cloud_star: "三星级",
    smart_workshops: 1,
    smart_factory: "否",
    ip_standard: "是",
    jiangsu_quality: "否",
    quality_award: "无",
    ipo_reserve: "否",
    srdi_board: "否",
    listed: "否",
    service_officer: "张三",
    note: null,
  };
  const v = { ...base, ...over };
  return FORM.enterprises.fields.map((f) => (f.key in v ? v[f.key] : null));
}

export function platform(over: Record<string, CellValue> = {}): CellValue[] {
  const v: Record<string, CellValue> = {
    name: "连云港市中小企业公共服务平台",
    kind: "中小企业公共服务示范平台",
    level: "省级",
    year: 2021,
    ...over,
  };
  return FORM.platforms.fields.map((f) => (f.key in v ? v[f.key] : null));
}

export const REGION = { above_scale_sme_main_revenue: 500000, contact: "李四 0518-85800000" };

export function templateDesc(period = PERIOD, unit = UNIT): WorkbookDescription {
  return buildTemplate({
    plan: PLAN,
    form: FORM_V1,
    unit,
    period: parsePeriod(period)!,
    generatedAt: "2025-10-01T00:00:00Z",
  });
}

export function filledDesc(data: FillData = {}, period = PERIOD): WorkbookDescription {
  const d: FillData = {
    enterprises: data.enterprises ?? [
      enterprise(),
      enterprise({ uscc: USCC[1], name: "第二家企业有限公司" }),
    ],
    platforms: data.platforms ?? [platform()],
    region: data.region ?? REGION,
  };
  return fillTemplate(templateDesc(period), d, FORM_V1);
}

function toSnapshotValue(v: CellValue | undefined): SnapshotValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return { formula: v.formula, result: v.result };
  return v;
}

/** A description as an adapter would read it back: dense cells, states, merges. */
export function descToSnapshot(desc: WorkbookDescription): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = desc.sheets.map((s) => {
    let last = -1;
    let width = 0;
    s.rows.forEach((r, i) => {
      const w = (r ?? []).reduce<number>((acc, v, c) => (v === null || v === undefined ? acc : c + 1), 0);
      if (w > 0) {
        last = i;
        width = Math.max(width, w);
      }
    });
    const cells: SnapshotValue[][] = [];
    for (let i = 0; i <= last; i++) {
      const r = s.rows[i] ?? [];
      cells.push(Array.from({ length: width }, (_, c) => toSnapshotValue(r[c])));
    }
    return { name: s.name, state: s.state, cells, merges: [...(s.merges ?? [])] };
  });
  return { sheets, source: { name: "test.xlsx" } };
}

export function snapshotOf(data: FillData = {}, period = PERIOD): WorkbookSnapshot {
  return descToSnapshot(filledDesc(data, period));
}

export function sheetOf(s: WorkbookSnapshot, name: string): SheetSnapshot {
  const x = s.sheets.find((sh) => sh.name === name);
  if (!x) throw new Error(`no sheet ${name}`);
  return x;
}

/** Sets a cell of a snapshot (0-based row and column), growing the grid. */
export function setCell(
  s: WorkbookSnapshot,
  sheet: string,
  row0: number,
  col0: number,
  v: SnapshotValue,
): void {
  const sh = sheetOf(s, sheet);
  while (sh.cells.length <= row0) sh.cells.push([]);
  const r = sh.cells[row0];
  while (r.length <= col0) r.push(null);
  r[col0] = v;
}

export function col(key: string, table = FORM.enterprises): number {
  const i = table.fields.findIndex((f) => f.key === key);
  if (i < 0) throw new Error(`no field ${key}`);
  return i;
}
