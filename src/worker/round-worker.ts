// The Web Worker of 汇总: reads return files and computes the round and the bulletin (round-job.ts) off the
// page's thread, so the pane stays responsive and its progress bar moves. Host-neutral: it sees bytes and
// snapshots only; whoever starts it (the pane, the offline page) passes everything in the message.
import { readReturnBytes } from "../core/read/read-bytes";
import { PeriodOutsidePlanError } from "../core/plan/window";
import { readWorkbook } from "../xlsx/read";
import { readPlanFile } from "../host/plan-file";
import { bulletinOf, computeRound } from "./round-job";
import type { WorkerReply, WorkerRequest } from "./protocol";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(m: WorkerReply): void;
};

scope.onmessage = (e) => {
  const q = e.data;
  void (async () => {
    try {
      const out =
        q.kind === "read"
          ? await readReturnBytes(q.file, (b, s) => readWorkbook(b, s), { plan: q.plan })
          : q.kind === "plan"
            ? await readPlanFile(q.file, (b, s) => readWorkbook(b, s))
            : q.kind === "round"
              ? computeRound(q.input)
              : bulletinOf(q.result, q.plan, q.options);
      scope.postMessage({ id: q.id, ok: true, out });
    } catch (err) {
      scope.postMessage({
        id: q.id,
        ok: false,
        error: err instanceof Error ? err.message : String(err),
        periodOutsidePlan: err instanceof PeriodOutsidePlanError,
      });
    }
  })();
};
