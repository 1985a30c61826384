// The 工作通报 sheet as a 公文 on A4 portrait: masthead, 期号, issuer and date over a red rule, title,
// 主送, opening, numbered sections, 特此通报, 附件 list, signature, 抄送 and 印发. The tables follow as
// numbered 附件 on their own sheets. Margins after GB/T 9704 (37/35 mm top/bottom, 28/26 mm sides).
import type { CellStyle, CellValue, SheetDescription, StyledRange } from "../sheet/types";
import { FONT_KAI, FONT_MASTHEAD, FONT_TEXT, FONT_TITLE } from "./format";
import type { BulletinText } from "./text";

export const SHEET_BULLETIN = "工作通报";

/** Eight equal columns, 432 pt in all: the type area of a 公文 page (156 mm) at 100 %. */
const WIDTHS = [9.7, 9.7, 9.7, 9.7, 9.7, 9.7, 9.7, 9.7];
const LAST = "H";
/** Excel cannot make a row taller than 409 pt: longer paragraphs go on several rows. */
const MAX_PARAGRAPH_CHARS = 300;

const body: CellStyle = { fontName: FONT_TEXT, fontSize: 16, wrap: true, vAlign: "top" };
const heading: CellStyle = { fontName: FONT_TITLE, fontSize: 16, wrap: true, vAlign: "top" };

/** A paragraph cut at sentence or clause ends into pieces a row can hold. */
export function splitParagraph(p: string, max = MAX_PARAGRAPH_CHARS): string[] {
  const out: string[] = [];
  let rest = p;
  while (rest.length > max) {
    const head = rest.slice(0, max);
    const cut = Math.max(head.lastIndexOf("。"), head.lastIndexOf("；"), head.lastIndexOf("，"));
    const at = cut > max / 3 ? cut + 1 : max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest) out.push(rest);
  return out;
}

export function bulletinSheet(t: BulletinText): SheetDescription {
  const rows: CellValue[][] = [];
  const styles: StyledRange[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const line = (value: CellValue, style: CellStyle, height?: number) => {
    rows.push([value]);
    const r = rows.length;
    merges.push(`A${r}:${LAST}${r}`);
    styles.push({ range: `A${r}:${LAST}${r}`, style });
    if (height) rowHeights[r - 1] = height;
    return r;
  };
  const gap = (h: number) => line(null, {}, h);

  line(
    t.masthead,
    {
      fontName: FONT_MASTHEAD,
      fontSize: 24,
      bold: true,
      hAlign: "center",
      vAlign: "middle",
      fontColor: "C00000",
      wrap: true,
    },
    44,
  );
  line(t.number, { fontName: FONT_TEXT, fontSize: 16, hAlign: "center", vAlign: "middle" }, 26);
  rows.push([t.issuer, null, null, null, null, t.date]);
  const r2 = rows.length;
  merges.push(`A${r2}:E${r2}`, `F${r2}:${LAST}${r2}`);
  styles.push({ range: `A${r2}`, style: { fontName: FONT_KAI, fontSize: 12, vAlign: "bottom", wrap: true } });
  styles.push({
    range: `F${r2}`,
    style: { fontName: FONT_KAI, fontSize: 12, hAlign: "right", vAlign: "bottom", wrap: true },
  });
  rowHeights[r2 - 1] = 22;
  line(null, { fill: "C00000" }, 2.5);
  gap(14);
  line(t.title, {
    fontName: FONT_MASTHEAD,
    fontSize: 22,
    bold: true,
    hAlign: "center",
    vAlign: "middle",
    wrap: true,
  });
  gap(14);
  if (t.mainTo) line(t.mainTo, { ...body });
  for (const piece of splitParagraph(t.opening)) line(`\u3000\u3000${piece}`, body);
  for (const s of t.sections) {
    line(`\u3000\u3000${s.heading}`, heading);
    for (const p of s.paragraphs) for (const piece of splitParagraph(p)) line(`\u3000\u3000${piece}`, body);
  }
  line(`\u3000\u3000${t.closing}`, body);
  gap(16);
  t.attachments.forEach((a, i) =>
    line(`${i === 0 ? "\u3000\u3000附件：" : "\u3000\u3000\u3000\u3000\u3000"}${i + 1}.${a}`, body),
  );
  gap(30);
  line(t.issuer, { ...body, hAlign: "right" });
  line(t.date, { ...body, hAlign: "right" });
  gap(24);
  if (t.cc) line(t.cc, { fontName: FONT_TEXT, fontSize: 14, wrap: true, vAlign: "top" });
  line(t.printed, { fontName: FONT_TEXT, fontSize: 14, wrap: true, vAlign: "top" });

  return {
    name: SHEET_BULLETIN,
    state: "visible",
    rows,
    columnWidths: WIDTHS,
    rowHeights,
    styles,
    merges,
    print: {
      orientation: "portrait",
      paperSize: "A4",
      fitToWidth: true,
      printArea: `A1:${LAST}${rows.length}`,
      margins: { left: 1.1, right: 1.02, top: 1.46, bottom: 1.38 },
      footer: "— &P —",
    },
    tabColor: "C00000",
  };
}
