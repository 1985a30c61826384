import { columnLetter } from "../../src/core/a1";
import { fingerprint, metaRows, parseMetaRows } from "../../src/core/form/meta";
import { buildTemplate, CHAINS_NAME, chainOptions } from "../../src/core/form/template";
import { MESSAGE_MAX, TITLE_MAX } from "../../src/core/form/template-fields";
import { PERCENT_RULE } from "../../src/core/form/messages";
import { FORM_V1 } from "../../src/core/form/v1";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import type { Plan } from "../../src/core/plan/types";
import type { DataValidation, SheetDescription, WorkbookDescription } from "../../src/core/sheet/types";

const unit = DEFAULT_PLAN.units[1];
const period = parsePeriod("2025Q3")!;
const args = {
  plan: DEFAULT_PLAN,
  form: FORM_V1,
  unit,
  period,
  deadline: "2025-10-15",
  generatedAt: "2025-10-01T08:00:00.000Z",
};
const desc = buildTemplate(args);
const sheet = (d: WorkbookDescription, name: string): SheetDescription => {
  const s = d.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const ent = sheet(desc, "企业名录");
const plat = sheet(desc, "平台与集群");
const region = sheet(desc, "区域指标");
const info = sheet(desc, "填报说明");
const meta = sheet(desc, FORM_V1.metaSheet);

/** Every style applied to one cell, merged in order. */
function styleAt(s: SheetDescription, a1: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return (s.styles ?? [])
    .filter((st) => {
      const [a, b = a] = st.range.split(":");
      const pa = /^([A-Z]+)(\d+)$/.exec(a)!;
      const pb = /^([A-Z]+)(\d+)$/.exec(b)!;
      const col = (x: string) => [...x].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const r = Number(m[2]);
      return col(pa[1]) <= col(m[1]) && col(m[1]) <= col(pb[1]) && Number(pa[2]) <= r && r <= Number(pb[2]);
    })
    .reduce((acc, st) => ({ ...acc, ...st.style }), {} as Record<string, unknown>);
}

describe("buildTemplate: sheets", () => {
  test("sheet names, order and states are the standard's", () => {
    expect(desc.sheets.map((s) => [s.name, s.state])).toEqual([
      ["填报说明", "visible"],
      ["企业名录", "visible"],
      ["平台与集群", "visible"],
      ["区域指标", "visible"],
      ["_srdi_meta", "veryHidden"],
    ]);
  });

  test("every sheet is protected, without a password field in the contract", () => {
    for (const s of desc.sheets) expect(s.protection?.protected).toBe(true);
  });

  test.each([
    ["企业名录", FORM_V1.enterprises.fields.map((f) => f.header)],
    ["平台与集群", FORM_V1.platforms.fields.map((f) => f.header)],
  ])("%s header row holds the headers exactly, in order", (name, headers) => {
    expect(sheet(desc, name).rows[0]).toEqual(headers);
    expect(headers.length).toBeGreaterThan(3);
  });

  test("企业名录 has 32 columns per REPORTING-FORM.md", () => {
    expect(ent.rows[0]).toHaveLength(32);
    expect(ent.rows[0][1]).toBe("统一社会信用代码");
    expect(ent.rows[0][31]).toBe("备注");
  });
});

describe("buildTemplate: table sheets", () => {
  const tables = [
    [ent, FORM_V1.enterprises],
    [plat, FORM_V1.platforms],
  ] as const;

  test.each(tables.map(([s, t]) => [s.name, s, t] as const))(
    "%s: every input column has one validation over all template rows",
    (_n, s, t) => {
      const last = t.firstDataRow + t.templateRows - 1;
      expect((s.validations ?? []).map((v) => v.range)).toEqual(
        t.fields.map((_, i) => `${columnLetter(i)}${t.firstDataRow}:${columnLetter(i)}${last}`),
      );
      expect(last).toBe(t === FORM_V1.enterprises ? 5001 : 501);
    },
  );

  test.each(tables.map(([s, t]) => [s.name, s, t] as const))(
    "%s: input cells unlocked over all rows, header locked and styled",
    (_n, s, t) => {
      const last = t.firstDataRow + t.templateRows - 1;
      t.fields.forEach((_, i) => {
        const c = columnLetter(i);
        expect(styleAt(s, `${c}${t.firstDataRow}`).locked).toBe(false);
        expect(styleAt(s, `${c}${last}`).locked).toBe(false);
        expect(styleAt(s, `${c}${last + 1}`).locked).toBeUndefined();
        expect(styleAt(s, `${c}1`)).toMatchObject({ locked: true, bold: true, border: true });
      });
    },
  );

  test.each(tables.map(([s, t]) => [s.name, s, t] as const))("%s: freeze, widths, print", (_n, s, t) => {
    expect(s.freeze).toEqual({ rows: 1, columns: 0 });
    expect(s.columnWidths).toEqual(t.fields.map((f) => f.width));
    expect(s.print).toMatchObject({
      paperSize: "A4",
      orientation: "landscape",
      fitToWidth: true,
      printTitleRows: "1:1",
    });
  });

  test("every validation has a zh-CN prompt and a stop alert within Excel's limits", () => {
    const all = desc.sheets.flatMap((s) => s.validations ?? []);
    expect(all.length).toBe(32 + 4 + 2);
    for (const v of all) {
      expect(v.error.style).toBe("stop");
      expect(v.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(v.prompt?.message).toMatch(/[\u4e00-\u9fff]/);
      expect(v.prompt!.title.length).toBeLessThanOrEqual(TITLE_MAX);
      expect(v.error.title.length).toBeLessThanOrEqual(TITLE_MAX);
      expect(v.error.message.length).toBeLessThanOrEqual(MESSAGE_MAX);
      expect(v.prompt!.message.length).toBeLessThanOrEqual(MESSAGE_MAX);
      if (v.list) expect(v.list.join(",").length + 2).toBeLessThanOrEqual(255);
    }
  });
});

describe("buildTemplate: validation per field", () => {
  const byKey = (key: string): DataValidation => {
    const i = FORM_V1.enterprises.fields.findIndex((f) => f.key === key);
    return ent.validations![i];
  };
  test.each<[string, Partial<DataValidation>]>([
    ["name", { type: "textLength", operator: "between", min: 2, max: 100 }],
    ["uscc", { type: "textLength", operator: "equal", min: 18 }],
    ["chain", { type: "list", list: [...DEFAULT_PLAN.chains, "其他"] }],
    ["above_scale", { type: "list", list: ["是", "否"] }],
    ["pool", { type: "list", list: ["是", "否"] }],
    ["innovative_year", { type: "whole", operator: "between", min: 2022, max: 2025 }],
    ["provincial_srdi_year", { type: "whole", operator: "between", min: 2013, max: 2025 }],
    ["little_giant_year", { type: "whole", operator: "between", min: 2019, max: 2025 }],
    ["champion_year", { type: "whole", operator: "between", min: 2016, max: 2025 }],
    ["revenue", { type: "decimal", operator: "greaterThanOrEqual", min: 0 }],
    ["main_revenue", { type: "decimal", operator: "greaterThanOrEqual", min: 0 }],
    ["patents", { type: "whole", operator: "greaterThanOrEqual", min: 0 }],
    ["rd_institution", { type: "list", list: ["无", "市级", "省级", "国家级"] }],
    ["cnc_rate", { type: "decimal", operator: "between", min: 0, max: 100 }],
    ["cloud_star", { type: "list", list: ["无", "一星级", "二星级", "三星级", "四星级", "五星级"] }],
    ["quality_award", { type: "list", list: ["无", "市长质量奖", "省长质量奖", "全国质量奖", "中国质量奖"] }],
    ["service_officer", { type: "textLength", operator: "lessThanOrEqual", max: 50 }],
    ["note", { type: "textLength", operator: "lessThanOrEqual", max: 500 }],
  ])("%s", (key, expected) => {
    expect(byKey(key)).toMatchObject({ ...expected, allowBlank: true });
  });

  test.each([
    ["2023", 2023],
    ["2024H2", 2024],
    ["2026-01", 2026],
  ])("year columns end at the period's year (%s)", (p, y) => {
    // A plan running to 2026, so that a 2026 period is inside it.
    const d = buildTemplate({ ...args, plan: { ...args.plan, end: "2026-12-31" }, period: parsePeriod(p)! });
    const years = sheet(d, "企业名录").validations!.filter(
      (v) => v.type === "whole" && v.operator === "between",
    );
    expect(years).toHaveLength(4);
    for (const v of years) expect(v.max).toBe(y);
    expect(sheet(d, "平台与集群").validations![3]).toMatchObject({ type: "whole", min: 2000, max: y });
  });

  test.each(FORM_V1.enterprises.fields.map((f, i) => [f.key, f.type, i] as const))(
    "%s (%s) has the number format its type needs",
    (_k, type, i) => {
      const fmt = styleAt(ent, `${columnLetter(i)}2`).numFmt;
      const expected = {
        text: "@",
        uscc: "@",
        list: "@",
        yesno: "@",
        year: "0",
        whole: "0",
        decimal: "#,##0.00",
        percent: "0.0",
        date: 'yyyy"年"m"月"d"日"',
      }[type];
      expect(fmt).toBe(expected);
    },
  );
});

describe("buildTemplate: 区域指标", () => {
  test("title row, then each label in A with its input in B of the same row", () => {
    expect(String(region.rows[0][0])).toContain("区域指标");
    expect(String(region.rows[0][0])).toContain(unit.name);
    for (const c of FORM_V1.region.cells) {
      expect(region.rows[c.row - 1][0]).toBe(c.header);
      expect(styleAt(region, `B${c.row}`).locked).toBe(false);
      expect(styleAt(region, `A${c.row}`).locked).toBeUndefined();
      expect(region.validations!.find((v) => v.range === `B${c.row}`)).toBeDefined();
    }
    expect(region.validations).toHaveLength(FORM_V1.region.cells.length);
  });
  test("defined names point at the region inputs", () => {
    expect(desc.names).toEqual(
      expect.arrayContaining([
        { name: "srdi_region_contact", ref: "'区域指标'!$B$4" },
        { name: "srdi_region_above_scale_sme_main_revenue", ref: "'区域指标'!$B$3" },
        { name: "srdi_enterprises", ref: "'企业名录'!$A$1:$AF$5001" },
      ]),
    );
  });
});

describe("buildTemplate: 填报说明 and metadata", () => {
  const text = info.rows.map((r) => r.join("")).join("\n");
  test.each([
    unit.name,
    unit.code,
    period.label,
    "2025年10月15日",
    DEFAULT_PLAN.chainsNote,
    // the rule the reader applies to percent columns, in the same words
    PERCENT_RULE,
    ...chainOptions(DEFAULT_PLAN),
  ])("instructions mention %s", (s) => expect(text).toContain(s));
  test("no input cell on the instructions sheet", () => {
    expect(info.validations ?? []).toHaveLength(0);
    expect((info.styles ?? []).some((s) => s.style.locked === false)).toBe(false);
  });
  test("no deadline: 以通知为准", () => {
    const d = buildTemplate({ ...args, deadline: null });
    expect(
      sheet(d, "填报说明")
        .rows.map((r) => r.join(""))
        .join("\n"),
    ).toContain("报送截止日期：以通知为准");
  });
  test("metadata rows are metaRows() with the form's fingerprint and parse back", () => {
    const expected = metaRows({
      formId: "SRDI-COUNTY",
      formVersion: "1",
      unitCode: unit.code,
      unitName: unit.name,
      period: "2025Q3",
      planId: DEFAULT_PLAN.id,
      deadline: "2025-10-15",
      generatedAt: args.generatedAt,
      fingerprint: fingerprint(FORM_V1),
    });
    expect(meta.rows).toEqual(expected);
    expect(parseMetaRows(meta.rows)).toMatchObject({
      unitCode: unit.code,
      period: "2025Q3",
      deadline: "2025-10-15",
    });
  });
});

describe("buildTemplate: chain list", () => {
  test("其他 is added once, even when the plan lists it", () => {
    const plan: Plan = { ...DEFAULT_PLAN, chains: ["生物医药", "其他"] };
    expect(chainOptions(plan)).toEqual(["生物医药", "其他"]);
  });
  test("a list too long for an inline list goes to the metadata sheet behind a defined name", () => {
    const chains = Array.from({ length: 40 }, (_, i) => `重点产业链第${i + 1}条`);
    const d = buildTemplate({ ...args, plan: { ...DEFAULT_PLAN, chains } });
    const v = sheet(d, "企业名录").validations![2];
    expect(v).toMatchObject({ type: "list", formula: CHAINS_NAME });
    expect(v.list).toBeUndefined();
    const m = sheet(d, FORM_V1.metaSheet);
    expect(m.rows.map((r) => r[3]).slice(0, 41)).toEqual([...chains, "其他"]);
    expect(d.names).toContainEqual({ name: CHAINS_NAME, ref: "'_srdi_meta'!$D$1:$D$41" });
    // the key/value rows are untouched
    expect(parseMetaRows(m.rows)?.unitCode).toBe(unit.code);
  });
  test("an option with a comma cannot be inline either", () => {
    const d = buildTemplate({ ...args, plan: { ...DEFAULT_PLAN, chains: ["新材料,新能源"] } });
    expect(sheet(d, "企业名录").validations![2].formula).toBe(CHAINS_NAME);
  });
});
