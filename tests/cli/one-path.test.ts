// One path for each rule: the CLI and the pane read a return, infer the round's period and count the
// round through the same core functions, and get the same results from the same input.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import * as roundPeriodModule from "../../src/core/aggregate/round-period";
import { chinaDay, chinaToday, currentQuarter } from "../../src/core/china-date";
import * as readBytesModule from "../../src/core/read/read-bytes";
import { runRound } from "../../src/core/report/round-result";
import * as summaryModule from "../../src/core/report/summary";
import { inferPeriod, summaryText } from "../../src/cli/aggregate";
import { loadReturnFile, readReturnFile } from "../../src/cli/read-file";
import { createActions } from "../../src/excel/actions";
import { writeWorkbook } from "../../src/xlsx/write";
import { ret } from "../aggregate/fixtures";
import { uninstallFakeOffice } from "../fake-excel";
import { filledTemplate, install, period, plan } from "../excel/helpers";

const dir = mkdtempSync(path.join(os.tmpdir(), "srdi-one-path-"));
const MODIFIED = new Date("2025-10-09T03:00:00.000Z");
const files: Record<string, Uint8Array> = {};

beforeAll(async () => {
  files["filled.xlsx"] = await writeWorkbook(filledTemplate(40));
  files["other-unit.xlsx"] = await writeWorkbook(filledTemplate(3, 2));
  files["noise.xlsx"] = Uint8Array.from({ length: 300 }, (_, i) => (i * 31) % 256);
  files["empty.xlsx"] = new Uint8Array(0);
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), bytes);
    utimesSync(path.join(dir, name), MODIFIED, MODIFIED);
  }
}, 60000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  jest.restoreAllMocks();
  uninstallFakeOffice(globalThis as unknown as Record<string, unknown>);
});

test.each(["filled.xlsx", "other-unit.xlsx", "noise.xlsx", "empty.xlsx"])(
  "reading %s: the CLI and the pane call readReturnBytes and get the same result",
  async (name) => {
    const spy = jest.spyOn(readBytesModule, "readReturnBytes");
    const cli = await readReturnFile(path.join(dir, name), plan);
    const pane = await createActions(plan).readReturnFile({
      name,
      bytes: files[name],
      modified: MODIFIED.toISOString(),
    });
    expect(spy).toHaveBeenCalledTimes(2);
    expect(pane).toEqual(cli);
    expect(cli.file).toBe(name);
    expect(cli.modified).toBe(MODIFIED.toISOString());
  },
  60000,
);

test("the reader's cases as the results say them: a filled return read, file.* errors for the others", async () => {
  const read = (n: string) => readReturnFile(path.join(dir, n), plan);
  const filled = await read("filled.xlsx");
  expect(filled.rejected).toBe(false);
  expect(filled.unit).toBe(plan.units[0].code);
  expect(filled.enterprises.length + filled.rejectedRows.filter((r) => r.sheet === "企业名录").length).toBe(
    40,
  );
  expect((await read("noise.xlsx")).errors.map((i) => [i.code, i.scope])).toEqual([
    ["file.not_workbook", "file"],
  ]);
  expect((await read("empty.xlsx")).errors.map((i) => i.code)).toEqual(["file.empty"]);
  // Not on disk at all: the same rejected return, with the disk's reason.
  const gone = await loadReturnFile(path.join(dir, "gone.xlsx"), plan);
  expect(gone.bytes).toBeNull();
  expect(gone.result).toMatchObject({
    file: "gone.xlsx",
    rejected: true,
    rows: { read: 0, accepted: 0, rejected: 0 },
  });
  expect(gone.result.errors.map((i) => [i.code, i.message])).toEqual([
    ["file.unreadable", expect.stringContaining("ENOENT")],
  ]);
});

