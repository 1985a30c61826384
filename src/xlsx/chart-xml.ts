// Small DrawingML serializers for the one chart kind we need (clustered bar/column, or line), since
// ExcelJS cannot write charts: a chart part, a drawing part that anchors it to cells, and their rels.
import { parseRange, sheetRef, rangeAddress, type RangeRef } from "../core/a1";
import type { CellValue, ChartDescription, StyledRange } from "../core/sheet/types";

export const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
};
export const REL_DRAWING = `${NS.r}/drawing`;
export const REL_CHART = `${NS.r}/chart`;
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

const PALETTE = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];
/** Latin and East Asian typefaces: CJK labels need an East Asian font named, or some readers show boxes. */
const LATIN_FONT = "Calibri";
const EA_FONT = "Microsoft YaHei";

export function xmlEscape(s: string): string {
  return (
    s
      // Characters XML 1.0 cannot carry are dropped (text comes from untrusted returns).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

/** Cells of a one-row or one-column range, in order. */
export function rangeCells(rows: CellValue[][], range: string): CellValue[] {
  const r = parseRange(range);
  const out: CellValue[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(rows[row]?.[col] ?? null);
  return out;
}

const absolute = (r: RangeRef) =>
  rangeAddress(r)
    .split(":")
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");

/** `'Sheet'!$A$2:$A$9` for a formula inside the chart. */
export function chartRef(sheet: string, range: string): string {
  return sheetRef(sheet, absolute(parseRange(range)));
}

function cached(v: CellValue): string | number | null {
  if (v === null) return null;
  if (typeof v === "object")
    return v.result === undefined ? null : typeof v.result === "boolean" ? Number(v.result) : v.result;
  return typeof v === "boolean" ? Number(v) : v;
}

/** The number format styled on the first cell of `range` (the value axis follows it), else General. */
export function numFmtAt(styles: StyledRange[], range: string): string {
  const cell = parseRange(range);
  let fmt = "General";
  for (const s of styles) {
    const r = parseRange(s.range);
    const inside = r.top <= cell.top && cell.top <= r.bottom && r.left <= cell.left && cell.left <= r.right;
    if (inside && s.style.numFmt) fmt = s.style.numFmt;
  }
  return fmt;
}

function runProps(sz: number, bold: boolean): string {
  return `<a:defRPr sz="${sz}" b="${bold ? 1 : 0}"><a:latin typeface="${LATIN_FONT}"/><a:ea typeface="${EA_FONT}"/></a:defRPr>`;
}

function textProps(sz: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProps(sz, false)}</a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
}

function title(text: string, sz = 1400): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProps(sz, true)}</a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${sz}" b="1"><a:latin typeface="${LATIN_FONT}"/><a:ea typeface="${EA_FONT}"/></a:rPr>` +
    `<a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function strCache(values: CellValue[]): string {
  const pts = values
    .map((v, i) =>
      cached(v) === null ? "" : `<c:pt idx="${i}"><c:v>${xmlEscape(String(cached(v)))}</c:v></c:pt>`,
    )
    .join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: CellValue[], format: string): string {
  const pts = values
    .map((v, i) => {
      const n = cached(v);
      return typeof n === "number" && Number.isFinite(n) ? `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>` : "";
    })
    .join("");
  return `<c:numCache><c:formatCode>${xmlEscape(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function series(chart: ChartDescription, sheet: string, rows: CellValue[][], styles: StyledRange[]): string {
  const cats = rangeCells(rows, chart.categories);
  return chart.series
    .map((s, i) => {
      const color = PALETTE[i % PALETTE.length];
      const look =
        chart.type === "line"
          ? `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill>${s.dash ? `<a:prstDash val="dash"/>` : ""}</a:ln></c:spPr>` +
            `<c:marker><c:symbol val="${s.dash ? "none" : "circle"}"/>${s.dash ? "" : `<c:size val="6"/>`}</c:marker>`
          : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>${look}` +
        `<c:cat><c:strRef><c:f>${xmlEscape(chartRef(sheet, chart.categories))}</c:f>${strCache(cats)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${xmlEscape(chartRef(sheet, s.values))}</c:f>${numCache(rangeCells(rows, s.values), numFmtAt(styles, s.values))}</c:numRef></c:val>` +
        (chart.type === "line" ? `<c:smooth val="0"/>` : "") +
        `</c:ser>`
      );
    })
    .join("");
}

/** The chart part (xl/charts/chartN.xml). Values and labels are cached from `rows` for readers that do not recalculate. */
export function chartXml(
  chart: ChartDescription,
  sheet: string,
  rows: CellValue[][],
  styles: StyledRange[] = [],
): string {
  const horizontal = chart.type === "bar";
  const sz = Math.round((chart.textPoints ?? 9) * 100);
  // The value axis shows the first series' cell format (e.g. 0% for completion rates).
  const axisFormat = chart.series.length ? numFmtAt(styles, chart.series[0].values) : "General";
  const plot =
    chart.type === "line"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series(chart, sheet, rows, styles)}` +
        `<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart>`
      : `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
        `${series(chart, sheet, rows, styles)}<c:gapWidth val="80"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>`;
  // A horizontal bar chart lists its first category at the top (as the table does): reverse the category
  // axis and keep the value axis at the bottom.
  const catAx =
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(sz)}` +
    `<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="${xmlEscape(axisFormat)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(sz)}` +
    `<c:crossAx val="1001"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title, sz + 500)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(sz)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>${textProps(1000)}</c:chartSpace>`
  );
}

export interface Anchor {
  /** 0-based top-left cell. */
  col: number;
  row: number;
  widthCols: number;
  heightRows: number;
  /** Relationship id of the chart within the drawing's rels. */
  relId: string;
}

export function anchorOf(chart: ChartDescription, relId: string): Anchor {
  const r = parseRange(chart.anchor.cell);
  return {
    col: r.left,
    row: r.top,
    widthCols: chart.anchor.widthCols,
    heightRows: chart.anchor.heightRows,
    relId,
  };
}

/** The drawing part (xl/drawings/drawingN.xml): one graphic frame per chart, anchored to two cells. */
export function drawingXml(anchors: Anchor[]): string {
  const frames = anchors
    .map(
      (a, i) =>
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${a.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${a.col + a.widthCols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row + a.heightRows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${a.relId}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${frames}</xdr:wsDr>`;
}

export interface Rel {
  id: string;
  type: string;
  target: string;
}

export function relsXml(rels: Rel[]): string {
  const items = rels.map(
    (r) => `<Relationship Id="${xmlEscape(r.id)}" Type="${r.type}" Target="${xmlEscape(r.target)}"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}">${items.join("")}</Relationships>`;
}
