// Reads a round's returns on worker threads where that pays: the files are independent and reading them
// is CPU-bound. With the byte-scanning reader a 2,000-row return reads in well under 0.2 s (0.17 s
// measured on a heavily loaded 2-core machine, BENCHMARKS.md), the order of what a worker costs to start
// (~0.1 s of module loading) and to send results back; on one or two cores (often shared) workers only add
// CPU time, so there the default reads in-process. From three cores on, one worker per core less one. Results come back in the files' order; a file whose worker failed is
// read in-process: a worker problem never loses a return.
import { existsSync, statSync } from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { Plan } from "../core/plan/types";
import type { ReturnResult } from "../core/read/types";
import { readReturnFile } from "./read-file";

/** Below this many bytes in all, a worker's start-up (~0.1 s of module loading) is not worth it. */
const MIN_BYTES_FOR_WORKERS = 8 * 1024 * 1024;

export interface PoolOptions {
  /** Worker threads to use at most; default: the machine's cores. */
  maxWorkers?: number;
  minBytes?: number;
  /** Called as each file is read (progress on a terminal). */
  onFile?: () => void;
}

export interface PoolRun {
  results: ReturnResult[];
  /** Worker threads used (0: read in-process). */
  workers: number;
}

function totalBytes(files: string[]): number {
  let n = 0;
  for (const f of files) {
    try {
      n += statSync(f).size;
    } catch {
      // an unreadable file is reported by readReturnFile
    }
  }
  return n;
}

export async function readReturnFiles(files: string[], plan: Plan, o: PoolOptions = {}): Promise<PoolRun> {
  const script = path.join(__dirname, "read-worker.js");
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const n = Math.min(o.maxWorkers ?? (cores <= 2 ? 1 : cores - 1), files.length);
  // Compiled JS only: under ts-jest this file is TypeScript and there is no worker script beside it.
  if (n < 2 || !existsSync(script) || totalBytes(files) < (o.minBytes ?? MIN_BYTES_FOR_WORKERS)) {
    const results: ReturnResult[] = [];
    for (const f of files) {
      results.push(await readReturnFile(f, plan));
      o.onFile?.();
    }
    return { results, workers: 0 };
  }
  const results = new Array<ReturnResult>(files.length);
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve) => {
      let current = -1;
      const give = () => {
        if (next >= files.length) {
          void worker.terminate();
          resolve();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, file: files[current] });
      };
      worker.on("message", (m: { index: number; result: ReturnResult }) => {
        results[m.index] = m.result;
        o.onFile?.();
        give();
      });
      worker.once("error", () => {
        // The rest of this worker's share goes to the others or, at the end, is read in-process.
        const lost = current;
        worker.removeAllListeners("message");
        void worker.terminate();
        void (async () => {
          if (lost >= 0 && results[lost] === undefined) {
            results[lost] = await readReturnFile(files[lost], plan);
            o.onFile?.();
          }
          resolve();
        })();
      });
      give();
    });
  const workers = Array.from({ length: n }, () => new Worker(script, { workerData: { plan } }));
  await Promise.all(workers.map(run));
  for (let i = 0; i < files.length; i++)
    if (results[i] === undefined) {
      results[i] = await readReturnFile(files[i], plan);
      o.onFile?.();
    }
  return { results, workers: n };
}
