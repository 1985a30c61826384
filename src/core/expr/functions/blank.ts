// What isblank(字段) and filled(字段) share: a cell is blank when empty or only spaces.
import { get, isBlank } from "../runtime";
import type { CallNode, Checker, RowScope, Typed } from "./types";

export function blankTest(c: Checker, n: CallNode, scope: RowScope, blank: boolean): Typed | null {
  const f = c.field(n.args[0], scope);
  if (!f) return null;
  const g = get(f.key);
  return {
    type: "bool",
    fn: (r) => {
      const v = g(r);
      return (isBlank(v) || (typeof v === "string" && v.trim() === "")) === blank;
    },
  };
}
