import { formsOf } from "../../src/core/form/versions";
import { FORM_V1 } from "../../src/core/form/v1";
import { createActions } from "../../src/excel/actions";
import { readReturn } from "../../src/core/read/read-return";
import { keptReturns, keptSheetNames, unitPrefix } from "../../src/excel/kept-returns";
import { MARK_FORMULA, markRanges, selectCell, setHighlights, clearHighlights } from "../../src/excel/marks";
import { readSheetsToSnapshot, snapshotValue } from "../../src/excel/read";
import { writeWorkbookDescription } from "../../src/excel/write";
import { writeWorkbook } from "../../src/xlsx/write";
import { uninstallFakeOffice } from "../fake-excel";
import { filledTemplate, install, period, plan } from "./helpers";

afterEach(() => uninstallFakeOffice(globalThis as unknown as Record<string, unknown>));

const ENT = FORM_V1.enterprises.name;
const REGION = FORM_V1.region.name;

test.each([
  [
    [
      ["S", "B2"],
      ["S", "B3"],
      ["S", "B5"],
      ["S", "C3"],
    ],
    { S: ["B2:B3", "B5", "C3"] },
  ],
  [
    [
      ["S", "A1"],
      ["T", "A1"],
      ["S", "not-a-cell"],
    ],
    { S: ["A1"], T: ["A1"] },
  ],
])("markRanges groups adjacent cells per column %#", (marks, expected) => {
  const got = markRanges(marks.map(([sheet, cell]) => ({ sheet, cell })));
  expect(Object.fromEntries(got)).toEqual(expected);
});

test.each([
  [5, "5", "Double", 5],
  ["", "", "Empty", null],
  ["#DIV/0!", "=1/0", "Error", { formula: "1/0", result: { error: "#DIV/0!" } }],
  ["#REF!", "#REF!", "Error", { error: "#REF!" }],
  [3, "=1+2", "Double", { formula: "1+2", result: 3 }],
  // a text cell holding "=x" (written as text) reports the same in formulas: it is text, not a formula
  ["=x", "=x", "String", "=x"],
])("snapshotValue(%p, %p, %p)", (value, formula, type, expected) => {
  expect(snapshotValue(value, formula, type)).toEqual(expected);
});

test("highlights are conditional formats with the marker; the cell's own fill stays; re-check replaces them", async () => {
  const host = install();
  await writeWorkbookDescription(filledTemplate(20), { replace: true });
  const region = host.state.sheet(REGION)!;
  const fillBefore = region.cells.get("2,1")!.fill;
  await setHighlights([
    { sheet: REGION, cell: "B3" },
    { sheet: ENT, cell: "B2" },
    { sheet: ENT, cell: "B3" },
  ]);
  const marks = (name: string) =>
    host.state.sheet(name)!.conditionalFormats.filter((c) => c.formula === MARK_FORMULA);
  expect(marks(ENT).map((c) => c.range)).toEqual(["B2:B3"]);
  expect(marks(REGION).map((c) => c.range)).toEqual(["B3"]);
  expect(region.cells.get("2,1")!.fill).toBe(fillBefore);
  // protection is restored after marking
  expect(host.state.sheet(ENT)!.protection.protected).toBe(true);

  await setHighlights([{ sheet: ENT, cell: "C9" }]);
  expect(marks(ENT).map((c) => c.range)).toEqual(["C9"]);
  expect(marks(REGION)).toEqual([]);
  await clearHighlights();
  expect(marks(ENT)).toEqual([]);
  expect(host.state.sheet(ENT)!.protection.protected).toBe(true);
});

test("selectCell activates the sheet and selects the cell", async () => {
  const host = install();
  await writeWorkbookDescription(filledTemplate(3), { replace: true });
  await selectCell(ENT, "D4");
  expect(host.state.selection).toEqual({ sheet: ENT, address: "D4" });
  expect(host.state.activeSheet).toBe(ENT);
});

test("self-check reads the inserted template back: same records as the description", async () => {
  install();
  await writeWorkbookDescription(filledTemplate(30), { replace: true });
  const { result } = await createActions(plan).selfCheck();
  expect(result.rejected).toBe(false);
  expect(result.rows.read).toBe(
    30 + result.platforms.length + result.rejectedRows.filter((r) => r.sheet !== ENT).length,
  );
  expect(result.enterprises.length + result.rejectedRows.filter((r) => r.sheet === ENT).length).toBe(30);
});

