// Before any part is parsed: is the file an .xlsx at all (not empty, not an encrypted or legacy OLE file),
// and is it safe to unpack (no zip bomb, no runaway sheet)? Every entry is inflated once as a stream and
// abandoned as soon as a bound is passed, so a lying zip directory cannot get past the caps either. The
// parts the reader needs are kept as text from that one inflation: nothing is inflated twice.
import JSZip from "jszip";
import type { ReadLimits } from "../../../../src/xlsx/limits";
import { WorkbookReadError } from "../../../../src/xlsx/read-error";
import { sniff } from "../../../../src/xlsx/read-sniff";
import { workbookParts, type WorkbookParts } from "./read-parts";

export type { SheetEntry } from "./read-parts";
export const CORE_PROPS = "docProps/core.xml";

export interface GuardResult extends WorkbookParts {
  /** Text of the parts the reader parses (workbook, its rels, worksheets, shared strings, styles) by zip path. */
  parts: Map<string, string>;
}

interface CompressedInfo {
  compressedSize?: number;
  uncompressedSize?: number;
}
type Streamable = JSZip.JSZipObject & {
  _data?: CompressedInfo;
  internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
};

/** Decodes an entry chunk by chunk, keeping the text. */
class TextSink {
  protected readonly pieces: string[] = [];
  private readonly decoder = new TextDecoder("utf-8");
  protected decode(chunk: Uint8Array | null): string {
    const s = chunk ? this.decoder.decode(chunk, { stream: true }) : this.decoder.decode();
    this.pieces.push(s);
    return s;
  }
  push(chunk: Uint8Array | null): void {
    this.decode(chunk);
  }
  text(): string {
    return this.pieces.join("");
  }
}

/** Counts row and cell elements of a worksheet across chunk boundaries (and keeps its text). */
class SheetCounter extends TextSink {
  rows = 0;
  cells = 0;
  private carry = "";
  override push(chunk: Uint8Array | null): void {
    let t = this.carry + this.decode(chunk);
    let cut = t.lastIndexOf("<");
    if (chunk === null || cut < 0 || t.length - cut > 32) cut = t.length;
    this.carry = t.slice(cut);
    t = t.slice(0, cut);
    this.rows += (t.match(/<(?:\w+:)?row[\s/>]/g) ?? []).length;
    this.cells += (t.match(/<(?:\w+:)?c[\s/>]/g) ?? []).length;
  }
}

/** Inflates one entry as a stream, calling `check` after each chunk; stops at the first refusal. */
function inflate(file: Streamable, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const helper = file.internalStream("uint8array");
    let done = false;
    const fail = (e: unknown) => {
      if (done) return;
      done = true;
      helper.pause();
      reject(e);
    };
    helper
      .on("data", (chunk) => {
        if (done) return;
        try {
          onChunk(chunk);
        } catch (e) {
          fail(e);
        }
      })
      .on("error", (e) =>
        fail(
          e instanceof WorkbookReadError ? e : new WorkbookReadError("file.corrupt", { detail: e.message }),
        ),
      )
      .on("end", () => {
        if (!done) {
          done = true;
          resolve();
        }
      })
      .resume();
  });
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * Throws WorkbookReadError when the bytes are not a safe .xlsx; else the sheet list and the text of the
 * parts to parse.
 */
export async function guardWorkbook(bytes: Uint8Array, limits: ReadLimits): Promise<GuardResult> {
  sniff(bytes);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new WorkbookReadError("file.corrupt", { detail: (e as Error).message });
  }
  const files = Object.values(zip.files).filter((f) => !f.dir) as Streamable[];
  let declared = 0;
  for (const f of files) {
    const d = f._data ?? {};
    const u = d.uncompressedSize ?? 0;
    declared += u;
    if (declared > limits.maxTotalBytes)
      throw new WorkbookReadError("file.too_large", { detail: `解压后超过 ${mb(limits.maxTotalBytes)}` });
    if (u >= limits.ratioCheckFrom && u / Math.max(1, d.compressedSize ?? 0) > limits.maxRatio)
      throw new WorkbookReadError("file.too_large", { detail: `${f.name} 压缩比超过 ${limits.maxRatio}:1` });
  }
  const byPath = new Map(files.map((f) => [f.name.replace(/^\//, ""), f]));
  const parts = new Map<string, string>();
  let total = 0;
  /** Inflates one entry under the caps; keeps its text when a sink is given. */
  const take = async (f: Streamable, sink: TextSink | null, sheetName?: string) => {
    const compressed = Math.max(1, f._data?.compressedSize ?? 0);
    const counter = sink instanceof SheetCounter ? sink : null;
    let size = 0;
    const tooMany = () =>
      new WorkbookReadError("file.too_many_rows", {
        sheet: sheetName,
        max: `${limits.maxRows} 行或 ${limits.maxCells} 个单元格`,
      });
    await inflate(f, (chunk) => {
      size += chunk.length;
      total += chunk.length;
      if (total > limits.maxTotalBytes)
        throw new WorkbookReadError("file.too_large", { detail: `解压后超过 ${mb(limits.maxTotalBytes)}` });
      if (size >= limits.ratioCheckFrom && size / compressed > limits.maxRatio)
        throw new WorkbookReadError("file.too_large", {
          detail: `${f.name} 压缩比超过 ${limits.maxRatio}:1`,
        });
      if (sink) {
        sink.push(chunk);
        if (counter && (counter.rows > limits.maxRows || counter.cells > limits.maxCells)) throw tooMany();
      }
    });
    if (sink) {
      sink.push(null);
      if (counter && (counter.rows > limits.maxRows || counter.cells > limits.maxCells)) throw tooMany();
      parts.set(f.name.replace(/^\//, ""), sink.text());
    }
  };

  const wbFile = byPath.get("xl/workbook.xml");
  if (!wbFile)
    throw new WorkbookReadError("file.not_workbook", { detail: "压缩包中没有工作簿(xl/workbook.xml)" });
  const relsFile = byPath.get("xl/_rels/workbook.xml.rels");
  await take(wbFile, new TextSink());
  if (relsFile) await take(relsFile, new TextSink());
  const wb = workbookParts(
    parts.get("xl/workbook.xml")!,
    relsFile ? parts.get("xl/_rels/workbook.xml.rels")! : null,
  );
  const sheetByPath = new Map(wb.sheets.filter((s) => s.path).map((s) => [s.path!, s.name]));
  // docProps/core.xml: the workbook's own saved time (dcterms:modified), which copying does not change.
  const keep = new Set([wb.sharedStrings, wb.styles, CORE_PROPS].filter((p): p is string => p !== null));

  for (const f of files) {
    if (f === wbFile || f === relsFile) continue;
    const path = f.name.replace(/^\//, "");
    const sheetName = sheetByPath.get(path);
    await take(
      f,
      sheetName !== undefined ? new SheetCounter() : keep.has(path) ? new TextSink() : null,
      sheetName,
    );
  }
  return { ...wb, parts };
}
