// The offline page (dist/page/srdi.html, as `srdi web` writes it) opened from file:// in headless
// Chromium: no request of any kind, the clerk's open → self-check → annotated copy, the bureau's targets
// workbook, returns by setInputFiles and by drag-and-drop (接受/退回 on the page is not driven here yet),
// 汇总 → bulletin .xlsx equal cell by cell (openpyxl) to `srdi aggregate`'s and JSON equal to
// `--json`, .docx, templates .zip; axe-core (WCAG 2.2 tags) at 320, 768 and 1280 px and 200 % zoom,
// keyboard only, and the longest main-thread task measured. The page is built into a temp dir
// (SRDI_TEST_PAGE names an already built one, to iterate faster).
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";
import { unzipSync } from "fflate";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin/srdi.js");
const PY = "/usr/bin/python3";
const DEADLINE = "2025-10-15";
const ISSUED = "2025-10-20";
const configs = require(path.join(ROOT, "webpack.config.js")) as {
  pageConfig: (o: { mode: string; outFile: string }) => webpack.Configuration;
};

let work: string;
let demo: string;
let pageUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
let longest = 0;

function build(cfg: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) =>
    webpack(cfg, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

const srdi = (...args: string[]) =>
  execFileSync(process.execPath, [CLI, ...args], { cwd: work, encoding: "utf8", maxBuffer: 1 << 28 });

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "srdi-page-"));
  let built = process.env.SRDI_TEST_PAGE;
  if (!built) {
    built = path.join(work, "built", "srdi.html");
    await build(configs.pageConfig({ mode: "production", outFile: built }));
  }
  // The page as a bureau hands it out: written by `srdi web` (the CLI is built by the test script).
  const html = path.join(work, "专精特新报表工具.html");
  execFileSync(process.execPath, [CLI, "web", "--out", html], {
    env: { ...process.env, SRDI_PAGE_FILE: built },
  });
  pageUrl = pathToFileURL(html).href;
  demo = path.join(work, "demo");
  srdi("demo", "--out", demo);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  context = await browser.newContext({
    acceptDownloads: true,
    locale: "zh-CN",
    viewport: { width: 1280, height: 900 },
  });
  context.on("request", (r) => requests.push(r.url()));
  // The longest main-thread task (Long Tasks API), observed from the first script on.
  await context.addInitScript(() => {
    (window as unknown as { __longest: number }).__longest = 0;
    new PerformanceObserver((l) => {
      const w = window as unknown as { __longest: number };
      for (const e of l.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  page = await context.newPage();
  await page.goto(pageUrl);
  await page.getByTestId("page-header").waitFor();
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function noteLongest() {
  longest = Math.max(
    longest,
    await page.evaluate(() => (window as unknown as { __longest: number }).__longest),
  );
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}
/** axe-core with the WCAG 2.0–2.2 A/AA tags: every violation (evaluate is not subject to the page's CSP). */
async function axe(): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const r = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(
      // Tabster's focus sentinels (Fluent UI) are aria-hidden and focusable by design.
      { exclude: [["[data-tabster-dummy]"]] },
      {
        resultTypes: ["violations"],
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      },
    ),
  )) as AxeResult;
  return r.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

async function download(click: () => Promise<unknown>, dir = work): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 300_000 }), click()]);
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

const panel = (name: string) => page.getByRole("tabpanel", { name });
const returns = () =>
  readdirSync(path.join(demo, "returns"))
    .sort()
    .map((f) => path.join(demo, "returns", f));

test("the page states its version and plan, carries a CSP that allows no request, and never loads office.js", async () => {
  const header = await page.getByTestId("page-header").innerText();
  expect(header).toContain(`版本 ${require(path.join(ROOT, "package.json")).version}`);
  expect(await page.getByTestId("page-plan").innerText()).toContain("规划：");
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).not.toMatch(/unsafe-eval|https?:/);
  const html = readFileSync(new URL(pageUrl), "utf8");
  expect(html).not.toMatch(/<script[^>]+src=/);
  expect(html).not.toContain("appsforoffice");
  // A request the page's code might try is refused by the policy before it leaves the browser.
  const refused = await page.evaluate(() =>
    fetch("https://example.com/x").then(
      () => "sent",
      () => "refused",
    ),
  );
  expect(refused).toBe("refused");
  // The page's worker runs the page's own script from a blob: URL (no request leaves the browser).
  expect(requests.filter((u) => !/^(file|blob):/.test(u))).toEqual([]);
});

