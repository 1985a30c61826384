// Adds the charts of a description to the .xlsx written by ExcelJS (which cannot write charts): for each
// sheet with charts, a drawing part with its rels, one chart part per chart, the sheet's <drawing> element
// and rel, and the content-type overrides.
import JSZip from "jszip";
import type { WorkbookDescription } from "../core/sheet/types";
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
  type Rel,
} from "./chart-xml";

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
}

export function parseRels(xml: string): Rel[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], "Id") ?? "",
    type: attr(m[0], "Type") ?? "",
    target: attr(m[0], "Target") ?? "",
  }));
}

/** Sheet name -> its part path (e.g. "xl/worksheets/sheet2.xml"), from workbook.xml and its rels. */
export function sheetParts(workbookXml: string, workbookRels: string): Map<string, string> {
  const rels = new Map(parseRels(workbookRels).map((r) => [r.id, r.target]));
  const out = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const target = rels.get(attr(m[0], "r:id") ?? "");
    if (name !== undefined && target)
      out.set(name, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

/** Elements that must follow <drawing> in a worksheet (CT_Worksheet order). */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export function insertDrawing(sheetXml: string, relId: string): string {
  const el = `<drawing r:id="${relId}"/>`;
  let at = sheetXml.indexOf("</worksheet>");
  for (const name of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0 && i < at) at = i;
  }
  let xml = sheetXml.slice(0, at) + el + sheetXml.slice(at);
  if (!/xmlns:r="/.test(xml.slice(0, xml.indexOf(">", xml.indexOf("<worksheet")))))
    xml = xml.replace(
      "<worksheet",
      `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`,
    );
  return xml;
}

export function addOverrides(contentTypes: string, overrides: { part: string; type: string }[]): string {
  const items = overrides
    .map((o) => `<Override PartName="/${xmlEscape(o.part)}" ContentType="${o.type}"/>`)
    .join("");
  return contentTypes.replace("</Types>", `${items}</Types>`);
}

function nextFree(zip: JSZip, make: (n: number) => string): number {
  let n = 1;
  while (zip.file(make(n))) n++;
  return n;
}

export async function addCharts(bytes: Uint8Array, desc: WorkbookDescription): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (p: string) => {
    const f = zip.file(p);
    if (!f) throw new Error(`xlsx part missing: ${p}`);
    return f.async("string");
  };
  const parts = sheetParts(await read("xl/workbook.xml"), await read("xl/_rels/workbook.xml.rels"));
  const overrides: { part: string; type: string }[] = [];
  for (const sheet of desc.sheets) {
    if (!sheet.charts || sheet.charts.length === 0) continue;
    const sheetPart = parts.get(sheet.name);
    if (!sheetPart) throw new Error(`sheet part not found for ${sheet.name}`);
    const d = nextFree(zip, (n) => `xl/drawings/drawing${n}.xml`);
    const drawingPart = `xl/drawings/drawing${d}.xml`;
    const chartRels: Rel[] = [];
    for (const [i, chart] of sheet.charts.entries()) {
      const c = nextFree(zip, (n) => `xl/charts/chart${n}.xml`);
      zip.file(`xl/charts/chart${c}.xml`, chartXml(chart, sheet.name, sheet.rows, sheet.styles));
      overrides.push({ part: `xl/charts/chart${c}.xml`, type: CT_CHART });
      chartRels.push({ id: `rId${i + 1}`, type: REL_CHART, target: `../charts/chart${c}.xml` });
    }
    zip.file(drawingPart, drawingXml(sheet.charts.map((ch, i) => anchorOf(ch, chartRels[i].id))));
    zip.file(`xl/drawings/_rels/drawing${d}.xml.rels`, relsXml(chartRels));
    overrides.push({ part: drawingPart, type: CT_DRAWING });

    const slash = sheetPart.lastIndexOf("/");
    const relsPart = `${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`;
    const existing = zip.file(relsPart) ? parseRels(await read(relsPart)) : [];
    let k = existing.length + 1;
    while (existing.some((r) => r.id === `rId${k}`)) k++;
    const relId = `rId${k}`;
    zip.file(
      relsPart,
      relsXml([...existing, { id: relId, type: REL_DRAWING, target: `../drawings/drawing${d}.xml` }]),
    );
    zip.file(sheetPart, insertDrawing(await read(sheetPart), relId));
  }
  zip.file("[Content_Types].xml", addOverrides(await read("[Content_Types].xml"), overrides));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
