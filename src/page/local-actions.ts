// The file actions run on the page itself, for a browser that would not start the page's worker: each call
// first yields to the page (a paint, the progress bar, input), and reading many returns yields between files;
// a single call (汇总 of a large round) still blocks while it runs, which the page says (PAGE_TEXT.noWorker).
import type { Plan } from "../core/plan/types";
import type { RoundResult } from "../core/report/round-result";
import { createFileActions, type FileActions } from "../files/actions";

const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

export function localFileActions(plan: Plan): FileActions {
  const a = createFileActions(plan);
  let round: RoundResult | null = null;
  const aggregate = a.aggregate;
  a.aggregate = async (req) => {
    const o = await aggregate(req);
    round = o.round;
    return o;
  };
  a.bulletinDocx = async (options) => {
    if (!round) throw new Error("请先汇总");
    const { bulletinDocxBytes } = await import("../taskpane/bulletin-docx");
    return bulletinDocxBytes(round, plan, options);
  };
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(a)) {
    if (typeof v !== "function" || k === "support") continue;
    out[k] = async (...args: unknown[]) => {
      await yieldToPage();
      return (v as (...x: unknown[]) => Promise<unknown>)(...args);
    };
  }
  return out as unknown as FileActions;
}
