// The workbook-level parts, read with the byte scanner: the sheet list (xl/workbook.xml and its
// relationships), the shared strings, the number format of each cell style, and the workbook's own saved
// time (docProps/core.xml). Same results as the htmlparser2 reader kept as test oracle
// (tests/xlsx/read/legacy/).
import { shown } from "../core/catalogue";
import type { ReadLimits } from "./limits";
import { WorkbookReadError } from "./read-error";
import { CLOSE, END, OPEN, scanTags, TEXT, XmlScanner } from "./read-scan";

export interface SheetEntry {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Zip path of the worksheet part; null when not found or not a worksheet. */
  path: string | null;
}

export interface BookParts {
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

/** Resolves a relationship target of xl/workbook.xml: absolute ("/xl/...") or relative to xl/. */
export function partPath(target: string, base = "xl"): string {
  const parts = target.startsWith("/") ? [] : base ? base.split("/") : [];
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p && p !== ".") parts.push(p);
  }
  return parts.join("/");
}

/**
 * Excel escapes characters XML cannot hold as _xHHHH_ (ST_Xstring); "_x005F_" escapes the underscore. The
 * hex digits may be lower case ("_x000d_", as POI's tests expect): Excel reads them so.
 */
export function unescapeXstring(s: string): string {
  return s.indexOf("_x") < 0
    ? s
    : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const isType = (type: string, kind: string) => type.endsWith(`/${kind}`);

/**
 * Markup compatibility (ECMA-376 part 3): an mc:AlternateContent holds mc:Choice branches, each for readers
 * that understand the namespaces it Requires, and an mc:Fallback for the rest; a reader takes one branch.
 * This reader understands none of the extensions a Choice requires (Hancom's hs, Excel's x14...), so it
 * reads the Fallback and passes over every Choice: reading both made Hancom's styles.xml 36 cell formats
 * where it has 29, and shifted every style index after the first. Counts the Choice elements open.
 */
class SkipChoices {
  private open = 0;
  /** An element opened; true when it is inside a Choice (not to be read). */
  opened(name: string): boolean {
    if (name === "Choice") this.open++;
    return this.open > 0;
  }
  /** An element closed; true when it was inside a Choice. */
  closed(name: string): boolean {
    const inside = this.open > 0;
    if (name === "Choice") this.open--;
    return inside;
  }
}

export function bookParts(
  workbookXml: Uint8Array,
  relsXml: Uint8Array | null,
  limits: ReadLimits,
): BookParts {
  const rels = new Map<string, { type: string; path: string }>();
  if (relsXml !== null)
    scanTags(relsXml, "xl/_rels/workbook.xml.rels", limits.maxDepth, (s) => {
      if (s.name !== "Relationship") return;
      const a = s.attrs();
      if (!a.Id || !a.Target || a.TargetMode === "External") return;
      rels.set(a.Id, { type: a.Type ?? "", path: partPath(a.Target) });
    });
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanTags(workbookXml, "xl/workbook.xml", limits.maxDepth, (s) => {
    if (s.name === "workbookPr") {
      const d = s.attr("date1904");
      date1904 = d === "1" || d === "true";
    }
    if (s.name !== "sheet") return;
    const a = s.attrs();
    if (sheets.length >= limits.maxSheets)
      throw new WorkbookReadError("file.over_limit", {
        label: "工作表个数",
        max: `${limits.maxSheets} 个`,
        detail: `xl/workbook.xml 列出的第 ${sheets.length + 1} 个工作表\u201c${shown(a.name ?? "")}\u201d超出`,
      });
    const idKey = Object.keys(a).find((k) => k.endsWith(":id"));
    const rel = idKey ? rels.get(a[idKey]) : undefined;
    const st = a.state;
    sheets.push({
      name: a.name ?? "",
      state: st === "hidden" || st === "veryHidden" ? st : "visible",
      path: rel && (rel.type === "" || isType(rel.type, "worksheet")) ? rel.path : null,
    });
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

/** Each <si>: its <t> or its rich-text runs' <t> joined; phonetic guides (<rPh>) are not part of it. */
export function readSharedStrings(xml: Uint8Array, part: string, limits: ReadLimits): string[] {
  const out: string[] = [];
  const s = new XmlScanner(xml, part, limits.maxDepth);
  let si = "";
  let t = "";
  let inT = false;
  let phonetic = 0;
  const choices = new SkipChoices();
  for (let tok = s.next(); tok !== END; tok = s.next()) {
    if (tok === TEXT) {
      if (inT) t += s.text();
    } else if (tok === OPEN) {
      const name = s.name;
      if (choices.opened(name)) continue;
      if (name === "si") si = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) {
        inT = true;
        t = "";
      }
    } else if (tok === CLOSE) {
      const name = s.name;
      if (choices.closed(name)) continue;
      if (name === "t" && inT) {
        inT = false;
        si += unescapeXstring(t);
        if (si.length > limits.maxTextLength)
          throw s.fail(`第 ${out.length + 1} 个共享字符串超过 ${limits.maxTextLength} 个字符`);
      } else if (name === "rPh") phonetic--;
      else if (name === "si") out.push(si);
    }
  }
  return out;
}

const BUILTIN_FORMATS: Record<string, string> = { "9": "0%", "10": "0.00%" };

/** The number format code of each cell style (cellXfs index), undefined for General or unknown ids. */
export function readCellFormats(xml: Uint8Array, part: string, limits: ReadLimits): (string | undefined)[] {
  const custom = new Map<string, string>();
  const ids: string[] = [];
  let inCellXfs = false;
  const choices = new SkipChoices();
  scanTags(
    xml,
    part,
    limits.maxDepth,
    (s) => {
      const name = s.name;
      if (choices.opened(name)) return;
      if (name === "numFmt") {
        const id = s.attr("numFmtId");
        if (id !== undefined) custom.set(id, (s.attr("formatCode") ?? "").replace(/\\(.)/g, "$1"));
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) ids.push(s.attr("numFmtId") ?? "0");
    },
    (s) => {
      if (!choices.closed(s.name) && s.name === "cellXfs") inCellXfs = false;
    },
  );
  return ids.map((id) => custom.get(id) ?? BUILTIN_FORMATS[id]);
}

/** The package's core-properties part from _rels/.rels, else the usual path. */
export function corePropsPath(rootRels: Uint8Array | undefined, limits: ReadLimits): string {
  let path = "docProps/core.xml";
  if (rootRels)
    try {
      scanTags(rootRels, "_rels/.rels", limits.maxDepth, (s) => {
        if (s.name !== "Relationship") return;
        const type = s.attr("Type") ?? "";
        const target = s.attr("Target");
        if (target && type.endsWith("/core-properties")) path = partPath(target, "");
      });
    } catch {
      // The root relationships only point at the properties; a bad one is no reason to refuse the data.
    }
  return path;
}

/** docProps/core.xml dcterms:modified as ISO 8601 (UTC), or undefined when absent or not a date. */
export function readSavedAt(xml: Uint8Array, limits: ReadLimits): string | undefined {
  let text: string | undefined;
  try {
    const s = new XmlScanner(xml, "docProps/core.xml", limits.maxDepth);
    let inModified = false;
    for (let tok = s.next(); tok !== END; tok = s.next()) {
      if (tok === OPEN && s.name === "modified") ((inModified = true), (text = ""));
      else if (tok === CLOSE && s.name === "modified") inModified = false;
      else if (tok === TEXT && inModified && text !== undefined && text.length < 100) text += s.text();
    }
  } catch {
    return undefined; // the saved time is a hint for scoring, never a reason to refuse the return
  }
  const t = text?.trim();
  // W3CDTF: a date with a time and a zone. A bare date or a time without a zone is not trusted: Date.parse
  // would read the latter in the local time zone of whatever machine reads the return. (The text is at
  // most ~100 characters, so the regex runs on no cell text.)
  if (!t || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
