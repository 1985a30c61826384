import { Command } from "commander";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { inferPeriod, isoDateOption, registerAggregate } from "../../src/cli/aggregate";
import { UsageError } from "../../src/cli/common";
import * as chinaDate from "../../src/core/china-date";
import { registerTargets } from "../../src/cli/targets";
import { readTargets } from "../../src/core/targets/read";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { readWorkbook } from "../../src/xlsx/read";
import { readFileSync } from "fs";
import { ret } from "../aggregate/fixtures";

let dir: string;
let out: string[];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "srdi-agg-"));
  out = [];
  jest.spyOn(process.stdout, "write").mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  jest.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function run(cmd: "aggregate" | "targets", ...args: string[]): Promise<number> {
  const exit = { code: -1 };
  const program = new Command().exitOverride();
  registerAggregate(program, exit);
  registerTargets(program, exit);
  await program.parseAsync(["node", "srdi", cmd, ...args]);
  return exit.code;
}

test.each([
  [["x.xlsx"], /缺少 --out/],
  [["x.xlsx", "--out", "o.xlsx", "--deadline", "2025-02-30"], /截止日期/],
  [["x.xlsx", "--json", "--period", "2025Q9"], /报告期/],
])("aggregate %p is a usage error", async (args, msg) => {
  await expect(run("aggregate", ...args)).rejects.toThrow(UsageError);
  await expect(run("aggregate", ...args)).rejects.toThrow(msg);
});

test("a targets file that is not a targets workbook is a usage error, a garbage return is not", async () => {
  const junk = path.join(dir, "junk.xlsx");
  writeFileSync(junk, "nope");
  await expect(run("aggregate", junk, "--json", "--period", "2025Q3", "--targets", junk)).rejects.toThrow(
    /目标分解表/,
  );
  expect(await run("aggregate", junk, "--json", "--period", "2025Q3")).toBe(0);
  const json = JSON.parse(out.join(""));
  expect(json.rejected[0]).toMatchObject({ kind: "rejected", file: "junk.xlsx" });
  expect(json.submissions.every((s: { status: string }) => s.status === "missing")).toBe(true);
});

test("srdi targets writes a workbook that reads back with no issues", async () => {
  const file = path.join(dir, "t.xlsx");
  expect(await run("targets", "--period", "2025Q3", "--out", file)).toBe(0);
  const r = readTargets(await readWorkbook(readFileSync(file)), DEFAULT_PLAN);
  expect(r.issues).toEqual([]);
  expect(r.targets.units).toEqual({});
  expect(r.settings.cap).toBe(1.2);
  await expect(run("targets", "--out", file)).rejects.toThrow(/缺少 --period/);
});

test("the period is inferred from the returns: the most frequent, the later on a tie", () => {
  expect(
    inferPeriod([ret("320703", [], { period: "2025Q2" }), ret("320706", [], { period: "2025Q3" })], undefined)
      .id,
  ).toBe("2025Q3");
  expect(
    inferPeriod(
      [
        ret("320703", [], { period: "2025Q2" }),
        ret("320706", [], { period: "2025Q2" }),
        ret("320707", [], { period: "2025Q3" }),
      ],
      undefined,
    ).id,
  ).toBe("2025Q2");
  expect(() => inferPeriod([], undefined)).toThrow(UsageError);
  expect(isoDateOption(" 2025-10-15 ", "x")).toBe("2025-10-15");
});

test("without --date the bulletin is dated today in China time, by the core's chinaToday (as in the pane)", async () => {
  const junk = path.join(dir, "junk.xlsx");
  writeFileSync(junk, "nope");
  const spy = jest.spyOn(chinaDate, "chinaToday");
  expect(await run("aggregate", junk, "--json", "--period", "2025Q3")).toBe(0);
  expect(spy).toHaveBeenCalledTimes(1);
  expect(await run("aggregate", junk, "--json", "--period", "2025Q3", "--date", "2025-10-20")).toBe(0);
  expect(spy).toHaveBeenCalledTimes(1);
});
