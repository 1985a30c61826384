// The offline page on a round of 10 returns × 2,000 enterprise rows (bench/gen.js, as `npm run bench` makes
// them): the bulletin equals `srdi aggregate`'s cell by cell (openpyxl) and the JSON equals `--json`; the
// reading and 汇总 run in the page's worker, and the longest main-thread task of each is measured (printed:
// speed goals live in `npm run bench`, not in tests).
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { CLI, PY, ROOT, download, launch, longestTask, writePage } from "./harness";

const ISSUED = "2025-10-20";
let work: string;
let browser: Browser;
let page: Page;
let files: string[];

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "srdi-page-large-"));
  const url = await writePage(work);
  const { generateRound } = require(path.join(ROOT, "bench/gen.js")) as {
    generateRound: (dir: string, rows: number) => Promise<{ files: string[] }>;
  };
  files = (await generateRound(path.join(work, "round"), 2000)).files;
  ({ browser, page } = await launch());
  await page.goto(url);
  await page.getByTestId("page-header").waitFor();
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("10 × 2,000 rows: the page's bulletin equals srdi aggregate's cell by cell, its JSON equals --json", async () => {
  expect(files).toHaveLength(10);
  await page.getByRole("tab", { name: "汇总" }).click();
  const b = page.getByRole("tabpanel", { name: "汇总" });
  await b.getByRole("combobox", { name: "报告期年度" }).selectOption("2025");
  await b.getByRole("combobox", { name: "报告期期间" }).selectOption({ label: "第三季度" });
  await b.getByRole("textbox", { name: /通报日期/ }).fill(ISSUED);
  expect(page.workers().length).toBeGreaterThan(0);
  await longestTask(page, true);
  await b.getByTestId("files").setInputFiles(files);
  await b.getByText("已读取 10 份报表").waitFor({ timeout: 600_000 });
  const reading = await longestTask(page, true);
  await b.getByRole("button", { name: "汇总并生成通报" }).click();
  await b.getByTestId("round-summary").waitFor({ timeout: 600_000 });
  const aggregating = await longestTask(page, true);
  console.log(
    `page, 10 × 2,000 rows: longest main-thread task reading ${Math.round(reading)} ms, during 汇总 ${Math.round(aggregating)} ms`,
  );

  const out = path.join(work, "page-out");
  mkdirSync(out, { recursive: true });
  const xlsx = await download(
    page,
    () => b.getByRole("button", { name: "下载通报工作簿(.xlsx)" }).click(),
    out,
  );
  const json = await download(page, () => b.getByRole("button", { name: "下载汇总数据(JSON)" }).click(), out);
  const docx = await download(page, () => b.getByRole("button", { name: "下载通报(.docx)" }).click(), out);
  const cli = path.join(work, "cli-通报.xlsx");
  const cliDocx = path.join(work, "cli-通报.docx");
  const cliJson = execFileSync(
    process.execPath,
    [CLI, "aggregate", ...files, "--out", cli, "--docx", cliDocx, "--json", "--date", ISSUED],
    { encoding: "utf8", maxBuffer: 1 << 28 },
  );
  // The .docx is made in the page's worker from the whole round (the page holds it without the counted
  // rows): its text equals the CLI's.
  const text = (f: string) =>
    strFromU8(unzipSync(readFileSync(f))["word/document.xml"])
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");
  expect(text(docx)).toEqual(text(cliDocx));
  expect(text(docx).length).toBeGreaterThan(1000);
  const pageRound = JSON.parse(readFileSync(json, "utf8"));
  expect(pageRound).toEqual(JSON.parse(cliJson));
  const counted = (pageRound.submissions as { status: string; rows: { accepted: number } }[]).filter(
    (x) => x.status === "reported" && x.rows.accepted >= 2000,
  );
  expect(counted).toHaveLength(10);
  const same = execFileSync(PY, [path.join(__dirname, "compare_xlsx.py"), xlsx, cli], { encoding: "utf8" });
  expect(same).toMatch(/^same \d+ sheets \d+ cells/);
}, 1_200_000);
