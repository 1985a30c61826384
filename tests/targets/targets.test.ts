import { parseRange } from "../../src/core/a1";
import { issueText } from "../../src/core/issues";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { readTargets } from "../../src/core/targets/read";
import { DEFAULT_SETTINGS, type TargetAllocation } from "../../src/core/targets/types";
import { buildTargetsWorkbook } from "../../src/core/targets/workbook";
import { setCell, snapshotOf } from "./snapshot-of";

const plan = DEFAULT_PLAN;
const period = parsePeriod("2025Q3")!;
const rowOf = (snap: ReturnType<typeof snapshotOf>, ind: string, unit: string) =>
  snap.sheets[0].cells.findIndex((r) => r[0] === ind && r[1] === unit);

describe("buildTargetsWorkbook", () => {
  const desc = buildTargetsWorkbook(plan, period);
  const [t, s] = desc.sheets;
  const meta = desc.sheets.find((x) => x.name === "_srdi_targets_meta")!;

  test("sheets: 目标分解, 评分设置, 通报设置, 区域数据, 报送登记 and a very hidden meta sheet naming the form", () => {
    expect(desc.sheets.map((x) => [x.name, x.state])).toEqual([
      ["目标分解", "visible"],
      ["评分设置", "visible"],
      ["通报设置", "visible"],
      ["区域数据", "visible"],
      ["报送登记", "visible"],
      ["_srdi_targets_meta", "veryHidden"],
    ]);
    expect(meta.rows[0]).toEqual(["form_id", "SRDI-TARGETS"]);
    expect(t.protection?.protected).toBe(true);
    expect(s.protection?.protected).toBe(true);
  });

  test("one block per indicator: a row per unit and a city row with the plan's target", () => {
    for (const ind of plan.indicators) {
      const units = t.rows.filter((r) => r[0] === ind.code && plan.units.some((u) => u.code === r[1]));
      expect(units).toHaveLength(plan.units.length);
      const city = t.rows.find((r) => r[0] === ind.code && r[1] === "全市")!;
      expect(city[4]).toBe(ind.target);
    }
  });

  test("input cells are unlocked and validated as decimals ≥ 0; count blocks carry a check formula and a red flag", () => {
    const unlocked = (t.styles ?? []).filter((x) => x.style.locked === false);
    const first = t.rows.findIndex((r) => r[1] === plan.units[0].code) + 1;
    expect(unlocked.some((x) => x.range === `D${first}:E${first + plan.units.length - 1}`)).toBe(true);
    for (const v of t.validations ?? []) {
      expect(v.type).toBe("decimal");
      expect(v.min).toBe(0);
      expect(parseRange(v.range).left).toBe(3);
    }
    const counts = plan.indicators.filter((i) => i.kind === "count").length;
    const checks = t.rows.filter((r) => r[1] === "全市" && r[5] !== null && typeof r[5] === "object");
    expect(checks).toHaveLength(counts);
    expect(t.conditionalFormats).toHaveLength(counts);
    expect(JSON.stringify(checks[0][5])).toContain("与全市目标不符");
  });

  test("settings sheet holds the defaults; basis is a list of 按日/按月", () => {
    expect(s.rows.find((r) => r[0] === "cap")![2]).toBe(1.2);
    expect(s.rows.find((r) => r[0] === "basis")![2]).toBe("按日");
    expect(s.validations?.find((v) => v.type === "list")?.list).toEqual(["按日", "按月"]);
    expect(s.rows.filter((r) => plan.indicators.some((i) => i.code === r[0]))).toHaveLength(
      plan.indicators.length,
    );
  });
});

