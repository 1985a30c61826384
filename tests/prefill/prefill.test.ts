// Prefill from the previous return: the demo round's returns -> the next round's templates -> filled in
// the blanks only -> read and aggregated like any return.
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parseRange } from "../../src/core/a1";
import { buildTemplate } from "../../src/core/form/template";
import type { FieldDef } from "../../src/core/form/types";
import { FORM_V1 } from "../../src/core/form/v1";
import { FORM_V2 } from "../../src/core/form/v2";
import { parsePeriod } from "../../src/core/plan/periods";
import { cellOf } from "../../src/core/prefill/cell";
import {
  chooseSources,
  prefillData,
  prefillRefusal,
  prefillTemplate,
  PREFILLED_FILL,
} from "../../src/core/prefill/prefill";
import { makeIssue } from "../../src/core/read/issue";
import type { ReturnResult } from "../../src/core/read/types";
import { runRound } from "../../src/core/report/round-result";
import type { CellValue, WorkbookDescription } from "../../src/core/sheet/types";
import { readTargets } from "../../src/core/targets/read";
import { DEFAULT_SETTINGS } from "../../src/core/targets/types";
import { buildTargetsWorkbook } from "../../src/core/targets/workbook";
import { snapshotOf } from "../targets/snapshot-of";
import { demo, demoReturns, plan, readDesc } from "./fixtures";

const q4 = parsePeriod("2025Q4")!;
const returns = demoReturns();
const choice = chooseSources(returns, plan, q4);
const template = (unitCode: string) =>
  buildTemplate({
    plan,
    form: FORM_V2,
    unit: plan.units.find((u) => u.code === unitCode)!,
    period: q4,
    generatedAt: "2025-12-20T01:00:00.000Z",
  });
const rowsOf = (d: WorkbookDescription, sheet: string, first: number) =>
  d.sheets.find((s) => s.name === sheet)!.rows.slice(first - 1);

