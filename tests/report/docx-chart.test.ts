// The .docx's chart: the pace counts by round drawn by the project itself (SVG with its PNG fallback, no
// canvas package, no network), above the 参考 table that holds its figures. The PNG is decoded here and
// its pixels looked at: the two series' colours are there, on a white page, where the figures put them.
import JSZip from "jszip";
import { unzlibSync } from "fflate";
import { writeFileSync } from "fs";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { CHART_COLORS, lineChart, yAxis } from "../../src/core/report/chart";
import { bulletinDocument } from "../../src/core/report/document";
import type { History } from "../../src/core/report/history";
import { figuresOf } from "../../src/core/report/previous";
import { runRound, type RoundResult } from "../../src/core/report/round-result";
import { CHART_SCALE, writeBulletinDocx } from "../../src/docx/bulletin-docx";
import { encodePng } from "../../src/docx/png";
import { rasterise } from "../../src/docx/raster";
import { code, ret } from "../aggregate/fixtures";

const plan = DEFAULT_PLAN;
const PERIODS = ["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"];
const firm = (n: number) => ({
  uscc: code(n),
  innovative_year: 2024,
  provincial_srdi_year: 2024,
  revenue: 1000,
  rd_expense: 30 + n,
});
const round = (period: string, i: number): RoundResult =>
  runRound({
    plan,
    period: parsePeriod(period)!,
    returns: [
      ret(
        "320703",
        Array.from({ length: 3 + 4 * i }, (_, k) => firm(k + 1)),
        { period },
      ),
      ret(
        "320706",
        Array.from({ length: 2 + 6 * i }, (_, k) => firm(100 + k)),
        { period },
      ),
    ],
  });

/** PNG bytes -> RGB rows (8-bit truecolour, the filters of ISO/IEC 15948 undone). */
function decodePng(bytes: Uint8Array): { width: number; height: number; rgb: Uint8Array } {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (at < bytes.length) {
    const len = v.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + len);
    if (type === "IHDR") {
      width = v.getUint32(at + 8);
      height = v.getUint32(at + 12);
      expect([...data.subarray(8, 10)]).toEqual([8, 2]);
    }
    if (type === "IDAT") idat.push(data);
    at += 12 + len;
  }
  const z = new Uint8Array(idat.reduce((n, x) => n + x.length, 0));
  idat.reduce((o, x) => (z.set(x, o), o + x.length), 0);
  const raw = unzlibSync(z);
  const line = width * 3;
  const rgb = new Uint8Array(line * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (line + 1)];
    for (let x = 0; x < line; x++) {
      const r = raw[y * (line + 1) + 1 + x];
      const a = x >= 3 ? rgb[y * line + x - 3] : 0;
      const b = y > 0 ? rgb[(y - 1) * line + x] : 0;
      const c = x >= 3 && y > 0 ? rgb[(y - 1) * line + x - 3] : 0;
      const p = a + b - c;
      const pr =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      rgb[y * line + x] = (r + [0, a, b, (a + b) >> 1, pr][f]) & 255;
    }
  }
  return { width, height, rgb };
}

const hex = (c: string) => [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16));
const count = (px: { rgb: Uint8Array }, c: number[]) => {
  let n = 0;
  for (let k = 0; k < px.rgb.length; k += 3)
    if (px.rgb[k] === c[0] && px.rgb[k + 1] === c[1] && px.rgb[k + 2] === c[2]) n++;
  return n;
};

test("the .docx carries the pace chart as SVG with a PNG fallback, drawn and not blank", async () => {
  const rounds = PERIODS.map((p, i) => round(p, i));
  const history: History = { rounds: rounds.slice(0, -1).map((r) => figuresOf(r, plan)), problems: [] };
  const doc = bulletinDocument(rounds[7], plan, { issuedOn: "2026-01-20", history });
  const table = doc.tables.find((t) => t.label === "参考")!;
  expect(table.chart).toBeDefined();
  const bytes = await writeBulletinDocx(doc);
  if (process.env.SRDI_KEEP_DOCX) writeFileSync(process.env.SRDI_KEEP_DOCX, bytes);
  const zip = await JSZip.loadAsync(bytes);
  const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
  const pngName = media.find((f) => f.endsWith(".png"))!;
  const svgName = media.find((f) => f.endsWith(".svg"))!;
  expect(pngName).toBeDefined();
  expect(svgName).toBeDefined();
  const body = await zip.file("word/document.xml")!.async("string");
  expect(body).toContain("svgBlip");
  expect(body).toContain(`descr="${table.chart!.alt}"`);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  expect(types).toMatch(/Extension="svg"/);

  const png = decodePng(await zip.file(pngName)!.async("uint8array"));
  const pic = table.chart!.picture;
  expect([png.width, png.height]).toEqual([pic.width * CHART_SCALE, pic.height * CHART_SCALE]);
  const white = count(png, [255, 255, 255]);
  const blue = count(png, hex(CHART_COLORS.blue));
  const red = count(png, hex(CHART_COLORS.vermilion));
  // Mostly white paper, and both lines drawn in full colour over many pixels.
  expect(white / (png.width * png.height)).toBeGreaterThan(0.7);
  expect(blue).toBeGreaterThan(1500);
  expect(red).toBeGreaterThan(800);
  // The on-pace line's last dot sits where its figure puts it: the chart's right edge at its height.
  const pace = table.rows.map((r) => Number(r[1]));
  const y = yAxis(table.rows.flatMap((r) => [Number(r[1]), Number(r[2])]));
  const dot = pic.shapes.filter((s) => s.kind === "dot" && s.fill === CHART_COLORS.blue).at(-1)!;
  if (dot.kind !== "dot") throw new Error("no dot");
  const px = (x: number, yy: number) => [
    ...png.rgb.subarray((yy * png.width + x) * 3, (yy * png.width + x) * 3 + 3),
  ];
  expect(px(Math.floor(dot.x * CHART_SCALE), Math.floor(dot.y * CHART_SCALE))).toEqual(
    hex(CHART_COLORS.blue),
  );
  expect(y.max).toBeGreaterThanOrEqual(Math.max(...pace));

  // The SVG draws the same shapes, and holds no script or outside reference.
  const svg = await zip.file(svgName)!.async("string");
  expect(svg.match(/<polyline/g)?.length).toBe(pic.shapes.filter((s) => s.kind === "line").length);
  expect(svg).not.toMatch(/<script|href=/);
});

test("a round with no figures leaves a gap in the line, not a drop to zero", () => {
  const p = lineChart({
    width: 200,
    height: 100,
    categories: ["24Q1", "24Q2", "24Q3"],
    series: [{ values: [1, null, 3], color: CHART_COLORS.blue }],
  });
  const series = p.shapes.filter((s) => s.kind === "line" && s.color === CHART_COLORS.blue);
  expect(series).toHaveLength(0); // two single points, no segment joins them
  expect(p.shapes.filter((s) => s.kind === "dot")).toHaveLength(2);
});

test("the PNG encoder writes what the decoder reads back", () => {
  const pic = lineChart({
    width: 120,
    height: 60,
    categories: ["1", "2"],
    series: [{ values: [0, 5], color: CHART_COLORS.vermilion, dash: true }],
  });
  const px = rasterise(pic);
  expect(decodePng(encodePng(px)).rgb).toEqual(px.rgb);
});
