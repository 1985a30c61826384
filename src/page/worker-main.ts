// The offline page's worker: the same script as the page (boot.ts starts it from a blob: URL of its own
// text), holding the page's file actions (src/files/actions.ts) for the plan in force. Reading a return keeps
// its result here too, so 汇总 is asked with file names and the returns are not copied back and forth.
import type { Plan } from "../core/plan/types";
import type { ReturnResult } from "../core/read/types";
import type { RoundResult } from "../core/report/round-result";
import type { BulletinOptions } from "../core/report/text";
import type { AggregateOutcome } from "../host/types";
import { bulletinDocxBytes } from "../taskpane/bulletin-docx";
import { createFileActions, type FileActions } from "../files/actions";
import { isCallbackRef, toCross, type FromWorker, type ToWorker } from "./worker-protocol";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(m: FromWorker, transfer?: Transferable[]): void;
};

interface Instance {
  actions: FileActions;
  plan: Plan;
  /** The round last aggregated, whole (its counted rows stay here: 13 MB of records at 20,000 rows). */
  round?: RoundResult;
  /** Returns read in this worker, by file name (the latest read of a name). */
  read: Map<string, ReturnResult>;
}

let current: { inst: number; state: Instance } | null = null;
let nextCb = 1;
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

/** A function of the page, called by message; resolves to what it returned there. */
const remote =
  (id: number, k: number) =>
  (...args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const cb = nextCb++;
      waiting.set(cb, { resolve, reject });
      scope.postMessage({ t: "cb", id, cb, k, args });
    });

/** Callback refs back into functions (top level, and one level into an object such as a request). */
function revive(id: number, args: unknown[]): unknown[] {
  return args.map((a) => {
    if (isCallbackRef(a)) return remote(id, a.__cb);
    if (a && typeof a === "object" && !Array.isArray(a) && !(a instanceof Uint8Array)) {
      const o = { ...(a as Record<string, unknown>) };
      for (const [key, v] of Object.entries(o)) if (isCallbackRef(v)) o[key] = remote(id, v.__cb);
      return o;
    }
    return a;
  });
}

/** Calls whose reply holds bytes made for it (moved, not copied); targetsFile's bytes are kept here. */
const FRESH = new Set([
  "aggregate",
  "bulletinDocx",
  "insertTemplate",
  "downloadTemplate",
  "downloadTargets",
  "annotateFile",
  "annotateWorkbook",
  "templatesZip",
]);

/** Bytes inside a reply (downloads) are moved, not copied. */
function transferables(v: unknown): Transferable[] {
  const out: Transferable[] = [];
  const seen = new Set<ArrayBuffer>();
  const add = (x: unknown) => {
    if (x instanceof Uint8Array && x.buffer instanceof ArrayBuffer && !seen.has(x.buffer)) {
      if (x.byteOffset === 0 && x.byteLength === x.buffer.byteLength) {
        seen.add(x.buffer);
        out.push(x.buffer);
      }
    }
  };
  if (v && typeof v === "object") {
    add(v);
    for (const x of Object.values(v as Record<string, unknown>)) {
      add(x);
      if (x && typeof x === "object") for (const y of Object.values(x as Record<string, unknown>)) add(y);
    }
  }
  return out;
}

async function call(state: Instance, method: string, args: unknown[]): Promise<unknown> {
  const a = state.actions as unknown as Record<string, (...x: unknown[]) => Promise<unknown>>;
  if (method === "readReturnFile") {
    const r = (await a.readReturnFile(...args)) as ReturnResult;
    state.read.set(r.file, r);
    return r;
  }
  if (method === "aggregate") {
    // The page sends the names of returns read here, and whole results only for any read elsewhere.
    const req = args[0] as { files: (string | ReturnResult)[] };
    const files = req.files.map((f) => {
      if (typeof f !== "string") return f;
      const r = state.read.get(f);
      if (!r) throw new Error(`后台没有 ${f} 的读取结果，请重新选择该文件`);
      return r;
    });
    const out = (await a.aggregate({ ...req, files })) as AggregateOutcome;
    state.round = out.round;
    // The page shows the round and saves its JSON without the counted rows; a clone of them would hold
    // the page's thread for half a second. The .docx, which lists some of them, is made here (bulletinDocx).
    const { counted: _counted, ...round } = out.round;
    void _counted;
    return { ...out, round };
  }
  if (method === "bulletinDocx") {
    if (!state.round) throw new Error("请先汇总");
    return bulletinDocxBytes(state.round, state.plan, args[0] as BulletinOptions);
  }
  const f = a[method];
  if (typeof f !== "function") throw new Error(`unknown action ${method}`);
  return f(...args);
}

scope.onmessage = (e) => {
  const q = e.data;
  if (q.t === "ping") return scope.postMessage({ t: "pong" });
  if (q.t === "init") {
    current = { inst: q.inst, state: { actions: createFileActions(q.plan), plan: q.plan, read: new Map() } };
    return;
  }
  if (q.t === "cbDone") {
    const p = waiting.get(q.cb);
    waiting.delete(q.cb);
    if (q.ok) p?.resolve(q.value);
    else p?.reject(q.value);
    return;
  }
  const id = q.id;
  void (async () => {
    try {
      if (!current || current.inst !== q.inst) throw new Error("规划已更换，请重新操作");
      const value = await call(current.state, q.method, revive(id, q.args));
      scope.postMessage({ t: "done", id, ok: true, value }, FRESH.has(q.method) ? transferables(value) : []);
    } catch (err) {
      scope.postMessage({ t: "done", id, ok: false, error: toCross(err) });
    }
  })();
};
