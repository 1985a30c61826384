// XmlScanner.cell() (a cell tag in one pass) against the general tag reader it shortcuts: random sheets of
// cell tags written well and badly read to the same snapshot, or are refused with the same message, with
// the shortcut on and off. The shortcut must change speed only.
import fc from "fast-check";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { readWorkbook } from "../../../src/xlsx/read";
import { CELL_NONE, XmlScanner } from "../../../src/xlsx/read-scan";
import { rawXlsx } from "./raw-xlsx";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Mostly what writers produce, sometimes not: a sheet with one malformed tag is refused whole. */
const often = <T>(usual: T[], rare: T[]) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...usual) },
    { weight: 1, arbitrary: fc.constantFrom(...rare) },
  );
const space = often([" "], ["  ", "\t", "\n", "\r\n"]);
const quote = often(['"'], ["'"]);
const attrValue = fc.constantFrom(
  "A1",
  "B2",
  "AA10",
  "C",
  "2",
  "",
  "1",
  "0",
  "s",
  "str",
  "n",
  "b",
  ">",
  "/>",
  "a b",
);
const attrName = fc.constantFrom("r", "r", "s", "t", "x", "rr", "x:r", "cm");
const attr = fc
  .tuple(space, attrName, often(["="], [" = ", "=="]), quote, attrValue)
  .map(([sp, n, eq, q, v]) => `${sp}${n}${eq}${q}${v.replace(q, "")}${q}`);
const value = fc.constantFrom("1", "2.5", "-0", "0", "a&amp;b", "x", "", "<![CDATA[7]]>", "1E3");
const end = often(["/>", ">", ">"], [" />", "/ >"]);
const body = often(
  [(v: string) => `<v>${v}</v></c>`, (v: string) => `<f>1+1</f><v>${v}</v></c>`, () => "</c>"],
  [
    (v: string) => `<v>${v}</v ></c>`,
    (v: string) => `<v>${v}</v></c >`,
    (v: string) => `<is><t>${v}</t></is></c>`,
    (v: string) => `<v>${v}</v>`,
  ],
);
const cell = fc
  .tuple(often(["<c"], ["<x:c", "<cc"]), fc.array(attr, { maxLength: 4 }), end, body, value)
  .map(([open, attrs, e, b, v]) => `${open}${attrs.join("")}${e}${e.includes("/") ? "" : b(v)}`);
const sheet = fc
  .array(fc.array(cell, { maxLength: 5 }), { minLength: 1, maxLength: 4 })
  .map(
    (rows) =>
      `<worksheet xmlns="${NS}" xmlns:x="${NS}"><sheetData>` +
      rows.map((r, i) => `<row r="${i + 1}">${r.join("")}</row>`).join("") +
      "</sheetData></worksheet>",
  );

async function outcome(bytes: Uint8Array): Promise<unknown> {
  try {
    const s: WorkbookSnapshot = await readWorkbook(bytes);
    return { sheets: s.sheets };
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

afterEach(() => jest.restoreAllMocks());

test("random cell tags: the same snapshot or refusal with the one-pass cell reader and without it", async () => {
  let read = 0;
  await fc.assert(
    fc.asyncProperty(sheet, async (xml) => {
      const bytes = await rawXlsx({ dataSheet: xml });
      const fast = await outcome(bytes);
      const spy = jest.spyOn(XmlScanner.prototype, "cell").mockReturnValue(CELL_NONE);
      const general = await outcome(bytes);
      spy.mockRestore();
      if (!("refused" in (fast as object))) read++;
      expect(fast).toEqual(general);
    }),
    { numRuns: 300 },
  );
  // The grammar must produce readable sheets too, not only refusals.
  expect(read).toBeGreaterThan(100);
});
