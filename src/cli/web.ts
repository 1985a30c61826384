// `srdi web --out 专精特新报表工具.html [--plan 规划配置.xlsx]`: writes the offline page (the pane's views on
// files, one self-contained HTML file that makes no request) for a bureau to hand to its units. With
// --plan the page carries that plan workbook (checked here first, read again by the page on opening).
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import type { Command } from "commander";
import { UsageError, type ExitHolder } from "./common";
import { loadPlanFile } from "./plan";
import { readRegularFile } from "./read-regular";

/** The page's plan data block as built (the html minifier may drop the attributes' quotes). */
const PLAN_BLOCK = /<script type="?application\/json"? id="?srdi-plan"?>null<\/script>/;

/** Where `npm install` (prepare) and `npm run build` write the page: dist/page beside dist/cli. */
export function pageFile(): string {
  return process.env.SRDI_PAGE_FILE || path.join(__dirname, "..", "page", "srdi.html");
}

/** JSON safe inside a <script> data block: no "</script", no "<!--". */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, "\\u003c");
}

export function pageWithPlan(html: string, plan: { name: string; bytes: Uint8Array } | null): string {
  if (!plan) return html;
  if (!PLAN_BLOCK.test(html))
    throw new UsageError("网页文件缺少规划数据位置，请重新生成(npm run build:page)");
  const block = `<script type="application/json" id="srdi-plan">${scriptJson({
    name: plan.name,
    base64: Buffer.from(plan.bytes).toString("base64"),
  })}</script>`;
  return html.replace(PLAN_BLOCK, () => block);
}

interface WebOptions {
  out?: string;
  plan?: string;
}

export function runWeb(o: WebOptions): void {
  const src = pageFile();
  if (!existsSync(src))
    throw new UsageError(`网页尚未生成(${src})：请先运行 npm run build:page (the page is not built yet)`);
  const out = o.out ?? "专精特新报表工具.html";
  let plan: { name: string; bytes: Uint8Array } | null = null;
  if (o.plan) {
    if (!/\.xlsx$/i.test(o.plan))
      throw new UsageError("网页只能携带规划配置工作簿(.xlsx)：请用 srdi plan --out 生成");
    const p = loadPlanFile(o.plan); // refuses a plan with errors, in Chinese, with where and why
    plan = { name: path.basename(o.plan), bytes: readRegularFile(o.plan).bytes };
    process.stdout.write(`网页携带规划：${p.title}\n`);
  }
  writeFileSync(out, pageWithPlan(readFileSync(src, "utf8"), plan));
  process.stdout.write(`已生成 ${out}：双击即可在浏览器中打开，无需安装，不联网\n`);
}

export function registerWeb(program: Command, exit: ExitHolder): void {
  void exit;
  program
    .command("web")
    .description("生成离线网页版报表工具(单个 HTML 文件，无需安装，不联网) (write the offline page)")
    .option("--out <file>", "保存位置", "专精特新报表工具.html")
    .option("--plan <file>", "网页携带的规划配置工作簿(.xlsx)，默认内置规划")
    .action((o: WebOptions) => runWeb(o));
}
