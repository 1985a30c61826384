// Tells the pane when the workbook's data changes, so a self-check result on screen is marked stale
// instead of linking to cells that no longer hold what was checked. ExcelApi 1.9 has one event for all
// sheets; from 1.7 each sheet has its own (sheets added later are then not watched); sheets added or
// deleted (1.7) count as changes too. Hosts without events (or a fake) get a no-op: the pane still works.
import { excelApi } from "./support";
import { runExcel } from "./errors";

import type { StopWatching } from "../host/types";

export type { StopWatching };

type Handlers = OfficeExtension.EventHandlers<unknown>;

function hasEvents(
  x: unknown,
): x is { add(h: () => Promise<void>): OfficeExtension.EventHandlerResult<unknown> } {
  return typeof x === "object" && x !== null && typeof (x as { add?: unknown }).add === "function";
}

/** Calls `onChange` after each data change, sheet added or sheet deleted. Two syncs at most. */
export async function watchChanges(onChange: () => void): Promise<StopWatching> {
  if (!excelApi("1.7")) return async () => undefined;
  const handler = async () => onChange();
  const results = await runExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    const sources: unknown[] = [sheets.onAdded, sheets.onDeleted];
    if (excelApi("1.9")) sources.push(sheets.onChanged);
    else {
      sheets.load("items/name");
      await context.sync();
      for (const ws of sheets.items) sources.push(ws.onChanged);
    }
    const added = sources.filter(hasEvents).map((s) => (s as Handlers).add(handler));
    if (added.length) await context.sync();
    return added;
  });
  return async () => {
    if (!results.length) return;
    // Handlers belong to the context they were added in: remove() queues there, and that context syncs.
    for (const r of results) r.remove();
    try {
      await results[0].context.sync();
    } catch {
      // The pane is closing or the workbook went away: nothing is left to stop.
    }
  };
}
