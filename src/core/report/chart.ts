// A line chart as plain shapes (lines, dots, rectangles, short ASCII labels) in pixel coordinates, so one
// layout serves every place that draws it: the .docx's SVG and its PNG fallback (src/docx), and the
// pane's inline SVG (src/taskpane). Labels are digits and period ids only: words in Chinese belong in the
// caption and the table beside a chart, where the reader's fonts draw them (a bitmap cannot).

export type Shape =
  | { kind: "line"; points: [number, number][]; color: string; width: number; dash?: [number, number] }
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill: string }
  | { kind: "dot"; x: number; y: number; r: number; fill: string }
  | {
      kind: "text";
      x: number;
      y: number;
      text: string;
      size: number;
      anchor: "start" | "middle" | "end";
      fill: string;
    };

export interface ChartPicture {
  width: number;
  height: number;
  shapes: Shape[];
}

export interface LineSeries {
  values: (number | null)[];
  color: string;
  dash?: boolean;
}

export interface LineChartSpec {
  width: number;
  height: number;
  /** Short ASCII labels of the rounds (see periodTick). */
  categories: string[];
  series: LineSeries[];
  /** Label size in px (the bitmap font draws multiples of 7). */
  text?: number;
  /** Line width in px. */
  line?: number;
  /** After each y label ("%" for shares drawn as percentages). */
  tickSuffix?: string;
  /** Every k-th category labelled; default: as many as fit. */
  labelEvery?: number;
}

/** Colours that differ also for readers with red–green colour blindness (Okabe–Ito blue, vermilion). */
export const CHART_COLORS = { blue: "#0072B2", vermilion: "#D55E00", grey: "#595959", axis: "#404040" };

/** "2025Q3" → "25Q3", "2025H1" → "25H1", "2025" → "2025": a round on a chart's axis. */
export const periodTick = (id: string) => (/^\d{4}\D/.test(id) ? id.slice(2) : id);

/** A round number at or above x: 1, 2, 2.5, 5 × 10^k. */
function niceStep(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  const f = x / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

/** A tick's label: no more decimals than the step needs, no exponent. */
export function tickText(v: number, step: number): string {
  let d = 0;
  while (d < 4 && Math.abs(step * 10 ** d - Math.round(step * 10 ** d)) > 1e-9) d++;
  return v.toFixed(d);
}

/** The y axis: from 0 (or the lowest value, if negative) to a round number above the highest. */
export function yAxis(values: number[], ticks = 4): { min: number; max: number; step: number } {
  const hi = Math.max(0, ...values);
  const lo = Math.min(0, ...values);
  const step = niceStep((hi - lo) / ticks || 1);
  const min = Math.floor(lo / step) * step;
  const max = Math.max(min + step, Math.ceil(hi / step) * step);
  return { min, max, step };
}

export function lineChart(spec: LineChartSpec): ChartPicture {
  const text = spec.text ?? 14;
  const lw = spec.line ?? 3;
  const n = spec.categories.length;
  const values = spec.series.flatMap((s) =>
    s.values.filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  const y = yAxis(values);
  const labels: string[] = [];
  for (let v = y.min; v <= y.max + y.step / 2; v += y.step)
    labels.push(tickText(v, y.step) + (spec.tickSuffix ?? ""));
  const charW = (text * 6) / 7;
  const left = Math.ceil(Math.max(...labels.map((l) => l.length)) * charW + text);
  // Room for half a round's label each side of the first and last round.
  const widest = Math.max(1, ...spec.categories.map((c) => c.length)) * charW + text;
  const inset = n > 1 ? widest / 2 : 0;
  const right = Math.ceil(text);
  const top = Math.ceil(text);
  const bottom = Math.ceil(text * 2.2);
  const plotW = spec.width - left - right;
  const plotH = spec.height - top - bottom;
  const xOf = (i: number) => left + (n <= 1 ? plotW / 2 : inset + (i * (plotW - 2 * inset)) / (n - 1));
  const yOf = (v: number) => top + plotH - ((v - y.min) / (y.max - y.min)) * plotH;
  const shapes: Shape[] = [{ kind: "rect", x: 0, y: 0, w: spec.width, h: spec.height, fill: "#FFFFFF" }];
  // Grid and y labels.
  labels.forEach((l, k) => {
    const yy = Math.round(yOf(y.min + k * y.step)) + 0.5;
    shapes.push({
      kind: "line",
      points: [
        [left, yy],
        [left + plotW, yy],
      ],
      color: k === 0 ? CHART_COLORS.axis : "#D9D9D9",
      width: 1,
    });
    shapes.push({
      kind: "text",
      x: left - text / 2,
      y: yy + text / 2,
      text: l,
      size: text,
      anchor: "end",
      fill: CHART_COLORS.axis,
    });
  });
  // x labels: as many as fit without touching.
  const every =
    spec.labelEvery ?? Math.max(1, Math.ceil(widest / (n <= 1 ? plotW : (plotW - 2 * inset) / (n - 1))));
  spec.categories.forEach((c, i) => {
    if (i % every !== 0 && i !== n - 1) return;
    if (i !== n - 1 && n - 1 - i < every && n > 1) return; // would touch the last label
    shapes.push({
      kind: "text",
      x: xOf(i),
      y: top + plotH + text * 1.6,
      text: c,
      size: text,
      anchor: "middle",
      fill: CHART_COLORS.axis,
    });
  });
  // Series: a line through each run of known values, a dot on each.
  for (const s of spec.series) {
    let run: [number, number][] = [];
    const flush = () => {
      if (run.length > 1)
        shapes.push({
          kind: "line",
          points: run,
          color: s.color,
          width: lw,
          dash: s.dash ? [lw * 3, lw * 2] : undefined,
        });
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) return flush();
      run.push([xOf(i), yOf(v)]);
    });
    flush();
    s.values.forEach((v, i) => {
      if (v !== null && Number.isFinite(v))
        shapes.push({ kind: "dot", x: xOf(i), y: yOf(v), r: lw * 1.2, fill: s.color });
    });
  }
  return { width: spec.width, height: spec.height, shapes };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (x: number) => String(Math.round(x * 100) / 100);

/** The picture as a standalone SVG document (what the .docx embeds beside its PNG fallback). */
export function chartSvg(p: ChartPicture, title: string): string {
  const body = p.shapes
    .map((s) => {
      switch (s.kind) {
        case "rect":
          return `<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.w)}" height="${num(s.h)}" fill="${s.fill}"/>`;
        case "dot":
          return `<circle cx="${num(s.x)}" cy="${num(s.y)}" r="${num(s.r)}" fill="${s.fill}"/>`;
        case "line":
          return (
            `<polyline fill="none" stroke="${s.color}" stroke-width="${num(s.width)}" stroke-linejoin="round"` +
            (s.dash ? ` stroke-dasharray="${s.dash.map(num).join(" ")}"` : "") +
            ` points="${s.points.map(([x, y]) => `${num(x)},${num(y)}`).join(" ")}"/>`
          );
        case "text":
          return (
            `<text x="${num(s.x)}" y="${num(s.y)}" font-size="${num(s.size)}" font-family="Arial, sans-serif"` +
            ` text-anchor="${s.anchor}" fill="${s.fill}">${esc(s.text)}</text>`
          );
      }
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${p.height}" viewBox="0 0 ${p.width} ${p.height}">` +
    `<title>${esc(title)}</title>${body}</svg>`
  );
}
