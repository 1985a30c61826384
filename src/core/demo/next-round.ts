// The demo's next round (issue 26 item 5): the returns of the round after the demo's, as prefilled
// templates filled by careful clerks — realistic growth (year-to-date money one quarter on, each firm
// within a plausible band), a little churn (firms leaving, explained in 区域指标; new firms), a few new
// recognitions — and, on request, the planted anomalies the history checks must find: ×10 and ÷10 unit
// slips, 研发费用 = 营业收入, a vanished recognition, a firm moved between units. Deterministic.
import { formsOf } from "../form/versions";
import { regionFieldsOf } from "../plan/region-fields";
import { isoToSerial } from "../read/date";
import { parsePeriod, type Period } from "../plan/periods";
import type { CellValue } from "../sheet/types";
import { companyName } from "./names";
import { rng } from "./prng";
import { placesOf, type DemoReturn, type DemoRound } from "./round";
import { makeUscc } from "./uscc-gen";

export type PlantKind = "x10" | "div10" | "rd_eq_revenue" | "vanished" | "moved";

export interface Plant {
  kind: PlantKind;
  /** The unit whose return carries it (for a move: the unit the firm moved to). */
  unit: string;
  uscc: string;
  name: string;
  /** The warning code that finds it. */
  code: string;
  /** What was planted, in words. */
  text: string;
}

export interface NextRound {
  period: Period;
  returns: DemoReturn[];
  plants: Plant[];
  /** Firms of the demo's round not reported now (explained in each unit's 区域指标), and new firms. */
  exits: number;
  entries: number;
}

type Row = Record<string, CellValue>;
const round2 = (x: number) => Math.round(x * 100) / 100;
const num = (v: CellValue) => (typeof v === "number" ? v : null);

