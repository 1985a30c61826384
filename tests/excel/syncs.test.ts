// The batching rule: the number of context.sync() calls of each operation does not grow with the rows.
import { createActions } from "../../src/excel/actions";
import { readReturn } from "../../src/core/read/read-return";
import { buildBulletin } from "../../src/core/report/bulletin";
import { runRound } from "../../src/core/report/round-result";
import { writeWorkbookDescription } from "../../src/excel/write";
import { writeWorkbook } from "../../src/xlsx/write";
import { readWorkbook } from "../../src/xlsx/read";
import { uninstallFakeOffice, type FakeHost } from "../fake-excel";
import { filledTemplate, install, period, plan } from "./helpers";

afterEach(() => uninstallFakeOffice(globalThis as unknown as Record<string, unknown>));

const SIZES = [10, 10000];
const files = new Map<number, Uint8Array>();

beforeAll(async () => {
  for (const n of SIZES) files.set(n, await writeWorkbook(filledTemplate(n)));
}, 120000);

async function measure(op: (host: FakeHost, rows: number) => Promise<unknown>): Promise<number[]> {
  const counts: number[] = [];
  for (const n of SIZES) {
    const host = install();
    counts.push(await host.countSyncs(() => op(host, n)));
    expect(host.settings.stats.maxPayload).toBeLessThanOrEqual(5 * 1024 * 1024);
  }
  return counts;
}

const actions = () => createActions(plan, () => new Date("2025-10-20T02:00:00Z"));

test("insert template (filled): same syncs for 10 and 10,000 rows", async () => {
  const counts = await measure((_h, n) => writeWorkbookDescription(filledTemplate(n), { replace: true }));
  expect(counts[0]).toBe(counts[1]);
  expect(counts[0]).toBe(2);
}, 120000);

test("self-check: read + readReturn + highlight makes the same syncs for 10 and 10,000 rows", async () => {
  const counts: number[] = [];
  for (const n of SIZES) {
    const host = install();
    await writeWorkbookDescription(filledTemplate(n), { replace: true });
    let issues = 0;
    counts.push(
      await host.countSyncs(async () => {
        const r = await actions().selfCheck();
        issues = r.result.errors.length + r.result.warnings.length;
      }),
    );
    // 10,000 rows repeat USCCs, so there is something to highlight.
    if (n > 10) expect(issues).toBeGreaterThan(0);
  }
  expect(counts[0]).toBe(counts[1]);
  expect(counts[0]).toBe(7);
}, 120000);

test("import: keeping returns' sheets makes the same syncs for 10 and 10,000 rows", async () => {
  const counts = await measure(async (_h, n) => {
    const a = actions();
    const file = { name: `r${n}.xlsx`, bytes: files.get(n)!, modified: "2025-10-10T01:00:00Z" };
    const result = await a.readReturnFile(file);
    expect(result.meta).not.toBeNull();
    // only the keeping is measured: parse outside the count is fine, it makes no sync
    return a.keepReturns([{ file, result: { ...result, rejected: false } }]);
  });
  expect(counts[0]).toBe(counts[1]);
  expect(counts[0]).toBe(3);
}, 120000);

test("aggregate (read workbook returns and targets, write the bulletin) and bulletin write: same syncs", async () => {
  const agg: number[] = [];
  const bulletin: number[] = [];
  for (const n of SIZES) {
    const host = install();
    const snapshot = await readWorkbook(files.get(n)!);
    const ret = readReturn(snapshot, { plan, file: `r${n}.xlsx`, modified: "2025-10-10T01:00:00Z" });
    agg.push(
      await host.countSyncs(() =>
        actions().aggregate({ period, deadline: "2025-10-15", issuedOn: "2025-10-20", files: [ret] }),
      ),
    );
    const desc = buildBulletin(runRound({ plan, period, returns: [ret] }), plan, { issuedOn: "2025-10-20" });
    bulletin.push(await host.countSyncs(() => writeWorkbookDescription(desc, { replace: true })));
  }
  expect(agg[0]).toBe(agg[1]);
  expect(agg[0]).toBe(5);
  expect(bulletin[0]).toBe(bulletin[1]);
  expect(bulletin[0]).toBe(2);
}, 120000);
