// Every `--json` output arrives whole through a pipe, however large and however slowly it is read:
// the CLI sets process.exitCode and lets stdout drain instead of calling process.exit() (issue 9).
// The reader here pauses before reading so that the pipe is full while the CLI finishes: with
// process.exit() that cut the output at 65,536 bytes.
import { spawn, spawnSync } from "child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "srdi.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "srdi-pipe-"));
const big = path.join(dir, "big.xlsx");
const ROWS = 1500;

/** Runs the CLI with stdout on a pipe that is not read for `pauseMs`, then read to the end. */
function piped(args: string[], pauseMs: number): Promise<{ code: number | null; out: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ["ignore", "pipe", "ignore"] });
    const chunks: Buffer[] = [];
    child.stdout.pause();
    setTimeout(() => {
      child.stdout.on("data", (c: Buffer) => chunks.push(c));
      child.stdout.resume();
    }, pauseMs);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out: Buffer.concat(chunks) }));
  });
}

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "dist", "cli", "main.js")))
    throw new Error("run `npm run build:cli` first");
  const t = path.join(dir, "template.xlsx");
  const made = spawnSync(process.execPath, [
    BIN,
    "template",
    "--unit",
    "320703",
    "--period",
    "2025Q3",
    "--out",
    t,
  ]);
  expect(made.status).toBe(0);
  // A return whose every row breaks two rules: thousands of located issues, over 1 MB of JSON.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(t);
  const ws = wb.getWorksheet("企业名录")!;
  for (let r = 2; r < 2 + ROWS; r++) {
    ws.getCell(r, 1).value = "甲";
    ws.getCell(r, 2).value = `BAD${r}`;
  }
  await wb.xlsx.writeFile(big);
  expect(statSync(big).size).toBeGreaterThan(0);
}, 120000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("srdi check --json: over 1 MB through a slow pipe, whole and parseable in 20 runs out of 20", async () => {
  const sizes = new Set<number>();
  for (let i = 0; i < 20; i++) {
    const { code, out } = await piped(["check", "--json", big], 150);
    expect(code).toBe(1);
    expect(out.length).toBeGreaterThan(1024 * 1024);
    const parsed = JSON.parse(out.toString("utf8")) as { files: { errors: unknown[] }[] };
    expect(parsed.files[0].errors.length).toBeGreaterThanOrEqual(ROWS);
    sizes.add(out.length);
  }
  expect(sizes.size).toBe(1); // the same bytes every time
}, 300000);

test("srdi aggregate --json: over 1 MB through a slow pipe, whole in 3 runs out of 3", async () => {
  for (let i = 0; i < 3; i++) {
    const out = path.join(dir, `bulletin-${i}.xlsx`);
    const r = await piped(["aggregate", big, "--period", "2025Q3", "--out", out, "--json"], 150);
    expect(r.code).toBe(0);
    expect(r.out.length).toBeGreaterThan(1024 * 1024);
    const parsed = JSON.parse(r.out.toString("utf8")) as { submissions: unknown[] };
    expect(parsed.submissions.length).toBeGreaterThan(0);
  }
}, 300000);

test("srdi demo --json through a slow pipe: whole and parseable", async () => {
  const r = await piped(["demo", "--out", path.join(dir, "demo"), "--json"], 300);
  expect(r.code).toBe(0);
  const parsed = JSON.parse(r.out.toString("utf8")) as { units: unknown[] };
  expect(parsed.units.length).toBeGreaterThan(0);
}, 300000);
