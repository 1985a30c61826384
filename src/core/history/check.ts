// History checks of one return (issue 26): each firm's row against its own row of last round, by the
// form's expression rules, and the firms of last round missing now. Warnings only: a row is never
// rejected for them; the clerk explains each in the row's 说明 (a firm missing now: in the 区域指标
// sheet's exit explanation), and an explained warning is not listed for the bureau.
import { address } from "../a1";
import type { FieldDef, FormDef } from "../form/types";
import type { Issue } from "../issues";
import type { Plan } from "../plan/types";
import { textOf } from "../prefill/cell";
import { makeIssue } from "../read/issue";
import type { ReturnResult } from "../read/types";
import { compiledRules, type CompiledRule } from "./rules";
import type { PreviousRound } from "./previous";

/** Key of the enterprise field a clerk explains a warning in (说明), and of the 区域指标 cell for firms gone. */
export const EXPLANATION_FIELD = "explanation";
export const EXIT_NOTE_CELL = "exit_note";

export const usccKey = (s: unknown) => (typeof s === "string" ? s.trim().toUpperCase() : "");

type Rec = Record<string, unknown>;

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  "<=": (a, b) => a <= b + 1e-9 * Math.abs(b),
  ">=": (a, b) => a >= b - 1e-9 * Math.abs(b),
  "<": (a, b) => a < b,
  ">": (a, b) => a > b,
  "=": (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)),
  "<>": (a, b) => Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b)),
};

function violates(c: CompiledRule, e: Rec, rt: { periodYear: number; startYear: number; prev: Rec | null }) {
  if (c.when && c.when.fn(e, rt) !== true) return false;
  if (c.rule.op === "holds") return c.left.fn(e, rt) !== true;
  const l = c.left.fn(e, rt);
  const r = c.right!.fn(e, rt);
  if (typeof l !== "number" || typeof r !== "number") return false;
  return !COMPARE[c.rule.op](l, r);
}

const shownText = (f: FieldDef | undefined, v: unknown) => {
  if (!f) return "";
  const t = textOf(f, typeof v === "number" ? Number(v.toPrecision(12)) : v);
  return t === "" ? "空白" : t;
};

export interface HistoryContext {
  plan: Plan;
  form: FormDef;
  periodYear: number;
}

/** The row's 说明, trimmed; null when blank or the form has no such field. */
export function explanationOf(e: Rec): string | null {
  const v = e[EXPLANATION_FIELD];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

/** The history warnings of a readable return; [] for a rejected one. `prev` null: rules without prev() only. */
export function historyIssues(r: ReturnResult, prev: PreviousRound | null, ctx: HistoryContext): Issue[] {
  if (r.rejected) return [];
  const { form, plan } = ctx;
  const t = form.enterprises;
  const rules = compiledRules(plan, form).filter((c) => prev || !c.usesPrev);
  const col = new Map(t.fields.map((f, i) => [f.key, i]));
  const fieldOf = new Map(t.fields.map((f) => [f.key, f]));
  const prevBy = new Map<string, Rec>();
  for (const p of prev?.enterprises ?? []) {
    const k = usccKey(p.uscc);
    if (k && !prevBy.has(k)) prevBy.set(k, p);
  }
  const startYear = Number(plan.start.slice(0, 4));
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (const e of r.enterprises as unknown as Rec[]) {
    const k = usccKey(e.uscc);
    seen.add(k);
    const p = prevBy.get(k) ?? null;
    const rt = { periodYear: ctx.periodYear, startYear, prev: p };
    for (const c of rules) {
      if (c.usesPrev && !p) continue;
      if (!violates(c, e, rt)) continue;
      const subject = c.subject !== null && col.has(c.subject) ? c.subject : "name";
      const f = fieldOf.get(subject);
      const now = shownText(f, e[subject]);
      const before = p ? shownText(f, p[subject]) : null;
      out.push({
        ...makeIssue(c.rule.code as Issue["code"], {
          sheet: t.name,
          cell: address((e.row as number) - 1, col.get(subject) ?? 0),
          field: subject,
          value: now,
          severity: "warning",
          args: {
            ruleText: c.rule.message,
            detail: `${f?.header ?? subject} 本期 ${now}${before !== null ? `，上期 ${before}` : ""}`,
          },
        }),
        previous: before,
        explanation: explanationOf(e),
      });
    }
  }
  if (prev) {
    const exitCell = form.region.cells.find((c) => c.key === EXIT_NOTE_CELL);
    const note = r.region ? (r.region as unknown as Rec)[EXIT_NOTE_CELL] : null;
    const explanation = typeof note === "string" && note.trim() !== "" ? note.trim() : null;
    for (const [k, p] of prevBy) {
      if (seen.has(k)) continue;
      out.push({
        ...makeIssue("history.firm_missing", {
          sheet: exitCell ? form.region.name : t.name,
          cell: exitCell ? `B${exitCell.row}` : null,
          field: "uscc",
          value: typeof p.name === "string" ? p.name : k,
          label: exitCell?.header,
          args: { detail: `统一社会信用代码 ${k}` },
        }),
        previous: typeof p.name === "string" ? p.name : k,
        explanation,
      });
    }
  }
  return out;
}

/** A return with its history warnings replaced by those against `prev` (the other warnings kept). */
export function withHistory(r: ReturnResult, prev: PreviousRound | null, ctx: HistoryContext): ReturnResult {
  const kept = r.warnings.filter((w) => w.previous === undefined);
  return { ...r, warnings: [...kept, ...historyIssues(r, prev, ctx)], previous: prev ?? r.previous ?? null };
}
