// End to end in headless Chromium: the BUILT pane (webpack production into a temp dir), with the fake
// Excel host served in place of office.js, goes through insert -> self-check -> import -> targets ->
// aggregate -> bulletin. Every request that is not to the local server is blocked and recorded: none may
// be attempted apart from office.js. Screenshots go to tests/.artifacts/ (gitignored).
import { createServer, type Server } from "http";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";
import { buildDemoRound } from "../../src/core/demo/round";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { writeWorkbook } from "../../src/xlsx/write";

const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "tests/.artifacts");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const configs = require(path.join(ROOT, "webpack.config.js")) as {
  addinConfig: (o: { mode: string; outDir: string }) => webpack.Configuration;
  fakeHostConfig: (outDir: string) => webpack.Configuration;
};

let work: string;
let server: Server;
let origin: string;
let context: BrowserContext;
let page: Page;
const blocked: string[] = [];
const officeJsRequests: string[] = [];
let returnFiles: string[] = [];

function build(cfgs: webpack.Configuration[]): Promise<void> {
  return new Promise((resolve, reject) =>
    webpack(cfgs, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
};

async function makeReturns(dir: string): Promise<string[]> {
  const demo = buildDemoRound(DEFAULT_PLAN);
  const files: string[] = [];
  for (const r of demo.returns.slice(0, 4)) {
    const desc = buildTemplate({
      plan: DEFAULT_PLAN,
      form: r.form,
      unit: r.unit,
      period: demo.period,
      deadline: demo.deadline,
      generatedAt: demo.generatedAt,
    });
    const file = path.join(dir, r.fileName);
    writeFileSync(file, await writeWorkbook(fillTemplate(desc, r.data, r.form)));
    const t = new Date(r.modified);
    utimesSync(file, t, t);
    files.push(file);
  }
  const bad = path.join(dir, "不是报表.xlsx");
  writeFileSync(bad, "这不是一个工作簿");
  files.push(bad);
  return files;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "srdi-e2e-"));
  mkdirSync(ARTIFACTS, { recursive: true });
  const addinDir = path.join(work, "addin");
  const fakeDir = path.join(work, "fake");
  await build([
    configs.addinConfig({ mode: "production", outDir: addinDir }),
    configs.fakeHostConfig(fakeDir),
  ]);
  const fakeOffice = readFileSync(path.join(fakeDir, "fake-office.js"));
  returnFiles = await makeReturns(mkdtempSync(path.join(work, "returns-")));

  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const file = path.join(addinDir, decodeURIComponent(url.pathname));
    if (!file.startsWith(addinDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address();
  origin = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;

  context = await chromium.launchPersistentContext(path.join(work, "profile"), {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 380, height: 900 },
    locale: "zh-CN",
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    if (url === OFFICE_JS) {
      officeJsRequests.push(url);
      return route.fulfill({ status: 200, contentType: "text/javascript", body: fakeOffice });
    }
    blocked.push(url);
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
}, 180000);

afterAll(async () => {
  await context?.close();
  await new Promise((r) => server?.close(r));
  if (work) rmSync(work, { recursive: true, force: true });
});

type FakeBook = {
  active: string | null;
  selection: { sheet: string; address: string } | null;
  syncs: number;
  maxPayload: number;
  sheets: {
    name: string;
    visibility: string;
    cells: number;
    validations: number;
    charts: { title?: string; series: number }[];
    marks: string[];
  }[];
};
const book = () =>
  page.evaluate(() =>
    (window as unknown as { __fakeWorkbook: () => unknown }).__fakeWorkbook(),
  ) as Promise<FakeBook>;
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

test("insert -> self-check -> import -> targets -> aggregate -> bulletin, with no network of its own", async () => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${origin}/taskpane.html?view=clerk`);
  await page.getByRole("button", { name: "插入模板" }).waitFor();

  // 1. insert the template for 海州区
  await page.getByRole("combobox").selectOption({ label: "海州区" });
  await page.locator("input").first().fill("2025Q3");
  await page.getByRole("button", { name: "插入模板" }).click();
  await page.getByText(/已插入 海州区 2025年第三季度 的填报模板/).waitFor();
  let b = await book();
  const ent = b.sheets.find((s) => s.name === "企业名录")!;
  expect(ent.validations).toBeGreaterThan(20);
  expect(b.sheets.find((s) => s.name === "_srdi_meta")!.visibility).toBe("VeryHidden");
  await shot("01-template-inserted");

  // 2. self-check the empty template: required region cells are reported and highlighted
  await page.getByRole("button", { name: "自查" }).click();
  await page.getByTestId("check-result").waitFor();
  const issues = page.getByTestId("issue");
  expect(await issues.count()).toBeGreaterThan(0);
  const cellButton = page.getByTestId("check-result").getByRole("button").first();
  const where = (await cellButton.textContent())!;
  await cellButton.click();
  await page.waitForFunction((w) => {
    const s = (
      window as unknown as { __fakeWorkbook: () => { selection: { sheet: string; address: string } | null } }
    ).__fakeWorkbook().selection;
    return !!s && `${s.sheet}!${s.address}` === w;
  }, where);
  b = await book();
  expect(b.sheets.flatMap((s) => s.marks).length).toBeGreaterThan(0);
  await shot("02-self-check");

  // 3. the bureau, in its own workbook (the ribbon's 导入汇总 opens ?view=bureau): import many returns
  // at once (one is not a workbook)
  await page.goto(`${origin}/taskpane.html?view=bureau`);
  await page.getByRole("tab", { name: "汇总", selected: true }).waitFor();
  await page.getByTestId("files").setInputFiles(returnFiles);
  await page.getByText(/已把 4 份报表的数据表保存到本工作簿/).waitFor({ timeout: 60000 });
  const rows = page.getByTestId("return-row");
  expect(await rows.count()).toBe(5);
  expect(await rows.filter({ hasText: "退回" }).count()).toBe(1);
  b = await book();
  expect(b.sheets.some((s) => /^连云区-企业名录$/.test(s.name))).toBe(true);
  await shot("03-imported");

  // 4. the target allocation sheet, then 5. aggregate and write the bulletin
  await page.getByRole("button", { name: "插入目标分解表" }).click();
  await page.getByText(/已插入目标分解表/).waitFor();
  await page.getByRole("button", { name: "汇总并生成通报" }).click();
  await page.getByText(/已汇总 \d+ 份报表/).waitFor({ timeout: 60000 });
  await shot("04-aggregated");
  b = await book();
  const bulletin = b.sheets.find((s) => s.name === "工作通报")!;
  expect(bulletin.cells).toBeGreaterThan(10);
  expect(bulletin.charts.length).toBeGreaterThan(0);
  for (const n of ["市级目标完成情况", "县区完成情况及排名", "报送情况", "数据问题"])
    expect(b.sheets.map((s) => s.name)).toContain(n);
  expect(b.active).toBe("工作通报");
  expect(b.maxPayload).toBeLessThanOrEqual(5 * 1024 * 1024);

  // Render what the adapter wrote into the 工作通报 sheet, to look at it.
  const sheet = await page.evaluate(() =>
    (window as unknown as { __fakeSheetValues: (n: string) => { rows: unknown[][] } }).__fakeSheetValues(
      "工作通报",
    ),
  );
  const view = await context.newPage();
  await view.setViewportSize({ width: 900, height: 1200 });
  const esc = (v: unknown) =>
    String(v ?? "").replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
  await view.setContent(
    `<html><body style="font:13px 'WenQuanYi Micro Hei',sans-serif"><table border="1" style="border-collapse:collapse">${sheet!.rows
      .map(
        (r) =>
          `<tr>${Array.from({ length: 8 }, (_, i) => `<td style="${i === 0 ? "min-width:560px" : "max-width:160px"}">${esc(r?.[i])}</td>`).join("")}</tr>`,
      )
      .join("")}</table></body></html>`,
  );
  await view.screenshot({ path: path.join(ARTIFACTS, "05-bulletin-sheet.png") });
  await view.close();

  expect(errors).toEqual([]);
  expect(officeJsRequests.length).toBeGreaterThan(0);
  expect(blocked).toEqual([]);
}, 180000);
