/* global window */
// `npm run bench` section 5: the offline page (dist/page/srdi.html) opened from file:// in headless
// Chromium (/usr/bin/chromium, playwright-core) reads the 10 returns and aggregates them, beside the CLI
// on the same files: read time, aggregate time (bulletin workbook written), the longest main-thread task
// (Long Tasks API), peak JS heap (CDP Performance.getMetrics, sampled every 50 ms) and the page's size.
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");
const zlib = require("zlib");

async function pageBench({ files, period, out, fmt, need, SRDI, ROOT }) {
  const html = path.join(ROOT, "dist/page/srdi.html");
  need(fs.existsSync(html), "dist/page is not built: run `npm run build` first");
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const requests = [];
    context.on("request", (r) => requests.push(r.url()));
    await context.addInitScript(() => {
      window.__longest = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    let peak = 0;
    let sampling = true;
    const sample = (async () => {
      while (sampling) {
        const { metrics } = await cdp.send("Performance.getMetrics").catch(() => ({ metrics: [] }));
        const used = metrics.find((m) => m.name === "JSHeapUsedSize");
        if (used) peak = Math.max(peak, used.value);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await page.goto(pathToFileURL(html).href);
    await page.getByRole("tab", { name: "汇总" }).click();
    const b = page.getByRole("tabpanel", { name: "汇总" });
    await b.getByRole("textbox", { name: /报告期/ }).fill(period);
    const t0 = performance.now();
    await b.getByTestId("files").setInputFiles(files);
    await b.getByText(`已读取 ${files.length} 份报表`).waitFor({ timeout: 600000 });
    const read = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await b.getByRole("button", { name: "汇总并生成通报" }).click();
    await b.getByTestId("round-summary").waitFor({ timeout: 600000 });
    const agg = (performance.now() - t1) / 1000;
    const longest = await page.evaluate(() => window.__longest);
    sampling = false;
    await sample;
    const t2 = performance.now();
    execFileSync(
      "node",
      [SRDI, "aggregate", ...files, "--out", path.join(ROOT, "dist", "bench-page-通报.xlsx")],
      {
        stdio: "ignore",
      },
    );
    const cli = (performance.now() - t2) / 1000;
    fs.rmSync(path.join(ROOT, "dist", "bench-page-通报.xlsx"), { force: true });
    const raw = fs.statSync(html).size;
    const gz = zlib.gzipSync(fs.readFileSync(html), { level: 9 }).length;
    const offPage = requests.filter((u) => !/^(file|blob|data):/.test(u));
    out(
      `   page read ${files.length} returns ${fmt(read)} s, aggregate + bulletin ${fmt(agg)} s = ${fmt(read + agg)} s;`,
    );
    out(`   CLI srdi aggregate on the same files (process start-up included) ${fmt(cli)} s`);
    out(`   longest main-thread task ${fmt(longest, 0)} ms; peak JS heap ${fmt(peak / 1048576, 0)} MB`);
    out(
      `   page size ${fmt(raw / 1024, 0)} KB raw, ${fmt(gz / 1024, 0)} KB gzip; requests off the file: ${offPage.length}`,
    );
    return { read, agg, cli, longest, peak, gz };
  } finally {
    await browser.close();
  }
}

module.exports = { pageBench };