describe("readTargets", () => {
  const allocation: TargetAllocation = {
    units: Object.fromEntries(
      plan.units.map((u) => [
        u.code,
        { little_giants: { base: 1, target: 2.5 }, rd_intensity: { base: 0.03, target: 0.06 } },
      ]),
    ),
    city: { little_giants: { base: 10, target: null } },
  };

  test("round trip: what was written is read back, no issues", () => {
    const snap = snapshotOf(
      buildTargetsWorkbook(plan, period, {
        allocation,
        settings: { ...DEFAULT_SETTINGS, cap: 1.5, basis: "month", weights: { rd_intensity: 2 } },
      }),
    );
    const r = readTargets(snap, plan);
    expect(r.issues).toEqual([]);
    expect(r.targets.units["320703"]).toEqual(allocation.units["320703"]);
    expect(r.targets.city.little_giants).toEqual({ base: 10, target: null });
    expect(r.settings).toMatchObject({ cap: 1.5, basis: "month", yellowThreshold: 0.1, approxShare: 0.8 });
    expect(r.settings.weights.rd_intensity).toBe(2);
    expect(r.settings.weights.little_giants).toBe(1);
  });

  test("bad cells become issues located by cell; percent points are read as percent", () => {
    const snap = snapshotOf(buildTargetsWorkbook(plan, period));
    const r0 = rowOf(snap, "provincial_srdi", "320703");
    setCell(snap, "目标分解", r0, 4, "二十");
    setCell(snap, "目标分解", r0 + 1, 4, -3);
    setCell(snap, "目标分解", r0 + 2, 4, "1,234");
    const r1 = rowOf(snap, "rd_intensity", "320703");
    setCell(snap, "目标分解", r1, 4, 6);
    setCell(snap, "目标分解", r1 + 1, 4, "5.5%");
    setCell(snap, "评分设置", 4, 2, "每周");
    const r = readTargets(snap, plan);
    const at = (code: string) => r.issues.filter((i) => i.code === code).map((i) => i.cell);
    expect(at("targets.not_number")).toEqual([`E${r0 + 1}`]);
    expect(at("targets.negative")).toEqual([`E${r0 + 2}`]);
    expect(at("targets.percent_points")).toEqual([`E${r1 + 1}`]);
    expect(at("settings.invalid")).toEqual(["C5"]);
    expect(r.targets.units["320707"].provincial_srdi.target).toBe(1234);
    expect(r.targets.units["320703"].rd_intensity.target).toBeCloseTo(0.06, 12);
    expect(r.targets.units["320706"].rd_intensity.target).toBeCloseTo(0.055, 12);
    expect(r.targets.units["320703"].provincial_srdi).toBeUndefined();
    expect(r.settings.basis).toBe("day");
    expect(r.issues.find((i) => i.code === "targets.sum_mismatch")?.message).toContain(
      "省级专精特新中小企业",
    );
    // Members of the one catalogue: severity and scope from it, the location in the fields only.
    const notNumber = r.issues.find((i) => i.code === "targets.not_number")!;
    expect(notNumber).toMatchObject({ severity: "error", scope: "cell", sheet: "目标分解", value: "二十" });
    expect(notNumber.message).toMatch(/^省级专精特新中小企业.*的分解目标“二十”不是数字，已按未填写处理$/);
    for (const i of r.issues) {
      expect(i.message).not.toContain("目标分解!");
      expect(i.message).not.toContain("评分设置!");
      if (i.cell) expect(i.message).not.toContain(i.cell);
    }
    expect(issueText(notNumber)).toBe(`目标分解!E${r0 + 1} ${notNumber.message}`);
  });

  test("missing sheets: an error for the allocation, a warning for the settings, scope file", () => {
    const snap = snapshotOf(buildTargetsWorkbook(plan, period, { allocation }));
    snap.sheets = snap.sheets.filter((x) => x.name !== "目标分解" && x.name !== "评分设置");
    const r = readTargets(snap, plan);
    expect(r.issues.map((i) => [i.code, i.severity, i.scope, i.sheet, i.message])).toEqual([
      ["targets.missing_sheet", "error", "file", "目标分解", "缺少该工作表"],
      ["targets.missing_sheet", "warning", "file", "评分设置", "缺少该工作表，采用默认评分设置"],
    ]);
    expect(issueText(r.issues[0])).toBe("工作表\u201c目标分解\u201d：缺少该工作表");
  });

  test("count targets that do not add up to the city target are a warning", () => {
    const r = readTargets(snapshotOf(buildTargetsWorkbook(plan, period, { allocation })), plan);
    expect(r.issues).toEqual([]); // 10 units × 2.5 = 25 little giants = the city target
    const snap = snapshotOf(buildTargetsWorkbook(plan, period, { allocation }));
    setCell(snap, "目标分解", rowOf(snap, "little_giants", "320703"), 4, 3);
    const w = readTargets(snap, plan).issues;
    expect(w.map((i) => [i.code, i.severity])).toEqual([["targets.sum_mismatch", "warning"]]);
  });

  test("a workbook that is not a targets workbook is refused as a whole", () => {
    const snap = snapshotOf(buildTargetsWorkbook(plan, period, { allocation }));
    setCell(snap, "_srdi_targets_meta", 0, 1, "SRDI-COUNTY");
    const r = readTargets(snap, plan);
    expect(r.issues.map((i) => i.code)).toEqual(["targets.unknown_form"]);
    expect(r.targets.units).toEqual({});
  });

  test("a targets file of the first version (meta sheet named _srdi_meta) still reads", () => {
    const snap = snapshotOf(buildTargetsWorkbook(plan, period, { allocation }));
    const meta = snap.sheets.find((x) => x.name === "_srdi_targets_meta")!;
    meta.name = "_srdi_meta";
    const r = readTargets(snap, plan);
    expect(r.issues).toEqual([]);
    expect(r.targets).toEqual(
      readTargets(snapshotOf(buildTargetsWorkbook(plan, period, { allocation })), plan).targets,
    );
  });

  test("a submission template's _srdi_meta is not taken for the targets' metadata", () => {
    const snap = snapshotOf(buildTargetsWorkbook(plan, period, { allocation }));
    const meta = snap.sheets.find((x) => x.name === "_srdi_targets_meta")!;
    meta.name = "_srdi_meta";
    setCell(snap, "_srdi_meta", 0, 1, "SRDI-QUARTERLY");
    expect(readTargets(snap, plan).issues.map((i) => i.code)).toEqual(["targets.unknown_form"]);
  });
});

