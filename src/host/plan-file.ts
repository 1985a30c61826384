// A plan workbook (规划配置.xlsx) picked in the pane or on the page, read by the same guarded reader as a
// return: the plan, or null and every problem located (a workbook with any error is refused whole). One
// function for both hosts and the workers; the caller passes the .xlsx reader (lazy, or the worker's own).
import type { PlanBookResult } from "../core/planbook/read-plan";
import { readPlanBook } from "../core/planbook/read-plan";
import type { ReturnBytes, WorkbookReader } from "../core/read/read-bytes";

export async function readPlanFile(file: ReturnBytes, reader: WorkbookReader): Promise<PlanBookResult> {
  let snapshot;
  try {
    snapshot = await reader(file.bytes, { name: file.name });
  } catch (e) {
    // The reader's refusal (not a workbook, too large, encrypted …) as the plan's one error.
    const message = e instanceof Error ? e.message : String(e);
    return {
      plan: null,
      issues: [
        {
          code: "plan.invalid",
          severity: "error",
          sheet: null,
          cell: null,
          field: null,
          column: null,
          value: null,
          scope: "file",
          message,
        },
      ],
    };
  }
  return readPlanBook(snapshot);
}
