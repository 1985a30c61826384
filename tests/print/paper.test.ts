// Paper is a client: every workbook we write and the .docx, rendered by LibreOffice to PDF and read back
// word by word: the bulletin and its .docx, the template, the targets workbook and an annotated return.
// Nothing under 8 pt, no two words overlapping, no snake_case or dotted codes, no ISO timestamps.
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { hasPaperTools, paperProblems, problemsText, toPdf, wordsOf } from "./paper";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin", "srdi.js");
const run = hasPaperTools() ? describe : describe.skip;
let dir: string;

beforeAll(() => {
  if (!hasPaperTools()) return;
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"],
    { cwd: root },
  );
  dir = mkdtempSync(path.join(tmpdir(), "srdi-paper-"));
  const srdi = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8" });
  expect(srdi("demo", "--out", "demo").status).toBe(0);
  const returns = readdirSync(path.join(dir, "demo", "returns")).map((f) => path.join("demo", "returns", f));
  const r = srdi(
    "aggregate",
    ...returns,
    "--targets",
    path.join("demo", "目标分解-2025Q3.xlsx"),
    "--date",
    "2025-10-20",
    "--previous",
    path.join("demo", "工作通报-2025Q3.xlsx"),
    "--out",
    "bulletin.xlsx",
    "--docx",
    "bulletin.docx",
  );
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  srdi("check", path.join("demo", "returns", "320723-灌云县-2025Q3.xlsx"), "--annotate", "annotated");
  // A province's bulletin (its own words, 州（市） names in every table) prints as cleanly.
  const yn = path.join(root, "assets", "plans", "yunnan-2025-2027.xlsx");
  expect(srdi("demo", "--plan", yn, "--out", "yn").status).toBe(0);
  const ynReturns = readdirSync(path.join(dir, "yn", "returns")).map((f) => path.join("yn", "returns", f));
  const y = srdi(
    "aggregate",
    ...ynReturns,
    "--plan",
    yn,
    "--targets",
    path.join("yn", "目标分解-2025Q3.xlsx"),
    "--date",
    "2025-10-20",
    "--out",
    "yn-bulletin.xlsx",
    "--docx",
    "yn-bulletin.docx",
  );
  expect(y.status).toBe(0);
}, 480000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const render = (file: string) => {
  const { pages, words } = wordsOf(toPdf(path.join(dir, file), path.join(dir, "pdf")));
  const p = paperProblems(words);
  return { pages, words, p, text: `${file}: ${pages.length} pages\n${problemsText(p)}` };
};

run("paper", () => {
  const clean = (file: string, pages: number) =>
    `${file}: ${pages} pages\n${problemsText({ small: [], overlaps: [], codes: [], iso: [] })}`;
  test.each([
    "bulletin.xlsx",
    "bulletin.docx",
    "yn-bulletin.xlsx",
    "yn-bulletin.docx",
    path.join("demo", "templates", "320723-灌云县-2025Q3.xlsx"),
    path.join("demo", "目标分解-2025Q3.xlsx"),
    path.join("annotated", "320723-灌云县-2025Q3-校验结果.xlsx"),
  ])(
    "%s: A4, nothing under 8 pt, no overprint, no codes, no ISO times",
    (file) => {
      const { pages, words, text } = render(file);
      expect(words.length).toBeGreaterThan(150);
      for (const pg of pages)
        expect([Math.round(pg.width), Math.round(pg.height)].sort()).toEqual([595, 842]);
      expect(text).toBe(clean(file, pages.length));
    },
    240000,
  );
});
