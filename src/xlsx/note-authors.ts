// ExcelJS writes every note's author as "Author" (its comments part hard-codes one <author>): Excel and WPS
// then show "Author:" above a note the bureau wrote. The notes' parts of what ExcelJS wrote get the
// authors the description names instead (a note without one: NOTE_AUTHOR), each comment pointing at its
// own. The XML rewritten is ExcelJS's own output, in its fixed shape.
import JSZip from "jszip";
import { parseRels, sheetParts } from "./chart-part";
import { xmlEscape } from "./chart-xml";
import { NOTE_AUTHOR } from "./stream-extras";

const REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const AUTHORS = /<authors>[\s\S]*?<\/authors>/;
const COMMENT = /<comment ref="([A-Z]{1,3}[0-9]{1,7})" authorId="[0-9]+"/g;

/** Each sheet's notes part (comments): the sheet's name, the part's path and its XML. */
async function notesParts(zip: JSZip): Promise<{ sheet: string; target: string; xml: string }[]> {
  const read = (p: string) => zip.file(p)?.async("string") ?? Promise.resolve("");
  const parts = sheetParts(await read("xl/workbook.xml"), await read("xl/_rels/workbook.xml.rels"));
  const out: { sheet: string; target: string; xml: string }[] = [];
  for (const [sheet, part] of parts) {
    const slash = part.lastIndexOf("/");
    const relsPart = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
    if (!zip.file(relsPart)) continue;
    const rel = parseRels(await read(relsPart)).find((r) => r.type === REL_COMMENTS);
    if (!rel) continue;
    const target = rel.target.startsWith("/")
      ? rel.target.slice(1)
      : new URL(rel.target, `http://x/${part.slice(0, slash)}/`).pathname.slice(1);
    const xml = await read(target);
    out.push({ sheet, target, xml });
  }
  return out;
}

/** Sheet name -> cell -> author. */
export type NoteAuthors = Map<string, Map<string, string>>;

/** The .xlsx with each note's author set (sheets not in `authors`: every note by `fallback`). */
export async function setNoteAuthors(
  bytes: Uint8Array,
  authors: NoteAuthors,
  fallback: string = NOTE_AUTHOR,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const { sheet, target, xml } of await notesParts(zip)) {
    if (!xml) continue;
    const byCell = authors.get(sheet);
    const names: string[] = [];
    const idOf = (a: string) => {
      const i = names.indexOf(a);
      return i >= 0 ? i : names.push(a) - 1;
    };
    const body = xml.replace(
      COMMENT,
      (_, ref: string) => `<comment ref="${ref}" authorId="${idOf(byCell?.get(ref) ?? fallback)}"`,
    );
    if (!names.length) continue;
    const list = `<authors>${names.map((a) => `<author>${xmlEscape(a)}</author>`).join("")}</authors>`;
    zip.file(
      target,
      body.replace(AUTHORS, () => list),
    );
    changed = true;
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}

/** Notes read per sheet at most (a hostile file may hold any number). */
const MAX_NOTES = 100_000;
const AUTHOR = /<author>([^<]{0,500})<\/author>|<author\/>/g;
const COMMENT_TAG = /<comment\s[^>]{0,500}>/g;
const ATTR_REF = /\sref="([A-Z]{1,3}[0-9]{1,7})"/;
const ATTR_AUTHOR = /\sauthorId="([0-9]{1,6})"/;
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The notes' authors of a workbook as it was (before ExcelJS read and wrote it again, losing them). */
export async function readNoteAuthors(bytes: Uint8Array): Promise<NoteAuthors> {
  const out: NoteAuthors = new Map();
  const zip = await JSZip.loadAsync(bytes);
  for (const { sheet, xml } of await notesParts(zip)) {
    const names = [...xml.matchAll(AUTHOR)].map((m) => unescape(m[1] ?? ""));
    const byCell = new Map<string, string>();
    for (const m of xml.matchAll(COMMENT_TAG)) {
      if (byCell.size >= MAX_NOTES) break;
      const ref = ATTR_REF.exec(m[0])?.[1];
      const name = names[Number(ATTR_AUTHOR.exec(m[0])?.[1] ?? -1)];
      if (ref && name && name !== "Author") byCell.set(ref, name);
    }
    if (byCell.size) out.set(sheet, byCell);
  }
  return out;
}
