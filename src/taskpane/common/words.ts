// The pane speaks Chinese only: identifiers that reach a message from the plan or the form (a field key
// such as uscc, a tier key such as innovative, a population such as SRDI, the word expr) are shown as the
// names the plan gives them. An identifier the plan does not know (a typo in a plan workbook) is left as
// written: it is the user's own text, and where to find it.
import * as React from "react";
import { formsOf } from "../../core/form/versions";
import type { Plan } from "../../core/plan/types";

const FIXED: Record<string, string> = {
  expr: "表达式",
  uscc: "统一社会信用代码",
  filter: "筛选条件",
};

export type Words = ReadonlyMap<string, string>;

export function planWords(plan: Plan): Words {
  const out = new Map<string, string>(Object.entries(FIXED));
  for (const form of formsOf(plan))
    for (const sheet of [form.enterprises, form.platforms])
      for (const f of sheet.fields) if (!out.has(f.key)) out.set(f.key, f.header);
  for (const t of plan.tiers ?? []) out.set(t.key, t.names[t.names.length - 1]?.name ?? t.key);
  // Population names (SRDI, ALL) and indicator codes are left alone: upper-case words that a firm's name
  // quoted in a message may also contain.
  return out;
}

// ASCII identifiers between non-word characters (CJK is not a word character): one linear pass.
const IDENT = /\b[a-z][a-z0-9_]*\b/g;

/** The text with every identifier the plan names replaced by its name (capped: a message, not a file). */
export function inChinese(text: string, words: Words | null): string {
  if (!words || !words.size) return text;
  return text.slice(0, 4000).replace(IDENT, (w) => words.get(w) ?? w);
}

export const WordsContext = React.createContext<Words | null>(null);
