// Benchmark part 3: context.sync() calls per add-in operation on the shared fake host at 10, 1,000 and
// 10,000 rows. Run by bench/run.js through jest (the fake host and the adapter are TypeScript); writes
// the counts as JSON to $SRDI_BENCH_SYNCS.
import { writeFileSync } from "fs";
import { OP_NAMES, returnBytes, runOp, type OpRun } from "../tests/excel/sync-ops";
import { uninstallFakeOffice } from "../tests/fake-excel";

const SIZES = [10, 1000, 10000];

test("sync counts per operation and size", async () => {
  const out: Record<string, Record<number, OpRun>> = {};
  const bytes = new Map<number, Uint8Array>();
  for (const n of SIZES) bytes.set(n, await returnBytes(n));
  for (const op of OP_NAMES) {
    out[op] = {};
    for (const n of SIZES) {
      out[op][n] = await runOp(op, n, bytes.get(n)!);
      uninstallFakeOffice(globalThis as unknown as Record<string, unknown>);
    }
  }
  const file = process.env.SRDI_BENCH_SYNCS;
  if (file) writeFileSync(file, JSON.stringify(out));
  // Guard against measuring nothing: every operation talks to the host at least once.
  for (const op of OP_NAMES) for (const n of SIZES) expect(out[op][n].syncs).toBeGreaterThan(0);
}, 600000);
