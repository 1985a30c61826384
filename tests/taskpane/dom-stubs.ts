// jsdom lacks ResizeObserver, which Fluent UI's MessageBar uses to lay out its actions.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const w = window as unknown as { ResizeObserver?: unknown };
w.ResizeObserver ??= ResizeObserverStub;
export {};
