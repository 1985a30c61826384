// The five add-in operations whose context.sync() count must not grow with the rows, each run on a fresh
// fake host: shared by the batching test (tests/excel/syncs.test.ts) and the benchmark (bench/syncs.bench.ts).
import { createActions } from "../../src/excel/actions";
import { readReturn } from "../../src/core/read/read-return";
import { buildBulletin } from "../../src/core/report/bulletin";
import { runRound } from "../../src/core/report/round-result";
import { writeWorkbookDescription } from "../../src/excel/write";
import { writeWorkbook } from "../../src/xlsx/write";
import { readWorkbook } from "../../src/xlsx/read";
import { filledTemplate, install, period, plan } from "./helpers";

export interface OpRun {
  syncs: number;
  /** Largest single request the host saw (bytes), against Excel on the web's 5 MB limit. */
  maxPayload: number;
  /** Every request's payload (bytes), in order. */
  payloads: number[];
  /** Problems the self-check found (the 10,000-row template repeats USCCs, so there are some). */
  issues?: number;
}

export type OpName = "insert template" | "self-check" | "import" | "aggregate" | "write bulletin";
export const OP_NAMES: OpName[] = ["insert template", "self-check", "import", "aggregate", "write bulletin"];

const actions = () => createActions(plan, () => new Date("2025-10-20T02:00:00Z"));

/** Filled-template bytes for `rows` rows (made once per size, outside any count). */
export async function returnBytes(rows: number): Promise<Uint8Array> {
  return writeWorkbook(filledTemplate(rows));
}

/** Runs one operation at one size on a fresh host; only the operation itself is counted. */
export async function runOp(op: OpName, rows: number, bytes: Uint8Array): Promise<OpRun> {
  const host = install();
  const done = (syncs: number, extra: Partial<OpRun> = {}): OpRun => ({
    syncs,
    maxPayload: host.settings.stats.maxPayload,
    payloads: [...host.settings.stats.payloads],
    ...extra,
  });
  switch (op) {
    case "insert template":
      return done(
        await host.countSyncs(() => writeWorkbookDescription(filledTemplate(rows), { replace: true })),
      );
    case "self-check": {
      await writeWorkbookDescription(filledTemplate(rows), { replace: true });
      host.resetStats();
      let issues = 0;
      const syncs = await host.countSyncs(async () => {
        const r = await actions().selfCheck();
        issues = r.result.errors.length + r.result.warnings.length;
      });
      return done(syncs, { issues });
    }
    case "import": {
      const a = actions();
      const file = { name: `r${rows}.xlsx`, bytes, modified: "2025-10-10T01:00:00Z" };
      const result = await a.readReturnFile(file);
      if (result.meta === null) throw new Error("the filled template was not recognised");
      // Parsing makes no sync; only keeping the return's sheets is counted.
      return done(
        await host.countSyncs(() => a.keepReturns([{ file, result: { ...result, rejected: false } }])),
      );
    }
    case "aggregate":
    case "write bulletin": {
      const snapshot = await readWorkbook(bytes);
      const ret = readReturn(snapshot, { plan, file: `r${rows}.xlsx`, modified: "2025-10-10T01:00:00Z" });
      if (op === "aggregate")
        return done(
          await host.countSyncs(() =>
            actions().aggregate({ period, deadline: "2025-10-15", issuedOn: "2025-10-20", files: [ret] }),
          ),
        );
      const desc = buildBulletin(runRound({ plan, period, returns: [ret] }), plan, {
        issuedOn: "2025-10-20",
      });
      return done(await host.countSyncs(() => writeWorkbookDescription(desc, { replace: true })));
    }
  }
}
