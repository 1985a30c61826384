// Issue 26 "How we will know", in the pane: the BUILT add-in (webpack production into a temp dir) with the
// fake Excel host served in place of office.js, at 320 px, in headless Chromium. The clerk inserts the
// template prefilled from last round's return (按上期报表预填: its very hidden 上期数据 sheet with it),
// types this round's figures with a ×10 slip, runs 自查: the warning beside its cell with last round's
// value and 未说明; a click selects the cell; a 说明 typed in the row, 自查 again: 已说明, nothing left.
import { createServer, type Server } from "http";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";
import { FORM_V3 } from "../../src/core/form/v3";
import { before, EXPLANATION, lastRound, source, typed } from "../history/clerk-slip";

const ROOT = path.resolve(__dirname, "../..");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const configs = require(path.join(ROOT, "webpack.config.js")) as {
  addinConfig: (o: { mode: string; outDir: string }) => webpack.Configuration;
  fakeHostConfig: (outDir: string) => webpack.Configuration;
};
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
};

let work: string;
let server: Server;
let origin: string;
let context: BrowserContext;
let page: Page;
const blocked: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "srdi-e2e-history-"));
  // SRDI_TEST_ADDIN names a folder to build into once and reuse (to iterate faster).
  const built = process.env.SRDI_TEST_ADDIN ?? work;
  const addinDir = path.join(built, "addin");
  const fakeDir = path.join(built, "fake");
  if (!existsSync(path.join(fakeDir, "fake-office.js")))
    await new Promise<void>((resolve, reject) =>
      webpack(
        [configs.addinConfig({ mode: "production", outDir: addinDir }), configs.fakeHostConfig(fakeDir)],
        (err, stats) =>
          err || stats?.hasErrors()
            ? reject(err ?? new Error(stats!.toString({ all: false, errors: true })))
            : resolve(),
      ),
    );
  const fakeOffice = readFileSync(path.join(fakeDir, "fake-office.js"));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const file = path.join(addinDir, decodeURIComponent(url.pathname));
    if (!file.startsWith(addinDir) || !existsSync(file)) return void res.writeHead(404).end();
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
      "--no-first-run",
      "--disable-background-networking",
    ],
    viewport: { width: 320, height: 800 },
    locale: "zh-CN",
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    if (url === OFFICE_JS)
      return route.fulfill({ status: 200, contentType: "text/javascript", body: fakeOffice });
    blocked.push(url);
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
}, 900_000);

afterAll(async () => {
  await context?.close();
  await new Promise((r) => server?.close(r));
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The clerk types cells into the fake workbook (0-based row and column of 企业名录). */
const typeCells = (cells: [number, number, number | string][]) =>
  page.evaluate(
    ({ sheet, cells }) => {
      const host = (
        window as unknown as {
          __fakeHost: { state: { sheet(n: string): { cells: Map<string, Record<string, unknown>> } } };
        }
      ).__fakeHost;
      const s = host.state.sheet(sheet);
      for (const [r, c, v] of cells) {
        const k = `${r},${c}`;
        const cell = s.cells.get(k) ?? {};
        cell.value = v;
        s.cells.set(k, cell);
      }
    },
    { sheet: FORM_V3.enterprises.name, cells },
  );

async function axe(): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const r = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(
      { exclude: [["[data-tabster-dummy]"]] },
      {
        resultTypes: ["violations"],
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      },
    ),
  )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
  return r.violations.map((v) => `${v.id} @ ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a clerk's self-check of a prefilled template in the pane: ×10 slip with last round's value, 说明, clean", async () => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${origin}/taskpane.html?view=clerk`);
  await page.getByRole("button", { name: "插入模板" }).waitFor();
  await page.getByRole("combobox", { name: "填报单位" }).selectOption({ label: source.unit.name });
  await page.getByRole("combobox", { name: "报告期年度" }).selectOption("2025");
  await page.getByRole("combobox", { name: "报告期期间" }).selectOption({ label: "第四季度" });
  const last = path.join(work, source.fileName);
  writeFileSync(last, await lastRound());
  await page.getByTestId("prefill-file").setInputFiles(last);
  await page
    .getByTestId("notices")
    .getByText(/并按上期报表.*预填/)
    .waitFor({ timeout: 120_000 });
  const hidden = await page.evaluate(() =>
    (window as unknown as { __fakeWorkbook: () => { sheets: { name: string; visibility: string }[] } })
      .__fakeWorkbook()
      .sheets.find((s) => s.name === "上期数据"),
  );
  expect(hidden?.visibility).toBe("VeryHidden");

  await typeCells(typed(null));
  await page.getByRole("button", { name: "自查" }).click();
  const result = page.getByTestId("check-result");
  await result.getByTestId("history-summary").waitFor({ timeout: 120_000 });
  expect(await result.getByTestId("history-summary").innerText()).toContain("有 1 条提示尚未说明");
  const item = result.getByTestId("issue").filter({ has: page.getByTestId("issue-previous") });
  expect(await item.count()).toBe(1);
  expect(await item.getByTestId("issue-previous").innerText()).toBe(`上期 ${before}`);
  expect(await item.getByTestId("issue-unexplained").innerText()).toBe("未说明");
  // The cell beside it is the link that selects it in the workbook.
  await item.getByRole("button", { name: "定位到 企业名录!J2" }).click();
  await page.waitForFunction(() => {
    const s = (
      window as unknown as { __fakeWorkbook: () => { selection: { sheet: string; address: string } | null } }
    ).__fakeWorkbook().selection;
    return !!s && `${s.sheet}!${s.address}` === "企业名录!J2";
  });
  await result
    .getByRole("combobox", { name: "显示哪些问题" })
    .selectOption({ label: "只看未说明的核实提示" });
  expect(await result.getByTestId("issue").count()).toBe(1);
  const size = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(size[0]).toBeLessThanOrEqual(size[1]);
  await page.screenshot({ path: path.join(work, "history-slip.png"), fullPage: true });
  expect(await axe()).toEqual([]);

  // The 说明, and 自查 again.
  await typeCells(typed(EXPLANATION));
  await page.getByRole("button", { name: "自查" }).first().click();
  await page.waitForFunction(
    () => document.querySelector("[data-testid=history-summary]")?.textContent?.includes("均已说明") ?? false,
    undefined,
    { timeout: 120_000 },
  );
  const done = page.getByTestId("check-result");
  expect(await done.getByTestId("issue-unexplained").count()).toBe(0);
  expect(await done.getByTestId("issue-explained").innerText()).toBe(`已说明：${EXPLANATION}`);
  await done.getByRole("combobox", { name: "显示哪些问题" }).selectOption({ label: "只看未说明的核实提示" });
  expect(await done.getByTestId("issue").count()).toBe(0);
  expect(await axe()).toEqual([]);
  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
}, 900_000);
