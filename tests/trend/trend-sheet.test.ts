// The 趋势 sheet on paper and across two plans, built in-process from small rounds: eight quarters chained
// through the bulletin's data sheet, the first two measured with an earlier plan (another id, title and
// targets; one indicator the new plan dropped, one it added). Rendered by LibreOffice: A4, nothing under
// 8 pt, no overprint; the chart pages are kept as PNG for a person to look at (SRDI_KEEP_PNG=dir).
import { execFileSync } from "child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import type { Plan } from "../../src/core/plan/types";
import { trendSheet } from "../../src/core/report/attachments/trend";
import { buildBulletin } from "../../src/core/report/bulletin";
import { collectHistory, EMPTY_HISTORY, type History } from "../../src/core/report/history";
import { readFigures } from "../../src/core/report/previous";
import { runRound, type RoundResult } from "../../src/core/report/round-result";
import { buildTrend } from "../../src/core/report/trend";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { code, ret } from "../aggregate/fixtures";
import { hasPaperTools, paperProblems, problemsText, toPdf, wordsOf } from "../print/paper";

const NEW = DEFAULT_PLAN;
// The earlier plan: its own id, title and 创新型中小企业 target; it had an indicator the new one dropped
// and lacked one the new one added (listed_firms).
const OLD: Plan = {
  ...NEW,
  id: "lianyungang-2021-2023",
  title: "连云港市专精特新企业培育三年行动计划(2021—2023年)",
  indicators: [
    ...NEW.indicators
      .filter((i) => i.code !== "listed_firms")
      .map((i) => (i.code === "innovative_smes" ? { ...i, target: 800, milestones: undefined } : i)),
    { ...NEW.indicators.find((i) => i.code === "listed_firms")!, code: "old_only", name: "旧规划独有指标" },
  ],
};
const PERIODS = ["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"];
const firm = (n: number) => ({
  uscc: code(n),
  innovative_year: 2024,
  provincial_srdi_year: 2024,
  revenue: 1000,
  rd_expense: 30 + n,
});

function round(plan: Plan, period: string, i: number): RoundResult {
  return runRound({
    plan,
    period: parsePeriod(period)!,
    returns: [
      ret(
        "320703",
        Array.from({ length: 3 + i }, (_, k) => firm(k + 1)),
        { period },
      ),
      ret(
        "320706",
        Array.from({ length: 2 + 2 * i }, (_, k) => firm(100 + k)),
        { period },
      ),
    ],
  });
}

let last: RoundResult;
let history: History;
beforeAll(async () => {
  history = EMPTY_HISTORY;
  for (const [i, p] of PERIODS.entries()) {
    const plan = i < 2 ? OLD : NEW;
    const r = round(plan, p, i);
    if (i === PERIODS.length - 1) {
      last = r;
      break;
    }
    const bytes = await writeWorkbook(buildBulletin(r, plan, { issuedOn: "2026-01-20", history }));
    const read = readFigures(await readWorkbook(bytes, { name: `${p}.xlsx` }), `${p}.xlsx`);
    history = collectHistory(PERIODS[i + 1], [{ name: `${p}.xlsx`, read }]);
  }
}, 120_000);

