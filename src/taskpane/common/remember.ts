// The last unit a clerk chose, remembered on this machine (localStorage: Excel has no roaming settings
// for add-ins; Office.context.roamingSettings is Outlook's). A WebView that refuses storage just forgets.
const KEY = "srdi.lastUnit";

export interface UnitMemory {
  get(): string | null;
  set(code: string): void;
}

export const localUnitMemory: UnitMemory = {
  get() {
    try {
      return globalThis.localStorage?.getItem(KEY) ?? null;
    } catch {
      return null;
    }
  },
  set(code) {
    try {
      globalThis.localStorage?.setItem(KEY, code);
    } catch {
      // Storage refused (private mode, policy): nothing to remember with.
    }
  },
};
