// The pane's .docx download, loaded on demand (`await import("./bulletin-docx")`) so the docx package
// stays out of the pane's first chunk. The pane passes the round it has just aggregated and the options
// the bulletin workbook was written with (issue date, settings, 较上期 when a previous bulletin was
// picked: src/excel/round-core.ts reads it), so the document says what the sheet says.
import type { Plan } from "../core/plan/types";
import { bulletinDocument } from "../core/report/document";
import type { RoundResult } from "../core/report/round-result";
import type { BulletinOptions } from "../core/report/text";
import { writeBulletinDocx } from "../docx/bulletin-docx";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The .docx of the bulletin, ready for `saveFile(name, bytes, DOCX_MIME)`. */
export async function bulletinDocxBytes(
  result: RoundResult,
  plan: Plan,
  opts: BulletinOptions,
): Promise<Uint8Array> {
  return writeBulletinDocx(bulletinDocument(result, plan, opts));
}