describe("round trip: 2025Q3 returns -> 2025Q4 templates", () => {
  const next = [...choice.byUnit].map(([code, source]) => ({
    source,
    ...prefillTemplate(template(code), source, FORM_V2, plan),
  }));

  test("every unit with a return is prefilled from it; the unit without one is listed for a blank template", () => {
    expect(choice.byUnit.size).toBe(demo.returns.length);
    expect(choice.blank.map((u) => u.code)).toEqual(demo.missing.map((u) => u.code));
    expect(choice.unused).toEqual([]);
  });

  test("the same enterprises in the same order, persistent fields kept, period fields blank", () => {
    const persistent = FORM_V2.enterprises.fields.filter((f) => f.carry);
    const period = FORM_V2.enterprises.fields.filter((f) => !f.carry);
    expect(period.map((f) => f.key)).toEqual(
      expect.arrayContaining(["revenue", "main_revenue", "rd_expense", "patents", "smart_workshops_new"]),
    );
    for (const { source, workbook, summary } of next) {
      const rows = rowsOf(workbook, FORM_V2.enterprises.name, FORM_V2.enterprises.firstDataRow);
      expect(rows.map((r) => r[1])).toEqual(source.enterprises.map((e) => e.uscc));
      expect(summary.enterprises).toBe(source.enterprises.length);
      const col = (f: FieldDef) => FORM_V2.enterprises.fields.indexOf(f);
      source.enterprises.forEach((e, i) => {
        const rec = e as unknown as Record<string, unknown>;
        for (const f of persistent) expect([f.key, rows[i][col(f)]]).toEqual([f.key, cellOf(f, rec[f.key])]);
        for (const f of period) expect([f.key, rows[i][col(f)] ?? null]).toEqual([f.key, null]);
      });
      const plats = rowsOf(workbook, FORM_V2.platforms.name, FORM_V2.platforms.firstDataRow);
      expect(plats.map((r) => r.slice(0, 3))).toEqual(source.platforms.map((p) => [p.name, p.kind, p.level]));
    }
  });

  test("the rows and 填报说明 say they were prefilled and from which return", () => {
    const { workbook, source } = next.find((n) => n.source.unit === demo.defective.code)!;
    const ins = workbook.sheets.find((s) => s.name === FORM_V2.instructionsSheet)!;
    const text = ins.rows.map((r) => r[0]).join("\n");
    expect(text).toContain(`本模板已按上期报表预填：${demo.defective.name}2025年第三季度报表(${source.file}`);
    // The rows the reader rejected last time are named for the clerk, not silently lost.
    // Each by its firm and its error (issue 26), not "第5行有错误".
    expect(text).toContain("上期报表中以下8行有错误，未带入，请核对后补填：\u201c企业名录\u201d第5行(");
    const rejected = source.rejectedRows;
    expect(rejected.map((r) => r.row)).toEqual([5, 9, 13, 17, 21, 25, 29, 33]);
    for (const r of rejected) {
      expect(r.name).toBeTruthy();
      const why = r.issues.find((i) => i.severity === "error")!.message;
      expect(text).toContain(`\u201c企业名录\u201d第${r.row}行(${r.name}：${why})`);
    }
    const ent = workbook.sheets.find((s) => s.name === FORM_V2.enterprises.name)!;
    const n = source.enterprises.length;
    // Only the carried cells are green: the blanks left to fill stay white (issue 26).
    const green = new Set<string>();
    for (const st of ent.styles ?? []) {
      if (st.style.fill !== PREFILLED_FILL) continue;
      const g = parseRange(st.range);
      for (let r = g.top; r <= g.bottom; r++) for (let c = g.left; c <= g.right; c++) green.add(`${r},${c}`);
    }
    const carried = new Set<string>();
    ent.rows.slice(1, n + 1).forEach((row, i) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) carried.add(`${i + 1},${c}`);
      }),
    );
    expect(carried.size).toBeGreaterThan(n * 5);
    expect([...green].sort()).toEqual([...carried].sort());
    expect(green.has(`1,${FORM_V2.enterprises.fields.findIndex((f) => f.key === "revenue")}`)).toBe(false);
    // A note on each firm's name names the source file and the bureau, who is its author (not "Author").
    const notes = ent.notes?.filter((x) => x.text.includes(`\u201c${source.file}\u201d`)) ?? [];
    expect(notes).toHaveLength(n);
    expect(notes[0].text).toMatch(/^连云港市工业和信息化局按上期报表预填：来源文件/);
    expect(new Set(notes.map((x) => x.author))).toEqual(new Set(["连云港市工业和信息化局"]));
    // Still a plain template: the same sheets, validations and metadata as a blank one, and last round's
    // figures in a very hidden, protected 上期数据 sheet naming the source file and period.
    const blank = template(demo.defective.code);
    const sheets = blank.sheets.map((s) => [s.name, s.validations?.length]);
    sheets.splice(-1, 0, ["上期数据", undefined]);
    expect(workbook.sheets.map((s) => [s.name, s.validations?.length])).toEqual(sheets);
    const hist = workbook.sheets.find((s) => s.name === "上期数据")!;
    expect([hist.state, hist.protection?.protected]).toEqual(["veryHidden", true]);
    expect(hist.rows.slice(0, 2)).toEqual([
      ["source_file", source.file],
      ["source_period", "2025Q3"],
    ]);
    expect(hist.rows.length).toBe(6 + n);
    expect(workbook.sheets.at(-1)!.rows).toEqual(blank.sheets.at(-1)!.rows);
  });

  test("filling only the blanks gives returns that read without errors and aggregate", () => {
    const fields = FORM_V2.enterprises.fields;
    const filled = next.map(({ workbook, source }) => {
      const d = structuredClone(workbook);
      const ent = d.sheets.find((s) => s.name === FORM_V2.enterprises.name)!;
      for (let r = FORM_V2.enterprises.firstDataRow - 1; r < ent.rows.length; r++) {
        const row = ent.rows[r];
        fields.forEach((f, c) => {
          if (f.carry) return;
          const v: Record<string, CellValue> = { revenue: 1000, main_revenue: 900, rd_expense: 50 };
          row[c] = v[f.key] ?? (f.type === "whole" ? 0 : f.type === "percent" ? 50 : null);
        });
      }
      const reg = d.sheets.find((s) => s.name === FORM_V2.region.name)!;
      reg.rows[4] = [reg.rows[4][0], 46010]; // 填报日期 2025-12-19 (serial)
      return readDesc(d, source.file.replace("Q3", "Q4"), "2026-01-10T02:00:00.000Z");
    });
    for (const [i, r] of filled.entries()) {
      expect([r.file, r.errors]).toEqual([r.file, []]);
      expect(r.rows.accepted).toBe(next[i].source.enterprises.length + next[i].source.platforms.length);
      expect(r.period).toBe("2025Q4");
    }
    const round = runRound({ plan, period: q4, returns: filled, targets: demo.targets });
    expect(round.aggregate.submissions.filter((s) => s.status !== "missing")).toHaveLength(filled.length);
  });
});

