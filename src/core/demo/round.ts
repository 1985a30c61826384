// The built-in sample round (`srdi demo`): plausible returns for every unit but one, with a late unit,
// a unit with enough defective rows to lose a point, one enterprise reported by two units, lapsed and
// reviewed recognitions, honours won before and during the plan, one unit still on form version 1, and a
// targets workbook with the bureau's region figures and a few receipt dates. Deterministic.
import { milestoneInForce, segmentProgress } from "../plan/milestones";
import type { FormDef } from "../form/types";
import { formsOf } from "../form/versions";
import type { FillData } from "../form/template-fill";
import { isoToSerial } from "../read/date";
import type { CellValue } from "../sheet/types";
import { parsePeriod, timeProgress, type Period } from "../plan/periods";
import type { Plan, Unit } from "../plan/types";
import { regionFieldsOf } from "../plan/region-fields";
import { CITY_CODE, DEFAULT_SETTINGS, type ScoringSettings, type TargetAllocation } from "../targets/types";
import { demoAllocation } from "./allocation";
import { companyName, personName } from "./names";
import { fillOtherFields, fillOtherRegionCells } from "./other-fields";
import { rng, type Rng } from "./prng";
import { breakUscc, makeUscc } from "./uscc-gen";

export interface DemoReturn {
  unit: Unit;
  fileName: string;
  /** The form version the unit filled (most use version 2, one still version 1). */
  form: FormDef;
  data: FillData;
  /** ISO time the clerk saved the workbook (docProps/core.xml): the submission time without a receipt. */
  savedAt: string;
  /** ISO time to set as the file's modification time: for some units a later copy (USB, e-mail). */
  modified: string;
}

export interface DemoRound {
  plan: Plan;
  period: Period;
  deadline: string;
  generatedAt: string;
  issuedOn: string;
  targets: TargetAllocation;
  settings: ScoringSettings;
  returns: DemoReturn[];
  missing: Unit[];
  late: Unit[];
  /** The unit whose return is on form version 1. */
  v1: Unit;
  /** The unit with rejected rows beyond the settings' share. */
  defective: Unit;
  duplicate: { uscc: string; name: string; units: [string, string] };
  /** What was planted, in words, for the demo's printout. */
  defects: string[];
}

/** Place names in the demo's company names: the built-in city's; a province's unit (a 设区市 or 州) its own
 * place (苏州, 红河) before the province's; else the plan's own place. */
export function placesOf(plan: Plan, unit: Unit): readonly [string, string] {
  if (plan.city === "连云港市") return ["连云港", "江苏"];
  const home = plan.city.endsWith("市") || plan.city.endsWith("省") ? plan.city.slice(0, -1) : plan.city;
  if (unit.kind !== "prefecture") return [home, home];
  const own = unit.name.replace(/(自治州|市|州)$/, "");
  return [own.length > 3 ? own.slice(0, 2) : own, home];
}

/** Relative size of each default unit (by plan order); other plans get equal sizes. */
const SIZES = [0.07, 0.16, 0.12, 0.12, 0.08, 0.08, 0.15, 0.12, 0.07, 0.03];

type Row = Record<string, CellValue>;

const yn = (b: boolean) => (b ? "是" : "否");
const round2 = (x: number) => Math.round(x * 100) / 100;

function pickSome<T>(r: Rng, xs: T[], n: number): T[] {
  return r.shuffle(xs).slice(0, Math.max(0, Math.min(n, xs.length)));
}

interface UnitPlan {
  unit: Unit;
  factor: number;
  targets: Record<string, number>;
  /** Base values the plan states (云南: 3019户 across the units); absent: counts grow from zero. */
  bases?: Record<string, number>;
}

