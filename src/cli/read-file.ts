// One return file -> ReturnResult. An unreadable file becomes a rejected return with one whole-file
// error, never a crash; its modification time is the submission time.
import { readFileSync, statSync } from "fs";
import * as path from "path";
import type { IssueCode } from "../core/form/messages";
import type { Plan } from "../core/plan/types";
import { readReturn } from "../core/read/read-return";
import type { ReturnResult } from "../core/read/types";
import { unreadableReturn } from "../core/read/unreadable";
import { readWorkbook } from "../xlsx/read";

export async function readReturnFile(file: string, plan: Plan): Promise<ReturnResult> {
  const name = path.basename(file);
  let bytes: Uint8Array;
  let modified: string | null = null;
  try {
    modified = statSync(file).mtime.toISOString();
    bytes = readFileSync(file);
  } catch (e) {
    return unreadableReturn(name, "file.unreadable", {
      message: `${name}：无法读取文件(${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      args: { detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message },
      modified,
    });
  }
  try {
    const snapshot = await readWorkbook(bytes, { name, modified: modified ?? undefined });
    // Today in China time bounds the 填报日期 of a version-2 return.
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
    return readReturn(snapshot, { plan, file: name, modified, today });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return unreadableReturn(
      name,
      (typeof code === "string" && code.startsWith("file.") ? code : "file.corrupt") as IssueCode,
      { message: `${name}：${(e as Error).message}`, modified },
    );
  }
}
