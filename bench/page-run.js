/* global window */
// One measured run of the offline page or of the task pane in headless Chromium (/usr/bin/chromium,
// playwright-core), for bench/page.js, which runs it alternated with `srdi aggregate` (bench/alternate.py:
// wall and CPU of the whole process tree). Inside the browser it measures reading the returns and 汇总 (the
// bulletin written), the longest main-thread task over both (Long Tasks API) and the peak JS heap of the
// page (CDP Performance.getMetrics every 50 ms; the worker's heap is its own), and appends them as one JSON
// line to REPORT.
//
//   node bench/page-run.js page REPORT FILE...            the page, dist/page/srdi.html from file://
//   node bench/page-run.js pane REPORT FAKE_OFFICE FILE... the pane, dist/addin over a local http server,
//                                                          office.js replaced by the test's fake Excel host
const fs = require("fs");
const http = require("http");
const path = require("path");
const { pathToFileURL } = require("url");

const ROOT = path.resolve(__dirname, "..");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The period's two dropdowns from an id such as 2025Q3 (the bench's rounds are quarters). */
function periodChoice(id) {
  const m = /^(\d{4})Q([1-4])$/.exec(id);
  if (!m) throw new Error(`page-run: a quarter is expected, not ${id}`);
  return { year: m[1], part: ["第一季度", "第二季度", "第三季度", "第四季度"][Number(m[2]) - 1] };
}

function serve(dir) {
  const types = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".png": "image/png",
  };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory())
      return res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function run(kind, report, files, fakeOffice, period) {
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  let server = null;
  try {
    const context = await browser.newContext({ viewport: { width: 450, height: 900 }, locale: "zh-CN" });
    await context.addInitScript(() => {
      window.__longest = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    let url;
    if (kind === "page") url = pathToFileURL(path.join(ROOT, "dist/page/srdi.html")).href;
    else {
      server = await serve(path.join(ROOT, "dist/addin"));
      const body = fs.readFileSync(fakeOffice);
      const origin = `http://127.0.0.1:${server.address().port}`;
      await context.route("**/*", (route) => {
        const u = route.request().url();
        if (u === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body });
        if (u.startsWith(origin) || /^(blob|data):/.test(u)) return route.continue();
        return route.abort();
      });
      url = `${origin}/taskpane.html?view=bureau`;
    }
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
    await page.goto(url);
    await page.getByRole("tab", { name: "汇总" }).click();
    const b = page.getByRole("tabpanel", { name: "汇总" });
    if (kind === "pane") {
      const card = page.getByRole("button", { name: "知道了" });
      if (await card.count()) await card.click();
    }
    const { year, part } = periodChoice(period);
    await b.getByRole("combobox", { name: "报告期年度" }).selectOption(year);
    await b.getByRole("combobox", { name: "报告期期间" }).selectOption({ label: part });
    // Start-up (parsing the page's script) is not what is measured: the longest task from here on.
    await page.evaluate(() => (window.__longest = 0));
    const t0 = Date.now();
    await b.getByTestId("files").setInputFiles(files);
    const done =
      kind === "page" ? `已读取 ${files.length} 份报表` : `已把 ${files.length} 份报表的数据表保存到本工作簿`;
    await b.getByText(done).first().waitFor({ timeout: 900000 });
    const read = (Date.now() - t0) / 1000;
    const longestRead = await page.evaluate(() => window.__longest);
    await page.evaluate(() => (window.__longest = 0));
    const t1 = Date.now();
    await b.getByRole("button", { name: "汇总并生成通报" }).click();
    await b.getByTestId("round-summary").waitFor({ timeout: 900000 });
    const agg = (Date.now() - t1) / 1000;
    const longestAgg = await page.evaluate(() => window.__longest);
    const workers = page.workers().length;
    sampling = false;
    await sample;
    const line = { kind, read, agg, longestRead, longestAgg, peakMB: peak / 1048576, workers };
    fs.appendFileSync(report, JSON.stringify(line) + "\n");
  } finally {
    await browser.close();
    if (server) server.close();
  }
}

if (require.main === module) {
  const [kind, report, ...rest] = process.argv.slice(2);
  const fake = kind === "pane" ? rest.shift() : null;
  const period = process.env.SRDI_BENCH_PERIOD || "2025Q3";
  run(kind, report, rest, fake, period).catch((e) => {
    process.stderr.write(String((e && e.stack) || e) + "\n");
    process.exitCode = 1;
  });
}

module.exports = { run };
