// Issue 25 item 2: the core and the adapters take the plan's forms; none of them reaches for a built-in
// form version (FORM_V1/V2/V3, the old FORMS/CURRENT_FORM) itself. Only the built-in plans' own data
// (src/core/plans, the built-in plan module and the forms themselves) name them; the JSON loader's
// translation takes the built-in plan's forms from the plan, not from a form module.
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const SCANNED = [
  "src/core",
  "src/excel",
  "src/host",
  "src/files",
  "src/taskpane",
  "src/cli",
  "src/page",
  "src/worker",
];
/** Where the built-in plans' data lives: the only places allowed to name a built-in form. */
const ALLOWED = [
  /^src\/core\/plans\//,
  /^src\/core\/plan\/default-plan\.ts$/,
  /^src\/core\/form\/v[0-9]+\.ts$/,
];
const BUILT_IN = /\b(FORM_V\d+|CURRENT_FORM|FORMS)\b|from "[./]*core\/form\/v\d+"|from "\.\/v\d+"/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** Lines of `text` naming a built-in form, as "file:line: text". */
export function builtInFormUses(rel: string, text: string): string[] {
  if (ALLOWED.some((a) => a.test(rel))) return [];
  return text.split("\n").flatMap((l, i) => (BUILT_IN.test(l) ? [`${rel}:${i + 1}: ${l.trim()}`] : []));
}

test("no module of the core or the adapters names a built-in form outside the built-in plans", () => {
  const found = SCANNED.flatMap((d) =>
    files(path.join(ROOT, d)).flatMap((f) =>
      builtInFormUses(path.relative(ROOT, f).split(path.sep).join("/"), readFileSync(f, "utf8")),
    ),
  );
  expect(found).toEqual([]);
});

test("the scan sees a planted default (it can fail)", () => {
  const planted = 'import { FORM_V1 } from "../core/form/v1";\nconst f = form ?? FORM_V1;';
  expect(builtInFormUses("src/excel/planted.ts", planted)).toHaveLength(2);
  expect(builtInFormUses("src/core/plans/planted.ts", planted)).toEqual([]);
});
