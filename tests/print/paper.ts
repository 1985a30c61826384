// Paper as a client: render a workbook or document with LibreOffice headless to PDF, read the word
// boxes with `pdftotext -bbox-layout`, and list what a reader of the printed page would object to.
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync } from "fs";
import * as path from "path";

export interface Word {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

export interface Page {
  width: number;
  height: number;
}

export const hasPaperTools = (): boolean =>
  spawnSync("which", ["soffice"]).status === 0 && spawnSync("which", ["pdftotext"]).status === 0;

/** Converts `file` to PDF in `outDir` (its own LibreOffice profile, so parallel tests do not collide). */
export function toPdf(file: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const profile = path.join(outDir, ".lo-profile");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      file,
    ],
    { stdio: "ignore", timeout: 180000 },
  );
  const pdf = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, ".pdf"));
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${file}`);
  return pdf;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

export function wordsOf(pdf: string): { pages: Page[]; words: Word[] } {
  const html = pdf.replace(/\.pdf$/, ".bbox.html");
  execFileSync("pdftotext", ["-bbox-layout", pdf, html], { stdio: "ignore" });
  const text = readFileSync(html, "utf8");
  const pages: Page[] = [];
  const words: Word[] = [];
  const re =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]) });
    else
      words.push({
        page: pages.length,
        x0: Number(m[3]),
        y0: Number(m[4]),
        x1: Number(m[5]),
        y1: Number(m[6]),
        text: unescape(m[7]),
      });
  }
  return { pages, words };
}

/** A word's box is about 1.21 × its font size high in the fonts LibreOffice falls back to here
 * (WenQuanYi Micro Hei 1.21, DejaVu Sans 1.16); the smaller ratio errs towards passing a legible word. */
export const pointSize = (w: Word): number => (w.y1 - w.y0) / 1.16;

export const MIN_POINTS = 8;

const overlapArea = (a: Word, b: Word) =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) *
  Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** Snake_case or dotted lowercase codes (innovative_smes, uscc.checksum), not file names. */
const CODE = /(?<![A-Za-z0-9])[a-z][a-z0-9]*(?:[._][a-z][a-z0-9]*)+(?![A-Za-z0-9])/g;
const FILE_EXT = /\.(xlsx|xls|docx|pdf|json)$/;
const ISO = /\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?/;

export interface PaperProblems {
  small: Word[];
  overlaps: [Word, Word][];
  codes: Word[];
  iso: Word[];
}

export function paperProblems(words: Word[]): PaperProblems {
  const small = words.filter((w) => w.text.trim() && pointSize(w) < MIN_POINTS - 0.05);
  const overlaps: [Word, Word][] = [];
  const byPage = new Map<number, Word[]>();
  for (const w of words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const list of byPage.values()) {
    list.sort((a, b) => a.y0 - b.y0);
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length && list[j].y0 < list[i].y1; j++) {
        const a = list[i];
        const b = list[j];
        const smaller = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
        if (overlapArea(a, b) > 0.15 * smaller) overlaps.push([a, b]);
      }
  }
  const codes = words.filter((w) =>
    [...w.text.matchAll(CODE)].some((m) => !FILE_EXT.test(m[0]) && !/^(xlsx|docx)$/.test(m[0])),
  );
  const iso = words.filter((w) => ISO.test(w.text));
  return { small, overlaps, codes, iso };
}

export function problemsText(p: PaperProblems, max = 8): string {
  const w = (x: Word) => `p${x.page} ${x.text.slice(0, 40)} (${pointSize(x).toFixed(1)}pt)`;
  return [
    `small ${p.small.length}: ${p.small.slice(0, max).map(w).join(" | ")}`,
    `overlaps ${p.overlaps.length}: ${p.overlaps
      .slice(0, max)
      .map(([a, b]) => `${w(a)} × ${w(b)}`)
      .join(" | ")}`,
    `codes ${p.codes.length}: ${p.codes.slice(0, max).map(w).join(" | ")}`,
    `iso ${p.iso.length}: ${p.iso.slice(0, max).map(w).join(" | ")}`,
  ].join("\n");
}
