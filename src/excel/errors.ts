// Errors of the Office.js adapter, with a stable code the pane turns into a zh-CN message
// (src/taskpane/messages.ts): the adapter knows what went wrong, the pane how to say it.

import type { HostErrorCode } from "../host/types";

/** The host contract's error codes (src/host/types.ts), as this adapter throws them. */
export type ExcelErrorCode = HostErrorCode;

export class ExcelActionError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    readonly detail: string,
    readonly cause?: unknown,
  ) {
    super(`${code}: ${detail}`);
    this.name = "ExcelActionError";
  }
}

const HOST_CODES: Record<string, ExcelErrorCode> = {
  InvalidOperationInCellEditMode: "cellEditMode",
  RequestPayloadSizeLimitExceeded: "payloadTooLarge",
  ItemAlreadyExists: "sheetExists",
  AccessDenied: "protected",
  ApiNotFound: "unsupported",
  ItemNotFound: "notFound",
};

/** Office.js errors (OfficeExtension.Error) carry a `code`; anything else becomes "host". */
export function toActionError(e: unknown): ExcelActionError {
  if (e instanceof ExcelActionError) return e;
  const code =
    typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  const message = e instanceof Error ? e.message : String(e);
  return new ExcelActionError(HOST_CODES[code] ?? "host", message, e);
}

/** Excel.run with the adapter's error mapping, so a user typing in a cell gets a clear message. */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (e) {
    throw toActionError(e);
  }
}
