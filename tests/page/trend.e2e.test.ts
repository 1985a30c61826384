// 汇总's trend charts on the offline page (the pane's views), in headless Chromium at 320 px: the demo's
// 2025Q3 returns with a previous bulletin (2025Q2) that carries 2025Q1, so the round has three rounds.
// One small chart per indicator with figures, each an image named for screen readers with the figures
// behind it in a table opened by keyboard; no sideways scroll; axe-core (WCAG 2.2 tags) clean with the
// tables shut and open. The page is built into a temp dir (SRDI_TEST_PAGE names an already built one).
import { execFileSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { chromium, type Browser, type Page } from "playwright-core";
import webpack from "webpack";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { runSeries } from "../trend/series";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin/srdi.js");
const configs = require(path.join(ROOT, "webpack.config.js")) as {
  pageConfig: (o: { mode: string; outFile: string }) => webpack.Configuration;
};

let work: string;
let browser: Browser;
let page: Page;

const build = (cfg: webpack.Configuration) =>
  new Promise<void>((resolve, reject) =>
    webpack(cfg, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );

async function axe(): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const r = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(
      { exclude: [["[data-tabster-dummy]"]] },
      {
        resultTypes: ["violations"],
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      },
    ),
  )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
  return r.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "srdi-trend-page-"));
  let built = process.env.SRDI_TEST_PAGE;
  if (!built) {
    built = path.join(work, "built", "srdi.html");
    await build(configs.pageConfig({ mode: "production", outFile: built }));
  }
  const html = path.join(work, "page.html");
  execFileSync(process.execPath, [CLI, "web", "--out", html], {
    env: { ...process.env, SRDI_PAGE_FILE: built },
  });
  execFileSync(process.execPath, [CLI, "demo", "--out", path.join(work, "demo")], { cwd: work });
  // 2025Q1 then 2025Q2, the second with the first as its previous bulletin.
  await runSeries(path.join(work, "series"), DEFAULT_PLAN, ["2025Q1", "2025Q2"]);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  page = await (
    await browser.newContext({ locale: "zh-CN", viewport: { width: 320, height: 800 } })
  ).newPage();
  await page.goto(pathToFileURL(html).href);
  await page.getByTestId("page-header").waitFor();
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("汇总 with a previous bulletin: a trend chart per indicator at 320 px, a table behind each, axe clean", async () => {
  const demo = path.join(work, "demo");
  await page.getByRole("tab", { name: "汇总" }).click();
  const b = page.getByRole("tabpanel", { name: "汇总" });
  await b.getByTestId("targets-file").setInputFiles(path.join(demo, "目标分解-2025Q3.xlsx"));
  await b.getByText("已读取目标分解表").waitFor({ timeout: 60_000 });
  const files = readdirSync(path.join(demo, "returns")).map((f) => path.join(demo, "returns", f));
  await b.getByTestId("files").setInputFiles(files);
  await b.getByText(`已读取 ${files.length} 份报表`).waitFor({ timeout: 180_000 });
  await b.getByTestId("previous-bulletin").setInputFiles(path.join(work, "series", "通报-2025Q2.xlsx"));
  await b.getByRole("combobox", { name: "报告期年度" }).selectOption("2025");
  await b.getByRole("combobox", { name: "报告期期间" }).selectOption({ label: "第三季度" });
  await b.getByRole("textbox", { name: /截止日期/ }).fill("2025-10-15");
  await b.getByRole("textbox", { name: /通报日期/ }).fill("2025-10-20");
  await b.getByRole("button", { name: "汇总并生成通报" }).click();
  const trends = b.getByTestId("trends");
  await trends.waitFor({ timeout: 300_000 });
  await expect(trends.getByRole("heading", { name: "各指标趋势（3期）" }).count()).resolves.toBe(1);

  const charts = trends.getByTestId("trend-chart");
  const n = await charts.count();
  expect(n).toBeGreaterThanOrEqual(10);
  expect(n).toBeLessThanOrEqual(DEFAULT_PLAN.indicators.length);
  // Each chart is an image with a name that states its figures, and draws the two lines.
  const first = charts.first();
  const img = first.getByRole("img");
  expect(await img.getAttribute("aria-label")).toMatch(/趋势图，共3期：首期.+，本期.+，本期序时进度应达值/);
  expect(await first.locator("polyline").count()).toBeGreaterThanOrEqual(2);
  const box = (await img.boundingBox())!;
  expect(box.width).toBeGreaterThan(200);
  expect(box.width).toBeLessThanOrEqual(288);
  const sideways = () =>
    page.evaluate(() =>
      Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth),
    );
  expect(await sideways()).toBe(0);
  expect(await axe()).toEqual([]);

  // The table behind the chart: shut, then opened by keyboard; three rounds, the last this round.
  const table = first.getByTestId("trend-table");
  expect(await table.isVisible()).toBe(false);
  await first.locator("summary").focus();
  await page.keyboard.press("Enter");
  await table.waitFor();
  const rows = table.locator("tbody tr");
  expect(await rows.count()).toBe(3);
  expect(await rows.nth(2).locator("th").textContent()).toBe("2025年第三季度");
  expect(await rows.nth(0).locator("th").textContent()).toBe("2025年第一季度");
  // Open every table: still no sideways scroll, still axe clean.
  for (const s of await trends.locator("summary").all()) await s.click();
  expect(await sideways()).toBe(0);
  expect(await axe()).toEqual([]);
  await page.screenshot({
    path: path.join(process.env.SRDI_KEEP_PNG ?? work, "trend-320.png"),
    fullPage: false,
  });
  await trends.scrollIntoViewIfNeeded();
  await trends.screenshot({ path: path.join(process.env.SRDI_KEEP_PNG ?? work, "trends-320.png") });
}, 900_000);
