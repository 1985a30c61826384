// A drop's files (src/files/io.ts filesFromDrop): a folder walked through the File System Access handles
// (what Chromium allows a page opened from disk), else the legacy entries API (Firefox, Safari); its .xlsx
// files only, sub-folders too; a folder the browser will not open is counted, not lost in silence; capped.
import { filesFromDrop, MAX_DROPPED } from "../../src/files/io";

const file = (name: string) => ({ name, size: 1, lastModified: 1 }) as unknown as File;

type H = {
  kind: "file" | "directory";
  name: string;
  getFile?: () => Promise<File>;
  values?: () => AsyncIterable<H>;
};
const fh = (name: string): H => ({ kind: "file", name, getFile: async () => file(name) });
const dh = (name: string, kids: H[]): H => ({
  kind: "directory",
  name,
  async *values() {
    yield* kids;
  },
});

type E = { isFile: boolean; isDirectory: boolean; name: string; file?: unknown; createReader?: unknown };
const fe = (name: string): E => ({
  isFile: true,
  isDirectory: false,
  name,
  file: (ok: (f: File) => void) => ok(file(name)),
});
const de = (name: string, kids: E[] | "fails"): E => ({
  isFile: false,
  isDirectory: true,
  name,
  createReader: () => {
    let done = false;
    return {
      readEntries(ok: (e: E[]) => void, err: (e: unknown) => void) {
        if (kids === "fails") return err(new Error("EncodingError"));
        ok(done ? [] : kids);
        done = true;
      },
    };
  },
});

const drop = (items: { handle?: H | null; entry?: E | null; file?: File | null }[]) =>
  ({
    items: items.map((i) => ({
      kind: "file",
      ...(i.handle !== undefined ? { getAsFileSystemHandle: async () => i.handle } : {}),
      webkitGetAsEntry: () => i.entry ?? null,
      getAsFile: () => i.file ?? null,
    })),
    files: [],
  }) as unknown as DataTransfer;

test("a folder by its handle: .xlsx files of it and its sub-folders, other files left; a loose file as it is", async () => {
  const r = await filesFromDrop(
    drop([
      { handle: dh("报表", [fh("a.xlsx"), fh("说明.txt"), dh("二级", [fh("b.XLSX"), fh("c.docx")])]) },
      { handle: fh("loose.txt") },
    ]),
  );
  expect(r.files.map((f) => f.name).sort()).toEqual(["a.xlsx", "b.XLSX", "loose.txt"]);
  expect(r.more).toBe(false);
  expect(r.unread).toBe(0);
});

test("without handles the entries API is walked; a folder it cannot open is counted as unread", async () => {
  const r = await filesFromDrop(
    drop([
      { entry: de("报表", [fe("a.xlsx"), fe("x.txt"), de("二级", [fe("b.xlsx")])]) },
      { entry: de("锁定", "fails") },
      { entry: null, file: file("plain.xlsx") },
    ]),
  );
  expect(r.files.map((f) => f.name).sort()).toEqual(["a.xlsx", "b.xlsx", "plain.xlsx"]);
  expect(r.unread).toBe(1);
});

test("a folder of more files than the cap: the first MAX_DROPPED are taken and `more` says the rest were not", async () => {
  const many = Array.from({ length: MAX_DROPPED + 5 }, (_, i) => fh(`${i}.xlsx`));
  const r = await filesFromDrop(drop([{ handle: dh("大量", many) }]));
  expect(r.files).toHaveLength(MAX_DROPPED);
  expect(r.more).toBe(true);
});
