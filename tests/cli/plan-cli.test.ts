// `srdi plan --out` writes the plan workbook through the real writer; `--plan 规划配置.xlsx` reads it back
// through the guarded reader on every command; a workbook with mistakes is refused with located errors.
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { loadPlanBook } from "../../src/core/planbook/read-plan";
import { buildPlanBook } from "../../src/core/planbook/write-plan";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { readWorkbookSync } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { readFileSync } from "fs";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin", "srdi.js");
let dir: string;
const srdi = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: dir, maxBuffer: 64 << 20 });

beforeAll(() => {
  if (!existsSync(path.join(root, "dist", "cli", "plan.js")))
    execFileSync(
      process.execPath,
      [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"],
      { cwd: root },
    );
  dir = mkdtempSync(path.join(tmpdir(), "srdi-plan-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("srdi plan --out writes the built-in plan; srdi plan --plan reads it back and summarises it", () => {
  const w = srdi("plan", "--out", "规划配置.xlsx");
  expect(w.status).toBe(0);
  const r = srdi("plan", "--plan", "规划配置.xlsx");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("连云港市促进中小企业专精特新发展行动计划(2023—2025年)");
  expect(r.stdout).toContain("指标 29 项");
  expect(r.stdout).toContain("SRDI-COUNTY v1、SRDI-COUNTY v2、SRDI-COUNTY v3(新模板用 v3)");
  // the file is read back to the same plan the writer was given (real ExcelJS file, product reader)
  const plan = loadPlanBook(readWorkbookSync(readFileSync(path.join(dir, "规划配置.xlsx"))));
  expect(plan.indicators.map((i) => [i.code, i.expr, i.target])).toEqual(
    DEFAULT_PLAN.indicators.map((i) => [i.code, i.expr, i.target]),
  );
});

test("a workbook with mistakes: srdi plan lists each with sheet and cell (exit 1); other commands refuse it (exit 2)", async () => {
  const desc = buildPlanBook(DEFAULT_PLAN);
  const units = desc.sheets.find((s) => s.name === "单位")!;
  units.rows[2][0] = units.rows[1][0];
  const inds = desc.sheets.find((s) => s.name === "目标")!;
  inds.rows.splice(1, 1);
  writeFileSync(path.join(dir, "bad.xlsx"), await writeWorkbook(desc));
  const r = srdi("plan", "--plan", "bad.xlsx");
  expect(r.status).toBe(1);
  expect(r.stdout).toContain("单位!A3");
  expect(r.stdout).toContain("指标!A2");
  expect(r.stdout).toContain("未载入");
  const j = JSON.parse(srdi("plan", "--plan", "bad.xlsx", "--json").stdout) as {
    ok: boolean;
    issues: { sheet: string; cell: string; code: string }[];
  };
  expect(j.ok).toBe(false);
  expect(j.issues.map((i) => [i.sheet, i.cell, i.code])).toEqual([
    ["单位", "A3", "plan.duplicate"],
    ["指标", "A2", "plan.target_missing"],
  ]);
  const t = srdi("targets", "--period", "2025Q3", "--out", "t.xlsx", "--plan", "bad.xlsx");
  expect(t.status).toBe(2);
  expect(t.stderr).toContain("单位!A3");
  expect(existsSync(path.join(dir, "t.xlsx"))).toBe(false);
});

test("a file that is not a workbook nor JSON is refused as a plan with a reason", () => {
  writeFileSync(path.join(dir, "x.xlsx"), "PK\u0003\u0004garbage");
  const r = srdi("template", "--unit", "320703", "--period", "2025Q3", "--plan", "x.xlsx");
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/x\.xlsx：/);
});

test("round trip: the exported workbook gives byte-identical aggregate JSON to the built-in plan (demo round, v1 and v2 returns)", () => {
  expect(srdi("plan", "--out", "rt.xlsx").status).toBe(0);
  const a = srdi("demo", "--out", "da", "--json");
  const b = srdi("demo", "--out", "db", "--json", "--plan", "rt.xlsx");
  expect(a.status).toBe(0);
  expect(b.status).toBe(0);
  expect(b.stdout).toBe(a.stdout);
  const v = (JSON.parse(a.stdout) as { submissions: { formVersion: string | null }[] }).submissions.map(
    (r) => r.formVersion,
  );
  expect(new Set(v)).toEqual(new Set(["1", "3", null]));
  // srdi aggregate over the same returns and targets, plan from the workbook or built in
  const files = readdirSync(path.join(dir, "da", "returns")).map((f) => path.join("da", "returns", f));
  const targets = readdirSync(path.join(dir, "da")).find((f) => f.startsWith("目标分解"))!;
  const args = [
    "aggregate",
    ...files,
    "--targets",
    path.join("da", targets),
    "--date",
    "2025-10-20",
    "--json",
  ];
  const x = srdi(...args);
  const y = srdi(...args, "--plan", "rt.xlsx");
  expect(x.status).toBe(y.status);
  expect(y.stdout).toBe(x.stdout);
  expect(x.stdout.length).toBeGreaterThan(1000);
});

test("the 云南 plan's demo round: srdi demo --plan assets/plans/yunnan-2025-2027.xlsx, 16 州市 and its three targets", () => {
  const r = srdi(
    "demo",
    "--out",
    "yn",
    "--json",
    "--plan",
    path.join(root, "assets", "plans", "yunnan-2025-2027.xlsx"),
  );
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout) as {
    units: { code: string }[];
    city: { indicators: { code: string; completion: number | null }[] };
  };
  expect(j.units).toHaveLength(16);
  expect(j.city.indicators.map((c) => c.code)).toEqual([
    "innovative_smes",
    "provincial_srdi",
    "little_giants",
  ]);
  // The sample grows from the plan's stated bases (3019 / 1543 / 85): no count falls below its base.
  for (const c of j.city.indicators) expect(c.completion).toBeGreaterThan(0);
  expect(readdirSync(path.join(dir, "yn", "templates"))).toHaveLength(16);
  expect(r.stderr).not.toContain("连云港");
});

test("a workbook's warnings reach the officer on stderr from any command; stdout and the exit code are the command's", async () => {
  const desc = buildPlanBook(DEFAULT_PLAN);
  const units = desc.sheets.find((s) => s.name === "单位")!;
  units.rows[0].push("备用列");
  writeFileSync(path.join(dir, "warn.xlsx"), await writeWorkbook(desc));
  const t = srdi("targets", "--period", "2025Q3", "--out", "tw.xlsx", "--plan", "warn.xlsx");
  expect(t.status).toBe(0);
  expect(t.stderr).toMatch(/warn\.xlsx：提示 .*单位.*不认识的列“备用列”，已忽略/);
  expect(existsSync(path.join(dir, "tw.xlsx"))).toBe(true);
});

test("a --plan path that does not exist is refused in Chinese, naming the path (exit 2)", () => {
  const r = srdi("template", "--unit", "320703", "--period", "2025Q3", "--plan", "无此文件.xlsx");
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("无法读取计划文件 无此文件.xlsx：文件不存在，请检查路径");
  expect(r.stderr).not.toContain("ENOENT");
});
