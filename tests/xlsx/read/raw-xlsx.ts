// Hand-written .xlsx parts, zipped by jszip: the constructs other writers (Excel, WPS, Java and .NET
// libraries) produce that ExcelJS and openpyxl never write — shared formulas with cached values, t="d",
// phonetic runs, _xHHHH_ escapes, cells and rows without r, namespace-prefixed elements, odd part paths.
import JSZip from "jszip";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

export const SHARED = [
  "<si><t>甲</t></si>",
  "<si><r><rPr><b/></rPr><t>富</t></r><r><t>文本</t></r></si>",
  '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>',
  "<si><t/></si>",
  "<si><t>a_x000D_b_x005F_x0041_</t></si>",
  '<si><r><t>漢</t></r><r><rPr><i/></rPr><t>字</t></r><rPh sb="0" eb="1"><t>かん</t></rPh></si>',
  "<si><t>行1\r\n行2&#13;尾</t></si>",
];

const STYLES =
  `<styleSheet xmlns="${NS_MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/>` +
  '<numFmt numFmtId="165" formatCode="#,##0.00&quot;元&quot;"/></numFmts>' +
  '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="164"/>' +
  '<xf numFmtId="14"/><xf numFmtId="165"/></cellXfs></styleSheet>';

/** The data sheet: one of each construct (addresses are asserted in equivalence.test.ts). */
export const DATA_SHEET = [
  `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="A1:J11"/><sheetData>`,
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>',
  '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c>',
  '<c r="G1" t="str"><v>A&amp;B &lt;x&gt;</v></c><c r="H1" t="str"><v>&amp;lt;</v></c><c r="I1" t="s"><v>6</v></c></row>',
  // A row without r (the 2nd) and cells without r (following the previous cell).
  '<row><c><v>1</v></c><c><v>2</v></c><c r="E2"><v>5</v></c><c><v>6</v></c></row>',
  '<row r="3"><c><!--A3--></c><c t="inlineStr"><is><t>行内</t></is></c>',
  '<c t="inlineStr"><is><r><t>富</t></r><r><rPr/><t>行内</t></r><rPh><t>ふ</t></rPh></is></c>',
  '<c t="b"><v>1</v></c><c t="e"><v>#REF!</v></c><c t="d"><v>2025-09-30T12:00:00Z</v></c>',
  '<c t="d"><v>2025-09-30</v></c><c t="inlineStr"><is><t>x_x000D_y</t></is></c><c t="inlineStr"><is><t></t></is></c></row>',
  '<row r="5"><c r="A5"><v>10</v></c><c r="B5"><f t="shared" ref="B5:B8" si="0">A5*2+$A$5</f><v>30</v></c>',
  '<c r="C5"><f t="shared" ref="C5:E5" si="1">SUM(A5:B5)</f><v>40</v></c><c r="D5"><f t="shared" si="1"/></c>',
  '<c r="E5"><f t="shared" si="1"/><v>1</v></c><c r="F5"><f t="array" ref="F5">SUM(A5:A8*2)</f><v>100</v></c>',
  '<c r="G5" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="H5" t="str"><f>IF(1,"","")</f><v></v></c>',
  '<c r="I5" t="e"><f>NA()</f><v>#N/A</v></c><c r="J5" t="b"><f>FALSE()</f><v>0</v></c><c r="K5"><f>A5*0</f><v>0</v></c></row>',
  '<row r="6"><c r="A6"><v>11</v></c><c r="B6"><f t="shared" si="0"/><v>32</v></c></row>',
  '<row r="7"><c r="A7"><v>12</v></c><c r="B7"><f t="shared" si="0"/><v>34</v></c>',
  '<c r="C7" s="1"><v>0.5</v></c><c r="D7" s="2"><v>0.25</v></c><c r="E7" s="1" t="s"><v>0</v></c>',
  '<c r="F7" s="3"><v>45930.25</v></c><c r="G7" s="3"><v>45930.123456789</v></c>',
  '<c r="H7" s="3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="I7" s="4"><v>1234.5</v></c>',
  '<c r="J7" s="1"><f>C7*2</f><v>1</v></c></row>',
  '<row r="8"><c r="A8"><v>13</v></c><c r="B8"><f t="shared" si="0"/></c><c r="C8" s="1"/></row>',
  '<row r="9"><c r="A9" t="str"><v>合并</v></c><c r="B9" t="str"><v>藏</v></c><c r="C9"><v>9</v></c><c r="D9"><v>99</v></c></row>',
  '<row r="11"><c r="A11" t="str"><v>&#x1F600;&#20013;&lt;&gt;&quot;&apos;</v></c><c r="B11"><v>1.5E3</v></c>',
  '<c r="C11"><v>-0</v></c><c r="D11"><f></f><v>4</v></c></row>',
  '<row r="14" s="1" customFormat="1"><c r="J14" s="1"/></row>',
  '</sheetData><mergeCells count="2"><mergeCell ref="A9:B10"/><mergeCell ref="C9:D9"/></mergeCells></worksheet>',
].join("");

