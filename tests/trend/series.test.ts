// Eight quarters (2024Q1–2025Q4, the demo's generator: counts grow with the plan's time progress, a seed
// per round), run round by round with --previous only. The last bulletin's 趋势 sheet is checked against
// an independent computation from the eight returns folders (openpyxl, tests/trend/independent.py), each
// round's own bulletin (expected values, statuses, the count on pace), 同比 and 环比 computed by hand,
// and the "连续M期低于序时进度" sentence derived by hand from the eight rounds' statuses.
import { execFileSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { QUARTERS, runSeries } from "./series";

const PY = "/usr/bin/python3";
const plan = DEFAULT_PLAN;
let dir: string;
let bulletins: string[];
interface Dump {
  indicators: (string | number | null)[][];
  pace: (string | number | null)[][];
  text: string[];
  own: Record<string, { value: number | string; expected: number | string; status: string }>[];
}
let dump: Dump;
let independent: { innovative_smes: number; city_platforms: number; rd_intensity: number }[];

jest.setTimeout(600_000);
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "srdi-series-"));
  bulletins = await runSeries(dir, plan, QUARTERS);
  const json = execFileSync(PY, [path.join(__dirname, "dump_trend.py"), bulletins[7], ...bulletins], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  dump = JSON.parse(json);
  independent = QUARTERS.map((q) =>
    JSON.parse(
      execFileSync(
        PY,
        [path.join(__dirname, "independent.py"), q.slice(0, 4), path.join(dir, q, "returns")],
        {
          encoding: "utf8",
        },
      ),
    ),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const nameOf = (code: string) => plan.indicators.find((i) => i.code === code)!.name;
/** The 趋势 rows of one indicator, one per round: [name, 报告期, 当前值, 应达值, 完成率, 状态, 环比, 同比, 同比增幅, 目标]. */
const rowsOf = (code: string) =>
  dump.indicators.filter((r) => r[0] === nameOf(code) || String(r[0]).startsWith(`${nameOf(code)}(`));

test("the 趋势 values equal an independent computation from the eight returns folders", () => {
  expect(dump.pace).toHaveLength(8);
  for (const code of ["innovative_smes", "city_platforms", "rd_intensity"] as const) {
    const rows = rowsOf(code);
    expect(rows.map((r) => r[1])).toEqual([
      "2024年一季度",
      "2024年二季度",
      "2024年三季度",
      "2024年四季度",
      "2025年一季度",
      "2025年二季度",
      "2025年三季度",
      "2025年四季度",
    ]);
    rows.forEach((r, i) => expect(r[2]).toBeCloseTo(independent[i][code], 9));
  }
  // Growth: the counts rise over the eight quarters.
  expect(independent[7].innovative_smes).toBeGreaterThan(independent[0].innovative_smes);
});

test("each round's expected value, status and pace count equal that round's own bulletin", () => {
  for (const ind of plan.indicators) {
    const rows = rowsOf(ind.code);
    expect(rows).toHaveLength(8);
    rows.forEach((r, i) => {
      const own = dump.own[i][ind.name];
      expect(own).toBeDefined();
      if (typeof own.expected === "number") expect(r[3]).toBeCloseTo(own.expected, 9);
      else expect(r[3]).toBe("—");
      expect(r[5]).toBe(own.status);
    });
  }
  dump.pace.forEach((p, i) => {
    const statuses = Object.values(dump.own[i]).map((o) => o.status);
    expect(p[2]).toBe(statuses.filter((s) => s === "正常").length);
    expect(p[3]).toBe(statuses.filter((s) => s === "略滞后" || s === "滞后").length);
  });
});

test("环比 and 同比 by hand for two indicators", () => {
  const sign = (d: number) => (d === 0 ? "持平" : `${d > 0 ? "+" : "−"}${Math.abs(d)}`);
  for (const code of ["innovative_smes", "city_platforms"] as const) {
    const v = independent.map((x) => x[code]);
    const rows = rowsOf(code);
    expect(rows[0][6]).toBe("—"); // no round before the first
    for (let i = 1; i < 8; i++) expect(rows[i][6]).toBe(sign(v[i] - v[i - 1]));
    for (let i = 0; i < 4; i++) expect(rows[i][7]).toBe("—"); // no 2023 round
    for (let i = 4; i < 8; i++) {
      expect(rows[i][7]).toBe(sign(v[i] - v[i - 4]));
      expect(rows[i][8]).toBeCloseTo((v[i] - v[i - 4]) / v[i - 4], 12);
    }
  }
  // The tier sentence says 同比 of the count on pace against 2024Q4's own bulletin.
  const on = (i: number) => Object.values(dump.own[i]).filter((o) => o.status === "正常").length;
  const d = on(7) - on(3);
  const clause = d > 0 ? `、同比增加${d}项` : d < 0 ? `、同比减少${-d}项` : "、与上年同期持平";
  expect(dump.text.join("\n")).toContain(`达到序时进度${on(7)}项${clause}，`);
});

test("the 连续M期 sentence, derived by hand from the eight rounds' statuses", () => {
  const runs = new Map<number, string[]>();
  for (const ind of plan.indicators) {
    let run = 0;
    for (let i = 7; i >= 0 && ["略滞后", "滞后"].includes(dump.own[i][ind.name].status); i--) run++;
    if (run >= 2) runs.set(run, [...(runs.get(run) ?? []), ind.name]);
  }
  expect(runs.size).toBeGreaterThan(0);
  const text = dump.text.join("\n");
  for (const [run, names] of runs) {
    const named = names.slice(0, 6).join("、") + (names.length > 6 ? "等" : "");
    expect(text).toContain(`${named}${names.length}项指标连续${run}期低于序时进度`);
  }
});
