// BulletinDocument -> .docx bytes with the `docx` package, laid out as a 公文 after GB/T 9704: A4
// portrait, margins 37/35/28/26 mm, title in 小标宋 二号, body in 仿宋 三号 at a fixed 28 pt line,
// headings in 黑体 and 楷体, page numbers "— n —" in the footer, 附件 tables after a page break, 版记
// (抄送, 印发) at the end. Fonts are the 公文 faces; where a machine lacks them Word, WPS and
// LibreOffice substitute from the font table's alternates (SimSun, FangSong, SimHei, KaiTi).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { chartSvg } from "../core/report/chart";
import type { BulletinDocument, DocumentChart, DocumentTable } from "../core/report/document";
import { encodePng, type Zlib } from "./png";
import { rasterise } from "./raster";

/** The 公文 faces and the faces every Chinese Windows has, which stand in for them. */
export const FONTS = {
  title: { name: "方正小标宋简体", fallback: "SimSun" },
  body: { name: "仿宋_GB2312", fallback: "FangSong" },
  heading: { name: "黑体", fallback: "SimHei" },
  kai: { name: "楷体_GB2312", fallback: "KaiTi" },
  table: { name: "宋体", fallback: "SimSun" },
} as const;
type Face = (typeof FONTS)[keyof typeof FONTS];

const MM = 56.7; // twips per millimetre
const PT = 2; // half-points per point
const run = (text: string, face: Face, size: number, o: { bold?: boolean; color?: string } = {}) =>
  new TextRun({
    text,
    font: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: face.name, cs: face.name },
    size: size * PT,
    bold: o.bold,
    color: o.color,
  });
/** 28 pt exact line spacing: 22 lines of 28 characters on a page, as GB/T 9704 asks. */
const LINE = { line: 28 * 20, lineRule: LineRuleType.EXACT };

const body = (
  text: string,
  o: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) =>
  new Paragraph({
    children: [run(text, FONTS.body, 16)],
    spacing: LINE,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    indent: o.indent === false ? undefined : { firstLine: 2 * 16 * 20 },
  });

/** Pixels of the PNG per layout pixel: the 960-wide layout drawn 1,440 px wide, 234 dpi at 156 mm. */
export const CHART_SCALE = 1.5;

/** The chart as an image 156 mm wide (the type area): SVG for Word 2016+ and LibreOffice, with the PNG
 * fallback OOXML requires beside it, drawn larger than the layout so print stays sharp; the caption
 * under it carries the words the picture leaves out. */
function chart(c: DocumentChart, title: string, zlib: Zlib | undefined): Paragraph[] {
  const wide = (156 / 25.4) * 96; // px at 96 to the inch, as docx takes sizes
  const png = encodePng(rasterise(c.picture, CHART_SCALE), zlib);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: "svg",
          data: new TextEncoder().encode(chartSvg(c.picture, title)),
          fallback: { type: "png", data: png },
          transformation: {
            width: Math.round(wide),
            height: Math.round((wide * c.picture.height) / c.picture.width),
          },
          altText: { name: title, title, description: c.alt },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 60, after: 240 },
      children: [run(c.caption, FONTS.table, 10.5)],
    }),
  ];
}

function table(t: DocumentTable, zlib?: Zlib): (Paragraph | Table)[] {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const width = 156 * MM;
  const cell = (text: string, head: boolean, w: number) =>
    new TableCell({
      width: { size: Math.round((w / total) * width), type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [run(text, head ? FONTS.heading : FONTS.table, 10.5)],
        }),
      ],
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  return [
    new Paragraph({
      children: [new PageBreak(), run(t.label ?? `附件${t.number}`, FONTS.heading, 16)],
      spacing: LINE,
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [run(t.title, FONTS.title, 18)],
    }),
    ...(t.chart ? chart(t.chart, t.title, zlib) : []),
    new Table({
      width: { size: width, type: WidthType.DXA },
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows: [
        new TableRow({ tableHeader: true, children: t.header.map((h, i) => cell(h, true, t.widths[i])) }),
        ...t.rows.map(
          (r) => new TableRow({ cantSplit: true, children: r.map((x, i) => cell(x, false, t.widths[i])) }),
        ),
      ],
    }),
    ...(t.note
      ? [new Paragraph({ spacing: { before: 120 }, children: [run(`注：${t.note}`, FONTS.table, 10.5)] })]
      : []),
  ];
}

export interface DocxOptions {
  /** zlib for the chart's PNG; default fflate's (the CLI passes Node's). */
  zlib?: Zlib;
}