export const SECOND_SHEET = `<worksheet xmlns="${NS_MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;

/** Rows 2 and 3 with every r attribute written out. */
function addressed(xml: string): string {
  let row = 0;
  let col = 0;
  return xml.replace(
    /<row( r="(\d+)")?|<c( r="([A-Z]+)\d+")?/g,
    (m, _r, rn: string, cr: string, letters: string) => {
      if (m.startsWith("<row")) {
        row = rn ? Number(rn) : row + 1;
        col = 0;
        return `<row r="${row}"`;
      }
      col = cr ? letters.charCodeAt(0) - 64 : col + 1;
      return cr ? m : `<c r="${String.fromCharCode(64 + col)}${row}"`;
    },
  );
}

export interface RawOptions {
  /** Prefix every SpreadsheetML element ("x" -> <x:c>), as some .NET writers do. */
  prefix?: string;
  /** Part paths: worksheets and shared strings. */
  sheetPaths?: [string, string];
  sharedPath?: string;
  /** Write relationship targets as absolute part names ("/xl/worksheets/sheet1.xml"). */
  absolute?: boolean;
  date1904?: boolean;
  /** Give rows 2-3 and their cells r attributes (ExcelJS refuses a row without one, or a first cell). */
  addressed?: boolean;
  /** The data sheet's XML instead of DATA_SHEET (written as given). */
  dataSheet?: string;
}

function prefixed(xml: string, p: string | undefined): string {
  if (!p) return xml;
  return xml
    .replace(/<(\/?)([A-Za-z]\w*)([\s/>])/g, `<$1${p}:$2$3`)
    .replace(/xmlns="([^"]*)"/, `xmlns:${p}="$1"`);
}

export async function rawXlsx(o: RawOptions = {}): Promise<Uint8Array> {
  const p = o.prefix;
  const [s1, s2] = o.sheetPaths ?? ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"];
  const ssPath = o.sharedPath ?? "xl/sharedStrings.xml";
  const target = (path: string) => (o.absolute ? `/${path}` : path.replace(/^xl\//, ""));
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      `<Override PartName="/${s1}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/${s2}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/${ssPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      "</Types>",
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
      prefixed(
        `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr${o.date1904 ? ' date1904="1"' : ""}/><sheets>` +
          '<sheet name="原始 &amp; 数据" sheetId="1" r:id="rId1"/><sheet name="隐藏" sheetId="2" state="hidden" r:id="rId2"/>' +
          "</sheets></workbook>",
        p,
      ),
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0"?><Relationships xmlns="${NS_PKG}">` +
      `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="${target(s1)}"/>` +
      `<Relationship Id="rId2" Type="${NS_REL}/worksheet" Target="${target(s2)}"/>` +
      `<Relationship Id="rId3" Type="${NS_REL}/sharedStrings" Target="${target(ssPath)}"/>` +
      `<Relationship Id="rId4" Type="${NS_REL}/styles" Target="${target("xl/styles.xml")}"/>` +
      `<Relationship Id="rId9" Type="${NS_REL}/hyperlink" Target="https://example.com" TargetMode="External"/>` +
      "</Relationships>",
  );
  zip.file(ssPath, prefixed(`<sst xmlns="${NS_MAIN}" count="${SHARED.length}">${SHARED.join("")}</sst>`, p));
  zip.file("xl/styles.xml", prefixed(STYLES, p));
  // ExcelJS also loses its place after a phonetic run inside an inline string: that run goes too.
  const data =
    o.dataSheet ?? (o.addressed ? addressed(DATA_SHEET).replace("<rPh><t>ふ</t></rPh>", "") : DATA_SHEET);
  zip.file(s1, prefixed(data, p));
  zip.file(s2, prefixed(SECOND_SHEET, p));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
