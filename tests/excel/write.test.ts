import { parseRange } from "../../src/core/a1";
import type { CellValue, SheetDescription } from "../../src/core/sheet/types";
import { FORM_V1 } from "../../src/core/form/v1";
import { pointsToWidth, validationRule } from "../../src/excel/cells";
import { ExcelActionError } from "../../src/excel/errors";
import { readSheetsToSnapshot } from "../../src/excel/read";
import { FULL_SUPPORT } from "../../src/excel/support";
import { writeWorkbookDescription } from "../../src/excel/write";
import { PAYLOAD_LIMIT, uninstallFakeOffice } from "../fake-excel";
import { fakeGrid, install, template } from "./helpers";

const uninstall = () => uninstallFakeOffice(globalThis as unknown as Record<string, unknown>);

function expectedGrid(d: SheetDescription): (string | number | boolean | null)[][] {
  const rows = d.rows.map((r) =>
    (r ?? []).map((v: CellValue) =>
      v === null || v === "" ? null : typeof v === "object" ? `=${v.formula.replace(/^=/, "")}` : v,
    ),
  );
  while (rows.length && rows[rows.length - 1].every((v) => v === null)) rows.pop();
  return rows.map((r) => {
    while (r.length && r[r.length - 1] === null) r.pop();
    return r;
  });
}

function trimmed(g: (string | number | boolean | null)[][]) {
  return g.map((r) => {
    const x = [...r];
    while (x.length && x[x.length - 1] === null) x.pop();
    return x;
  });
}

