// The one XML tokeniser of the reader: htmlparser2 in xmlMode (entities and character references decoded,
// CDATA as text). Element names reach handlers without their namespace prefix ("x:c" -> "c"), because some
// writers prefix SpreadsheetML. htmlparser2 forgives malformed XML; a close it had to imply (a tag left open
// or closed out of order) is what ExcelJS's strict parser refused, so it is refused here too.
import { Parser } from "htmlparser2";
import { WorkbookReadError } from "../../../../src/xlsx/read-error";

export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Parses one part; throws WorkbookReadError("file.corrupt") naming the part when it is not well formed. */
export function parseXml(source: string, part: string, h: XmlHandlers): void {
  // XML parsers see every line break as LF (XML 1.0 §2.11); a CR kept as &#13; is not affected.
  const xml = source.includes("\r") ? source.replace(/\r\n?/g, "\n") : source;
  let bad: string | null = null;
  let roots = 0;
  let depth = 0;
  let openedAt = -1;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        if (depth++ === 0) roots++;
        openedAt = parser.startIndex;
        h.open(localName(name), attrs);
      },
      ontext: h.text,
      onclosetag(name, implied) {
        depth--;
        // htmlparser2 also calls a self-closing <c/> "implied"; that one ends in "/>" where it opened.
        if (implied && bad === null) {
          const end = parser.endIndex;
          const selfClosing =
            parser.startIndex === openedAt && xml.charCodeAt(end - 1) === 47 && xml[end] === ">";
          if (!selfClosing) bad = `<${name}> 未闭合`;
        }
        h.close?.(localName(name));
      },
    },
    { xmlMode: true },
  );
  try {
    parser.write(xml);
    parser.end();
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    bad = (e as Error).message;
  }
  if (bad === null && roots !== 1) bad = roots === 0 ? "没有根元素" : "有多个根元素";
  if (bad !== null) throw new WorkbookReadError("file.corrupt", { detail: `${part}: ${bad}` });
}
