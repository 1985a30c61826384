// What the page's e2e suites share: the page built as `srdi web` writes it (SRDI_TEST_PAGE names an already
// built dist/page/srdi.html, to iterate faster), headless Chromium (/usr/bin/chromium, never downloaded),
// the longest main-thread task observed from the first script on (Long Tasks API), and downloads saved.
import { execFileSync } from "child_process";
import * as path from "path";
import { pathToFileURL } from "url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";

export const ROOT = path.resolve(__dirname, "../..");
export const CLI = path.join(ROOT, "bin/srdi.js");
export const PY = "/usr/bin/python3";
const configs = require(path.join(ROOT, "webpack.config.js")) as {
  pageConfig: (o: { mode: string; outFile: string }) => webpack.Configuration;
};

function build(cfg: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) =>
    webpack(cfg, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

/** The page as a bureau hands it out (`srdi web --out`), under `work`; its file:// URL. */
export async function writePage(work: string): Promise<string> {
  let built = process.env.SRDI_TEST_PAGE;
  if (!built) {
    built = path.join(work, "built", "srdi.html");
    await build(configs.pageConfig({ mode: "production", outFile: built }));
  }
  const html = path.join(work, "专精特新报表工具.html");
  execFileSync(process.execPath, [CLI, "web", "--out", html], {
    env: { ...process.env, SRDI_PAGE_FILE: built },
  });
  return pathToFileURL(html).href;
}

export async function launch(): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: "zh-CN",
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript(() => {
    (window as unknown as { __longest: number }).__longest = 0;
    new PerformanceObserver((l) => {
      const w = window as unknown as { __longest: number };
      for (const e of l.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  return { browser, context, page: await context.newPage() };
}

/** The longest main-thread task since the last reset (ms); `reset` starts a new measure. */
export const longestTask = (page: Page, reset = false): Promise<number> =>
  page.evaluate((r) => {
    const w = window as unknown as { __longest: number };
    const v = w.__longest;
    if (r) w.__longest = 0;
    return v;
  }, reset);

export async function download(page: Page, click: () => Promise<unknown>, dir: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 300_000 }), click()]);
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}