test("kept returns: sheets renamed with the unit prefix, found again by their metadata, replaced on re-import", async () => {
  const host = install(13);
  const a = createActions(plan);
  const bytes = await writeWorkbook(filledTemplate(12, 1));
  const file = { name: "海州区.xlsx", bytes, modified: "2025-10-09T03:00:00.000Z" };
  const result = await a.readReturnFile(file);
  expect(result.rejected).toBe(false);
  expect(await a.keepReturns([{ file, result }])).toBe(1);
  const prefix = unitPrefix(plan.units[1].name, plan.units[1].code, formsOf(plan));
  const names = host.state.sheets.map((s) => s.name);
  expect(names).toEqual(
    expect.arrayContaining([`${prefix}${ENT}`, `${prefix}${REGION}`, `${prefix}${FORM_V1.metaSheet}`]),
  );
  expect(host.state.sheet(`${prefix}${FORM_V1.metaSheet}`)!.visibility).toBe("VeryHidden");

  // Found again as the aggregation finds them: by their metadata sheets, read by the core.
  const inBook = async () =>
    keptReturns(
      await readSheetsToSnapshot({
        include: (n) =>
          n.endsWith(FORM_V1.metaSheet) || keptSheetNames(formsOf(plan)).some((k) => n.endsWith(k)),
      }),
      formsOf(plan),
    ).map((k) => readReturn(k.snapshot, { plan, file: k.file, modified: k.modified }));
  const again = await inBook();
  expect(again).toHaveLength(1);
  expect(again[0]).toMatchObject({
    unit: result.unit,
    period: result.period,
    file: "海州区.xlsx",
    modified: file.modified,
  });
  expect(again[0].enterprises.map((e) => e.uscc)).toEqual(result.enterprises.map((e) => e.uscc));

  await a.keepReturns([{ file, result }]);
  expect(host.state.sheets.length).toBe(names.length);
  expect(await inBook()).toHaveLength(1);
  // The aggregation counts the kept return once, with no file given to it.
  const round = await a.aggregate({ period, deadline: null, issuedOn: "2025-10-20", files: [] });
  expect(round).toMatchObject({ returns: 1, reported: 1, excluded: 0 });
});

test("below ExcelApi 1.13 returns cannot be kept; below 1.8 the template is a download", async () => {
  install(12);
  const a = createActions(plan);
  await expect(a.keepReturns([])).resolves.toBe(0);
  const bytes = await writeWorkbook(filledTemplate(2));
  const file = { name: "x.xlsx", bytes, modified: null };
  const result = await a.readReturnFile(file);
  await expect(a.keepReturns([{ file, result }])).rejects.toMatchObject({ code: "unsupported" });
  uninstallFakeOffice(globalThis as unknown as Record<string, unknown>);
  const host = install(7);
  const out = await a.insertTemplate({ unit: plan.units[0], period, deadline: null });
  expect(out.kind).toBe("download");
  if (out.kind === "download") {
    expect(out.fileName).toMatch(/^320703-连云区-2025Q3\.xlsx$/);
    expect(Buffer.from(out.bytes.slice(0, 2)).toString()).toBe("PK");
  }
  expect(host.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
});

test("readSheetsToSnapshot gives states and a dense grid from A1", async () => {
  install();
  await writeWorkbookDescription({
    sheets: [
      {
        name: "A",
        state: "visible",
        rows: [
          [null, null],
          [null, "x"],
        ],
      },
      { name: "B", state: "veryHidden", rows: [["k", "v"]] },
    ],
  });
  const snap = await readSheetsToSnapshot({ include: (n) => n !== "Sheet1" });
  expect(snap.sheets.map((s) => [s.name, s.state, s.cells])).toEqual([
    [
      "A",
      "visible",
      [
        [null, null],
        [null, "x"],
      ],
    ],
    ["B", "veryHidden", [["k", "v"]]],
  ]);
});

test("the targets sheets go in beside a template (their metadata sheets have different names)", async () => {
  const host = install();
  const a = createActions(plan, () => new Date("2025-10-20T02:00:00Z"));
  await a.insertTemplate({ unit: plan.units[0], period, deadline: null });
  await expect(a.insertTargets(period)).resolves.toBe("inserted");
  const names = host.state.sheets.map((s) => s.name);
  expect(names).toEqual(
    expect.arrayContaining([FORM_V1.metaSheet, "_srdi_targets_meta", "目标分解", "评分设置"]),
  );
  // A second time the allocation is already there.
  await expect(a.insertTargets(period)).resolves.toBe("exists");
  // The template still self-checks as before.
  const { result } = await a.selfCheck();
  expect(result.meta?.unitCode).toBe(plan.units[0].code);
});
