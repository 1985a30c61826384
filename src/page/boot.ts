// Entry of the offline page's one script. In the page it keeps its own text (the worker is started from it:
// a file:// page may load nothing) and renders the views; started as the page's worker (no document) it
// serves the file actions instead. Both are folded into the one inline script (LimitChunkCountPlugin).
declare global {
  interface Window {
    /** The page's own script, for its worker (remote-actions.ts). */
    __srdiSource?: string | null;
  }
}

if (typeof document === "undefined") {
  void import("./worker-main");
} else {
  window.__srdiSource = document.currentScript?.textContent ?? null;
  void import("./index");
}

export {};
