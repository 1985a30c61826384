// Messages between the offline page and its worker (worker-main.ts): the page's file actions
// (src/files/actions.ts) run in the worker, so reading returns, 汇总, the bulletin workbook and templates never
// block the page. A call's function arguments (aggregate's onProgress, loadRoster's confirmPartial) stay on
// the page: the worker calls them back by message. Errors cross as data and are made again on the page.
import type { Plan } from "../core/plan/types";

/** A function argument left on the page, by its index in the call. */
export interface CallbackRef {
  __cb: number;
}

export type ToWorker =
  | { t: "ping" }
  | { t: "init"; inst: number; plan: Plan }
  | { t: "call"; id: number; inst: number; method: string; args: unknown[] }
  | { t: "cbDone"; cb: number; ok: boolean; value: unknown };

export type FromWorker =
  | { t: "pong" }
  | { t: "done"; id: number; ok: true; value: unknown }
  | { t: "done"; id: number; ok: false; error: CrossError }
  | { t: "cb"; id: number; cb: number; k: number; args: unknown[] };

/** A thrown value as it crosses: an Error by name and message, anything else (a host's {code, detail}) as is. */
export type CrossError = { error: true; name: string; message: string } | { error: false; value: unknown };

export function toCross(e: unknown): CrossError {
  if (e instanceof Error) return { error: true, name: e.constructor.name, message: e.message };
  try {
    structuredClone(e);
    return { error: false, value: e };
  } catch {
    return { error: true, name: "Error", message: String(e) };
  }
}

export const isCallbackRef = (v: unknown): v is CallbackRef =>
  typeof v === "object" && v !== null && typeof (v as CallbackRef).__cb === "number";
