// The pane's bar while the bulletin is written: Batch.flush reports (requests sent, requests in all)
// before the first request and after each one, and its count of requests is the number of syncs it makes.
import { readReturn } from "../../src/core/read/read-return";
import { createActions, type AggregateProgress } from "../../src/excel/actions";
import { Batch } from "../../src/excel/batch";
import { readWorkbook } from "../../src/xlsx/read";
import { uninstallFakeOffice } from "../fake-excel";
import { install, period, plan } from "./helpers";
import { returnBytes } from "./sync-ops";

afterEach(() => uninstallFakeOffice(globalThis as unknown as Record<string, unknown>));

test("a batch counts its requests as flush groups them and reports each one sent", async () => {
  const b = new Batch(1000);
  const queued: number[] = [];
  for (let i = 0; i < 7; i++) b.add(400, () => queued.push(i));
  // 600 bytes a piece (400 + the call's own 200): one piece per request.
  expect(b.requests).toBe(7);
  let syncs = 0;
  const seen: [number, number][] = [];
  await b.flush({ sync: async () => void syncs++ } as unknown as Excel.RequestContext, (s, t) =>
    seen.push([s, t]),
  );
  expect(queued).toEqual([0, 1, 2, 3, 4, 5, 6]);
  expect(syncs).toBe(7);
  expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((s) => [s, 7]));
});

test("the pane's aggregate of a 10,000-row return: computing, then each request of the bulletin's write", async () => {
  const bytes = await returnBytes(10000);
  const ret = readReturn(await readWorkbook(bytes), {
    plan,
    file: "r.xlsx",
    modified: "2025-10-10T01:00:00Z",
  });
  const host = install();
  const seen: AggregateProgress[] = [];
  const syncs = await host.countSyncs(() =>
    createActions(plan, () => new Date("2025-10-20T02:00:00Z")).aggregate({
      period,
      deadline: "2025-10-15",
      issuedOn: "2025-10-20",
      files: [ret],
      onProgress: (p) => seen.push(p),
    }),
  );
  expect(seen[0]).toEqual({ stage: "computing" });
  const writes = seen.slice(1).map((p) => (p.stage === "writing" ? [p.sent, p.total] : null));
  const total = writes[0]![1];
  // The 明细 sheet makes this bulletin a write of more than one request (tests/excel/syncs.test.ts).
  expect(total).toBeGreaterThan(1);
  expect(writes).toEqual([...Array(total + 1).keys()].map((s) => [s, total]));
  // Every request the bar counted is a sync the host saw (the others read the workbook first).
  expect(syncs).toBeGreaterThan(total);
}, 180000);
