// The batching semantics of Office.js, faked: property writes and method calls are queued on the request
// context and applied at sync(); a property can be read only after it was loaded AND synced; a sync whose
// queued request exceeds the host's 5 MB payload limit is rejected whole.
import { hostError } from "./model";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Rough per-action overhead of the JSON request (object path, action type, ids). */
const ACTION_OVERHEAD = 64;

export interface HostStats {
  syncs: number;
  /** Largest request payload seen, in bytes (estimated from JSON length). */
  maxPayload: number;
  /** Every sync's payload, in order. */
  payloads: number[];
}

export interface HostSettings {
  /** When true every sync fails with InvalidOperationInCellEditMode (the user is typing in a cell). */
  cellEditMode: boolean;
  stats: HostStats;
}

interface Action {
  bytes: number;
  run: () => unknown;
}

export class FakeContext {
  private queue: Action[] = [];
  /** Incremented on each successful sync: null-object checks are valid only after one. */
  generation = 0;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(readonly settings: HostSettings) {}

  enqueue(payload: unknown, run: () => unknown): void {
    const bytes = ACTION_OVERHEAD + (payload === undefined ? 0 : jsonLength(payload));
    this.queue.push({ bytes, run });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const stats = this.settings.stats;
    stats.syncs++;
    const actions = this.queue;
    this.queue = [];
    const bytes = actions.reduce((n, a) => n + a.bytes, 0);
    stats.payloads.push(bytes);
    stats.maxPayload = Math.max(stats.maxPayload, bytes);
    if (this.settings.cellEditMode)
      throw hostError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    if (bytes > PAYLOAD_LIMIT)
      throw hostError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${bytes}) exceeds the limit.`,
      );
    for (const a of actions) await a.run();
    this.generation++;
  }
}

const utf8 = new TextEncoder();

/** The request travels as UTF-8 JSON: a CJK character is 3 bytes. */
function jsonLength(v: unknown): number {
  const s = JSON.stringify(v);
  return s === undefined ? 0 : utf8.encode(s).length;
}

type Reader = () => unknown;
type Writer = (v: unknown) => void;

/** Load specs as Office.js accepts them: "a, b/c", ["a", "b/c"], { select: ... } or nothing (all scalars). */
export function loadPaths(spec: unknown): string[] | null {
  if (spec === undefined || spec === null) return null;
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s) ?? []);
  if (typeof spec === "object" && "select" in (spec as object))
    return loadPaths((spec as { select: unknown }).select);
  return null;
}

export abstract class FakeObject {
  private readonly loaded = new Set<string>();
  private readonly data: Record<string, unknown> = {};
  private readonly readers: Record<string, Reader> = {};
  private readonly children: Record<string, () => FakeObject> = {};
  private readonly childCache: Record<string, FakeObject> = {};
  /** Generation at which this proxy was created (for isNullObject). */
  protected readonly born: number;

  constructor(readonly context: FakeContext) {
    this.born = context.generation;
  }

  /** A loadable property; with a writer it can also be set (queued). */
  protected prop(name: string, read: Reader, write?: Writer): void {
    this.readers[name] = read;
    Object.defineProperty(this, name, {
      enumerable: true,
      configurable: true,
      get: () => {
        if (!this.loaded.has(name))
          throw hostError(
            "PropertyNotLoaded",
            `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
          );
        return this.data[name];
      },
      set: (v: unknown) => {
        if (!write) throw hostError("InvalidArgument", `The property '${name}' is read-only.`);
        this.context.enqueue(v, () => write(v));
      },
    });
  }

  protected child<T extends FakeObject>(name: string, make: () => T): void {
    this.children[name] = make;
    Object.defineProperty(this, name, {
      enumerable: false,
      configurable: true,
      get: () => (this.childCache[name] ??= make()),
    });
  }

  /** A queued method call with no result. */
  protected call(payload: unknown, run: () => unknown): void {
    this.context.enqueue(payload, run);
  }

  load(spec?: unknown): this {
    const paths = loadPaths(spec);
    this.context.enqueue(spec ?? null, () => this.fill(paths));
    return this;
  }

  /** Runs at sync time: read the requested properties from the state. */
  fill(paths: string[] | null): void {
    const list = paths ?? Object.keys(this.readers);
    for (const p of list) {
      const [head, ...rest] = p.split("/");
      if (head in this.children) {
        const c = (this as unknown as Record<string, FakeObject>)[head];
        c.fill(rest.length ? [rest.join("/")] : null);
      } else if (head in this.readers) {
        this.data[head] = this.readers[head]();
        this.loaded.add(head);
      } else if (head === "isNullObject") {
        // always available after a sync
      } else {
        throw hostError("InvalidArgument", `Unknown property '${head}' on ${this.constructor.name}.`);
      }
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of this.loaded) out[k] = this.data[k];
    for (const [k, c] of Object.entries(this.childCache)) {
      const j = c.toJSON();
      if (Object.keys(j).length) out[k] = j;
    }
    return out;
  }

  protected requireSynced(what: string): void {
    if (this.context.generation <= this.born)
      throw hostError("PropertyNotLoaded", `'${what}' is not available before context.sync().`);
  }
}

/** A collection: `items` is readable after load + sync; loading "name" loads every item's name. */
export abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  private itemsLoaded: T[] | null = null;

  protected abstract materialise(): T[];

  get items(): T[] {
    if (!this.itemsLoaded)
      throw hostError(
        "PropertyNotLoaded",
        "The property 'items' is not available. Call load() and sync() first.",
      );
    return this.itemsLoaded;
  }

  override fill(paths: string[] | null): void {
    const items = this.materialise();
    const inner = (paths ?? []).map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    for (const it of items) it.fill(inner.length ? inner : null);
    this.itemsLoaded = items;
  }

  override toJSON(): Record<string, unknown> {
    return { items: (this.itemsLoaded ?? []).map((i) => i.toJSON()) };
  }
}

export class FakeClientResult<T> {
  private v: T | undefined;
  private set = false;
  resolve(v: T): void {
    this.v = v;
    this.set = true;
  }
  get value(): T {
    if (!this.set)
      throw hostError("PropertyNotLoaded", "ClientResult.value is not available before context.sync().");
    return this.v as T;
  }
}
