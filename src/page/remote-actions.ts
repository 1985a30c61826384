// The page's side of its worker: starts it from a blob: URL of the page's own script (a file:// page under a
// policy that allows no request cannot load a worker from a URL; CSP worker-src blob: allows this one), and
// gives the views the file actions (src/host/types.ts PaneActions) with every call done in the worker.
// Where the worker cannot start, startPageWorker resolves to null and the page runs them itself (index.tsx).
import { PeriodOutsidePlanError } from "../core/plan/window";
import type { Plan } from "../core/plan/types";
import type { ReturnResult } from "../core/read/types";
import { FILES_SUPPORT, type FileActions } from "../files/actions";
import type { CrossError, FromWorker, ToWorker } from "./worker-protocol";

/** How long the worker may take to answer its first message before the page works without it. */
const START_MS = 10_000;

export interface PageWorker {
  post(m: ToWorker): void;
  listen(on: (m: FromWorker) => void): void;
  /** Set when the worker died: calls then fail with this. */
  dead: string | null;
}

/** A worker running `source` (the page's script), or null when the browser refuses or it does not answer. */
export function startPageWorker(source: string | null | undefined): Promise<PageWorker | null> {
  if (!source || typeof Worker === "undefined" || typeof Blob === "undefined") return Promise.resolve(null);
  let w: Worker;
  let url = "";
  try {
    url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    w = new Worker(url);
  } catch {
    if (url) URL.revokeObjectURL(url);
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const fail = () => {
      clearTimeout(timer);
      w.terminate();
      resolve(null);
    };
    const timer = setTimeout(fail, START_MS);
    w.onerror = fail;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      if (e.data.t !== "pong") return;
      clearTimeout(timer);
      const listeners: ((m: FromWorker) => void)[] = [];
      const pw: PageWorker = {
        post: (m) => w.postMessage(m),
        listen: (on) => listeners.push(on),
        dead: null,
      };
      w.onmessage = (ev: MessageEvent<FromWorker>) => listeners.forEach((l) => l(ev.data));
      w.onerror = (ev) => {
        pw.dead = ev instanceof ErrorEvent && ev.message ? ev.message : "后台计算意外中止";
        listeners.forEach((l) =>
          l({ t: "done", id: -1, ok: false, error: { error: true, name: "Error", message: pw.dead! } }),
        );
      };
      resolve(pw);
    };
    w.postMessage({ t: "ping" } satisfies ToWorker);
  });
}

function fromCross(e: CrossError): unknown {
  if (!e.error) return e.value;
  if (e.name === "PeriodOutsidePlanError") return new PeriodOutsidePlanError(e.message);
  return new Error(e.message);
}

let nextInst = 1;
/** Call ids are unique across plans: every instance listens to the same worker. */
let nextId = 1;

/** The file actions for `plan`, each call done in the worker. */
export function remoteFileActions(worker: PageWorker, plan: Plan): FileActions {
  const inst = nextInst++;
  worker.post({ t: "init", inst, plan });
  const pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void; fns: ((...a: unknown[]) => unknown)[] }
  >();
  // Returns read in the worker under this plan (汇总 sends those by name): the worker keeps the last result
  // it read under each file name, this map the page's copy of that same read. Last round's returns (上期报表)
  // are read there too and may share a name with this round's ("连云区.xlsx").
  const readThere = new Map<string, ReturnResult>();
  worker.listen((m) => {
    if (m.t === "done") {
      if (m.id === -1 && !m.ok) {
        // The worker died: every call waiting fails.
        for (const p of pending.values()) p.reject(fromCross(m.error));
        pending.clear();
        return;
      }
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(fromCross(m.error));
    } else if (m.t === "cb") {
      const p = pending.get(m.id);
      const f = p?.fns[m.k];
      void (async () => {
        try {
          if (!f) throw new Error("callback gone");
          worker.post({ t: "cbDone", cb: m.cb, ok: true, value: await f(...m.args) });
        } catch (e) {
          worker.post({ t: "cbDone", cb: m.cb, ok: false, value: e instanceof Error ? e.message : e });
        }
      })();
    }
  });
  const call = <T>(method: string, args: unknown[]): Promise<T> => {
    if (worker.dead) return Promise.reject(new Error(worker.dead));
    const fns: ((...a: unknown[]) => unknown)[] = [];
    const ref = (f: (...a: unknown[]) => unknown) => ({ __cb: fns.push(f) - 1 });
    const sent = args.map((a) => {
      if (typeof a === "function") return ref(a as (...x: unknown[]) => unknown);
      if (a && typeof a === "object" && !Array.isArray(a) && !(a instanceof Uint8Array)) {
        const o: Record<string, unknown> = { ...(a as Record<string, unknown>) };
        for (const [k, v] of Object.entries(o))
          if (typeof v === "function") o[k] = ref(v as (...x: unknown[]) => unknown);
        return o;
      }
      return a;
    });
    return new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, fns });
      worker.post({ t: "call", id, inst, method, args: sent });
    });
  };
  const m =
    <T>(method: string) =>
    (...args: unknown[]) =>
      call<T>(method, args);
  return {
    support: () => ({ ...FILES_SUPPORT }),
    insertTemplate: m("insertTemplate"),
    downloadTemplate: m("downloadTemplate"),
    openReturn: m("openReturn"),
    selfCheck: m("selfCheck"),
    selectCell: async () => undefined,
    clearHighlights: async () => undefined,
    async readReturnFile(file) {
      const r = await call<ReturnResult>("readReturnFile", [file]);
      readThere.set(r.file, r);
      return r;
    },
    keepReturns: async () => 0,
    insertTargets: async () => "exists",
    downloadTargets: m("downloadTargets"),
    loadTargets: m("loadTargets"),
    targetsFile: m("targetsFile"),
    loadRoster: m("loadRoster"),
    aggregate(req) {
      // Returns read in the worker go by name: 20,000 rows are not copied across again.
      // Only a result that is the worker's last read of its name goes by name; any other goes whole.
      const files = req.files.map((r) => (readThere.get(r.file) === r ? r.file : r));
      return call("aggregate", [{ ...req, files }]);
    },
    templateState: async () => ({ meta: null, filled: 0, sheets: [] }),
    newWorkbookTemplate: async () => false,
    watchChanges: async () => async () => undefined,
    annotateFile: m("annotateFile"),
    annotateWorkbook: m("annotateWorkbook"),
    removeKept: async () => 0,
    openWorkbook: async () => false,
    scoringSettings: m("scoringSettings"),
    setReview: m("setReview"),
    templatesZip: m("templatesZip"),
    bulletinDocx: m("bulletinDocx"),
  } as FileActions;
}