test("a reader that fails unexpectedly still gives a listed, rejected return (file.corrupt)", async () => {
  const r = await readBytesModule.readReturnBytes(
    { name: "x.xlsx", bytes: new Uint8Array(1), modified: null },
    async () => {
      throw new TypeError("boom");
    },
    { plan },
  );
  expect(r.rejected).toBe(true);
  expect(r.errors.map((i) => [i.code, i.sheet, i.cell])).toEqual([["file.corrupt", null, null]]);
  expect(r.errors[0].message).toContain("boom");
});

test.each([
  [{ code: "file.too_many_rows", sheet: "大表" }, ["file.too_many_rows", "大表"]],
  [{ code: "ENOENT" }, ["file.corrupt", null]],
  [{ code: "uscc.checksum" }, ["file.corrupt", null]], // a catalogue code, but not about the whole file
])("a reader's error %j becomes the issue %j", async (thrown, expected) => {
  const r = await readBytesModule.readReturnBytes(
    { name: "x.xlsx", bytes: new Uint8Array(1), modified: null },
    async () => {
      throw Object.assign(new Error("原因"), thrown);
    },
    { plan },
  );
  expect(r.errors.map((i) => [i.code, i.sheet])).toEqual([expected]);
  expect(r.errors[0].scope).toBe("file");
});

test.each<[string, ReturnType<typeof ret>[], string | null]>([
  [
    "most returns' period",
    [ret("320703", [], { period: "2025Q2" }), ret("320706", [], {}), ret("320707", [], {})],
    "2025Q3",
  ],
  ["the later on a tie", [ret("320703", [], { period: "2025Q2" }), ret("320706", [], {})], "2025Q3"],
  [
    "rejected returns do not vote",
    [ret("320703", [], { period: "2025Q2" }), ret("320706", [], { rejected: true })],
    "2025Q2",
  ],
  ["no identified return", [ret("320703", [], { period: null })], null],
])("round period (%s): the CLI uses the core's roundPeriod", (_, returns, expected) => {
  const spy = jest.spyOn(roundPeriodModule, "roundPeriod");
  expect(roundPeriodModule.roundPeriod(returns)?.id ?? null).toBe(expected);
  if (expected) expect(inferPeriod(returns, undefined).id).toBe(expected);
  else expect(() => inferPeriod(returns, undefined)).toThrow(/--period/);
  expect(spy).toHaveBeenCalledTimes(2);
});

test("round counts: the CLI summary and the pane's outcome come from roundSummary and agree", async () => {
  install();
  const returns = await Promise.all(
    ["filled.xlsx", "other-unit.xlsx", "noise.xlsx"].map((n) => readReturnFile(path.join(dir, n), plan)),
  );
  const spy = jest.spyOn(summaryModule, "roundSummary");
  const pane = await createActions(plan).aggregate({
    period,
    deadline: null,
    issuedOn: "2025-10-20",
    files: returns,
  });
  const result = runRound({ plan, period, returns });
  const text = summaryText(result, plan);
  expect(spy).toHaveBeenCalledTimes(2);
  const counts = summaryModule.roundSummary(result, plan);
  expect(pane).toMatchObject({ ...counts });
  expect(counts).toMatchObject({ returns: 3, reported: 2, units: plan.units.length, excluded: 1 });
  expect(text).toContain(`报送：2/${plan.units.length}个单位计入汇总；未计入的报表1份`);
  expect(text).toContain(
    `跨单位重复企业${counts.duplicateEnterprises}家、重复平台${counts.duplicatePlatforms}个`,
  );
}, 60000);

test.each([
  ["2025-09-30T15:59:59.000Z", "2025-09-30", "2025Q3"],
  ["2025-09-30T16:00:00.000Z", "2025-10-01", "2025Q4"],
  ["2025-12-31T16:30:00.000Z", "2026-01-01", "2026Q1"],
])("China time: %s is %s, quarter %s", (iso, day, quarter) => {
  expect(chinaDay(iso)).toBe(day);
  expect(chinaToday(new Date(iso))).toBe(day);
  expect(currentQuarter(new Date(iso))).toBe(quarter);
});
