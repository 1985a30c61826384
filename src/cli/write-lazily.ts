// ExcelJS is loaded on the first write, not at start-up: `srdi check` and `srdi aggregate --json` never
// write a workbook and start ~0.1 s sooner without it.
import type { WorkbookDescription } from "../core/sheet/types";

export async function writeWorkbookLazily(desc: WorkbookDescription): Promise<Uint8Array> {
  const { writeWorkbook } = await import("../xlsx/write");
  return writeWorkbook(desc);
}