describe("per field class", () => {
  const source = returns.find((r) => r.formVersion !== "1")!;
  const data = prefillData(source, FORM_V2, plan);

  test("identity, chain, 规上, 培育库, recognition and honour years, yes/no statuses, 服务专员 carry", () => {
    const keys = ["name", "uscc", "chain", "above_scale", "pool", "innovative_year", "jiangsu_quality_year"];
    keys.push("digital_mgmt", "listed", "service_officer", "quality_award", "cloud_star_year");
    const e = source.enterprises.find((x) => x.service_officer && x.innovative_year)!;
    const i = source.enterprises.indexOf(e);
    for (const k of keys) {
      const c = FORM_V2.enterprises.fields.findIndex((f) => f.key === k);
      const f = FORM_V2.enterprises.fields[c];
      expect([k, data.enterprises![i][c]]).toEqual([
        k,
        cellOf(f, (e as unknown as Record<string, unknown>)[k]),
      ]);
    }
    expect(data.enterprises![i][3]).toMatch(/^[是否]$/);
  });

  test("money, changing counts, the rate and the note stay blank; the region keeps only 填报人", () => {
    for (const k of ["revenue", "main_revenue", "rd_expense", "patents", "invention_patents", "cnc_rate"]) {
      const c = FORM_V2.enterprises.fields.findIndex((f) => f.key === k);
      expect([k, data.enterprises!.every((r) => r[c] === null)]).toEqual([k, true]);
    }
    expect(Object.keys(data.region!)).toEqual(["contact"]);
    expect(data.region!.contact).toBe(source.region!.contact);
  });

  test("a version-1 return prefills a version-2 template: common fields carry, v2-only years blank", () => {
    const v1 = returns.find((r) => r.formVersion === "1")!;
    const d = prefillData(v1, FORM_V2, plan);
    const col = (k: string) => FORM_V2.enterprises.fields.findIndex((f) => f.key === k);
    expect(d.enterprises!.map((r) => r[col("uscc")])).toEqual(v1.enterprises.map((e) => e.uscc));
    expect(d.enterprises!.every((r) => r[col("jiangsu_quality_year")] === null)).toBe(true);
    expect(FORM_V1.enterprises.fields.some((f) => f.key === "jiangsu_quality_year")).toBe(false);
  });

  test("a chain the plan no longer lists is not carried, and counted", () => {
    const chain = source.enterprises.find((e) => e.chain && e.chain !== "其他")!.chain!;
    const narrowed = { ...plan, chains: plan.chains.filter((c) => c !== chain) };
    const d = prefillData(source, FORM_V2, narrowed);
    const c = FORM_V2.enterprises.fields.findIndex((f) => f.key === "chain");
    expect(d.enterprises!.some((r) => r[c] === chain)).toBe(false);
    expect(d.dropped).toBe(source.enterprises.filter((e) => e.chain === chain).length);
  });
});

describe("a source that may not be used is refused with the reason", () => {
  const source = returns.find((r) => r.unit === demo.defective.code)!;
  const unit = plan.units.find((u) => u.code === demo.defective.code)!;
  const other = plan.units.find((u) => u.code !== unit.code)!;

  test("usable for the unit's next period", () => {
    expect(prefillRefusal(source, unit, q4, DEFAULT_PLAN.forms)).toBeNull();
    expect(prefillRefusal(source, unit, parsePeriod("2026")!, DEFAULT_PLAN.forms)).toBeNull();
  });
  test("another unit", () => {
    expect(prefillRefusal(source, other, q4, DEFAULT_PLAN.forms)).toMatch(
      `是${unit.name}(${unit.code})的报表，不是${other.name}`,
    );
  });
  test("the same or a later period", () => {
    expect(prefillRefusal(source, unit, parsePeriod("2025Q3")!, DEFAULT_PLAN.forms)).toMatch(
      "不早于新模板的2025年第三季度",
    );
    expect(prefillRefusal(source, unit, parsePeriod("2025H1")!, DEFAULT_PLAN.forms)).toMatch(
      "报告期为2025年第三季度，不早于",
    );
    expect(prefillRefusal(source, unit, parsePeriod("2025")!, DEFAULT_PLAN.forms)).toBeNull();
  });
  test("an unknown form, a rejected (hostile) file", () => {
    const unknown: ReturnResult = { ...source, meta: { ...source.meta!, formVersion: "9" } };
    expect(prefillRefusal(unknown, unit, q4, DEFAULT_PLAN.forms)).toMatch("第9版)不是本系统的表式");
    const rejected: ReturnResult = {
      ...source,
      rejected: true,
      errors: [makeIssue("file.corrupt")],
    };
    expect(prefillRefusal(rejected, unit, q4, DEFAULT_PLAN.forms)).toMatch("不能使用：");
  });
  test("--all: a foreign or unusable file is listed as unused, never used", () => {
    const bad: ReturnResult = { ...source, file: "bad.xlsx", rejected: true };
    const later: ReturnResult = { ...source, file: "later.xlsx", period: "2026Q1" };
    const c = chooseSources([bad, later, source], plan, q4);
    expect(c.byUnit.get(unit.code)!.file).toBe(source.file);
    expect(c.unused.map((u) => u.file)).toEqual(["bad.xlsx", "later.xlsx"]);
  });
});

