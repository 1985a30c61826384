// Draws a ChartPicture (src/core/report/chart.ts) into RGB pixels, in plain JS: the PNG fallback the
// .docx must carry beside its SVG, made without a canvas package (none installs without native code) and
// without the network. Lines and dots are antialiased by their distance to each pixel; labels use a 5 × 7
// bitmap font of the characters the chart writes (digits, . - + % and the period letters Q H M Y).
import type { ChartPicture, Shape } from "../core/report/chart";

export interface Pixels {
  width: number;
  height: number;
  /** RGB, row by row, 3 bytes a pixel. */
  rgb: Uint8Array;
}

/** A cap on the pixels one chart may take (16 MB of RGB): pictures come from our own layout, but a size
 * is data all the same. */
export const MAX_PIXELS = 4096 * 1365;

const FONT: Record<string, string[]> = {
  "0": ["01110", "10001", "10011", "10101", "11001", "10001", "01110"],
  "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
  "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
  "3": ["11111", "00010", "00100", "00010", "00001", "10001", "01110"],
  "4": ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
  "5": ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
  "6": ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
  "7": ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
  "8": ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
  "9": ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
  ".": ["00000", "00000", "00000", "00000", "00000", "01100", "01100"],
  "-": ["00000", "00000", "00000", "11111", "00000", "00000", "00000"],
  "+": ["00000", "00100", "00100", "11111", "00100", "00100", "00000"],
  "%": ["11000", "11001", "00010", "00100", "01000", "10011", "00011"],
  Q: ["01110", "10001", "10001", "10001", "10101", "10010", "01101"],
  H: ["10001", "10001", "10001", "11111", "10001", "10001", "10001"],
  M: ["10001", "11011", "10101", "10101", "10001", "10001", "10001"],
  Y: ["10001", "10001", "01010", "00100", "00100", "00100", "00100"],
};

const rgbOf = (hex: string): [number, number, number] => {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  const n = m ? parseInt(m[1], 16) : 0;
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

export function rasterise(p: ChartPicture, scale = 1): Pixels {
  const width = Math.max(1, Math.round(p.width * scale));
  const height = Math.max(1, Math.round(p.height * scale));
  if (width * height > MAX_PIXELS) throw new RangeError(`chart of ${width} × ${height} px is over the cap`);
  const rgb = new Uint8Array(width * height * 3).fill(255);
  const blend = (x: number, y: number, c: [number, number, number], a: number) => {
    if (a <= 0 || x < 0 || y < 0 || x >= width || y >= height) return;
    const k = (y * width + x) * 3;
    const b = Math.min(1, a);
    for (let j = 0; j < 3; j++) rgb[k + j] = Math.round(rgb[k + j] * (1 - b) + c[j] * b);
  };
  // Coverage of pixel centres within `half` of a segment, with a 1 px soft edge.
  const segment = (
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    half: number,
    c: [number, number, number],
  ) => {
    const dx = x1 - x0;
    const dy = y1 - y0;
    const len2 = dx * dx + dy * dy;
    const ax = Math.max(0, Math.floor(Math.min(x0, x1) - half - 1));
    const bx = Math.min(width - 1, Math.ceil(Math.max(x0, x1) + half + 1));
    const ay = Math.max(0, Math.floor(Math.min(y0, y1) - half - 1));
    const by = Math.min(height - 1, Math.ceil(Math.max(y0, y1) + half + 1));
    const len = Math.sqrt(len2);
    for (let y = ay; y <= by; y++) {
      // Only the run of the row within reach of the segment's line (a long diagonal's bounding box is
      // mostly empty): |(px − x0)·dy − (py − y0)·dx| ≤ (half + 1)·len.
      let lo = ax;
      let hi = bx;
      if (len2 > 0 && Math.abs(dy) > 1e-9) {
        const mid = x0 - 0.5 + ((y + 0.5 - y0) * dx) / dy;
        const w = Math.abs(((half + 1) * len) / dy);
        lo = Math.max(ax, Math.floor(mid - w));
        hi = Math.min(bx, Math.ceil(mid + w));
      }
      for (let x = lo; x <= hi; x++) {
        const px = x + 0.5;
        const py = y + 0.5;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2));
        const d = Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
        const a = half + 0.5 - d;
        if (a > 0) blend(x, y, c, a);
      }
    }
  };
  const draw = (s: Shape) => {
    switch (s.kind) {
      case "rect": {
        const c = rgbOf(s.fill);
        const x0 = Math.max(0, Math.round(s.x * scale));
        const y0 = Math.max(0, Math.round(s.y * scale));
        const x1 = Math.min(width, Math.round((s.x + s.w) * scale));
        const y1 = Math.min(height, Math.round((s.y + s.h) * scale));
        // Opaque: one row of it made, then copied to each row (the white page is a rectangle of a
        // million pixels).
        if (x1 <= x0) return;
        const row = new Uint8Array((x1 - x0) * 3);
        for (let k = 0; k < row.length; k += 3) row.set(c, k);
        for (let y = y0; y < y1; y++) rgb.set(row, (y * width + x0) * 3);
        return;
      }
      case "dot":
        return segment(s.x * scale, s.y * scale, s.x * scale, s.y * scale, s.r * scale, rgbOf(s.fill));
      case "line": {
        const c = rgbOf(s.color);
        const half = Math.max(0.5, (s.width * scale) / 2);
        const pts = s.points.map(([x, y]) => [x * scale, y * scale] as const);
        const [on, off] = s.dash ? [s.dash[0] * scale, s.dash[1] * scale] : [Infinity, 0];
        let phase = 0; // distance into the current on+off period
        for (let i = 1; i < pts.length; i++) {
          const [x0, y0] = pts[i - 1];
          const [x1, y1] = pts[i];
          const len = Math.hypot(x1 - x0, y1 - y0);
          let at = 0;
          while (at < len) {
            const inOn = phase < on;
            const step = Math.min(len - at, inOn ? on - phase : on + off - phase);
            if (inOn) {
              const f0 = at / (len || 1);
              const f1 = (at + step) / (len || 1);
              segment(
                x0 + (x1 - x0) * f0,
                y0 + (y1 - y0) * f0,
                x0 + (x1 - x0) * f1,
                y0 + (y1 - y0) * f1,
                half,
                c,
              );
            }
            at += step;
            phase = (phase + step) % (on + off);
            if (step <= 0) break;
          }
        }
        return;
      }
      case "text": {
        const c = rgbOf(s.fill);
        const px = Math.max(1, Math.round((s.size * scale) / 7)); // one font pixel, in pixels
        const w = s.text.length * 6 * px - px;
        const x0 = Math.round(s.x * scale - (s.anchor === "end" ? w : s.anchor === "middle" ? w / 2 : 0));
        const y0 = Math.round(s.y * scale) - 7 * px; // y is the baseline
        [...s.text].forEach((ch, k) => {
          const g = FONT[ch];
          if (!g) return;
          g.forEach((row, gy) => {
            for (let gx = 0; gx < 5; gx++)
              if (row[gx] === "1")
                for (let yy = 0; yy < px; yy++)
                  for (let xx = 0; xx < px; xx++) blend(x0 + (k * 6 + gx) * px + xx, y0 + gy * px + yy, c, 1);
          });
        });
        return;
      }
    }
  };
  for (const s of p.shapes) draw(s);
  return { width, height, rgb };
}
