// The batching rule: the number of context.sync() calls of each operation does not grow with the rows,
// and no request passes Excel on the web's 5 MB limit. (bench/syncs.bench.ts prints the same at 3 sizes.)
import { uninstallFakeOffice } from "../fake-excel";
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
  "%s: the same syncs for 10 and 10,000 rows, requests under 5 MB",
  async (op) => {
    const runs = [];
    for (const n of SIZES) {
      runs.push(await runOp(op, n, files.get(n)!));
      uninstallFakeOffice(globalThis as unknown as Record<string, unknown>);
    }
    expect(runs.map((r) => r.syncs)).toEqual([EXPECTED[op], EXPECTED[op]]);
    for (const r of runs) expect(r.maxPayload).toBeLessThanOrEqual(5 * 1024 * 1024);
    // 10,000 rows repeat USCCs, so the self-check has something to highlight.
    if (op === "self-check") expect(runs[1].issues).toBeGreaterThan(0);
  },
  120000,
);
