// The plan workbook the user loaded, remembered on this machine (the add-in's own storage: localStorage
// of its origin), so the pane reopens on it instead of the built-in plan. The file itself is kept, not the
// plan read from it: on reopening it is read again by the same guarded reader, so a remembered file is
// never trusted more than a picked one. A WebView that refuses storage just forgets.
import type { ReturnBytes } from "../../core/read/read-bytes";

const KEY = "srdi.planWorkbook";
/** Larger plan workbooks are used but not remembered (localStorage holds about 5 MB per origin). */
export const MAX_REMEMBERED = 2 * 1024 * 1024;

export interface PlanMemory {
  get(): ReturnBytes | null;
  set(file: ReturnBytes): boolean;
  clear(): void;
}

function toBase64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const localPlanMemory: PlanMemory = {
  get() {
    try {
      const raw = globalThis.localStorage?.getItem(KEY);
      if (!raw || raw.length > MAX_REMEMBERED * 1.4) return null;
      const v = JSON.parse(raw) as { name?: unknown; data?: unknown };
      if (typeof v.name !== "string" || typeof v.data !== "string") return null;
      return { name: v.name, bytes: fromBase64(v.data), modified: null };
    } catch {
      return null;
    }
  },
  set(file) {
    if (file.bytes.length > MAX_REMEMBERED) return false;
    try {
      globalThis.localStorage?.setItem(KEY, JSON.stringify({ name: file.name, data: toBase64(file.bytes) }));
      return true;
    } catch {
      return false;
    }
  },
  clear() {
    try {
      globalThis.localStorage?.removeItem(KEY);
    } catch {
      // Nothing remembered, nothing to forget.
    }
  },
};