export function buildNextRound(
  demo: DemoRound,
  opts: { seed?: number; periodId?: string; plant?: boolean } = {},
): NextRound {
  const r = rng(opts.seed ?? 20260110);
  const period = parsePeriod(opts.periodId ?? "2025Q4")!;
  const plan = demo.plan;
  const forms = formsOf(plan);
  const form = forms[forms.length - 1];
  const amountFields = regionFieldsOf(plan, forms).filter((f) => !f.percent);
  // Year-to-date money one quarter on: Q3 -> Q4 is four quarters for three.
  const ytd = (period.end.slice(5, 7) === demo.period.end.slice(5, 7) ? 1 : 4 / 3) * 1;
  const taken = new Set<string>();
  const codes = new Set<string>();
  const units = new Map<string, { ret: DemoReturn; rows: Row[]; exits: string[] }>();
  for (const d of demo.returns)
    for (const e of d.data.enterprises ?? []) {
      taken.add(String(e[0]));
      codes.add(String(e[1]));
    }
  let exits = 0;
  let entries = 0;
  for (const d of demo.returns) {
    const rows: Row[] = (d.data.enterprises ?? []).map((e) =>
      Object.fromEntries(d.form.enterprises.fields.map((f, i) => [f.key, e[i] ?? null])),
    );
    const kept: Row[] = [];
    const gone: string[] = [];
    for (const row of rows) {
      // About one firm in fifty leaves (注销, 迁出, no longer in the pool); the clerk says so.
      if (r.chance(0.02)) {
        gone.push(`${String(row.name)}(注销)`);
        continue;
      }
      const rev = num(row.revenue);
      if (rev !== null) {
        // Growth of a quarter's business: mostly −10 % to +25 %, with a tail either way.
        const g = Math.exp(0.06 + 0.12 * (r.next() + r.next() + r.next() - 1.5));
        const next = round2(rev * ytd * g);
        const main = num(row.main_revenue);
        row.revenue = next;
        if (main !== null)
          row.main_revenue = round2(Math.min(next, next * (main / rev) * (0.98 + 0.04 * r.next())));
        const rd = num(row.rd_expense);
        if (rd !== null) row.rd_expense = round2(next * Math.max(0, rd / rev + 0.01 * (r.next() - 0.5)));
      }
      const patents = num(row.patents);
      if (patents !== null && r.chance(0.15)) row.patents = patents + 1;
      // A few firms of the pool recognised this year.
      if (row.provincial_srdi_year === null && row.innovative_year !== null && r.chance(0.03))
        row.provincial_srdi_year = period.year;
      if (form.enterprises.fields.some((f) => f.key === "explanation")) row.explanation = null;
      kept.push(row);
    }
    // New firms: one in thirty, figures like an existing firm's.
    const n = Math.round(kept.length / 30);
    for (let i = 0; i < n && kept.length > 0; i++) {
      const like = r.pick(kept);
      let uscc = makeUscc(r, d.unit.code);
      while (codes.has(uscc)) uscc = makeUscc(r, d.unit.code);
      codes.add(uscc);
      kept.push({
        ...like,
        name: companyName(r, d.unit.code, String(like.chain ?? "其他"), taken, false, placesOf(plan, d.unit)),
        uscc,
        provincial_srdi_year: null,
        little_giant_year: null,
        champion_year: null,
        innovative_year: period.year,
      });
    }
    exits += gone.length;
    entries += n;
    units.set(d.unit.code, { ret: d, rows: kept, exits: gone });
  }

  const plants: Plant[] = [];
  if (opts.plant) {
    const list = [...units.values()];
    const pickFirm = (u: (typeof list)[number], ok: (row: Row) => boolean) =>
      u.rows.find((row) => ok(row) && !plants.some((p) => p.uscc === row.uscc))!;
    const money = (row: Row) => (num(row.revenue) ?? 0) >= 2000 && (num(row.rd_expense) ?? 0) >= 150;
    const add = (kind: PlantKind, u: (typeof list)[number], row: Row, code: string, text: string) =>
      plants.push({
        kind,
        unit: u.ret.unit.code,
        uscc: String(row.uscc),
        name: String(row.name),
        code,
        text,
      });
    const [a, b, c, d, e] = [list[0], list[1], list[3], list[6], list[7 % list.length]];
    const x10 = pickFirm(a, money);
    for (const k of ["revenue", "main_revenue", "rd_expense"]) x10[k] = round2((num(x10[k]) ?? 0) * 10);
    add(
      "x10",
      a,
      x10,
      "rule.revenue_rise_5x",
      `${a.ret.unit.name}：${String(x10.name)}金额按元填成万元(×10)`,
    );
    const div10 = pickFirm(b, money);
    for (const k of ["revenue", "main_revenue", "rd_expense"]) div10[k] = round2((num(div10[k]) ?? 0) / 10);
    add(
      "div10",
      b,
      div10,
      "rule.revenue_fall_5x",
      `${b.ret.unit.name}：${String(div10.name)}金额缩小十倍(÷10)`,
    );
    const rdEq = pickFirm(c, money);
    rdEq.rd_expense = rdEq.revenue;
    add(
      "rd_eq_revenue",
      c,
      rdEq,
      "rule.rd_share_up_10pt",
      `${c.ret.unit.name}：${String(rdEq.name)}研发费用填成营业收入`,
    );
    const gone = pickFirm(
      d,
      (row) => typeof row.provincial_srdi_year === "number" && row.provincial_srdi_year >= period.year - 2,
    );
    gone.provincial_srdi_year = null;
    add(
      "vanished",
      d,
      gone,
      "rule.provincial_srdi_year_vanished",
      `${d.ret.unit.name}：${String(gone.name)}的省级专精特新年份漏填`,
    );
    const mover = pickFirm(a, (row) => row !== x10 && num(row.revenue) !== null);
    a.rows.splice(a.rows.indexOf(mover), 1);
    a.exits.push(`${String(mover.name)}(迁往${e.ret.unit.name})`);
    e.rows.push(mover);
    add(
      "moved",
      e,
      mover,
      "history.firm_moved",
      `${String(mover.name)}从${a.ret.unit.name}迁入${e.ret.unit.name}`,
    );
  }

  const returns: DemoReturn[] = [...units.values()].map(({ ret, rows, exits: gone }, i) => {
    const savedAt = new Date(Date.UTC(2026, 0, 8 + (i % 5), 2 + (i % 6), 5 * i, 0)).toISOString();
    const region: Row = { ...ret.data.region };
    // Amounts the plan reads with region(f) are year-to-date: they grow with the year.
    for (const f of amountFields) {
      const v = num(region[f.key] ?? null);
      if (v !== null) region[f.key] = round2(v * ytd);
    }
    region.filled_on = isoToSerial(savedAt.slice(0, 10));
    if (gone.length) region.exit_note = `本期不再填报：${gone.join("、")}`.slice(0, 500);
    const keys = new Set(form.region.cells.map((c) => c.key));
    return {
      unit: ret.unit,
      fileName: `${ret.unit.code}-${ret.unit.name}-${period.id}.xlsx`,
      form,
      data: {
        enterprises: rows.map((row) => form.enterprises.fields.map((f) => row[f.key] ?? null)),
        platforms: ret.data.platforms,
        region: Object.fromEntries(Object.entries(region).filter(([k]) => keys.has(k))),
      },
      savedAt,
      modified: savedAt,
    };
  });
  return { period, returns, plants, exits, entries };
}