function enterpriseRows(
  r: Rng,
  up: UnitPlan,
  plan: Plan,
  p: number,
  year: number,
  taken: Set<string>,
  codes: Set<string>,
  form: FormDef,
  v2: boolean,
): Row[] {
  const t = (code: string) => up.targets[code] ?? 0;
  const b = (code: string) => up.bases?.[code] ?? 0;
  const stated = Object.keys(up.bases ?? {}).length > 0;
  // Units are near where the allocation says they should be by now (base + progress), some ahead, some behind.
  const pe = p + (1 - p) * 0.35;
  const n = (code: string, jitter = 0.12) =>
    Math.max(
      0,
      Math.round((b(code) + (t(code) - b(code)) * pe) * up.factor * (1 - jitter + 2 * jitter * r.next())),
    );
  const nInno = n("innovative_smes");
  const nProv = n("provincial_srdi");
  const nLg = n("little_giants", 0.3);
  const total = Math.max(nInno, nProv + nLg) + Math.round(0.2 * nInno) + 5;
  const chains = [...plan.chains, "其他"];
  const places = placesOf(plan, up.unit);
  const rows: Row[] = [];
  for (let i = 0; i < total; i++) rows.push({});
  const idx = rows.map((_, i) => i);
  const prov = new Set(pickSome(r, idx, nProv));
  const lgFromProv = pickSome(r, [...prov], Math.round(nLg * 0.8));
  const lgOthers = pickSome(
    r,
    idx.filter((i) => !prov.has(i)),
    nLg - lgFromProv.length,
  );
  const lg = new Set([...lgFromProv, ...lgOthers]);
  const srdi = (i: number) => prov.has(i) || lg.has(i);
  const srdiIdx = idx.filter(srdi);
  const innoFromSrdi = srdiIdx.filter(() => r.chance(0.85));
  const inno = new Set([
    ...innoFromSrdi,
    ...pickSome(
      r,
      idx.filter((i) => !srdi(i)),
      nInno - innoFromSrdi.length,
    ),
  ]);
  // A form column no indicator of the plan counts (江苏's plan has no 上市 or 质量奖 target) is still
  // filled, for a plausible share of the 专精特新 firms: the demo fills every column the form has.
  const planned = new Set(plan.indicators.map((ind) => ind.code));
  const SHARE: Record<string, number> = {
    champions: 0.015,
    ipo_reserve: 0.06,
    srdi_board_listings: 0.03,
    listed_firms: 0.01,
    jiangsu_quality: 0.02,
    cloud_star_firms: 0.15,
    smart_factories: 0.02,
    mayor_quality_award: 0.02,
    smart_workshops: 0.1,
  };
  const m = (code: string, jitter: number) =>
    planned.has(code)
      ? n(code, jitter)
      : Math.max(
          1,
          Math.round(srdiIdx.length * (SHARE[code] ?? 0.05) * (1 - jitter + 2 * jitter * r.next())),
        );
  const champions = new Set(pickSome(r, [...lg], m("champions", 0.4)));
  const officers = Array.from(
    { length: Math.max(1, Math.round(srdiIdx.length * (0.3 + 0.2 * up.factor))) },
    () => personName(r),
  );
  // Flags that are counts across the unit, preferring SRDI firms the way they are in practice.
  const flagged = (code: string, jitter = 0.3) =>
    new Set(pickSome(r, [...srdiIdx, ...srdiIdx, ...idx], m(code, jitter)).slice(0, m(code, jitter)));
  const ipo = flagged("ipo_reserve");
  const board = flagged("srdi_board_listings");
  const listed = new Set(pickSome(r, srdiIdx, m("listed_firms", 0.4)));
  const js = flagged("jiangsu_quality", 0.5);
  const cloud = flagged("cloud_star_firms");
  const factory = flagged("smart_factories", 0.5);
  const award = flagged("mayor_quality_award", 0.5);
  const workshops = new Set(pickSome(r, srdiIdx, m("smart_workshops", 0.4)));

  rows.forEach((row, i) => {
    const isSrdi = srdi(i);
    const chain = isSrdi || r.chance(0.6) ? r.pick(chains) : "其他";
    const revenue = round2(
      (isSrdi ? 3000 + r.next() ** 2 * 60000 : 300 + r.next() ** 2 * 15000) * (0.8 + 0.4 * up.factor),
    );
    const good = (pSrdi: number, pOther: number) =>
      r.chance(isSrdi ? Math.min(0.98, pSrdi * up.factor) : pOther);
    const patents = isSrdi ? r.int(2, 14) : r.int(0, 6);
    row.name = companyName(r, up.unit.code, chain, taken, listed.has(i), places);
    let uscc = makeUscc(r, up.unit.code);
    while (codes.has(uscc)) uscc = makeUscc(r, up.unit.code);
    codes.add(uscc);
    row.uscc = uscc;
    row.chain = chain;
    row.above_scale = yn(isSrdi || r.chance(0.55));
    row.pool = yn(true);
    // Version 2 asks for the latest recognition or review year: most firms recognised before the plan
    // were reviewed (the year moves on by three), some were not and have lapsed. Version 1 asked for
    // the first year only, so its older years lapse too.
    const latest = (first: number) => (v2 && first <= year - 3 && r.chance(0.7) ? first + 3 : first);
    // A plan that states its base (云南: 1543户 at the start) counts valid recognitions in it, so its
    // firms were first recognised within the last few years and only about a tenth lapse; the built-in
    // plan's invented history reaches further back.
    const since = (floor: number) => (stated ? Math.max(floor, year - 5) : floor);
    row.innovative_year = inno.has(i) ? latest(r.int(since(2022), year)) : null;
    row.provincial_srdi_year = prov.has(i) ? latest(r.int(since(2018), year)) : null;
    row.little_giant_year = lg.has(i) ? latest(r.int(since(2019), year)) : null;
    row.champion_year = champions.has(i) ? latest(r.int(since(2018), year)) : null;
    row.revenue = revenue;
    row.main_revenue = round2(revenue * (0.82 + 0.17 * r.next()));
    row.rd_expense = round2(revenue * (isSrdi ? 0.03 + 0.05 * r.next() * up.factor : 0.01 + 0.04 * r.next()));
    row.patents = patents;
    row.invention_patents = r.int(0, Math.floor(patents / 2));
    row.rd_institution = isSrdi
      ? r.pick(["无", "市级", "市级", "市级", "市级", "省级", "省级", "省级", "国家级"])
      : r.pick(["无", "无", "无", "市级"]);
    row.cnc_rate = isSrdi || r.chance(0.4) ? round2(30 + 45 * r.next() * up.factor) : null;
    row.digital_mgmt = yn(good(0.62, 0.35));
    row.digital_rd_tools = yn(good(0.7, 0.3));
    row.transformation = yn(good(0.92, 0.4));
    row.free_diagnosis = yn(good(0.95, 0.3));
    row.integration_std = yn(good(0.72, 0.1));
    row.cloud_star = cloud.has(i) ? r.pick(["一星级", "二星级", "三星级", "四星级"]) : "无";
    row.smart_workshops = workshops.has(i) ? r.int(1, 2) : 0;
    row.smart_factory = yn(factory.has(i));
    row.ip_standard = yn(isSrdi ? good(0.88, 0) : inno.has(i) ? r.chance(0.45) : r.chance(0.1));
    row.jiangsu_quality = yn(js.has(i));
    row.quality_award = award.has(i) ? (r.chance(0.8) ? "市长质量奖" : "省长质量奖") : "无";
    // Version 2: the year of each honour; about a fifth were won before the plan and do not count.
    const won = () => (r.chance(0.2) ? r.int(2018, 2022) : r.int(2023, year));
    row.cloud_star_year = cloud.has(i) ? won() : null;
    row.smart_factory_year = factory.has(i) ? won() : null;
    row.jiangsu_quality_year = js.has(i) ? won() : null;
    row.quality_award_year = award.has(i) ? won() : null;
    // Most workshops of the pool were built under the plan (the support it gives is for new ones).
    row.smart_workshops_new = workshops.has(i) ? (r.chance(0.75) ? (row.smart_workshops as number) : 0) : 0;
    row.ipo_reserve = yn(ipo.has(i));
    row.srdi_board = yn(board.has(i));
    row.listed = yn(listed.has(i));
    row.service_officer = isSrdi ? officers[i % officers.length] : null;
    row.note = null;
    fillOtherFields(r, row, form, year, Number(plan.start.slice(0, 4)), isSrdi);
  });
  return rows;
}

