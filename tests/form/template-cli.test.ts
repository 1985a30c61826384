import { Command } from "commander";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { UsageError } from "../../src/cli/common";
import { registerTemplate, templateFileName } from "../../src/cli/template";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { inspectXlsx } from "../xlsx/write/inspect";

let dir: string;
let out: string[];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "srdi-cli-"));
  out = [];
  jest.spyOn(process.stdout, "write").mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<number> {
  const exit = { code: -1 };
  const program = new Command().exitOverride();
  registerTemplate(program, exit);
  await program.parseAsync(["node", "srdi", "template", ...args]);
  return exit.code;
}

test("one unit by name, --out, --deadline: written and reported", async () => {
  const file = path.join(dir, "t.xlsx");
  expect(await run("--unit", "灌南县", "--period", "2025q3", "--out", file, "--deadline", "2025-10-15")).toBe(
    0,
  );
  const x = inspectXlsx(file, ["_srdi_meta!B3", "_srdi_meta!B5", "_srdi_meta!B7"]);
  expect([
    x.cells["_srdi_meta!B3"].value,
    x.cells["_srdi_meta!B5"].value,
    x.cells["_srdi_meta!B7"].value,
  ]).toEqual(["320724", "2025Q3", "2025-10-15"]);
  expect(out.join("")).toContain(file);
});

test("default file name in the current directory", async () => {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    expect(await run("--unit", "320703", "--period", "2025")).toBe(0);
  } finally {
    process.chdir(cwd);
  }
  expect(readdirSync(dir)).toEqual(["320703-连云区-2025.xlsx"]);
});

test("--all writes one file per unit", async () => {
  const target = path.join(dir, "all");
  expect(await run("--all", "--period", "2025H1", "--out", target)).toBe(0);
  const expected = DEFAULT_PLAN.units.map((u) => templateFileName(u, parsePeriod("2025H1")!)).sort();
  expect(readdirSync(target).sort()).toEqual(expected);
  expect(expected).toContain("3207X1-徐圩新区-2025H1.xlsx");
});

test("--plan: units and chains come from the file", async () => {
  const planFile = path.join(dir, "plan.json");
  const plan = {
    ...DEFAULT_PLAN,
    units: [{ code: "999001", name: "测试区", kind: "district" }],
    chains: ["甲链"],
  };
  writeFileSync(planFile, JSON.stringify(plan));
  const file = path.join(dir, "p.xlsx");
  expect(await run("--plan", planFile, "--unit", "测试区", "--period", "2025", "--out", file)).toBe(0);
  const x = inspectXlsx(file);
  expect(x.info["企业名录"].validations.find((v) => v.sqref === "C2:C5001")?.formula1).toBe('"甲链,其他"');
});

test.each<[string[], RegExp]>([
  [["--unit", "不存在", "--period", "2025"], /未知的填报单位.*320703 连云区.*3207X2 云台山风景名胜区/],
  [["--unit", "320703", "--period", "2025Q5"], /报告期“2025Q5”格式不对.*2025H1/],
  [["--unit", "320703"], /缺少 --period/],
  [["--period", "2025"], /缺少 --unit.*连云区/],
  [["--unit", "320703", "--period", "2025", "--deadline", "2025-02-30"], /截止日期/],
  [["--all", "--unit", "320703", "--period", "2025"], /不能同时使用/],
  [["--plan", "/nonexistent/plan.json", "--unit", "320703", "--period", "2025"], /无法读取计划文件/],
])("usage error %#", async (args, message) => {
  await expect(run(...args)).rejects.toThrow(UsageError);
  await expect(run(...args)).rejects.toThrow(message);
  expect(existsSync(path.join(dir, "all"))).toBe(false);
});

test("an invalid plan file names the field", async () => {
  const planFile = path.join(dir, "plan.json");
  const plan = JSON.parse(JSON.stringify(DEFAULT_PLAN));
  plan.indicators[3].target = "五";
  writeFileSync(planFile, JSON.stringify(plan));
  await expect(run("--plan", planFile, "--unit", "320703", "--period", "2025")).rejects.toThrow(
    /indicators\[3\]\.target 必须是数字/,
  );
});
