// The core's import rule (issue 25 item 6): no circle and no upward import inside src/core.
import * as fs from "fs";
import * as path from "path";
import { checkCore } from "./core-layers";

const CORE = path.join(__dirname, "../../src/core");

function coreFiles(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name))
        out.set(path.relative(CORE, p).split(path.sep).join("/"), fs.readFileSync(p, "utf8"));
    }
  };
  walk(CORE);
  return out;
}

test("src/core has no import circle and no upward import", () => {
  const files = coreFiles();
  expect(files.size).toBeGreaterThan(100);
  expect(checkCore(files).map((v) => v.text)).toEqual([]);
});

test("a planted upward import fails the rule: the form importing the bulletin", () => {
  const files = coreFiles();
  files.set(
    "form/types.ts",
    `import type { RoundResult } from "../report/round-result";\n${files.get("form/types.ts")}`,
  );
  const v = checkCore(files);
  expect(v.map((x) => x.kind)).toContain("upward");
  expect(v.find((x) => x.kind === "upward")!.text).toMatch(/^form\/types\.ts -> report\/round-result\.ts/);
});

test("a planted circle fails the rule, even within one layer and through re-exports", () => {
  const files = coreFiles();
  files.set("a1.ts", `export * from "./china-date";\n${files.get("a1.ts")}`);
  files.set("china-date.ts", `export { columnLetter } from "./a1";\n${files.get("china-date.ts")}`);
  const v = checkCore(files);
  expect(v).toEqual([{ kind: "circle", text: "引用成环：a1.ts , china-date.ts" }]);
});

test("a new top-level module must be given its layer", () => {
  const files = coreFiles();
  files.set("widgets/w.ts", `export const w = 1;\n`);
  expect(checkCore(files).map((x) => x.kind)).toEqual(["unlisted"]);
});

test("dynamic import() counts", () => {
  const files = new Map([
    ["a1.ts", `export async function f() { return import("./report/x"); }\n`],
    ["report/x.ts", `export const x = 1;\n`],
  ]);
  expect(checkCore(files).map((x) => x.kind)).toEqual(["upward"]);
});
