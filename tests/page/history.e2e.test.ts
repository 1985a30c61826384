// Issue 26 "How we will know", on the offline page opened from file:// in headless Chromium: the clerk
// downloads the template prefilled from last round's return (按上期报表预填), fills it in Excel (ExcelJS
// here) with a ×10 slip and opens it: the warning beside its cell with last round's value, 未说明; the
// same file with a 说明 in the row: 已说明, nothing left to explain (the 未说明 filter lists nothing).
// The page is built into a temp dir (SRDI_TEST_PAGE names an already built one, to iterate faster).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { chromium, type Browser, type Page } from "playwright-core";
import webpack from "webpack";
import { before, EXPLANATION, fillFile, lastRound, source } from "../history/clerk-slip";

const ROOT = path.resolve(__dirname, "../..");
const configs = require(path.join(ROOT, "webpack.config.js")) as {
  pageConfig: (o: { mode: string; outFile: string }) => webpack.Configuration;
};

let work: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "srdi-page-history-"));
  let built = process.env.SRDI_TEST_PAGE;
  if (!built) {
    built = path.join(work, "built", "srdi.html");
    const cfg = configs.pageConfig({ mode: "production", outFile: built });
    await new Promise<void>((resolve, reject) =>
      webpack(cfg, (err, stats) =>
        err || stats?.hasErrors()
          ? reject(err ?? new Error(stats!.toString({ all: false, errors: true })))
          : resolve(),
      ),
    );
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: "zh-CN",
    viewport: { width: 320, height: 900 },
  });
  context.on("request", (r) => requests.push(r.url()));
  page = await context.newPage();
  await page.goto(pathToFileURL(built).href);
  await page.getByTestId("page-header").waitFor();
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

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
  )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
  return r.violations.map((v) => `${v.id} @ ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("a clerk's self-check of a prefilled template on the page: ×10 slip with last round's value, 说明, clean", async () => {
  const clerk = page.getByRole("tabpanel", { name: "填报" });
  await clerk.getByRole("combobox", { name: "填报单位" }).selectOption({ label: source.unit.name });
  await clerk.getByRole("combobox", { name: "报告期年度" }).selectOption("2025");
  await clerk.getByRole("combobox", { name: "报告期期间" }).selectOption({ label: "第四季度" });
  const last = path.join(work, source.fileName);
  writeFileSync(last, await lastRound());
  const [d] = await Promise.all([
    page.waitForEvent("download", { timeout: 300_000 }),
    clerk.getByTestId("prefill-file").setInputFiles(last),
  ]);
  const template = path.join(work, d.suggestedFilename());
  await d.saveAs(template);
  const slip = path.join(work, "slip.xlsx");
  writeFileSync(slip, await fillFile(readFileSync(template), null));
  const explained = path.join(work, "explained.xlsx");
  writeFileSync(explained, await fillFile(readFileSync(template), EXPLANATION));

  await clerk.getByTestId("open-return").setInputFiles(slip);
  const result = clerk.getByTestId("check-result");
  await result.getByTestId("history-summary").waitFor({ timeout: 120_000 });
  expect(await result.getByTestId("history-summary").innerText()).toContain("有 1 条提示尚未说明");
  const item = result.getByTestId("issue").filter({ has: page.getByTestId("issue-previous") });
  expect(await item.count()).toBe(1);
  expect(await item.innerText()).toMatch(/^J2/);
  expect(await item.getByTestId("issue-previous").innerText()).toBe(`上期 ${before}`);
  expect(await item.getByTestId("issue-unexplained").innerText()).toBe("未说明");
  await result
    .getByRole("combobox", { name: "显示哪些问题" })
    .selectOption({ label: "只看未说明的核实提示" });
  expect(await result.getByTestId("issue").count()).toBe(1);
  // Nothing sticks out sideways at 320 px.
  const size = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(size[0]).toBeLessThanOrEqual(size[1]);
  expect(await axe()).toEqual([]);

  await clerk.getByTestId("open-return").setInputFiles(explained);
  await page.waitForFunction(
    () => document.querySelector("[data-testid=history-summary]")?.textContent?.includes("均已说明") ?? false,
    undefined,
    { timeout: 120_000 },
  );
  const done = clerk.getByTestId("check-result");
  expect(await done.getByTestId("issue-unexplained").count()).toBe(0);
  expect(await done.getByTestId("issue-explained").innerText()).toBe(`已说明：${EXPLANATION}`);
  await done.getByRole("combobox", { name: "显示哪些问题" }).selectOption({ label: "只看未说明的核实提示" });
  expect(await done.getByTestId("issue").count()).toBe(0);
  expect(await axe()).toEqual([]);
  expect(
    requests.filter((u) => !u.startsWith("file:") && !u.startsWith("blob:") && !u.startsWith("data:")),
  ).toEqual([]);
}, 600_000);