const PLATFORM_WORDS = [
  "中小企业公共服务中心",
  "科技创业园",
  "智能制造服务平台",
  "工业设计中心",
  "检验检测服务平台",
  "众创空间",
  "电商产业园",
];

function platformRows(r: Rng, up: UnitPlan, plan: Plan, p: number, year: number): Row[] {
  // A plan without platform indicators still has the form's platform sheet: a few of each are listed.
  const planned = new Set(plan.indicators.map((ind) => ind.code));
  const n = (code: string) =>
    planned.has(code)
      ? Math.max(0, Math.round((up.targets[code] ?? 0) * p * up.factor * (0.8 + 0.4 * r.next())))
      : code === "clusters"
        ? r.int(0, 1)
        : r.int(1, 4);
  const out: Row[] = [];
  const names = new Set<string>();
  const add = (kind: string, level: string, k: number) => {
    for (let i = 0; i < k; i++) {
      let name = "";
      do name = `${up.unit.name}${r.pick(PLATFORM_WORDS)}${names.size > 3 ? `(${r.int(1, 9)}号)` : ""}`;
      while (names.has(name));
      names.add(name);
      out.push({
        name:
          kind === "中小企业特色产业集群"
            ? `${up.unit.name}${r.pick(["石英", "医药", "装备", "新材料"])}产业集群`
            : name,
        kind,
        level,
        year: r.int(2016, year),
      });
    }
  };
  const prov = n("provincial_platforms");
  add("中小企业公共服务示范平台", r.chance(0.2) ? "国家级" : "省级", Math.ceil(prov / 2));
  add("小微企业创业创新示范基地", "省级", Math.floor(prov / 2));
  const city = n("city_platforms");
  add("中小企业公共服务示范平台", "市级", Math.ceil(city / 2));
  add("小微企业创业创新示范基地", "市级", Math.floor(city / 2));
  add("中小企业特色产业集群", "省级", n("clusters"));
  return out;
}