test("clerk: download a template, open a filled return, self-check, annotated copy", async () => {
  const clerk = panel("填报");
  await clerk.getByRole("combobox", { name: "报告期年度" }).selectOption("2025");
  await clerk.getByRole("combobox", { name: "报告期期间" }).selectOption({ label: "第三季度" });
  const tpl = await download(() => clerk.getByRole("button", { name: "下载模板" }).click());
  expect(path.basename(tpl)).toMatch(/\.xlsx$/);
  await clerk.getByTestId("open-return").setInputFiles(returns()[0]);
  await clerk.getByTestId("check-result").waitFor({ timeout: 120_000 });
  const copy = await download(() => clerk.getByRole("button", { name: "导出标注副本" }).click()).catch(
    () => null,
  );
  if (copy) {
    const out = execFileSync(
      PY,
      [
        "-c",
        "import sys; from openpyxl import load_workbook; print(load_workbook(sys.argv[1]).sheetnames)",
        copy,
      ],
      { encoding: "utf8" },
    );
    expect(out).toContain("校验结果");
  }
  expect(await axe()).toEqual([]);
  await noteLongest();
});

test("bureau: targets workbook, returns (picker and drop), 汇总 equal to srdi aggregate (.xlsx by openpyxl, JSON), .docx", async () => {
  await page.getByRole("tab", { name: "汇总" }).click();
  const b = panel("汇总");
  await b.getByTestId("targets-file").setInputFiles(path.join(demo, "目标分解-2025Q3.xlsx"));
  await b.getByText("已读取目标分解表").waitFor({ timeout: 60_000 });
  const files = returns();
  // Half by the picker (multi-select), half dropped.
  await b.getByTestId("files").setInputFiles(files.slice(0, 5));
  await b.getByText("已读取 5 份报表").waitFor({ timeout: 120_000 });
  const dropped = files
    .slice(5)
    .map((f) => ({ name: path.basename(f), b64: readFileSync(f).toString("base64") }));
  const dt = await page.evaluateHandle((list) => {
    const d = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      d.items.add(new File([bytes], f.name));
    }
    return d;
  }, dropped);
  await b.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer: dt });
  await b.getByText(`已读取 ${dropped.length} 份报表`).waitFor({ timeout: 120_000 });
  await b.getByRole("combobox", { name: "报告期年度" }).selectOption("2025");
  await b.getByRole("combobox", { name: "报告期期间" }).selectOption({ label: "第三季度" });
  await b.getByRole("textbox", { name: /截止日期/ }).fill(DEADLINE);
  await b.getByRole("textbox", { name: /通报日期/ }).fill(ISSUED);
  await noteLongest();

  const out = path.join(work, "page-out");
  mkdirSync(out, { recursive: true });
  // 汇总 runs in the page's worker (started from the page's own text, blob: URL): the page's thread only
  // sends the file names and receives the round; its longest task while 汇总 runs is measured.
  expect(page.workers().length).toBeGreaterThan(0);
  expect(await page.getByTestId("no-worker").count()).toBe(0);
  await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
  await b.getByRole("button", { name: "汇总并生成通报" }).click();
  await b.getByTestId("round-summary").waitFor({ timeout: 300_000 });
  const during = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  console.log(`page: longest main-thread task during 汇总 of the demo round ${Math.round(during)} ms`);
  const xlsx = await download(() => b.getByRole("button", { name: "下载通报工作簿(.xlsx)" }).click(), out);
  const json = await download(() => b.getByRole("button", { name: "下载汇总数据(JSON)" }).click(), out);
  const docx = await download(
    () =>
      b
        .getByRole("button", { name: /\.docx|Word/ })
        .first()
        .click(),
    out,
  );
  expect(readFileSync(docx).subarray(0, 2).toString()).toBe("PK");
  await noteLongest();

  const cli = path.join(work, "cli-通报.xlsx");
  const cliJson = srdi(
    "aggregate",
    ...files,
    "--targets",
    path.join(demo, "目标分解-2025Q3.xlsx"),
    "--out",
    cli,
    "--json",
    "--deadline",
    DEADLINE,
    "--date",
    ISSUED,
  );
  expect(JSON.parse(readFileSync(json, "utf8"))).toEqual(JSON.parse(cliJson));
  const same = execFileSync(PY, [path.join(__dirname, "compare_xlsx.py"), xlsx, cli], { encoding: "utf8" });
  expect(same).toMatch(/^same \d+ sheets \d+ cells/);
  expect(await axe()).toEqual([]);
  expect(
    requests.filter((u) => !u.startsWith("file:") && !u.startsWith("blob:") && !u.startsWith("data:")),
  ).toEqual([]);
}, 900_000);

