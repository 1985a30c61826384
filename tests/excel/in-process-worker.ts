// The 汇总 worker's own message handler (src/worker/round-worker.ts) behind a fake Worker: every message
// goes through structuredClone both ways, as a real Worker's do, so what is not cloneable fails here.
import { workerRunner, type RoundRunner, type WorkerLike, type WorkerReply } from "../../src/worker/protocol";

export function inProcessWorker(): RoundRunner {
  const scope: { onmessage: ((e: { data: unknown }) => void) | null; postMessage(m: WorkerReply): void } = {
    onmessage: null,
    postMessage: (r) => fake.onmessage?.({ data: structuredClone(r) }),
  };
  const fake: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (q) => scope.onmessage!({ data: structuredClone(q) }),
  };
  (globalThis as unknown as { self: unknown }).self = scope;
  jest.isolateModules(() => require("../../src/worker/round-worker"));
  return workerRunner(() => fake);
}