describe("scoring settings, region figures and receipts", () => {
  const settings = {
    ...DEFAULT_SETTINGS,
    completionBasis: "stock" as const,
    bonusCap: 5,
    lateMode: "flat" as const,
    latePoints: 2,
    lateCap: 2,
    missingPoints: 15,
    rejectedShare: 0.1,
    rejectedPoints: 0,
    noTarget: "scale" as const,
    bands: [
      { label: "一档", min: 90 },
      { label: "二档", min: 75 },
      { label: "三档", min: 0 },
    ],
  };
  const allocation: TargetAllocation = {
    units: {},
    city: {},
    regions: { "320703": { above_scale_sme_main_revenue: 123456.5 } },
    receipts: { "320706": "2025-10-13", "320707": "2025-10-09" },
  };
  const key = (snap: ReturnType<typeof snapshotOf>, sheet: string, k: string) =>
    snap.sheets.find((x) => x.name === sheet)!.cells.findIndex((r) => r[0] === k);

  test("every knob round-trips through the 评分设置 sheet", () => {
    const r = readTargets(snapshotOf(buildTargetsWorkbook(plan, period, { settings, allocation })), plan);
    expect(r.issues).toEqual([]);
    expect(r.settings).toEqual({ ...settings, weights: r.settings.weights });
    expect(r.targets.regions).toEqual(allocation.regions);
    expect(r.targets.receipts).toEqual(allocation.receipts);
  });

  test("defaults are written: increase, 1 point a working day capped at 5, missing 10, rejected rows 5 % -> 1", () => {
    const r = readTargets(snapshotOf(buildTargetsWorkbook(plan, period)), plan);
    expect(r.settings).toMatchObject({
      completionBasis: "increase",
      bonusCap: 10,
      lateMode: "per_day",
      latePoints: 1,
      lateCap: 5,
      missingPoints: 10,
      rejectedShare: 0.05,
      rejectedPoints: 1,
      noTarget: "exclude",
    });
    expect(r.settings.bands.map((b) => `${b.label}${b.min}`)).toEqual(["好90", "较好80", "一般60", "较差0"]);
  });

  test("refused values name the cell and fall back to the default", () => {
    const snap = snapshotOf(buildTargetsWorkbook(plan, period));
    setCell(snap, "评分设置", key(snap, "评分设置", "completion_basis"), 2, "增长");
    setCell(snap, "评分设置", key(snap, "评分设置", "bands"), 2, "好:60；差:80");
    setCell(snap, "评分设置", key(snap, "评分设置", "late_points"), 2, -1);
    setCell(snap, "区域数据", key(snap, "区域数据", "320703"), 2, "很多");
    setCell(snap, "报送登记", key(snap, "报送登记", "320706"), 2, "十月十三日");
    setCell(snap, "报送登记", key(snap, "报送登记", "320707"), 2, "2025年10月9日");
    const r = readTargets(snap, plan);
    expect(r.settings.completionBasis).toBe("increase");
    expect(r.settings.bands).toEqual(DEFAULT_SETTINGS.bands);
    expect(r.settings.latePoints).toBe(1);
    expect(r.issues.map((i) => [i.code, i.sheet])).toEqual([
      ["settings.invalid", "评分设置"],
      ["settings.invalid", "评分设置"],
      ["settings.invalid", "评分设置"],
      ["targets.region_invalid", "区域数据"],
      ["targets.receipt_invalid", "报送登记"],
    ]);
    // Where travels in the fields, never in the text (each view shows it once).
    expect(r.issues[4].cell).toMatch(/^C\d+$/);
    expect(r.issues[4].message).not.toContain("报送登记");
    expect(r.targets.receipts).toEqual({ "320707": "2025-10-09" });
  });
});
