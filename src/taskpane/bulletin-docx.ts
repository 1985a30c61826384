// The pane's .docx download and previous-bulletin comparison, loaded on demand
// (`await import("./bulletin-docx")`) so the docx package and the file reader stay out of the pane's
// first chunk. The pane passes the round it has just aggregated and, when the user picked one, the
// bytes of the previous round's bulletin workbook.
import type { Plan } from "../core/plan/types";
import { bulletinDocument } from "../core/report/document";
import { compareRounds, figuresOf, readFigures, type Comparison } from "../core/report/previous";
import type { RoundResult } from "../core/report/round-result";
import type { BulletinOptions } from "../core/report/text";
import { writeBulletinDocx } from "../docx/bulletin-docx";
import { readWorkbook } from "../xlsx/read";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** 较上期 against a previous bulletin picked by the user; the reason in Chinese when it has no figures. */
export async function compareWithPrevious(
  bytes: Uint8Array,
  fileName: string,
  result: RoundResult,
  plan: Plan,
): Promise<{ comparison: Comparison | null; reason: string }> {
  const snapshot = await readWorkbook(bytes, { name: fileName });
  const { figures, reason } = readFigures(snapshot);
  return figures
    ? { comparison: compareRounds(figuresOf(result, plan), figures), reason: "" }
    : { comparison: null, reason };
}

/** The .docx of the bulletin, ready for `saveFile(name, bytes, DOCX_MIME)`. */
export async function bulletinDocxBytes(
  result: RoundResult,
  plan: Plan,
  opts: BulletinOptions,
): Promise<Uint8Array> {
  return writeBulletinDocx(bulletinDocument(result, plan, opts));
}
