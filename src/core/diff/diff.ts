// Two returns of one unit compared (a resubmission): enterprises keyed by 统一社会信用代码, platforms by
// name, kind and level, region cells by key. Pure. Only rows the reader accepted are compared; rows it
// rejected are counted in the result, never silently left out. A changed code is a removal plus an addition.
import type { FieldDef, FormDef, LabelCellDef } from "../form/types";
import { formByVersion } from "../form/versions";
import { parsePeriod } from "../plan/periods";
import type { ReturnResult } from "../read/types";
import { percentPoints, textOf } from "../prefill/cell";

/** A cell's value for programs (`diff --json`): a number as a number, a blank as null, 是/否 as the words. */
export type DiffValue = string | number | null;

export interface FieldChange {
  key: string;
  /** The column's header (the newer return's form). */
  header: string;
  old: DiffValue;
  new: DiffValue;
  /** The values as a clerk reads them in the sheet ("45%", "是"); "" for blank. */
  oldText: string;
  newText: string;
}

export interface RowRef {
  /** 统一社会信用代码, or a platform's name · kind · level. */
  key: string;
  name: string;
  /** The row in the return it is in (the newer one for changed rows), 1-based. */
  row: number;
}

export interface ChangedRow extends RowRef {
  oldRow: number;
  changes: FieldChange[];
}

export interface TableDiff {
  sheet: string;
  added: RowRef[];
  removed: RowRef[];
  changed: ChangedRow[];
  unchanged: number;
  /** True when the rows both hold stand in another order (not a change of data). */
  reordered: boolean;
  /** Rows the reader rejected, not compared: in the old and the new return. */
  rejectedOld: number;
  rejectedNew: number;
}

export interface ReturnSide {
  file: string;
  unit: string | null;
  unitName: string | null;
  period: string | null;
  periodLabel: string | null;
  formVersion: string | null;
}

export interface ReturnDiff {
  old: ReturnSide;
  new: ReturnSide;
  enterprises: TableDiff;
  platforms: TableDiff;
  region: FieldChange[];
  /** Columns only one of the two form versions has: not compared. */
  notCompared: string[];
  /** Things the reader should know (another unit, another period, another form version). */
  notes: string[];
  /** No row added, removed or changed and no region value changed. */
  identical: boolean;
}

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
}

type Rec = Record<string, unknown>;

function side(r: ReturnResult): ReturnSide {
  return {
    file: r.file,
    unit: r.unit,
    unitName: r.unitName,
    period: r.period,
    periodLabel: r.period ? (parsePeriod(r.period)?.label ?? r.period) : null,
    formVersion: r.formVersion,
  };
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/** A record's value as JSON: numbers stay numbers (a percent in points, as typed), blank is null. */
function valueOf(f: FieldDef | LabelCellDef, v: unknown): DiffValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? (f.type === "percent" ? percentPoints(v) : v) : null;
  return textOf(f, v);
}

function fieldChanges(fields: (FieldDef | LabelCellDef)[], a: Rec, b: Rec): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of fields) {
    if (!same(a[f.key], b[f.key]))
      out.push({
        key: f.key,
        header: f.header,
        old: valueOf(f, a[f.key]),
        new: valueOf(f, b[f.key]),
        oldText: textOf(f, a[f.key]),
        newText: textOf(f, b[f.key]),
      });
  }
  return out;
}

/** Fields of `newer` that `older` has too (by key); the rest are listed as not compared. */
function commonFields<T extends { key: string; header: string }>(
  older: T[],
  newer: T[],
  notCompared: string[],
): T[] {
  const olderKeys = new Set(older.map((f) => f.key));
  const newerKeys = new Set(newer.map((f) => f.key));
  for (const f of newer) if (!olderKeys.has(f.key)) notCompared.push(f.header);
  for (const f of older) if (!newerKeys.has(f.key)) notCompared.push(f.header);
  return newer.filter((f) => olderKeys.has(f.key));
}

function tableDiff(
  sheet: string,
  keyOf: (r: Rec) => string,
  fields: FieldDef[],
  olds: Rec[],
  news: Rec[],
  rejected: [number, number],
): TableDiff {
  // First occurrence wins: the reader already rejects a repeated code within one return.
  const index = (rows: Rec[]) => {
    const m = new Map<string, Rec>();
    for (const r of rows) if (!m.has(keyOf(r))) m.set(keyOf(r), r);
    return m;
  };
  const oldBy = index(olds);
  const newBy = index(news);
  const ref = (r: Rec): RowRef => ({ key: keyOf(r), name: String(r.name ?? ""), row: r.row as number });
  const added = [...newBy.values()].filter((r) => !oldBy.has(keyOf(r))).map(ref);
  const removed = [...oldBy.values()].filter((r) => !newBy.has(keyOf(r))).map(ref);
  const changed: ChangedRow[] = [];
  let unchanged = 0;
  for (const r of newBy.values()) {
    const o = oldBy.get(keyOf(r));
    if (!o) continue;
    const changes = fieldChanges(fields, o, r);
    if (changes.length) changed.push({ ...ref(r), oldRow: o.row as number, changes });
    else unchanged++;
  }
  const inBoth = (m: Map<string, Rec>, other: Map<string, Rec>) => [...m.keys()].filter((k) => other.has(k));
  const a = inBoth(oldBy, newBy);
  const b = inBoth(newBy, oldBy);
  return {
    sheet,
    added,
    removed,
    changed,
    unchanged,
    reordered: a.some((k, i) => b[i] !== k),
    rejectedOld: rejected[0],
    rejectedNew: rejected[1],
  };
}

const usccKey = (r: Rec) =>
  String(r.uscc ?? "")
    .trim()
    .toUpperCase();