function toFill(form: FormDef, enterprises: Row[], platforms: Row[], region: Row): FillData {
  const keys = new Set(form.region.cells.map((c) => c.key));
  return {
    enterprises: enterprises.map((e) => form.enterprises.fields.map((f) => e[f.key] ?? null)),
    platforms: platforms.map((e) => form.platforms.fields.map((f) => e[f.key] ?? null)),
    region: Object.fromEntries(Object.entries(region).filter(([k]) => keys.has(k))),
  };
}

export function buildDemoRound(plan: Plan, periodId = "2025Q3", seed = 20251015): DemoRound {
  const r = rng(seed);
  const period = parsePeriod(periodId)!;
  const sizes = plan.units.map((_, i) => SIZES[i] ?? 0.1);
  const targets = demoAllocation(plan, sizes, period.year);
  // A plan that states its base values (云南) grows from them toward the milestone in force; the built-in
  // plan states none, and its counts grow from zero toward its end target over the whole plan.
  const stated = plan.indicators.filter((ind) => ind.base !== undefined && ind.base !== null);
  const progress =
    stated.length > 0
      ? segmentProgress(milestoneInForce(plan, stated[0], period.year), period.end, "day")
      : timeProgress(plan.start, plan.end, period.end, "day");
  const deadline = "2025-10-15";
  const taken = new Set<string>();
  const codes = new Set<string>();
  const missing = plan.units[plan.units.length - 1];
  const late = plan.units.length > 5 ? plan.units[5] : plan.units[0];
  const defective = plan.units.length > 4 ? plan.units[4] : plan.units[0];
  const dupFrom = plan.units[Math.min(1, plan.units.length - 1)];
  const dupTo = plan.units[Math.min(7, plan.units.length - 2)];
  const v1Unit = plan.units[Math.min(2, plan.units.length - 1)];
  // The plan's current form for every unit but one, which still files the plan's first version.
  const forms = formsOf(plan);
  const current = forms[forms.length - 1];
  const formOf = (u: Unit) => (u.code === v1Unit.code ? forms[0] : current);
  // The region figures the plan's computations read (region(f)): amounts get the bureau's figure and the
  // unit's own near it; rates only the bureau types.
  const regionFields = regionFieldsOf(plan, forms);
  const amountFields = regionFields.filter((f) => !f.percent);
  const rateFields = regionFields.filter((f) => f.percent);
  const unitCells = (f: FormDef) => new Set(f.region.cells.map((c) => c.key));
  const rows = new Map<
    string,
    { ents: Row[]; plats: Row[]; region: Row; savedAt: string; modified: string; bureau: number }
  >();
  plan.units.forEach((unit, i) => {
    const factor = 0.84 + 0.3 * r.next();
    const up: UnitPlan = {
      unit,
      factor,
      targets: Object.fromEntries(
        Object.entries(targets.units[unit.code] ?? {}).map(([k, v]) => [k, v.target ?? 0]),
      ),
      bases: Object.fromEntries(
        stated.map((ind) => [ind.code, targets.units[unit.code]?.[ind.code]?.base ?? 0]),
      ),
    };
    const ents = enterpriseRows(
      r,
      up,
      plan,
      progress,
      period.year,
      taken,
      codes,
      formOf(unit),
      formOf(unit) === current,
    );
    const plats = platformRows(r, up, plan, progress, period.year);
    const srdiMain = ents
      .filter((e) => e.provincial_srdi_year !== null || e.little_giant_year !== null)
      .reduce((s, e) => s + (e.main_revenue as number), 0);
    // The bureau's figure (statistics bureau) and the county's own differ a little: the county's is a check.
    const bureau = round2(srdiMain / (0.36 + 0.12 * r.next() * factor));
    const day = unit.code === late.code ? 17 : 8 + (i % 6);
    const savedAt = new Date(Date.UTC(2025, 9, day, 1 + (i % 8), 7 * i, 0)).toISOString();
    // Every third return reached the bureau as a copy days later: its file time is not when it was sent.
    const modified = i % 3 === 1 ? new Date(Date.UTC(2025, 9, 20, 2, i, 0)).toISOString() : savedAt;
    // The unit's own figure for each amount the plan reads with region(f): the bureau's within a few %.
    const own = round2(bureau * (0.97 + 0.08 * r.next()));
    const region: Row = {};
    for (const f of amountFields) if (unitCells(formOf(unit)).has(f.key)) region[f.key] = own;
    region.contact = `${personName(r)} 0518-8${String(5000000 + r.int(0, 999999)).slice(0, 7)}`;
    region.filled_on = isoToSerial(savedAt.slice(0, 10)) - 1;
    fillOtherRegionCells(r, region, formOf(unit), period.year, Number(plan.start.slice(0, 4)));
    rows.set(unit.code, { ents, plats, region, savedAt, modified, bureau });
  });

  // Planted problems: wrong check characters, main revenue above revenue, a year after the period; enough
  // rows (more than 5 % of the return's) for the rejected-rows deduction.
  const bad = rows.get(defective.code)!.ents;
  const defects: string[] = [];
  const brokenRows = [3, 11, 19, 23, 27, 31].filter((k) => k < bad.length);
  brokenRows.forEach((k) => {
    bad[k].uscc = breakUscc(bad[k].uscc as string);
  });
  defects.push(
    `${defective.name}企业名录第${brokenRows.map((k) => k + 2).join("、")}行：统一社会信用代码校验码错误`,
  );
  bad[7].main_revenue = round2((bad[7].revenue as number) * 1.3);
  defects.push(`${defective.name}企业名录第9行：主营业务收入大于营业收入`);
  bad[15].innovative_year = period.year + 1;
  defects.push(`${defective.name}企业名录第17行：公告年份晚于报告期`);
  const src = rows.get(dupFrom.code)!.ents.find((e) => e.provincial_srdi_year !== null)!;
  rows.get(dupTo.code)!.ents.push({ ...src });
  defects.push(`${src.name as string}同时由${dupFrom.name}和${dupTo.name}报送`);
  defects.push(`${late.name}逾期报送，${missing.name}未报送`);
  if (forms.length > 1)
    defects.push(`${v1Unit.name}仍使用第${forms[0].version}版表式(无荣誉年份，计划期内荣誉不计)`);
  defects.push(
    `部分企业认定已超过3年有效期未复核，不再计入；部分荣誉获得于${plan.start.slice(0, 4)}年以前，不计入计划期完成数`,
  );

  // The bureau's records in the targets workbook: region figures for every unit but the v1 one (its own
  // figure is then used), and receipt dates for the late unit and two others.
  targets.regions = {};
  for (const u of plan.units) {
    const x = rows.get(u.code)!;
    if (u.code === v1Unit.code) continue;
    const figures: Record<string, number> = {};
    for (const f of amountFields) figures[f.key] = x.bureau;
    // A rate the bureau types (规上工业增速 for a relative target): a plausible one per unit and the whole.
    for (const f of rateFields) figures[f.key] = round2(3 + 6 * r.next()) / 100;
    targets.regions[u.code] = figures;
  }
  if (rateFields.length)
    targets.regions[CITY_CODE] = Object.fromEntries(rateFields.map((f) => [f.key, 0.055]));
  targets.receipts = {};
  for (const u of [late, plan.units[0], plan.units[3]].filter((u) => u.code !== missing.code)) {
    targets.receipts[u.code] = rows.get(u.code)!.savedAt.slice(0, 10);
  }

  const generatedAt = "2025-09-25T01:00:00.000Z";
  const returns: DemoReturn[] = plan.units
    .filter((u) => u.code !== missing.code)
    .map((unit) => {
      const x = rows.get(unit.code)!;
      const form = formOf(unit);
      return {
        unit,
        fileName: `${unit.code}-${unit.name}-${period.id}.xlsx`,
        form,
        data: toFill(form, x.ents, x.plats, x.region),
        savedAt: x.savedAt,
        modified: x.modified,
      };
    });
  return {
    plan,
    period,
    deadline,
    generatedAt,
    issuedOn: "2025-10-20",
    targets,
    settings: DEFAULT_SETTINGS,
    returns,
    missing: [missing],
    late: [late],
    v1: v1Unit,
    defective,
    duplicate: { uscc: src.uscc as string, name: src.name as string, units: [dupFrom.code, dupTo.code] },
    defects,
  };
}
