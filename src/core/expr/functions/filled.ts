// filled(字段): the cell holds something other than spaces.
import { blankTest } from "./blank";
import type { RowFunction } from "./types";

export const filled: RowFunction = {
  name: "filled",
  context: "filter",
  params: ["field"],
  usage: "filled(字段)",
  compile: (c, n, scope) => blankTest(c, n, scope, false),
};
