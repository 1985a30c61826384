// The streaming .xlsx writer: a WorkbookDescription written part by part into a zip that is itself
// streamed (fflate's Zip), rows as they are produced. Nothing holds the workbook's cells as objects
// (ExcelJS keeps every cell, about 1 KB each, and builds the whole zip in memory: 815 MB for the
// bulletin of 10 returns × 2,000 rows). Charts are written here directly (chart-xml.ts).
// Templates (data validation, notes, protection: stream-extras.ts) are streamed too; sheets with
// conditional formats (the targets workbook, a few dozen rows) are left to the ExcelJS writer: canStream
// says which descriptions this writer takes.
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { fitForPrint } from "../core/sheet/print-fit";
import type { SheetDescription, WorkbookDescription } from "../core/sheet/types";
import {
  anchorOf,
  chartXml,
  CT_CHART,
  CT_DRAWING,
  drawingXml,
  REL_CHART,
  REL_DRAWING,
  relsXml,
  xmlEscape,
} from "./chart-xml";
import { commentsXml, vmlXml } from "./stream-extras";
import { SharedStrings, sheetXml } from "./stream-sheet";
import { StyleTable } from "./stream-styles";

// ExcelJS's theme part (a string module), so font 0's theme colour means what it meant in ExcelJS's files.
const THEME: string = require("exceljs/lib/xlsx/xml/theme1.js");

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT = "application/vnd.openxmlformats-officedocument";

export function canStream(desc: WorkbookDescription): boolean {
  return desc.sheets.every((s) => !s.conditionalFormats?.length);
}

/** A raw DEFLATE compressor for one part: called with the part's chunks in order, `final` on the last. */
export type Deflater = () => (chunk: Uint8Array, final: boolean) => Uint8Array;

export interface StreamOptions {
  /** Default fflate's (pure JavaScript, works everywhere); the CLI passes Node's zlib. */
  deflate?: Deflater;
  /** Called as each sheet is written (progress). */
  onSheet?: (name: string) => void;
}

/** A zip entry compressed by `d`: fflate's pass-through entry (which keeps the CRC and size of the data
 * pushed) with its processing replaced, the extension point fflate documents for other compressors. */
function customEntry(name: string, d: ReturnType<Deflater>): ZipPassThrough {
  const f = new ZipPassThrough(name);
  f.compression = 8;
  (f as unknown as { process(chunk: Uint8Array, final: boolean): void }).process = (chunk, final) => {
    let out: Uint8Array;
    try {
      out = d(chunk, final);
    } catch (e) {
      f.ondata(Object.assign(e as Error, { code: 0 }), new Uint8Array(0), final);
      return;
    }
    f.ondata(null, out as Uint8Array<ArrayBuffer>, final);
  };
  return f;
}

/** Where the zip's bytes go, in order; `final` on the last chunk. */
export type Sink = (chunk: Uint8Array, final: boolean) => void;

const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
const abs = (ref: string) => ref.replace(/\$?([A-Z]+)\$?(\d+)/g, "$$$1$$$2");
const absCols = (ref: string) => ref.replace(/\$?([A-Z]+)(?![\d$A-Z])/g, "$$$1");
const absRows = (ref: string) => ref.replace(/\$?(\d+)/g, "$$$1");
/** ISO time without milliseconds, as Excel writes it. */
const w3c = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