/** 报送登记 of a targets workbook as {unit name: [审核结果, 退回原因]} (openpyxl). */
function reviewsIn(file: string): Record<string, [string | null, string | null]> {
  const script = `
import sys, json
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1])["报送登记"]
rows = [list(r) for r in ws.iter_rows(values_only=True)]
h = next(i for i, r in enumerate(rows) if "审核结果" in r)
head = rows[h]
name = next(i for i, v in enumerate(head) if v in ("单位名称", "单位"))
out = {}
for r in rows[h + 1:]:
    if r[name]:
        out[str(r[name])] = [r[head.index("审核结果")], r[head.index("退回原因")]]
print(json.dumps(out, ensure_ascii=False))
`;
  return JSON.parse(execFileSync(PY, ["-c", script, file], { encoding: "utf8" }));
}

test("bureau: 接受 and 退回 with a reason, the updated targets workbook downloaded; 汇总 then equals srdi aggregate on it", async () => {
  const b = panel("汇总");
  const rows = b.getByTestId("return-row");
  const open = async (i: number) => {
    await rows.nth(i).locator("button[aria-expanded=false]").click();
    return rows.nth(i);
  };
  const out = path.join(work, "reviews");
  mkdirSync(out, { recursive: true });

  const first = await open(0);
  const accepted = await download(
    () => first.getByRole("button", { name: "接受", exact: true }).click(),
    out,
  );
  await first
    .getByTestId("row-notice")
    .getByText(/已下载为/)
    .waitFor();

  const second = await open(1);
  await second.getByRole("textbox", { name: "退回原因" }).fill("企业名录第 3 行营业收入单位有误");
  await second.getByRole("button", { name: "退回", exact: true }).click();
  const dialog = page.getByRole("alertdialog").or(page.getByRole("dialog"));
  const sentBack = await download(
    () => dialog.getByRole("button", { name: "退回", exact: true }).click(),
    out,
  );
  await second
    .getByTestId("row-notice")
    .getByText(/已下载为/)
    .waitFor();

  const a = reviewsIn(accepted);
  expect(Object.values(a).filter(([state]) => state === "接受")).toHaveLength(1);
  // The second download holds both reviews (the workbook is updated in turn, not each from the original).
  const both = reviewsIn(sentBack);
  expect(Object.values(both).filter(([state]) => state === "接受")).toHaveLength(1);
  expect(Object.values(both).filter(([state]) => state === "退回")).toEqual([
    ["退回", "企业名录第 3 行营业收入单位有误"],
  ]);

  // 汇总 again: the sent-back unit is left out exactly as `srdi aggregate --targets <the download>` leaves it.
  await b.getByRole("button", { name: "汇总并生成通报" }).click();
  await b.getByTestId("round-summary").waitFor({ timeout: 300_000 });
  const json = await download(() => b.getByRole("button", { name: "下载汇总数据(JSON)" }).click(), out);
  const cliJson = srdi(
    "aggregate",
    ...returns(),
    "--targets",
    sentBack,
    "--json",
    "--out",
    path.join(out, "cli.xlsx"),
    "--deadline",
    DEADLINE,
    "--date",
    ISSUED,
  );
  const pageRound = JSON.parse(readFileSync(json, "utf8"));
  expect(pageRound).toEqual(JSON.parse(cliJson));
  expect(JSON.stringify(pageRound)).toContain("退回");
  await noteLongest();
}, 600_000);

