// Issue 17 (5): a period outside the plan's years is refused by template, targets, check and aggregate,
// with a message naming the plan's years and how to load another plan.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { currentForm } from "../../src/core/form/versions";
import { buildTemplate } from "../../src/core/form/template";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { periodOutsidePlan } from "../../src/core/plan/window";
import { writeWorkbook } from "../../src/xlsx/write";
const CURRENT_FORM = currentForm(DEFAULT_PLAN);

let dir: string;
let out: string[];
let err: string[];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "srdi-years-"));
  out = [];
  err = [];
  jest.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  jest.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const MESSAGE = /报告期2026年第一季度\(2026Q1\)不在本计划的计划期\(2023—2025年\)内.*--plan 规划配置\.xlsx/;

/** A 2026Q1 return as a plan running into 2026 would issue it. */
async function return2026(): Promise<string> {
  const plan = { ...DEFAULT_PLAN, end: "2026-12-31" };
  const desc = buildTemplate({
    plan,
    unit: plan.units[0],
    period: parsePeriod("2026Q1")!,
    deadline: null,
    generatedAt: "2026-03-01T00:00:00.000Z",
    form: CURRENT_FORM,
  });
  const file = path.join(dir, "r.xlsx");
  writeFileSync(file, await writeWorkbook(desc));
  return file;
}

test("the message names the period, the plan's years and --plan", () => {
  expect(periodOutsidePlan(DEFAULT_PLAN, parsePeriod("2026Q1")!)).toMatch(MESSAGE);
  expect(periodOutsidePlan(DEFAULT_PLAN, parsePeriod("2022")!)).toMatch(/2022年.*2023—2025年/);
  expect(periodOutsidePlan(DEFAULT_PLAN, parsePeriod("2023-01")!)).toBeNull();
  expect(periodOutsidePlan(DEFAULT_PLAN, parsePeriod("2025Q4")!)).toBeNull();
});

test.each([
  ["template", ["--unit", "320703", "--out", "t.xlsx"]],
  ["template --all", ["--all", "--out", "all"]],
  ["targets", ["--out", "targets.xlsx"]],
])("%s --period 2026Q1 is refused and writes nothing", async (cmd, args) => {
  const argv = [
    cmd.split(" ")[0],
    "--period",
    "2026Q1",
    ...args.map((a) => (a.includes(".") || a === "all" ? path.join(dir, a) : a)),
  ];
  expect(await main(["node", "srdi", ...argv])).toBe(2);
  expect(err.join("")).toMatch(MESSAGE);
  expect(readdirSync(dir)).toEqual([]);
});

test("check refuses a 2026Q1 return, and --period 2026Q1 itself", async () => {
  const file = await return2026();
  expect(await main(["node", "srdi", "check", file, "--json"])).toBe(1);
  const json = JSON.stringify(JSON.parse(out.join("")));
  expect(json).toContain("form.period_outside_plan");
  expect(json).toMatch(/不在本计划的计划期\(2023—2025年\)内/);
  err = [];
  expect(await main(["node", "srdi", "check", file, "--period", "2026Q1"])).toBe(2);
  expect(err.join("")).toMatch(MESSAGE);
});

test("aggregate refuses a 2026Q1 round", async () => {
  const file = await return2026();
  expect(await main(["node", "srdi", "aggregate", file, "--json"])).toBe(2);
  expect(err.join("")).toMatch(MESSAGE);
  expect(out.join("")).toBe("");
  err = [];
  expect(await main(["node", "srdi", "aggregate", file, "--json", "--period", "2026Q1"])).toBe(2);
  expect(err.join("")).toMatch(MESSAGE);
});
