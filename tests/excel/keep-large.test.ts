import { formsOf } from "../../src/core/form/versions";
// Keeping a real round's returns in the workbook: every request stays under the host's 5 MB limit (the
// fake host refuses a larger one as Excel does), however many and however large the files. Files are
// grouped into requests by their measured base64; a file too large for a request on its own is written
// from its cells in row blocks. Either way the round read back from the workbook is the round imported.
import { FORM_V1 } from "../../src/core/form/v1";
import { readReturn } from "../../src/core/read/read-return";
import { createActions, type ImportedReturn } from "../../src/excel/actions";
import { insertGroups, keepReturnSheets, bytesToBase64 } from "../../src/excel/import";
import { keptReturns, keptSheetNames, unitPrefix } from "../../src/excel/kept-returns";
import { readSheetsToSnapshot } from "../../src/excel/read";
import { detectSupport } from "../../src/excel/support";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { uninstallFakeOffice } from "../fake-excel";
import { PAYLOAD_LIMIT } from "../fake-excel/proxy";
import { filledTemplate, install, plan } from "./helpers";

afterEach(() => uninstallFakeOffice(globalThis as unknown as Record<string, unknown>));

const ENT = FORM_V1.enterprises.name;

async function inBook() {
  const snap = await readSheetsToSnapshot({
    include: (n) => n.endsWith(FORM_V1.metaSheet) || keptSheetNames(formsOf(plan)).some((k) => n.endsWith(k)),
  });
  return keptReturns(snap, formsOf(plan)).map((k) =>
    readReturn(k.snapshot, { plan, file: k.file, modified: k.modified }),
  );
}

test("ten returns of 2,000 rows: kept in requests under 5 MB, all found again with their rows", async () => {
  const host = install();
  const a = createActions(plan);
  const files = [];
  for (let u = 0; u < 10; u++) {
    const bytes = await writeWorkbook(filledTemplate(2000, u));
    files.push({ name: `${plan.units[u].name}.xlsx`, bytes, modified: "2025-10-09T03:00:00.000Z" });
  }
  const total = files.reduce((n, f) => n + Math.ceil(f.bytes.length / 3) * 4, 0);
  // Together they are larger than one request: the case the pane used to refuse.
  expect(total).toBeGreaterThan(PAYLOAD_LIMIT);
  const imported: ImportedReturn[] = [];
  for (const file of files) imported.push({ file, result: await a.readReturnFile(file) });
  const syncs = await host.countSyncs(async () => expect(await a.keepReturns(imported)).toBe(10));
  for (const p of host.settings.stats.payloads) expect(p).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  // Three syncs plus one per further request-full of files, not per file or row.
  expect(syncs).toBeGreaterThan(3);
  expect(syncs).toBeLessThanOrEqual(3 + Math.ceil(total / (PAYLOAD_LIMIT * 0.8)));
  const again = await inBook();
  expect(again).toHaveLength(10);
  for (const { result } of imported) {
    const back = again.find((r) => r.meta?.unitCode === result.meta?.unitCode)!;
    expect(back.enterprises.map((e) => e.uscc)).toEqual(result.enterprises.map((e) => e.uscc));
  }
}, 180000);

test("a return larger than one request is written from its cells in row blocks and reads back the same", async () => {
  const host = install();
  const bytes = await writeWorkbook(filledTemplate(600, 2));
  const file = { name: "大文件.xlsx", bytes, modified: "2025-10-09T03:00:00.000Z" };
  const a = createActions(plan);
  const result = await a.readReturnFile(file);
  const prefix = unitPrefix(plan.units[2].name, plan.units[2].code, formsOf(plan));
  // A budget far below the file's size stands in for a file far above Excel's limit.
  const budget = 64 * 1024;
  const base64 = bytesToBase64(bytes);
  const item = {
    base64,
    prefix,
    meta: result.meta!,
    file: file.name,
    modified: file.modified,
    cells: () => readWorkbook(bytes),
    form: FORM_V1,
    forms: formsOf(plan),
  };
  expect(insertGroups([item], budget)).toEqual({ groups: [], large: [0] });
  const kept = await keepReturnSheets([item], detectSupport(), budget);
  expect(kept).toEqual(expect.arrayContaining([`${prefix}${ENT}`]));
  // Row blocks: several requests, each within the budget's reach.
  expect(host.settings.stats.payloads.filter((p) => p > budget / 8).length).toBeGreaterThan(2);
  for (const p of host.settings.stats.payloads) expect(p).toBeLessThanOrEqual(budget * 1.5);
  const [back] = await inBook();
  expect(back.rejected).toBe(false);
  expect(back.enterprises).toEqual(result.enterprises);
  expect(back.platforms).toEqual(result.platforms);
  expect(back.rejectedRows).toEqual(result.rejectedRows);
}, 120000);
