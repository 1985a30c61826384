// The parts of a template sheet the streaming writer adds after its rows: sheet protection, data
// validation and notes (comments with their legacy VML shapes). Written as ExcelJS wrote them for the same
// description (write-sheet.ts, write-validation.ts), so a template reads the same whichever writer made it;
// streaming them is what lets a province's demo (13 units, tens of thousands of rows) write its templates
// and returns in seconds instead of minutes (issue 25).
import { parseAddress } from "../core/a1";
import { isoToSerial } from "../core/read/date";
import type { DataValidation, NoteDescription, SheetDescription } from "../core/sheet/types";
import { xmlEscape } from "./chart-xml";
import { xmlSafe } from "./write-value";

const attr = (s: string) => xmlEscape(xmlSafe(s));

/** `<sheetProtection>` as ExcelJS's protect("", {...}) wrote it: no password, the allowances given. */
export function protectionXml(d: SheetDescription): string {
  const p = d.protection;
  if (!p?.protected) return "";
  return (
    '<sheetProtection sheet="1"' +
    (p.allowFormatColumns ? ' formatColumns="0"' : "") +
    (p.allowSort ? ' sort="0"' : "") +
    (p.allowAutoFilter ? ' autoFilter="0"' : "") +
    "/>"
  );
}

function formulae(v: DataValidation): string[] {
  const bound = (x: number | string | undefined): string =>
    v.type === "date" && typeof x === "string" ? String(isoToSerial(x)) : String(x);
  switch (v.type) {
    case "list": {
      if (v.formula) return [v.formula.replace(/^=/, "")];
      const text = (v.list ?? []).join(",");
      if (text.length + 2 > 255) throw new Error(`validation list too long for ${v.range} (${text.length})`);
      return [`"${text}"`];
    }
    case "custom":
      return [(v.formula ?? "").replace(/^=/, "")];
    default: {
      const op = v.operator ?? "between";
      const xs =
        op === "between" || op === "notBetween"
          ? [v.min, v.max]
          : op === "lessThan" || op === "lessThanOrEqual"
            ? [v.max ?? v.min]
            : [v.min ?? v.max];
      if (xs.some((x) => x === undefined)) throw new Error(`validation bounds missing for ${v.range}`);
      return xs.map(bound);
    }
  }
}

/** `<dataValidations>`: one element per described validation (the range is its sqref). */
export function validationsXml(d: SheetDescription): string {
  const vs = d.validations ?? [];
  if (!vs.length) return "";
  const items = vs.map((v) => {
    const op = v.operator ?? (v.type === "list" || v.type === "custom" ? undefined : "between");
    let a = ` type="${v.type}"`;
    if (op && op !== "between" && v.type !== "list" && v.type !== "custom") a += ` operator="${op}"`;
    if (v.allowBlank) a += ' allowBlank="1"';
    if (v.prompt) {
      a += ' showInputMessage="1"';
      if (v.prompt.title) a += ` promptTitle="${attr(v.prompt.title)}"`;
      if (v.prompt.message) a += ` prompt="${attr(v.prompt.message)}"`;
    }
    a += ' showErrorMessage="1"';
    a += ` errorStyle="${v.error.style ?? "stop"}"`;
    if (v.error.title) a += ` errorTitle="${attr(v.error.title)}"`;
    if (v.error.message) a += ` error="${attr(v.error.message)}"`;
    a += ` sqref="${v.range}"`;
    const fs = formulae(v)
      .map((f, i) => `<formula${i + 1}>${xmlEscape(f)}</formula${i + 1}>`)
      .join("");
    return `<dataValidation${a}>${fs}</dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A note's author when the description names none: what Excel shows instead of "Author". */
export const NOTE_AUTHOR = "填报模板";

/** The comments part of a sheet's notes, each with its author. */
export function commentsXml(notes: NoteDescription[]): string {
  const authors = new Map<string, number>();
  const idOf = (a: string) => {
    if (!authors.has(a)) authors.set(a, authors.size);
    return authors.get(a)!;
  };
  const list = notes
    .map(
      (n) =>
        `<comment ref="${n.cell}" authorId="${idOf(xmlSafe(n.author ?? NOTE_AUTHOR))}"><text><r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><charset val="1"/></rPr>` +
        `<t xml:space="preserve">${xmlEscape(xmlSafe(n.text))}</t></r></text></comment>`,
    )
    .join("");
  const names = [...authors.keys()].map((a) => `<author>${xmlEscape(a)}</author>`).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<comments xmlns="${NS_MAIN}"><authors>${names || `<author>${NOTE_AUTHOR}</author>`}</authors><commentList>${list}</commentList></comments>`
  );
}

/** The legacy VML drawing Excel needs to show the notes (one hidden note shape per cell). */
export function vmlXml(notes: NoteDescription[]): string {
  const shapes = notes
    .map((n, i) => {
      const { row, col } = parseAddress(n.cell);
      const anchor = `${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 3}, 15, ${row + 3}, 4`;
      return (
        `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute; margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
        `<x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join("");
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes}</xml>`
  );
}