export function bulletinDocx(doc: BulletinDocument, opts: DocxOptions = {}): Document {
  const t = doc.text;
  const red = "C00000";
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [run(t.masthead, FONTS.title, 26, { color: red })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(t.number, FONTS.body, 16)] }),
    new Paragraph({
      tabStops: [{ type: "right", position: 156 * MM }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: red, space: 4 } },
      spacing: { after: 480 },
      children: [run(t.issuer, FONTS.kai, 14), run(`\t${t.date}`, FONTS.kai, 14)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 35 * 20, lineRule: LineRuleType.EXACT, after: 560 },
      children: [run(t.title, FONTS.title, 22)],
    }),
  ];
  if (t.mainTo) children.push(body(t.mainTo, { indent: false }));
  children.push(body(t.opening));
  for (const s of t.sections) {
    children.push(
      new Paragraph({
        spacing: LINE,
        indent: { firstLine: 640 },
        children: [run(s.heading, FONTS.heading, 16)],
      }),
    );
    for (const p of s.paragraphs) {
      const m = /^(（[一二三四五六七八九十]+）[^。]*。)(.*)$/.exec(p);
      children.push(
        m
          ? new Paragraph({
              spacing: LINE,
              alignment: AlignmentType.JUSTIFIED,
              indent: { firstLine: 640 },
              children: [run(m[1], FONTS.kai, 16), run(m[2], FONTS.body, 16)],
            })
          : body(p),
      );
    }
  }
  children.push(body(t.closing));
  children.push(new Paragraph({ spacing: LINE, children: [] }));
  t.attachments.forEach((a, i) =>
    children.push(
      new Paragraph({
        spacing: LINE,
        indent: { left: i === 0 ? 640 : 640 + 3 * 320, firstLine: 0 },
        children: [run(`${i === 0 ? "附件：" : ""}${i + 1}.${a}`, FONTS.body, 16)],
      }),
    ),
  );
  children.push(
    new Paragraph({ spacing: LINE, children: [] }),
    new Paragraph({ spacing: LINE, children: [] }),
  );
  children.push(body(t.issuer, { indent: false, align: AlignmentType.RIGHT }));
  children.push(body(t.date, { indent: false, align: AlignmentType.RIGHT }));
  for (const tb of doc.tables) children.push(...table(tb, opts.zlib));
  // 版记: 抄送 and 印发 between rules, at the end of the document.
  const rule = { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 4 };
  children.push(new Paragraph({ children: [new PageBreak()] }));
  if (t.cc)
    children.push(
      new Paragraph({
        border: { top: rule },
        spacing: LINE,
        indent: { left: 320 },
        children: [run(t.cc, FONTS.body, 14)],
      }),
    );
  children.push(
    new Paragraph({
      border: { top: t.cc ? undefined : rule, bottom: rule },
      spacing: LINE,
      indent: { left: 320 },
      children: [run(t.printed, FONTS.body, 14)],
    }),
  );
  return new Document({
    creator: "srdi",
    title: t.title,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: FONTS.body.name },
            size: 32,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 210 * MM, height: 297 * MM },
            margin: {
              top: 37 * MM,
              bottom: 35 * MM,
              left: 28 * MM,
              right: 26 * MM,
              footer: 28 * MM - 7 * MM,
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ["— ", PageNumber.CURRENT, " —"],
                    size: 28,
                    font: { ascii: "SimSun", eastAsia: "宋体" },
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** The font table names each 公文 face with the face that stands in for it (w:altName) and the GB2312
 * character set, so Word, WPS and LibreOffice substitute a Chinese face of the same kind, not a default. */
export function fontTableXml(): string {
  const font = (name: string, alt: string, family: string, pitch: string) =>
    `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/>` +
    `<w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
  const faces = Object.values(FONTS).map((f) =>
    font(
      f.name,
      f.fallback,
      f === FONTS.heading ? "modern" : "roman",
      f === FONTS.heading ? "fixed" : "variable",
    ),
  );
  const unique = [...new Set(faces)];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W}">` +
    unique.join("") +
    font("Times New Roman", "Times New Roman", "roman", "variable") +
    "</w:fonts>"
  );
}

/** Bytes of the .docx; works in Node and in the browser bundle (no fs here). */
export async function writeBulletinDocx(doc: BulletinDocument, opts: DocxOptions = {}): Promise<Uint8Array> {
  const overrides = [{ path: "word/fontTable.xml", data: fontTableXml() }];
  return new Uint8Array(await Packer.toArrayBuffer(bulletinDocx(doc, opts), false, overrides));
}
