// jsdom lacks ResizeObserver, which Fluent UI's MessageBar uses to lay out its actions.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = window as unknown as { ResizeObserver?: unknown };
w.ResizeObserver ??= ResizeObserverStub;
export {};

// The machine running the suite may be busy (webpack, Chromium): wait longer than 1 s for the pane.
require("@testing-library/react").configure({ asyncUtilTimeout: 5000 });
