// A worker thread of read-pool.ts: reads the files it is given, one at a time, with the pool's plan.
import { parentPort, workerData } from "worker_threads";
import type { Plan } from "../core/plan/types";
import { readReturnFile } from "./read-file";

const plan = (workerData as { plan: Plan }).plan;
parentPort?.on("message", (m: { index: number; file: string }) => {
  void readReturnFile(m.file, plan).then((result) => parentPort?.postMessage({ index: m.index, result }));
});
