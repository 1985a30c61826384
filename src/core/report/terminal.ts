// The city table as terminal text. CJK characters take two columns in a terminal, so padding counts
// display width, not string length.
import type { Plan } from "../plan/types";
import { percentText, statusLabel, valueText } from "./format";
import type { RoundResult } from "./round-result";

// C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional overrides and isolates that
// reorder what a terminal shows.
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal: control characters from returns (ESC, BEL, CR, bidi overrides) shown as \\uXXXX. */
export function escapeControls(s: string): string {
  return s.replace(CONTROL_RE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** East Asian wide and full-width characters take two columns; ambiguous ones (“”) one, as wcwidth says. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = "";
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + "…";
}

export function pad(s: string, width: number, align: "left" | "right" = "left"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return align === "left" ? s + fill : fill + s;
}

export function textTable(header: string[], rows: string[][], align: ("left" | "right")[]): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], align[i]))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

const NAME_WIDTH = 44;
const MARK = { green: "●", yellow: "▲", red: "■" } as const;

export function cityTableText(result: RoundResult, plan: Plan): string {
  const rows = plan.indicators.map((ind, i) => {
    const s = result.score.city[i];
    return [
      String(i + 1),
      truncate(ind.name, NAME_WIDTH),
      valueText(ind, s.actual),
      valueText(ind, s.target),
      percentText(s.reached ?? null),
      s.status ? `${MARK[s.status]} ${statusLabel(s.status)}` : statusLabel(null),
    ];
  });
  const a = result.aggregate;
  const head = `${plan.city}专精特新目标完成情况（${a.periodLabel}，序时进度${percentText(result.score.timeProgress)}）`;
  return `${head}\n${textTable(["序号", "指标", "当前值", "目标", "完成率", "状态"], rows, ["right", "left", "right", "right", "right", "left"])}`;
}

export function unitTableText(result: RoundResult): string {
  const rows = [...result.score.units]
    .sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity))
    .map((u) => {
      const s = result.aggregate.submissions.find((x) => x.unit === u.code)!;
      // A unit without a counted return is scored as 评分设置 says: 0 for the indicators, less the
      // deduction; the table says so beside the bare −10.
      const scored = u.score === null ? "" : `(指标得分0分，扣${Number(u.deductions.total.toFixed(2))}分)`;
      const state =
        s.status === "missing"
          ? `未报送${scored}`
          : s.status === "rejected"
            ? `已退回${scored}`
            : s.timing === "late"
              ? "逾期"
              : "已报送";
      return [
        u.rank === null ? "—" : String(u.rank),
        u.name,
        u.score === null ? "—" : u.score.toFixed(1),
        state,
      ];
    });
  return textTable(["排名", "单位", "得分", "报送"], rows, ["right", "left", "right", "left"]);
}
