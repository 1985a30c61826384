// The small workbook-level parts: the sheet list (xl/workbook.xml and its relationships), the shared
// strings and the number format of each cell style.
import { parseXml } from "./read-xml";

export interface SheetEntry {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Zip path of the worksheet part, e.g. xl/worksheets/sheet1.xml; null when not found or not a worksheet. */
  path: string | null;
}

export interface WorkbookParts {
  /** Sheets in tab order, as xl/workbook.xml lists them. */
  sheets: SheetEntry[];
  date1904: boolean;
  /** Zip paths of the shared strings and styles parts (null when the workbook has none). */
  sharedStrings: string | null;
  styles: string | null;
}

/** Resolves a relationship target of xl/workbook.xml: absolute ("/xl/...") or relative to xl/. */
export function partPath(target: string): string {
  const parts = target.startsWith("/") ? [] : ["xl"];
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p && p !== ".") parts.push(p);
  }
  return parts.join("/");
}

const isType = (type: string, kind: string) => type.endsWith(`/${kind}`);

/** Parses xl/workbook.xml and xl/_rels/workbook.xml.rels (rels may be absent: no sheet then has a part). */
export function workbookParts(workbookXml: string, relsXml: string | null): WorkbookParts {
  const rels = new Map<string, { type: string; path: string }>();
  if (relsXml !== null)
    parseXml(relsXml, "xl/_rels/workbook.xml.rels", {
      open(name, a) {
        if (name !== "Relationship" || !a.Id || !a.Target || a.TargetMode === "External") return;
        rels.set(a.Id, { type: a.Type ?? "", path: partPath(a.Target) });
      },
    });
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXml(workbookXml, "xl/workbook.xml", {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (name !== "sheet") return;
      // The relationship id is r:id, whatever prefix the writer bound to the relationships namespace.
      const idKey = Object.keys(a).find((k) => k.endsWith(":id"));
      const rel = idKey ? rels.get(a[idKey]) : undefined;
      const st = a.state;
      sheets.push({
        name: a.name ?? "",
        state: st === "hidden" || st === "veryHidden" ? st : "visible",
        path: rel && (rel.type === "" || isType(rel.type, "worksheet")) ? rel.path : null,
      });
    },
  });
  const find = (kind: string, fallback: string) =>
    [...rels.values()].find((r) => isType(r.type, kind))?.path ?? (relsXml === null ? fallback : null);
  return {
    sheets,
    date1904,
    sharedStrings: find("sharedStrings", "xl/sharedStrings.xml"),
    styles: find("styles", "xl/styles.xml"),
  };
}

/** Excel escapes characters XML cannot hold as _xHHHH_ (ST_Xstring); "_x005F_" escapes the underscore. */
export function unescapeXstring(s: string): string {
  return s.indexOf("_x") < 0
    ? s
    : s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * The shared string table: each <si> is its plain <t> or the concatenation of its rich-text runs'
 * <t>; phonetic guides (<rPh>, furigana/pinyin shown above the text) are not part of the value.
 */
export function sharedStrings(xml: string, part: string): string[] {
  const out: string[] = [];
  let si = "";
  let t = "";
  let inT = false;
  let phonetic = 0;
  parseXml(xml, part, {
    open(name) {
      if (name === "si") si = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) {
        inT = true;
        t = "";
      }
    },
    text(s) {
      if (inT) t += s;
    },
    close(name) {
      if (name === "t" && inT) {
        inT = false;
        si += unescapeXstring(t);
      } else if (name === "rPh") phonetic--;
      else if (name === "si") out.push(si);
    },
  });
  return out;
}

/** Built-in number formats the reader cares about: the percent ones (ECMA-376 18.8.30). */
const BUILTIN_FORMATS: Record<string, string> = { "9": "0%", "10": "0.00%" };

/** The number format code of each cell style (cellXfs index), undefined for General or unknown ids. */
export function cellFormats(xml: string, part: string): (string | undefined)[] {
  const custom = new Map<string, string>();
  const ids: string[] = [];
  let inCellXfs = false;
  parseXml(xml, part, {
    open(name, a) {
      // Backslash-escaped literals read as the character (0.0\% -> 0.0%), as ExcelJS gave them to the core.
      if (name === "numFmt" && a.numFmtId !== undefined)
        custom.set(a.numFmtId, (a.formatCode ?? "").replace(/\\(.)/g, "$1"));
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) ids.push(a.numFmtId ?? "0");
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return ids.map((id) => custom.get(id) ?? BUILTIN_FORMATS[id]);
}

/**
 * dcterms:modified of docProps/core.xml as ISO (UTC), or undefined when absent or not a date-time. Excel
 * sets it on every save; copying or e-mailing the file leaves it alone.
 */
export function savedTime(coreXml: string): string | undefined {
  let inModified = false;
  let text = "";
  parseXml(coreXml, "docProps/core.xml", {
    open(name) {
      inModified = name === "modified";
    },
    text(t) {
      if (inModified && text.length < 64) text += t;
    },
    close() {
      inModified = false;
    },
  });
  const t = text.trim();
  // W3CDTF: a date with a time and a zone; a bare date or a time without a zone is not trusted.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
