// Progress on a terminal: `srdi aggregate` and `srdi check` count files read (and sheets written) on
// stderr when it is a terminal, rewriting one line and clearing it at the end; never in --json, never
// into a pipe.
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { terminalProgress } from "../../src/cli/progress";
import { writeWorkbook } from "../../src/xlsx/write";
import { templateDesc } from "../read/fixtures";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "srdi.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "srdi-progress-"));
const files = [path.join(dir, "a.xlsx"), path.join(dir, "b.xlsx")];
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  for (const f of files) writeFileSync(f, await writeWorkbook(templateDesc()));
}, 60000);

test("terminalProgress: counts on a terminal, nothing on a pipe or with --json", () => {
  const seen: string[] = [];
  const tty = { isTTY: true, write: (s: string) => seen.push(s) };
  const p = terminalProgress("读取报表", 2, { out: tty });
  p.step();
  p.step();
  p.phase("写出通报工作簿 工作表", 9);
  p.step();
  p.done();
  expect(seen).toEqual([
    "\r读取报表 1/2\x1b[K",
    "\r读取报表 2/2\x1b[K",
    "\r写出通报工作簿 工作表 0/9\x1b[K",
    "\r写出通报工作簿 工作表 1/9\x1b[K",
    "\r\x1b[K",
  ]);
  const none: string[] = [];
  const pipe = { isTTY: false, write: (s: string) => none.push(s) };
  terminalProgress("读取报表", 2, { out: pipe }).step();
  terminalProgress("读取报表", 2, { out: tty, json: true }).step();
  expect(none).toEqual([]);
  expect(seen).toHaveLength(5);
});

const inTerminal = (cmd: string) =>
  // util-linux `script` gives the command a pseudo-terminal; its output is what the terminal showed.
  spawnSync("script", ["-qec", cmd, "/dev/null"], { encoding: "utf8", cwd: dir, timeout: 120000 });

test("srdi aggregate on a terminal shows files read and sheets written; in a pipe it does not", () => {
  if (!existsSync(path.join(ROOT, "dist", "cli", "main.js")))
    throw new Error("run `npm run build:cli` first");
  const out = path.join(dir, "通报.xlsx");
  const cmd = `${process.execPath} ${BIN} aggregate ${files.join(" ")} --period 2025Q3 --out ${out}`;
  const t = inTerminal(cmd);
  expect(t.stdout).toContain("读取报表 2/2");
  expect(t.stdout).toMatch(/写出通报工作簿 工作表 (\d+)\/\1/);
  expect(t.stdout).toContain("已生成通报工作簿");
  const piped = spawnSync(
    process.execPath,
    [BIN, "aggregate", ...files, "--period", "2025Q3", "--out", out],
    {
      encoding: "utf8",
    },
  );
  expect(piped.status).toBe(0);
  expect(piped.stderr).not.toContain("读取报表");
  expect(piped.stdout).not.toContain("读取报表");
  // --json on a terminal: stdout is JSON only, and no progress either.
  const j = inTerminal(`${process.execPath} ${BIN} aggregate ${files.join(" ")} --period 2025Q3 --json`);
  expect(j.stdout).not.toContain("读取报表");
}, 180000);

test("srdi check on a terminal counts the files checked", () => {
  const t = inTerminal(`${process.execPath} ${BIN} check ${files.join(" ")} --period 2025Q3`);
  expect(t.stdout).toContain("检查报表 2/2");
}, 120000);
