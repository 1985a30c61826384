// The plan workbook the user loaded, remembered on this machine (the add-in's own storage: localStorage
// of its origin): the fallback where the workbook cannot keep it (src/excel/plan-setting.ts), and what a
// new workbook opens with. A WebView that refuses storage just forgets.
import type { ReturnBytes } from "../core/read/read-bytes";
import { base64ToBytes, bytesToBase64 } from "./base64";
import type { PlanMemory } from "./types";

export type { PlanMemory };

const KEY = "srdi.planWorkbook";
/** Larger plan workbooks are used but not remembered (localStorage holds about 5 MB per origin). */
export const MAX_REMEMBERED = 2 * 1024 * 1024;

/** The remembered file as stored ({ name, data: base64 }), or null when it is not one. */
export function parseRemembered(raw: unknown, max = MAX_REMEMBERED): ReturnBytes | null {
  if (typeof raw !== "string" || raw.length > max * 1.4) return null;
  try {
    const v = JSON.parse(raw) as { name?: unknown; data?: unknown };
    if (typeof v.name !== "string" || typeof v.data !== "string") return null;
    return { name: v.name, bytes: base64ToBytes(v.data), modified: null };
  } catch {
    return null;
  }
}

export function rememberedText(file: ReturnBytes): string {
  return JSON.stringify({ name: file.name, data: bytesToBase64(file.bytes) });
}

export const localPlanMemory: PlanMemory = {
  async get() {
    try {
      return parseRemembered(globalThis.localStorage?.getItem(KEY));
    } catch {
      return null;
    }
  },
  async set(file) {
    if (file.bytes.length > MAX_REMEMBERED) return false;
    try {
      if (!globalThis.localStorage) return false;
      globalThis.localStorage.setItem(KEY, rememberedText(file));
      return "machine";
    } catch {
      return false;
    }
  },
  async clear() {
    try {
      globalThis.localStorage?.removeItem(KEY);
    } catch {
      // Nothing remembered, nothing to forget.
    }
  },
};