const platformKey = (p: Rec) =>
  `${String(p.name ?? "")
    .trim()
    .replace(/\s+/g, "")} · ${String(p.kind ?? "")} · ${String(p.level ?? "")}`;

function rejectedIn(r: ReturnResult, sheet: string): number {
  return r.rejectedRows.filter((x) => x.sheet === sheet).length;
}

/** What changed from `older` to `newer`. Both must be readable returns of a known form version. */
export function diffReturns(older: ReturnResult, newer: ReturnResult, forms: readonly FormDef[]): ReturnDiff {
  const oldForm: FormDef | null = formByVersion(older.formVersion, forms);
  const newForm: FormDef | null = formByVersion(newer.formVersion, forms);
  if (!oldForm || !newForm) throw new Error("diffReturns: a return of an unknown form version");
  const notCompared: string[] = [];
  const eFields = commonFields(oldForm.enterprises.fields, newForm.enterprises.fields, notCompared).filter(
    (f) => f.key !== "uscc",
  );
  const pFields = commonFields(oldForm.platforms.fields, newForm.platforms.fields, notCompared).filter(
    (f) => !["name", "kind", "level"].includes(f.key),
  );
  const rFields = commonFields(oldForm.region.cells, newForm.region.cells, notCompared);
  const e = newForm.enterprises.name;
  const p = newForm.platforms.name;
  const enterprises = tableDiff(
    e,
    usccKey,
    eFields,
    older.enterprises as unknown as Rec[],
    newer.enterprises as unknown as Rec[],
    [rejectedIn(older, oldForm.enterprises.name), rejectedIn(newer, e)],
  );
  const platforms = tableDiff(
    p,
    platformKey,
    pFields,
    older.platforms as unknown as Rec[],
    newer.platforms as unknown as Rec[],
    [rejectedIn(older, oldForm.platforms.name), rejectedIn(newer, p)],
  );
  const region =
    older.region && newer.region
      ? fieldChanges(rFields, older.region as unknown as Rec, newer.region as unknown as Rec)
      : [];
  const notes: string[] = [];
  if (older.unit !== newer.unit)
    notes.push(`两份报表不是同一单位(${older.unitName ?? older.unit}、${newer.unitName ?? newer.unit})`);
  if (older.period !== newer.period) notes.push(`两份报表的报告期不同(${older.period}、${newer.period})`);
  if (older.formVersion !== newer.formVersion)
    notes.push(
      `表式版本不同(第${older.formVersion}版 → 第${newer.formVersion}版)，只比较两版共有的列` +
        (notCompared.length ? `；未比较：${notCompared.join("、")}` : ""),
    );
  const counts = [enterprises, platforms].map((t) => t.added.length + t.removed.length + t.changed.length);
  return {
    old: side(older),
    new: side(newer),
    enterprises,
    platforms,
    region,
    notCompared,
    notes,
    identical: counts[0] + counts[1] + region.length === 0,
  };
}

/** Rows added, removed and changed over both tables. */
export function diffCounts(d: ReturnDiff): DiffCounts {
  return {
    added: d.enterprises.added.length + d.platforms.added.length,
    removed: d.enterprises.removed.length + d.platforms.removed.length,
    changed: d.enterprises.changed.length + d.platforms.changed.length,
  };
}

/** One phrase: "新增2行、删除1行、修改3行", or "数据无变化". */
export function diffCountsText(c: DiffCounts): string {
  const parts = [
    c.added ? `新增${c.added}行` : "",
    c.removed ? `删除${c.removed}行` : "",
    c.changed ? `修改${c.changed}行` : "",
  ].filter((x) => x);
  return parts.length ? parts.join("、") : "数据无变化";
}

const sideText = (s: ReturnSide) =>
  `${s.file}(${[s.unitName ?? s.unit, s.periodLabel, s.formVersion ? `第${s.formVersion}版` : null]
    .filter((x) => x)
    .join("，")})`;

const changeText = (c: FieldChange) => `${c.header} ${c.oldText || "(空)"} → ${c.newText || "(空)"}`;

function tableLines(t: TableDiff, unit: string): string[] {
  const lines = [
    `${t.sheet}：新增${t.added.length}${unit}，删除${t.removed.length}${unit}，修改${t.changed.length}${unit}，未变${t.unchanged}${unit}` +
      (t.reordered ? "；行的顺序有调整(不算修改)" : "") +
      (t.rejectedOld || t.rejectedNew
        ? `；有错误未比较的行：旧表${t.rejectedOld}行、新表${t.rejectedNew}行`
        : ""),
  ];
  for (const r of t.added) lines.push(`  + ${r.key} ${r.name}(新表第${r.row}行)`);
  for (const r of t.removed) lines.push(`  - ${r.key} ${r.name}(旧表第${r.row}行)`);
  for (const r of t.changed)
    lines.push(`  ~ ${r.key} ${r.name}(新表第${r.row}行)：${r.changes.map(changeText).join("；")}`);
  return lines;
}

/** The comparison as text lines (CLI, the pane's details). */
export function diffLines(d: ReturnDiff): string[] {
  const lines = [`旧：${sideText(d.old)}`, `新：${sideText(d.new)}`, ...d.notes.map((n) => `注意：${n}`)];
  if (d.identical) {
    lines.push(`两份报表的数据相同(企业${d.enterprises.unchanged}家、平台${d.platforms.unchanged}个)。`);
    return lines;
  }
  lines.push(...tableLines(d.enterprises, "家"), ...tableLines(d.platforms, "个"));
  if (d.region.length) lines.push(`区域指标：${d.region.map(changeText).join("；")}`);
  return lines;
}