test("a unit the bureau sent back (退回 in the previous 报送登记) gets a blank template, listed with the reason", () => {
  const sent = returns[0];
  const c = chooseSources(returns, plan, q4, {
    [sent.unit!]: { state: "returned", reason: "营业收入单位填错" },
    [returns[1].unit!]: { state: "accepted", reason: null },
  });
  expect(c.byUnit.has(sent.unit!)).toBe(false);
  expect(c.byUnit.has(returns[1].unit!)).toBe(true);
  expect(c.blank.map((u) => u.code)).toContain(sent.unit);
  expect(c.unused).toEqual([{ file: sent.file, reason: "经市局审核退回：营业收入单位填错，不用于预填" }]);
});

describe("a sent-back unit (评分设置 退回单位模板, read from a targets workbook)", () => {
  const unit = plan.units.find((u) => u.code === demo.defective.code)!;
  const source = returns.find((r) => r.unit === unit.code)!;
  const reviews = { [unit.code]: { state: "returned" as const, reason: "营业收入单位填错" } };
  const readBack = (sentBackTemplate?: "prefill" | "blank") => {
    const settings = sentBackTemplate ? { ...DEFAULT_SETTINGS, sentBackTemplate } : undefined;
    const desc = buildTargetsWorkbook(plan, demo.period, {
      allocation: { ...demo.targets, reviews },
      ...(settings ? { settings } : {}),
    });
    return readTargets(snapshotOf(desc), plan);
  };
  const instructions = (d: WorkbookDescription) =>
    d.sheets
      .find((s) => s.name === FORM_V2.instructionsSheet)!
      .rows.map((r) => r[0])
      .join("\n");

  test("按退回报表预填 (the default): prefilled from the rejected return, the reason and the rows in error stated", () => {
    const read = readBack();
    expect(read.settings.sentBackTemplate).toBe("prefill");
    const reviewsRead = read.targets.reviews ?? {};
    expect(reviewsRead[unit.code]).toEqual(reviews[unit.code]);
    const c = chooseSources(returns, plan, q4, reviewsRead, read.settings.sentBackTemplate);
    expect(c.byUnit.get(unit.code)).toBe(source);
    expect(c.unused).toEqual([]);
    const { workbook, summary } = prefillTemplate(
      template(unit.code),
      source,
      FORM_V2,
      plan,
      reviewsRead[unit.code],
    );
    expect(summary.enterprises).toBe(source.enterprises.length);
    const text = instructions(workbook);
    expect(text).toContain(
      "上期报表经市局审核退回，原因：营业收入单位填错；本模板仍按该报表预填，请按退回原因核对修改带入的内容后报送。",
    );
    // The rows that had errors, each by firm and error.
    expect(source.rejectedRows.length).toBe(8);
    for (const r of source.rejectedRows)
      expect(text).toContain(
        `\u201c企业名录\u201d第${r.row}行(${r.name}：${r.issues.find((i) => i.severity === "error")!.message})`,
      );
    // An accepted unit's template says nothing of a sending back.
    const other = returns.find((r) => r.unit !== unit.code)!;
    const plain = prefillTemplate(template(other.unit!), other, FORM_V2, plan, {
      state: "accepted",
      reason: null,
    });
    expect(instructions(plain.workbook)).not.toContain("审核退回");
  });

  test("空白模板: the old behaviour, blank and listed with the reason", () => {
    const read = readBack("blank");
    expect(read.settings.sentBackTemplate).toBe("blank");
    const c = chooseSources(returns, plan, q4, read.targets.reviews ?? {}, read.settings.sentBackTemplate);
    expect(c.byUnit.has(unit.code)).toBe(false);
    expect(c.blank.map((u) => u.code)).toContain(unit.code);
    expect(c.unused).toEqual([{ file: source.file, reason: "经市局审核退回：营业收入单位填错，不用于预填" }]);
  });
});
