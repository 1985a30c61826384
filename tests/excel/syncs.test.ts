// The batching rule: the number of context.sync() calls of each operation does not grow with the rows,
// and no request passes Excel on the web's 5 MB limit. A write larger than one request is split into
// budget-full requests (src/excel/batch.ts): those extra syncs follow the bytes, never the rows; the
// requests of a split write are on average more than half the budget (the batch's estimate of a request
// runs above the JSON the host receives, so single requests may look smaller). (bench/syncs.bench.ts prints the counts at 3 sizes.)
import { REQUEST_BUDGET } from "../../src/excel/batch";
import { clearHighlights, selectCell, setHighlights } from "../../src/excel/marks";
import { writeWorkbookDescription } from "../../src/excel/write";
import { uninstallFakeOffice } from "../fake-excel";
import { filledTemplate, install } from "./helpers";
import { OP_NAMES, returnBytes, runOp, type OpName } from "./sync-ops";

afterEach(() => uninstallFakeOffice(globalThis as unknown as Record<string, unknown>));

const SIZES = [10, 10000];
const files = new Map<number, Uint8Array>();

beforeAll(async () => {
  for (const n of SIZES) files.set(n, await returnBytes(n));
}, 120000);

const EXPECTED: Record<OpName, number> = {
  "insert template": 2,
  "self-check": 7,
  import: 3,
  aggregate: 5,
  "write bulletin": 2,
};

test.each(OP_NAMES)(
  "%s: syncs follow bytes, not rows (10 and 10,000 rows), requests under 5 MB",
  async (op) => {
    const runs = [];
    for (const n of SIZES) {
      runs.push(await runOp(op, n, files.get(n)!));
      uninstallFakeOffice(globalThis as unknown as Record<string, unknown>);
    }
    expect(runs[0].syncs).toBe(EXPECTED[op]);
    for (const r of runs) expect(r.maxPayload).toBeLessThanOrEqual(5 * 1024 * 1024);
    // At 10,000 rows: the same count, plus at most one sync per half-budget of bytes sent.
    const sent = runs[1].payloads.reduce((n, b) => n + b, 0);
    expect(runs[1].syncs).toBeGreaterThanOrEqual(EXPECTED[op]);
    expect(runs[1].syncs - EXPECTED[op]).toBeLessThanOrEqual(Math.ceil(sent / (REQUEST_BUDGET / 2)) - 1);
    // 10,000 rows repeat USCCs, so the self-check has something to highlight.
    if (op === "self-check") expect(runs[1].issues).toBeGreaterThan(0);
  },
  120000,
);

// marks.ts: highlighting makes four syncs (sheets; formats and protection; rules; writes) for one mark
// or two thousand, and clearing is the same operation with no marks; selecting a cell makes one.
test.each([1, 2000])("setHighlights with %i marks: four syncs; clear: four; select: one", async (n) => {
  const host = install();
  await writeWorkbookDescription(filledTemplate(10), { replace: true });
  const ent = host.state.sheets.find((s) => s.name.includes("企业"))!.name;
  const marks = Array.from({ length: n }, (_, i) => ({ sheet: ent, cell: `${i % 2 ? "B" : "D"}${i + 3}` }));
  expect(await host.countSyncs(() => setHighlights(marks))).toBe(4);
  expect(await host.countSyncs(() => clearHighlights())).toBe(4);
  expect(await host.countSyncs(() => selectCell(ent, "B3"))).toBe(1);
});