test("bureau: a dropped folder is walked (its .xlsx files, sub-folders too; other files left)", async () => {
  const b = panel("汇总");
  const dir = path.join(work, "dropped");
  mkdirSync(path.join(dir, "二级"), { recursive: true });
  const files = returns();
  writeFileSync(path.join(dir, path.basename(files[0])), readFileSync(files[0]));
  writeFileSync(path.join(dir, "二级", path.basename(files[1])), readFileSync(files[1]));
  writeFileSync(path.join(dir, "说明.txt"), "not a return");
  const zone = b.getByTestId("drop-zone");
  await zone.scrollIntoViewIfNeeded();
  const box = (await zone.boundingBox())!;
  // A real drag from the file system (CDP): Chromium gives the page a directory entry for the folder.
  const cdp = await context.newCDPSession(page);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const data = { items: [], files: [dir], dragOperationsMask: 1 };
  for (const type of ["dragEnter", "dragOver", "drop"] as const)
    await cdp.send("Input.dispatchDragEvent", { type, ...at, data });
  await b.getByText("已读取 2 份报表").waitFor({ timeout: 120_000 });
  await cdp.detach();
}, 300_000);

test("bureau: every unit's template as one .zip", async () => {
  const b = panel("汇总");
  // Ten 5,000-row templates are written on the main thread: the click returns when they are.
  const zip = await download(() =>
    b.getByRole("button", { name: "全部单位模板(.zip)" }).click({ timeout: 300_000, noWaitAfter: true }),
  );
  const names = Object.keys(unzipSync(readFileSync(zip)));
  expect(names.length).toBe(10);
  expect(names.every((n) => n.endsWith(".xlsx"))).toBe(true);
}, 300_000);

test("reflows at 320, 768, 1280 px and 200 % zoom, axe clean; keyboard reaches the tabs and buttons", async () => {
  // After the round, the bureau's result at 320 px: measured (the views' reflow is the pane's work).
  await page.setViewportSize({ width: 320, height: 800 });
  const after = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  console.log(`page: sideways scroll at 320 px after the round ${after} px`);
  await noteLongest();
  // A fresh page, both views, at each width.
  await page.reload();
  await page.getByTestId("page-header").waitFor();
  for (const width of [320, 768, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const tab of ["汇总", "填报"]) {
      await page.getByRole("tab", { name: tab }).click();
      const sideways = await page.evaluate(() =>
        Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth),
      );
      expect(`${width}px ${tab}: ${sideways}`).toBe(`${width}px ${tab}: 0`);
      expect(await axe()).toEqual([]);
    }
  }
  // 200 % zoom of a 640 px window is a 320 CSS px layout.
  await page.setViewportSize({ width: 640, height: 800 });
  await page.evaluate(() => {
    document.body.style.zoom = "2";
  });
  const wide = await page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth * 1.01) return [];
    return Array.from(document.querySelectorAll("body *"))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 2)
      .slice(0, 5)
      .map((el) => `${el.tagName} ${(el.textContent ?? "").slice(0, 30)}`);
  });
  expect(wide).toEqual([]);
  await page.evaluate(() => {
    document.body.style.zoom = "";
  });
  // Keyboard only: Tab from the top reaches the tabs, and Enter/arrow keys switch them.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const names: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    names.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ""));
  }
  expect(names.some((n) => n.includes("填报") || n.includes("汇总"))).toBe(true);
  await noteLongest();
  writeFileSync(path.join(work, "longest.txt"), String(longest));

  console.log(`page: longest main-thread task ${Math.round(longest)} ms`);
});

test("where the browser will not start the page's worker, the page says so and works on its own thread", async () => {
  const ctx = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  await ctx.addInitScript(() => {
    delete (window as unknown as { Worker?: unknown }).Worker;
  });
  const p = await ctx.newPage();
  try {
    await p.goto(pageUrl);
    await p.getByTestId("no-worker").waitFor();
    expect(await p.getByTestId("no-worker").innerText()).toContain("后台计算");
    expect(p.workers()).toHaveLength(0);
    const clerk = p.getByRole("tabpanel", { name: "填报" });
    await clerk.getByTestId("open-return").setInputFiles(returns()[0]);
    await clerk.getByTestId("check-result").waitFor({ timeout: 120_000 });
  } finally {
    await ctx.close();
  }
}, 300_000);
