// TEST ORACLE: the guard of the htmlparser2 reader (now tests/xlsx/read/legacy/read-guard.ts) as it was
// before the direct reader (see exceljs-oracle.ts).
// Before ExcelJS sees a file: is it an .xlsx at all (not empty, not an encrypted or legacy OLE file),
// and is it safe to unpack (no zip bomb, no runaway sheet)? Every entry is inflated once as a stream and
// abandoned as soon as a bound is passed, so a lying zip directory cannot get past the caps either.
import JSZip from "jszip";
import type { ReadLimits } from "../../../src/xlsx/limits";
import { WorkbookReadError } from "../../../src/xlsx/read-error";
// The file-type sniff is the product's own (src/xlsx/read-sniff.ts): the oracle checks what is read, not
// what is refused before reading.
import { sniff } from "../../../src/xlsx/read-sniff";

export interface SheetEntry {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Zip path of the worksheet part, e.g. xl/worksheets/sheet1.xml; null when not found. */
  path: string | null;
}

export interface GuardResult {
  zip: JSZip;
  /** Sheets in tab order, as xl/workbook.xml lists them. */
  sheets: SheetEntry[];
  date1904: boolean;
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e]!;
  });
}

function attributes(tag: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    m.set(a[1], decodeXml(a[2] ?? a[3] ?? ""));
  return m;
}

/** Resolves a relationship target against xl/. */
function partPath(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p && p !== ".") parts.push(p);
  }
  return parts.join("/");
}

async function text(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path);
  return f ? f.async("string") : null;
}

async function sheetEntries(zip: JSZip): Promise<{ sheets: SheetEntry[]; date1904: boolean }> {
  const wb = await text(zip, "xl/workbook.xml");
  if (wb === null)
    throw new WorkbookReadError("file.not_workbook", { detail: "压缩包中没有工作簿(xl/workbook.xml)" });
  const rels = (await text(zip, "xl/_rels/workbook.xml.rels")) ?? "";
  const targets = new Map<string, string>();
  for (const r of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(r[0]);
    if (a.get("Id") && a.get("Target")) targets.set(a.get("Id")!, partPath(a.get("Target")!));
  }
  const sheets: SheetEntry[] = [];
  for (const s of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(s[0]);
    const rid = [...a.entries()].find(([k]) => /:id$/.test(k))?.[1];
    const st = a.get("state");
    sheets.push({
      name: a.get("name") ?? "",
      state: st === "hidden" || st === "veryHidden" ? st : "visible",
      path: rid ? (targets.get(rid) ?? null) : null,
    });
  }
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(wb);
  const d1904 = pr ? attributes(pr[0]).get("date1904") : undefined;
  return { sheets, date1904: d1904 === "1" || d1904 === "true" };
}

interface CompressedInfo {
  compressedSize?: number;
  uncompressedSize?: number;
}
type Streamable = JSZip.JSZipObject & {
  _data?: CompressedInfo;
  internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
};

/** Counts row and cell elements of a worksheet across chunk boundaries. */
class SheetCounter {
  rows = 0;
  cells = 0;
  private carry = "";
  private readonly decoder = new TextDecoder("utf-8");
  push(chunk: Uint8Array | null): void {
    let t = this.carry + (chunk ? this.decoder.decode(chunk, { stream: true }) : this.decoder.decode());
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

/** Throws WorkbookReadError when the bytes are not a safe .xlsx; else the opened zip and the sheet list. */
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
  const { sheets, date1904 } = await sheetEntries(zip);
  const sheetByPath = new Map(sheets.filter((s) => s.path).map((s) => [s.path!, s.name]));

  let total = 0;
  for (const f of files) {
    const compressed = Math.max(1, f._data?.compressedSize ?? 0);
    const sheetName = sheetByPath.get(f.name.replace(/^\//, ""));
    const counter = sheetName === undefined ? null : new SheetCounter();
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
      if (counter) {
        counter.push(chunk);
        if (counter.rows > limits.maxRows || counter.cells > limits.maxCells) throw tooMany();
      }
    });
    if (counter) {
      counter.push(null);
      if (counter.rows > limits.maxRows || counter.cells > limits.maxCells) throw tooMany();
    }
  }
  return { zip, sheets, date1904 };
}
