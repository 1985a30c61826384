// Installs the fake host as the globals `Excel` and `Office` (jsdom tests and the browser e2e bundle).
import { FakeWorkbookState } from "./model";
import { FakeContext, type HostSettings } from "./proxy";
import { FakeWorkbook, type XlsxReader } from "./objects";

export interface FakeHostOptions {
  /** Requirement sets reported as supported: ExcelApi minor version, e.g. 13 for ExcelApi 1.13. */
  excelApi?: number;
  /** Reads .xlsx bytes for insertWorksheetsFromBase64 (tests pass src/xlsx/read's readWorkbook). */
  readXlsx?: XlsxReader;
  state?: FakeWorkbookState;
}

export interface FakeHost {
  state: FakeWorkbookState;
  settings: HostSettings;
  excelApi: number;
  /** Functions registered by Office.actions.associate (ribbon ExecuteFunction handlers). */
  actions: Map<string, (event: { completed: () => void }) => unknown>;
  resetStats(): void;
  /** Runs fn and returns how many syncs it made. */
  countSyncs(fn: () => Promise<unknown>): Promise<number>;
  /** Excel.run */
  run: <T>(batch: (ctx: unknown) => Promise<T>) => Promise<T>;
}

export function createFakeHost(opts: FakeHostOptions = {}): FakeHost {
  const settings: HostSettings = { cellEditMode: false, stats: { syncs: 0, maxPayload: 0, payloads: [] } };
  const host: Omit<FakeHost, "run"> & Partial<Pick<FakeHost, "run">> = {
    state: opts.state ?? new FakeWorkbookState(),
    settings,
    excelApi: opts.excelApi ?? 18,
    actions: new Map(),
    resetStats() {
      settings.stats = { syncs: 0, maxPayload: 0, payloads: [] };
    },
    async countSyncs(fn) {
      const before = settings.stats.syncs;
      await fn();
      return settings.stats.syncs - before;
    },
  };
  const readXlsx = opts.readXlsx ?? null;

  const run = async <T>(batch: (ctx: unknown) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(settings) as FakeContext & { workbook: FakeWorkbook };
    ctx.workbook = new FakeWorkbook(ctx, host.state, readXlsx);
    const result = await batch(ctx);
    // Excel.run syncs what is still queued when the batch returns; an empty queue makes no round trip.
    if (ctx.pending > 0) await ctx.sync();
    return result;
  };
  host.run = run;
  return host as FakeHost;
}

function supported(host: FakeHost, name: string, version?: string): boolean {
  if (name !== "ExcelApi") return false;
  const [maj, min] = (version ?? "1.1").split(".").map(Number);
  return maj === 1 && (min ?? 0) <= host.excelApi;
}

/** Puts `Excel` and `Office` on the given global object (window or globalThis). */
export function installFakeOffice(target: Record<string, unknown>, host: FakeHost): void {
  target.Excel = {
    run: host.run,
    ErrorCodes: { invalidOperationInCellEditMode: "InvalidOperationInCellEditMode" },
  };
  target.Office = {
    HostType: { Excel: "Excel" },
    context: {
      host: "Excel",
      platform: "OfficeOnline",
      requirements: { isSetSupported: (name: string, version?: string) => supported(host, name, version) },
      diagnostics: { platform: "OfficeOnline", version: "fake" },
    },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
    actions: {
      associate: (id: string, fn: (event: { completed: () => void }) => unknown) => host.actions.set(id, fn),
    },
  };
}

export function uninstallFakeOffice(target: Record<string, unknown>): void {
  delete target.Excel;
  delete target.Office;
}