describe("writeWorkbookDescription: the template inserted equals its description", () => {
  const desc = template();
  let host: ReturnType<typeof install>;

  beforeAll(async () => {
    host = install();
    await writeWorkbookDescription(desc, { replace: true });
  });
  afterAll(uninstall);

  test.each(desc.sheets.map((s) => [s.name, s] as const))(
    "sheet %s: values, state, protection",
    (name, d) => {
      const s = host.state.sheet(name)!;
      expect(s).toBeDefined();
      expect(trimmed(fakeGrid(s))).toEqual(expectedGrid(d));
      expect(s.visibility).toBe({ visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" }[d.state]);
      expect(s.protection.protected).toBe(!!d.protection?.protected);
      expect(s.merges).toEqual(d.merges ?? []);
      expect(s.freeze).toEqual(d.freeze ?? { rows: 0, columns: 0 });
    },
  );

  test.each(desc.sheets.map((s) => [s.name, s] as const))("sheet %s: every validation", (name, d) => {
    const s = host.state.sheet(name)!;
    expect(s.validations.map((v) => v.range)).toEqual((d.validations ?? []).map((v) => v.range));
    for (const v of d.validations ?? []) {
      const got = s.validations.find((x) => x.range === v.range)!;
      expect(got.rule).toEqual(validationRule(v));
      expect(got.ignoreBlanks).toBe(v.allowBlank);
      expect(got.errorAlert).toMatchObject({
        showAlert: true,
        title: v.error.title,
        message: v.error.message,
      });
      if (v.prompt) expect(got.prompt).toMatchObject({ title: v.prompt.title, message: v.prompt.message });
    }
  });

  test("column widths, number formats and unlocked input cells follow the styles", () => {
    for (const d of desc.sheets) {
      const s = host.state.sheet(d.name)!;
      d.columnWidths?.forEach((w, i) => expect(pointsToWidth(s.columnWidths.get(i)!)).toBeCloseTo(w, 0));
      for (const st of d.styles ?? []) {
        const r = parseRange(st.range);
        const probe = s.cells.get(`${r.bottom},${r.right}`);
        if (st.style.numFmt) expect(probe?.numberFormat).toBe(st.style.numFmt);
        if (st.style.locked === false) expect(probe?.locked).toBe(false);
        if (st.style.fill) expect(s.cells.get(`${r.top},${r.left}`)?.fill).toBe(`#${st.style.fill}`);
      }
    }
  });

  test("defined names, print setup and the very hidden metadata sheet", () => {
    expect(host.state.names.map((n) => [n.name, n.formula])).toEqual(
      (desc.names ?? []).map((n) => [n.name, `=${n.ref}`]),
    );
    const ent = host.state.sheet(FORM_V1.enterprises.name)!;
    expect(ent.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$1:$1",
    });
    expect(host.state.sheet(FORM_V1.metaSheet)!.visibility).toBe("VeryHidden");
    expect(host.state.activeSheet).toBe(desc.sheets[0].name);
  });

  test("inserting again without replace is refused; with replace the sheets are replaced, not duplicated", async () => {
    await expect(writeWorkbookDescription(desc)).rejects.toMatchObject({ code: "sheetExists" });
    await writeWorkbookDescription(desc, { replace: true });
    expect(host.state.sheets.map((s) => s.name).filter((n) => n !== "Sheet1")).toEqual(
      desc.sheets.map((s) => s.name),
    );
  });
});

describe("untrusted strings are written as text", () => {
  afterEach(uninstall);

  const evil = [
    '=HYPERLINK("http://x","点我")',
    "+1+2",
    "-3-4",
    "@SUM(A1)",
    "'quoted",
    "00123",
    "1e5",
    "TRUE",
    "#DIV/0!",
    "2025-01-01",
    "45%",
  ];

  test.each(evil)("%s stays the same text", async (s) => {
    const host = install();
    await writeWorkbookDescription({ sheets: [{ name: "T", state: "visible", rows: [[s, "企业"]] }] });
    const cell = host.state.sheet("T")!.cells.get("0,0")!;
    expect(cell.formula).toBeUndefined();
    expect(cell.error).toBeUndefined();
    expect(cell.value).toBe(s);
    // A Chinese string keeps the general format: nothing to neutralise.
    expect(host.state.sheet("T")!.cells.get("0,1")!.numberFormat ?? "General").toBe("General");
  });

  test("a Formula object is a formula", async () => {
    const host = install();
    await writeWorkbookDescription({
      sheets: [{ name: "T", state: "visible", rows: [[1, 2, { formula: "SUM(A1:B1)" }]] }],
    });
    expect(host.state.sheet("T")!.cells.get("0,2")!.formula).toBe("=SUM(A1:B1)");
  });
});

describe("the fake host enforces Office.js rules", () => {
  afterEach(uninstall);

  test("reading a property that was not loaded and synced throws", async () => {
    install();
    await expect(
      Excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
        r.load("values");
        // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- the point of the test
        return r.values; // before sync
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
    await expect(
      Excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
        r.load("values");
        await context.sync();
        // eslint-disable-next-line office-addins/load-object-before-read -- the point of the test
        return r.formulas; // loaded something else
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  test("a request over 5 MB is rejected whole", async () => {
    const host = install();
    const big = Array.from({ length: 3000 }, () =>
      Array.from({ length: 32 }, () => "很长的字符串".repeat(10)),
    );
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:AF3000").values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(host.state.sheet("Sheet1")!.cells.size).toBe(0);
  });

  test("the adapter splits 60,000 rows x 32 long strings into requests under the limit", async () => {
    const host = install();
    const row = Array.from({ length: 32 }, (_, c) => `第${c}列：` + "企业名称很长".repeat(6));
    const rows = Array.from({ length: 60000 }, () => row);
    await writeWorkbookDescription({ sheets: [{ name: "大表", state: "visible", rows }] });
    const s = host.state.sheet("大表")!;
    expect(host.settings.stats.maxPayload).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(host.settings.stats.syncs).toBeGreaterThan(3);
    expect(s.cells.get("59999,31")!.value).toBe(row[31]);
    expect(s.cells.size).toBe(60000 * 32);
  }, 120000);

  test("cell edit mode becomes a clear error code", async () => {
    const host = install();
    host.settings.cellEditMode = true;
    const e = await readSheetsToSnapshot().catch((x) => x);
    expect(e).toBeInstanceOf(ExcelActionError);
    expect(e.code).toBe("cellEditMode");
  });
});

describe("features above the host's API set are skipped, and said so", () => {
  afterEach(uninstall);

  test("ExcelApi 1.7: no validation, no print setup, no notes", async () => {
    const host = install(7);
    const r = await writeWorkbookDescription(template(), { replace: true });
    expect(r.skipped.sort()).toEqual(["notes", "print", "validation"]);
    expect(host.state.sheet(FORM_V1.enterprises.name)!.validations).toEqual([]);
  });

  test("with every set supported nothing is skipped", async () => {
    install(18);
    const r = await writeWorkbookDescription(template(), { replace: true, support: FULL_SUPPORT });
    expect(r.skipped).toEqual([]);
  });
});
