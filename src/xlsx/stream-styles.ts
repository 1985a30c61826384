// The styles part of the streaming writer: each distinct merged CellStyle becomes one cell format (xf),
// with its font, fill, border and number format shared as SpreadsheetML expects. The same parts as
// ExcelJS writes for the same styles (font 0 is Excel's default Calibri 11; fill 1 is gray125).
import type { CellStyle } from "../core/sheet/types";
import { xmlEscape } from "./chart-xml";

/** Number formats Excel knows by id: written by id, not as custom formats (as ExcelJS does). */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  "mm-dd-yy": 14,
  "d-mmm-yy": 15,
  "d-mmm": 16,
  "mmm-yy": 17,
  "h:mm AM/PM": 18,
  "h:mm:ss AM/PM": 19,
  "h:mm": 20,
  "h:mm:ss": 21,
  "m/d/yy h:mm": 22,
  "#,##0 ;(#,##0)": 37,
  "#,##0 ;[Red](#,##0)": 38,
  "#,##0.00 ;(#,##0.00)": 39,
  "#,##0.00 ;[Red](#,##0.00)": 40,
  "mm:ss": 45,
  "[h]:mm:ss": 46,
  "mmss.0": 47,
  "##0.0E+0": 48,
  "@": 49,
};

const DEFAULT_FONT =
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';
const THIN = '<color rgb="FFBFBFBF"/>';
const BORDER_NONE = "<border><left/><right/><top/><bottom/><diagonal/></border>";
const BORDER_THIN = `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border>`;
const H_ALIGN = { left: "left", center: "center", right: "right" } as const;
const V_ALIGN = { top: "top", middle: "center", bottom: "bottom" } as const;

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** `next` over `prev` as the ExcelJS writer merges them: a later range overrides what it sets; a border
 * or protection is only ever added. */
export function mergeStyle(prev: CellStyle, next: CellStyle): CellStyle {
  const out: CellStyle = { ...prev };
  for (const k of Object.keys(next) as (keyof CellStyle)[]) {
    const v = next[k];
    if (v === undefined) continue;
    if (k === "border" && !v) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

function fontXml(s: CellStyle): string | null {
  if (
    s.bold === undefined &&
    s.italic === undefined &&
    s.fontSize === undefined &&
    !s.fontName &&
    !s.fontColor
  )
    return null;
  let x = "<font>";
  if (s.bold) x += "<b/>";
  if (s.italic) x += "<i/>";
  if (s.fontColor) x += `<color rgb="${argb(s.fontColor)}"/>`;
  if (s.fontSize !== undefined) x += `<sz val="${s.fontSize}"/>`;
  if (s.fontName) x += `<name val="${xmlEscape(s.fontName)}"/>`;
  return `${x}</font>`;
}

class Pool {
  readonly items: string[];
  private readonly ids = new Map<string, number>();
  constructor(initial: string[]) {
    this.items = [...initial];
    initial.forEach((x, i) => this.ids.set(x, i));
  }
  id(x: string): number {
    let id = this.ids.get(x);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(x);
      this.ids.set(x, id);
    }
    return id;
  }
}

export class StyleTable {
  private readonly fonts = new Pool([DEFAULT_FONT]);
  private readonly fills = new Pool([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Pool([BORDER_NONE, BORDER_THIN]);
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Pool(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  /** The xf id of a merged style. */
  id(s: CellStyle): number {
    const numFmtId = s.numFmt === undefined ? 0 : this.numFmtId(s.numFmt);
    const font = fontXml(s);
    const fontId = font === null ? 0 : this.fonts.id(font);
    const fillId = s.fill
      ? this.fills.id(
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/></patternFill></fill>`,
        )
      : 0;
    const borderId = s.border ? 1 : 0;
    let attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId) attrs += ' applyNumberFormat="1"';
    if (fontId) attrs += ' applyFont="1"';
    if (fillId) attrs += ' applyFill="1"';
    if (borderId) attrs += ' applyBorder="1"';
    let inner = "";
    if (s.hAlign || s.vAlign || s.wrap !== undefined) {
      attrs += ' applyAlignment="1"';
      let a = "<alignment";
      if (s.hAlign) a += ` horizontal="${H_ALIGN[s.hAlign]}"`;
      if (s.vAlign) a += ` vertical="${V_ALIGN[s.vAlign]}"`;
      if (s.wrap) a += ' wrapText="1"';
      inner += `${a}/>`;
    }
    if (s.locked !== undefined) {
      attrs += ' applyProtection="1"';
      inner += `<protection locked="${s.locked ? 1 : 0}"/>`;
    }
    return this.xfs.id(inner ? `<xf ${attrs}>${inner}</xf>` : `<xf ${attrs}/>`);
  }

  xml(): string {
    const fmts = [...this.formats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`,
    );
    const list = (tag: string, items: string[]) =>
      `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (fmts.length ? list("numFmts", fmts) : "") +
      list("fonts", this.fonts.items) +
      list("fills", this.fills.items) +
      list("borders", this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}
