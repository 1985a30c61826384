// Reading a round on worker threads gives the same results, in the same order, as reading it in-process,
// unreadable files included; the compiled pool (dist/, built by `npm test` before jest) is what runs.
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import type { Plan } from "../../src/core/plan/types";
import type { ReturnResult } from "../../src/core/read/types";
import { buildDemoRound } from "../../src/core/demo/round";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { writeWorkbook } from "../../src/xlsx/write";

const root = path.resolve(__dirname, "../..");
type Pool = (
  files: string[],
  plan: Plan,
  o?: { maxWorkers?: number; minBytes?: number },
) => Promise<{ results: ReturnResult[]; workers: number }>;
let pool: Pool;
let dir: string;
const files: string[] = [];

beforeAll(async () => {
  if (!existsSync(path.join(root, "dist", "cli", "read-worker.js")))
    execFileSync(
      process.execPath,
      [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
      {
        cwd: root,
      },
    );

  pool = (require(path.join(root, "dist", "cli", "read-pool.js")) as { readReturnFiles: Pool })
    .readReturnFiles;
  dir = mkdtempSync(path.join(tmpdir(), "srdi-pool-"));
  const demo = buildDemoRound(DEFAULT_PLAN);
  for (const r of demo.returns.slice(0, 5)) {
    const desc = buildTemplate({
      plan: DEFAULT_PLAN,
      form: r.form,
      unit: r.unit,
      period: demo.period,
      generatedAt: demo.generatedAt,
    });
    const f = path.join(dir, r.fileName);
    writeFileSync(f, await writeWorkbook(fillTemplate(desc, r.data, r.form)));
    files.push(f);
  }
  writeFileSync(path.join(dir, "garbage.xlsx"), "not a workbook");
  files.splice(2, 0, path.join(dir, "garbage.xlsx"), path.join(dir, "missing.xlsx"));
}, 120000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("workers and in-process reading agree, file by file, in order", async () => {
  const alone = await pool(files, DEFAULT_PLAN, { maxWorkers: 1 });
  const many = await pool(files, DEFAULT_PLAN, { maxWorkers: 3, minBytes: 0 });
  expect(alone.workers).toBe(0);
  expect(many.workers).toBe(3);
  expect(many.results.map((r) => r.file)).toEqual(files.map((f) => path.basename(f)));
  expect(many.results).toEqual(alone.results);
  expect(many.results[2].errors[0].code).toBe("file.not_workbook");
  expect(many.results[3].errors[0].code).toBe("file.unreadable");
  expect(many.results[0].rows.read).toBeGreaterThan(0);
}, 120000);

test("a small round is read in-process", async () => {
  const r = await pool(files.slice(0, 2), DEFAULT_PLAN);
  expect(r.workers).toBe(0);
  expect(r.results).toHaveLength(2);
});
