// Starts the 汇总 worker of the built pane (webpack emits src/worker/round-worker.ts as its own file from
// this `new URL(…, import.meta.url)`). A host that refuses workers gets null: 汇总 then runs on the page.
import { workerRunner, type RoundRunner, type WorkerLike } from "../worker/protocol";

export function startRoundWorker(): RoundRunner | null {
  if (typeof Worker === "undefined") return null;
  try {
    const probe = new Worker(new URL("../worker/round-worker.ts", import.meta.url));
    let first: Worker | null = probe;
    return workerRunner(() => {
      const w = first ?? new Worker(new URL("../worker/round-worker.ts", import.meta.url));
      first = null;
      return w as unknown as WorkerLike;
    });
  } catch {
    return null;
  }
}
