// prev(字段或表达式): the same expression over the firm's previous-round row: prev(revenue),
// prev(recognised(SRDI_P)). Blank when the firm is new (no previous row).
import type { RowFunction } from "./types";

export const prev: RowFunction = {
  name: "prev",
  context: "filter",
  params: ["any"],
  usage: "prev(字段或表达式)",
  compile(c, n, scope) {
    const inner = c.row(n.args[0], scope);
    c.usesPrevious();
    const fn = inner.fn;
    return { type: inner.type, fn: (_r, rt) => (rt.prev ? fn(rt.prev, rt) : null) };
  },
};
