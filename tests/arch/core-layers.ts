// The layering of src/core as data (issue 25 item 6): each top-level module of the core belongs to one
// layer, and a module may import only from its own layer or a lower one; no file may reach itself through
// its imports (no circle). `import type` counts: a type is as much a dependency as a value.
// Checked by tests/arch/layers.test.ts in `npm test`, so the rule is kept by the build, not by hand.
import * as path from "path";
import * as ts from "typescript";

/** Lowest first. A name is a folder of src/core or a file at its top (without .ts). */
export const CORE_LAYERS: readonly (readonly string[])[] = [
  // cell addresses, dates, the snapshot of a workbook, sheet descriptions, the issue catalogue
  ["a1", "china-date", "snapshot", "sheet", "catalogue"],
  // the language and the definitions: expressions, forms (with the issue catalogue), plans, built-in plans
  ["expr", "form", "issues", "plan", "plans"],
  // reading what comes in: returns, plan workbooks, targets workbooks, reviews, diffs, prefill, and a
  // return against last round's (history rules, outliers: issue 26)
  ["read", "planbook", "targets", "review", "diff", "prefill", "history"],
  // computing: aggregation and scoring
  ["aggregate", "score"],
  // writing what goes out: the bulletin, the roster check, the demo
  ["roster", "report", "demo"],
];

export interface Violation {
  kind: "upward" | "circle" | "unlisted";
  text: string;
}

/** The top-level module of a path relative to src/core ("report/text.ts" -> "report", "a1.ts" -> "a1"). */
export function moduleOf(rel: string): string {
  const first = rel.split("/")[0];
  return first.replace(/\.tsx?$/, "");
}

function layerOf(mod: string): number {
  return CORE_LAYERS.findIndex((l) => l.includes(mod));
}

/** Relative imports of a source text (static, type-only, re-exports and dynamic `import()`). */
export function importsOf(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((n) => n.startsWith("."));
}

/**
 * Every violation of the rule in a set of core files, keyed by path relative to src/core ("form/v1.ts").
 * An import that leaves src/core is not this rule's business (eslint keeps Office.js, Node and the DOM out).
 */
export function checkCore(files: ReadonlyMap<string, string>): Violation[] {
  const out: Violation[] = [];
  const graph = new Map<string, string[]>();
  const resolve = (from: string, spec: string): string | null => {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
    for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) if (files.has(c)) return c;
    return null;
  };
  for (const [rel, text] of files) {
    const mod = moduleOf(rel);
    if (layerOf(mod) < 0) out.push({ kind: "unlisted", text: `${rel}: 模块“${mod}”不在 CORE_LAYERS 中` });
    const targets: string[] = [];
    for (const spec of importsOf(text)) {
      const to = resolve(rel, spec);
      if (to === null) continue;
      targets.push(to);
      const a = layerOf(mod);
      const b = layerOf(moduleOf(to));
      if (a >= 0 && b > a) out.push({ kind: "upward", text: `${rel} -> ${to}: 第${a}层引用了第${b}层` });
    }
    graph.set(rel, targets);
  }
  // Circles: the strongly connected components (Tarjan) with more than one file, or a file importing itself.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v))
        out.push({ kind: "circle", text: `引用成环：${scc.sort().join(" , ")}` });
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}
