// isblank(字段): the cell is empty (or only spaces). The one way a condition is true of a blank.
import { blankTest } from "./blank";
import type { RowFunction } from "./types";

export const isblank: RowFunction = {
  name: "isblank",
  context: "filter",
  params: ["field"],
  usage: "isblank(字段)",
  compile: (c, n, scope) => blankTest(c, n, scope, true),
};