function definedNames(desc: WorkbookDescription, sheets: SheetDescription[]): string {
  const out: string[] = [];
  sheets.forEach((s, i) => {
    const p = s.print;
    if (!p) return;
    const q = quoted(s.name);
    if (p.printArea)
      out.push(
        `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlEscape(
          p.printArea
            .split(",")
            .map((r) => `${q}!${abs(r.trim())}`)
            .join(","),
        )}</definedName>`,
      );
    const titles = [
      ...(p.printTitleColumns ? [`${q}!${absCols(p.printTitleColumns)}`] : []),
      ...(p.printTitleRows ? [`${q}!${absRows(p.printTitleRows)}`] : []),
    ];
    if (titles.length)
      out.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlEscape(titles.join(","))}</definedName>`,
      );
  });
  for (const n of desc.names ?? [])
    out.push(`<definedName name="${xmlEscape(n.name)}">${xmlEscape(n.ref.replace(/^=/, ""))}</definedName>`);
  return out.length ? `<definedNames>${out.join("")}</definedNames>` : "";
}

/** Writes the workbook to `sink` as its zip is produced. */
export async function writeWorkbookStream(
  desc: WorkbookDescription,
  sink: Sink,
  opts: StreamOptions = {},
): Promise<void> {
  const p = desc.properties;
  const date = (s?: string) => {
    const d = s ? new Date(s) : undefined;
    return d && !Number.isNaN(d.getTime()) ? d : undefined;
  };
  const created = date(p?.created) ?? new Date();
  const modified = date(p?.modified) ?? created;

  let failed: Error | null = null;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const zip = new Zip((err, chunk, final) => {
    if (err) {
      failed = err;
      done();
      return;
    }
    sink(chunk, final);
    if (final) done();
  });
  const encoder = new TextEncoder();
  const part = (name: string) => {
    const f = opts.deflate ? customEntry(name, opts.deflate()) : new ZipDeflate(name, { level: 6 });
    f.mtime = modified;
    zip.add(f);
    return f;
  };
  const whole = (name: string, xml: string) => part(name).push(encoder.encode(xml), true);

  const sheets = desc.sheets.map(fitForPrint);
  // [Content_Types].xml first, as Excel writes it (some readers look for it there): every part is known
  // from the description before any is written.
  const overrides: { part: string; type: string }[] = [];
  let nCharts = 0;
  let nDrawings = 0;
  let nComments = 0;
  sheets.forEach((s, i) => {
    overrides.push({ part: `xl/worksheets/sheet${i + 1}.xml`, type: `${CT}.spreadsheetml.worksheet+xml` });
    if (s.notes?.length)
      overrides.push({ part: `xl/comments${++nComments}.xml`, type: `${CT}.spreadsheetml.comments+xml` });
    if (!s.charts?.length) return;
    for (let k = 0; k < s.charts.length; k++)
      overrides.push({ part: `xl/charts/chart${++nCharts}.xml`, type: CT_CHART });
    overrides.push({ part: `xl/drawings/drawing${++nDrawings}.xml`, type: CT_DRAWING });
  });
  const types = [
    { part: "xl/workbook.xml", type: `${CT}.spreadsheetml.sheet.main+xml` },
    ...overrides,
    { part: "xl/theme/theme1.xml", type: `${CT}.theme+xml` },
    { part: "xl/styles.xml", type: `${CT}.spreadsheetml.styles+xml` },
    { part: "xl/sharedStrings.xml", type: `${CT}.spreadsheetml.sharedStrings+xml` },
    { part: "docProps/core.xml", type: "application/vnd.openxmlformats-package.core-properties+xml" },
    { part: "docProps/app.xml", type: `${CT}.extended-properties+xml` },
  ];
  whole(
    "[Content_Types].xml",
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      (nComments ? `<Default Extension="vml" ContentType="${CT}.vmlDrawing"/>` : "") +
      types.map((t) => `<Override PartName="/${t.part}" ContentType="${t.type}"/>`).join("") +
      "</Types>",
  );
  const styles = new StyleTable();
  const strings = new SharedStrings();
  let charts = 0;
  let drawings = 0;
  let comments = 0;
  sheets.forEach((s, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    let drawingRel: string | undefined;
    let notesRel: string | undefined;
    const sheetRels: { id: string; type: string; target: string }[] = [];
    if (s.charts?.length) {
      const d = ++drawings;
      drawingRel = "rId1";
      const rels = s.charts.map((chart, k) => {
        const c = ++charts;
        whole(`xl/charts/chart${c}.xml`, chartXml(chart, s.name, s.rows, s.styles));
        return { id: `rId${k + 1}`, type: REL_CHART, target: `../charts/chart${c}.xml` };
      });
      whole(`xl/drawings/drawing${d}.xml`, drawingXml(s.charts.map((ch, k) => anchorOf(ch, rels[k].id))));
      whole(`xl/drawings/_rels/drawing${d}.xml.rels`, relsXml(rels));
      sheetRels.push({ id: drawingRel, type: REL_DRAWING, target: `../drawings/drawing${d}.xml` });
    }
    if (s.notes?.length) {
      const c = ++comments;
      notesRel = `rId${sheetRels.length + 2}`;
      whole(`xl/comments${c}.xml`, commentsXml(s.notes));
      whole(`xl/drawings/vmlDrawing${c}.vml`, vmlXml(s.notes));
      sheetRels.push({
        id: `rId${sheetRels.length + 1}`,
        type: `${NS_R}/comments`,
        target: `../comments${c}.xml`,
      });
      sheetRels.push({ id: notesRel, type: `${NS_R}/vmlDrawing`, target: `../drawings/vmlDrawing${c}.vml` });
    }
    if (sheetRels.length) whole(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, relsXml(sheetRels));
    const f = part(name);
    let pending = "";
    for (const piece of sheetXml(s, styles, strings, drawingRel, notesRel)) {
      pending += piece;
      if (pending.length >= 1 << 16) {
        f.push(encoder.encode(pending));
        pending = "";
      }
    }
    f.push(encoder.encode(pending), true);
    opts.onSheet?.(s.name);
  });

  // Shared strings and styles are known once every sheet is written; a zip's parts may come in any order.
  {
    const f = part("xl/sharedStrings.xml");
    let pending = `${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.count}" uniqueCount="${strings.list.length}">`;
    for (const s of strings.list) {
      const esc = xmlEscape(s);
      pending += /^\s|\s$|[\n\t]/.test(s)
        ? `<si><t xml:space="preserve">${esc}</t></si>`
        : `<si><t>${esc}</t></si>`;
      if (pending.length >= 1 << 16) {
        f.push(encoder.encode(pending));
        pending = "";
      }
    }
    f.push(encoder.encode(`${pending}</sst>`), true);
  }
  whole("xl/styles.xml", styles.xml());
  whole("xl/theme/theme1.xml", THEME);

  const sheetRels = sheets.map((_, i) => ({
    id: `rId${i + 4}`,
    type: `${NS_R}/worksheet`,
    target: `worksheets/sheet${i + 1}.xml`,
  }));
  whole(
    "xl/_rels/workbook.xml.rels",
    relsXml([
      { id: "rId1", type: `${NS_R}/styles`, target: "styles.xml" },
      { id: "rId2", type: `${NS_R}/theme`, target: "theme/theme1.xml" },
      { id: "rId3", type: `${NS_R}/sharedStrings`, target: "sharedStrings.xml" },
      ...sheetRels,
    ]),
  );
  whole(
    "xl/workbook.xml",
    `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_R}">` +
      '<workbookPr defaultThemeVersion="164011" filterPrivacy="1"/><sheets>' +
      sheets
        .map(
          (s, i) =>
            `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}"${s.state === "visible" ? "" : ` state="${s.state}"`} r:id="rId${i + 4}"/>`,
        )
        .join("") +
      `</sheets>${definedNames(desc, sheets)}<calcPr calcId="171027"/></workbook>`,
  );
  whole(
    "docProps/core.xml",
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${xmlEscape(p?.creator ?? "srdi")}</dc:creator>` +
      (p?.title ? `<dc:title>${xmlEscape(p.title)}</dc:title>` : "") +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${w3c(created)}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3c(modified)}</dcterms:modified></cp:coreProperties>`,
  );
  whole(
    "docProps/app.xml",
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${xmlEscape(s.name)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts></Properties>`,
  );
  whole(
    "_rels/.rels",
    relsXml([
      { id: "rId1", type: `${NS_R}/officeDocument`, target: "xl/workbook.xml" },
      {
        id: "rId2",
        type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        target: "docProps/core.xml",
      },
      { id: "rId3", type: `${NS_R}/extended-properties`, target: "docProps/app.xml" },
    ]),
  );
  zip.end();
  await finished;
  if (failed) throw failed;
}

/** The whole file in memory (the compressed bytes only, never the cells). */
export async function writeWorkbookStreamBytes(desc: WorkbookDescription): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  await writeWorkbookStream(desc, (c) => {
    chunks.push(c);
    size += c.length;
  });
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
