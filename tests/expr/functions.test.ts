// Each function of the expression language owns its type check and runtime in one module under
// src/core/expr/functions (DHIS2 gives each function its own class); the compiler only dispatches through
// the registry, and the README says how blank cells enter each indicator function.
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import { FUNCTIONS } from "../../src/core/expr/compile";
import { functionOf } from "../../src/core/expr/functions";

const root = path.resolve(__dirname, "../..");
const dir = path.join(root, "src/core/expr/functions");
const fileOf = (name: string) => name.replace(/_/g, "-") + ".ts";

test("every function is a module of its own, named for it, with its signature, check and runtime", () => {
  const files = new Set(readdirSync(dir));
  const names = Object.keys(FUNCTIONS);
  expect(names.length).toBeGreaterThanOrEqual(14);
  for (const name of names) {
    const f = FUNCTIONS[name];
    expect(f.name).toBe(name);
    expect(files).toContain(fileOf(name));
    expect(readFileSync(path.join(dir, fileOf(name)), "utf8")).toContain(`name: "${name}"`);
    expect(typeof f.compile).toBe("function");
    expect(f.usage.startsWith(`${name}(`)).toBe(true);
    // The usage shows as many arguments as the function takes (optional ones in brackets).
    const shown = f.usage.slice(name.length + 1, -1).replace(/\[|\]/g, "");
    const args = shown.trim() === "" ? 0 : shown.split(",").length;
    expect(args).toBe(f.params.length + (f.optional?.length ?? 0));
  }
  expect(functionOf("constructor")).toBeUndefined();
  expect(functionOf("toString")).toBeUndefined();
});

test("the compiler only dispatches: no function's name is a case of a switch in compile.ts", () => {
  const src = readFileSync(path.join(root, "src/core/expr/compile.ts"), "utf8");
  for (const name of Object.keys(FUNCTIONS)) expect(src).not.toContain(`case "${name}"`);
});

test("the README says how blank cells enter each indicator function", () => {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const at = readme.indexOf("**How blank cells enter each function**");
  expect(at).toBeGreaterThan(0);
  const section = readme.slice(at, readme.indexOf("\n\n", at));
  for (const f of Object.values(FUNCTIONS))
    if (f.context === "indicator") expect(section).toContain("`" + f.name + "(");
});