test("a history crossing two plans: shown where the code matches, with the earlier plan's own targets", () => {
  expect(history.problems).toEqual([]);
  expect(history.rounds.map((r) => r.planId)).toEqual([OLD.id, OLD.id, ...Array(5).fill(NEW.id)]);
  const t = buildTrend(last, NEW, history);
  expect(t.rounds.map((r) => r.otherPlan)).toEqual([true, true, false, false, false, false, false, false]);
  const inno = t.indicators.find((x) => x.indicator.code === "innovative_smes")!;
  expect(inno.points[0]!.target).toBe(800);
  expect(inno.points[2]!.target).toBe(round(NEW, "2024Q3", 2).score.city[0].target);
  expect(inno.points[2]!.target).not.toBe(800);
  expect(inno.points.map((p) => p!.value)).toEqual([5, 8, 11, 14, 17, 20, 23, 26]);
  // 环比 crosses the plans; 同比 of 2025Q1 is against 2024Q1 (the earlier plan's round).
  expect(inno.points[2]!.mom).toBe(3);
  expect(inno.points[4]!.yoy).toBe(17 - 5);
  // An indicator the earlier plan lacked has no figure in its rounds; one it alone had is not shown.
  const listed = t.indicators.find((x) => x.indicator.code === "listed_firms")!;
  expect(listed.points[0]).toBeNull();
  expect(listed.points[2]).not.toBeNull();
  expect(t.indicators.some((x) => x.indicator.code === "old_only")).toBe(false);
  const sheet = trendSheet(t, NEW);
  const text = sheet.rows
    .flat()
    .filter((v) => typeof v === "string")
    .join("\n");
  expect(text).toContain(`标*的报告期属于《${OLD.title}》`);
  expect(text).toContain("2024年一季度*");
  expect(sheet.charts!.map((c) => c.title)).toEqual([
    "达到和低于序时进度的指标数(项)",
    "研发投入强度：当前值与序时进度应达值",
    "智能化改造数字化转型全覆盖：当前值与序时进度应达值",
  ]);
});

(hasPaperTools() ? test : test.skip)(
  "on paper: A4, nothing under 8 pt, no overprint; the charts are drawn",
  async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "srdi-trend-paper-"));
    try {
      const sheet = trendSheet(buildTrend(last, NEW, history), NEW);
      const file = path.join(dir, "趋势.xlsx");
      writeFileSync(file, await writeWorkbook({ sheets: [sheet] }));
      const pdf = toPdf(file, dir);
      const { pages, words } = wordsOf(pdf);
      for (const pg of pages)
        expect([Math.round(pg.width), Math.round(pg.height)].sort()).toEqual([595, 842]);
      expect(problemsText(paperProblems(words))).toBe(
        problemsText({ small: [], overlaps: [], codes: [], iso: [] }),
      );
      // Each chart's title and its axis labels are on its own page (LibreOffice drew the chart).
      const chartPage = (title: string) => words.find((w) => w.text.startsWith(title.slice(0, 6)))?.page;
      const p1 = words.find((w) => w.text.includes("达到和低于序时进度的指标数"))!.page;
      for (const t of ["研发投入强度：当前值与", "智能化改造数字化转型全覆盖：当前值与"]) {
        const p = chartPage(t);
        expect(p).toBeDefined();
        expect(words.filter((w) => w.page === p && /^202[45]/.test(w.text)).length).toBeGreaterThanOrEqual(8);
      }
      expect(words.filter((w) => w.page === p1 + 1 && /^202[45]/.test(w.text)).length).toBeGreaterThanOrEqual(
        8,
      );
      const keep = process.env.SRDI_KEEP_PNG;
      if (keep) {
        execFileSync("pdftoppm", ["-r", "60", "-png", pdf, path.join(dir, "page")]);
        for (const f of readdirSync(dir).filter((f) => f.endsWith(".png")))
          copyFileSync(path.join(dir, f), path.join(keep, f));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  240_000,
);

test("the .docx carries the table of the count on and off pace by round", async () => {
  const { bulletinDocument } = await import("../../src/core/report/document");
  const doc = bulletinDocument(last, NEW, { issuedOn: "2026-01-20", history });
  const t = doc.tables.find((x) => x.label === "参考")!;
  expect(t.title).toBe("各期达到和低于序时进度的指标数（8期）");
  const trend = buildTrend(last, NEW, history);
  expect(t.rows.map((r) => r[0])).toEqual(
    trend.rounds.map((r, i) => (i < 2 ? `${r.label.replace("第", "")}*` : r.label.replace("第", ""))),
  );
  expect(t.rows.map((r) => Number(r[1]))).toEqual(trend.pace.map((p) => p.on));
  expect(t.rows.map((r) => Number(r[2]))).toEqual(trend.pace.map((p) => p.behind));
  // Without earlier rounds there is no such table.
  expect(bulletinDocument(last, NEW, { issuedOn: "2026-01-20" }).tables.some((x) => x.label)).toBe(false);
});
