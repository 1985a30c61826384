// Messages between a page and the 汇总 worker (round-worker.ts), and the client side that turns them into
// promises (a RoundRunner). Host-neutral: the caller says how to start the worker.
import { PeriodOutsidePlanError } from "../core/plan/window";
import type { Plan } from "../core/plan/types";
import type { PlanBookResult } from "../core/planbook/read-plan";
import type { ReturnBytes } from "../core/read/read-bytes";
import type { ReturnResult } from "../core/read/types";
import type { RoundResult } from "../core/report/round-result";
import type { BulletinOptions } from "../core/report/text";
import type { WorkbookDescription } from "../core/sheet/types";
import type { RoundJobInput, RoundJobOutput } from "./round-job";

export type WorkerRequest =
  | { id: number; kind: "read"; file: ReturnBytes; plan: Plan }
  | { id: number; kind: "plan"; file: ReturnBytes }
  | { id: number; kind: "round"; input: RoundJobInput }
  | {
      id: number;
      kind: "bulletin";
      result: RoundResult;
      plan: Plan;
      options: BulletinOptions;
    };

export type WorkerReply =
  | { id: number; ok: true; out: unknown }
  | { id: number; ok: false; error: string; periodOutsidePlan: boolean };

/**
 * What runs off the page's thread: reading a return file or a plan workbook, the round, the bulletin's
 * description.
 */
export interface RoundRunner {
  read(file: ReturnBytes, plan: Plan): Promise<ReturnResult>;
  /** A plan workbook (规划配置.xlsx) read and checked: the plan, or null and its problems. */
  plan(file: ReturnBytes): Promise<PlanBookResult>;
  round(input: RoundJobInput): Promise<RoundJobOutput>;
  bulletin(
    result: RoundResult,
    plan: Plan,
    options: BulletinOptions,
  ): Promise<{ desc: WorkbookDescription; bulletin: BulletinOptions }>;
}

/** The minimum of a Worker the client uses (a real Worker, or a fake in tests). */
export interface WorkerLike {
  postMessage(m: WorkerRequest): void;
  onmessage: ((e: { data: WorkerReply }) => void) | null;
  onerror: ((e: unknown) => void) | null;
}

/** A RoundRunner over a worker started by `start` (once, on first use). */
export function workerRunner(start: () => WorkerLike): RoundRunner {
  let w: WorkerLike | null = null;
  let next = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const worker = () => {
    if (w) return w;
    w = start();
    w.onmessage = (e) => {
      const r = e.data;
      const p = waiting.get(r.id);
      if (!p) return;
      waiting.delete(r.id);
      if (r.ok) p.resolve(r.out);
      else p.reject(r.periodOutsidePlan ? new PeriodOutsidePlanError(r.error) : new Error(r.error));
    };
    w.onerror = () => {
      // The worker died: every pending call fails (the caller says so); the next call starts a new one.
      for (const p of waiting.values()) p.reject(new Error("后台计算意外中止，请重试"));
      waiting.clear();
      w = null;
    };
    return w;
  };
  // Omit<…, "id"> does not distribute over a union: each request type is given without its id.
  type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, "id"> : never) : never;
  const call = <T>(q: Request): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker().postMessage({ ...q, id } as WorkerRequest);
    });
  return {
    read: (file, plan) => call({ kind: "read", file, plan }),
    plan: (file) => call({ kind: "plan", file }),
    round: (input) => call({ kind: "round", input }),
    bulletin: (result, plan, options) => call({ kind: "bulletin", result, plan, options }),
  };
}
