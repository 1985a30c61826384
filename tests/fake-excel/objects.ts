// The Excel object model subset used by src/excel, over the in-memory state (model.ts) with Office.js
// batching semantics (proxy.ts). Names and shapes follow @types/office-js.
import { parseAddress, type RangeRef } from "../../src/core/a1";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import {
  addressOf,
  cellAt,
  eachCell,
  enter,
  hostError,
  normaliseRange,
  peek,
  readFormula,
  readValue,
  readValueType,
  checkSheetName,
  type FakeConditionalFormat,
  type FakeSheet,
  type FakeWorkbookState,
} from "./model";
import { FakeClientResult, FakeCollection, FakeContext, FakeObject } from "./proxy";

export type XlsxReader = (bytes: Uint8Array) => Promise<WorkbookSnapshot>;

const VISIBILITY = ["Visible", "Hidden", "VeryHidden"];

function matrix<T>(ref: RangeRef, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = ref.top; r <= ref.bottom; r++) {
    const row: T[] = [];
    for (let c = ref.left; c <= ref.right; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

function checkShape(ref: RangeRef, v: unknown, what: string): unknown[][] {
  const rows = ref.bottom - ref.top + 1;
  const cols = ref.right - ref.left + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols))
    throw hostError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
    );
  return v as unknown[][];
}

function assertEditable(s: FakeSheet, ref: RangeRef, what: string): void {
  if (!s.protection.protected) return;
  let locked = false;
  eachCell(ref, (r, c) => {
    if (peek(s, r, c)?.locked !== false) locked = true;
  });
  if (locked) throw hostError("AccessDenied", `工作表 ${s.name} 受保护，不能修改 ${what}`);
}

function assertUnprotected(s: FakeSheet, what: string): void {
  if (s.protection.protected) throw hostError("AccessDenied", `工作表 ${s.name} 受保护，不能${what}`);
}

export class FakeRange extends FakeObject {
  constructor(
    context: FakeContext,
    readonly sheet: FakeWorksheet,
    readonly ref: RangeRef,
  ) {
    super(context);
    const s = () => sheet.resolve();
    this.prop("address", () => `${quote(s().name)}!${addressOf(ref)}`);
    this.prop("rowCount", () => ref.bottom - ref.top + 1);
    this.prop("columnCount", () => ref.right - ref.left + 1);
    this.prop("rowIndex", () => ref.top);
    this.prop("columnIndex", () => ref.left);
    this.prop(
      "values",
      () => matrix(ref, (r, c) => readValue(peek(s(), r, c))),
      (v) => this.enterAll(v, "values"),
    );
    this.prop(
      "formulas",
      () => matrix(ref, (r, c) => readFormula(peek(s(), r, c))),
      (v) => this.enterAll(v, "formulas"),
    );
    this.prop("valueTypes", () => matrix(ref, (r, c) => readValueType(peek(s(), r, c))));
    this.prop(
      "numberFormat",
      () => matrix(ref, (r, c) => peek(s(), r, c)?.numberFormat ?? "General"),
      (v) => {
        const m = checkShape(ref, v, "numberFormat");
        assertUnprotected(s(), "设置数字格式");
        eachCell(ref, (r, c, i, j) => {
          if (m[i][j] !== null) cellAt(s(), r, c).numberFormat = String(m[i][j]);
        });
      },
    );
    this.child("format", () => new FakeRangeFormat(context, this));
    this.child("dataValidation", () => new FakeDataValidation(context, this));
    this.child("conditionalFormats", () => new FakeConditionalFormats(context, this));
  }

  private enterAll(v: unknown, what: string): void {
    const m = checkShape(this.ref, v, what);
    const s = this.sheet.resolve();
    assertEditable(s, this.ref, what);
    eachCell(this.ref, (r, c, i, j) => enter(cellAt(s, r, c), m[i][j]));
  }

  merge(across = false): void {
    this.call({ across }, () => {
      const s = this.sheet.resolve();
      assertUnprotected(s, "合并单元格");
      s.merges.push(addressOf(this.ref));
    });
  }

  select(): void {
    this.call(null, () => {
      const s = this.sheet.resolve();
      if (s.visibility !== "Visible")
        throw hostError("InvalidOperation", `不能选择隐藏工作表 ${s.name} 的单元格`);
      this.sheet.state.activeSheet = s.name;
      this.sheet.state.selection = { sheet: s.name, address: addressOf(this.ref) };
    });
  }

  clear(): void {
    this.call(null, () => {
      const s = this.sheet.resolve();
      assertUnprotected(s, "清除");
      eachCell(this.ref, (r, c) => s.cells.delete(`${r},${c}`));
    });
  }

  get worksheet(): FakeWorksheet {
    return this.sheet;
  }
}

function quote(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class FakeRangeFormat extends FakeObject {
  constructor(context: FakeContext, range: FakeRange) {
    super(context);
    const each = (f: (cell: ReturnType<typeof cellAt>) => void) => () => {
      const s = range.sheet.resolve();
      assertUnprotected(s, "设置格式");
      eachCell(range.ref, (r, c) => f(cellAt(s, r, c)));
    };
    const top = () => peek(range.sheet.resolve(), range.ref.top, range.ref.left);
    this.prop(
      "horizontalAlignment",
      () => top()?.hAlign ?? "General",
      (v) => each((c) => (c.hAlign = String(v)))(),
    );
    this.prop(
      "verticalAlignment",
      () => top()?.vAlign ?? "Bottom",
      (v) => each((c) => (c.vAlign = String(v)))(),
    );
    this.prop(
      "wrapText",
      () => top()?.wrap ?? false,
      (v) => each((c) => (c.wrap = Boolean(v)))(),
    );
    this.prop(
      "columnWidth",
      () => range.sheet.resolve().columnWidths.get(range.ref.left) ?? 48,
      (v) => {
        const s = range.sheet.resolve();
        for (let c = range.ref.left; c <= range.ref.right; c++) s.columnWidths.set(c, Number(v));
      },
    );
    this.prop(
      "rowHeight",
      () => range.sheet.resolve().rowHeights.get(range.ref.top) ?? 15,
      (v) => {
        const s = range.sheet.resolve();
        for (let r = range.ref.top; r <= range.ref.bottom; r++) s.rowHeights.set(r, Number(v));
      },
    );
    this.child("fill", () => new FakeFill(context, range, each));
    this.child("font", () => new FakeFont(context, range, each));
    this.child("protection", () => new FakeCellProtection(context, range));
    this.child("borders", () => new FakeBorders(context, each));
  }
}

type Each = (f: (cell: ReturnType<typeof cellAt>) => void) => () => void;

class FakeFill extends FakeObject {
  constructor(context: FakeContext, range: FakeRange, each: Each) {
    super(context);
    this.prop(
      "color",
      () => peek(range.sheet.resolve(), range.ref.top, range.ref.left)?.fill ?? "#FFFFFF",
      (v) => each((c) => (c.fill = String(v).toUpperCase()))(),
    );
  }
  clear(): void {
    this.call(null, () => undefined);
  }
}

class FakeFont extends FakeObject {
  constructor(context: FakeContext, range: FakeRange, each: Each) {
    super(context);
    const top = () => peek(range.sheet.resolve(), range.ref.top, range.ref.left)?.font ?? {};
    const font = (k: "bold" | "italic" | "size" | "color" | "name") => (v: unknown) =>
      each((c) => (c.font = { ...c.font, [k]: k === "color" ? String(v).toUpperCase() : v }))();
    this.prop("bold", () => top().bold ?? false, font("bold"));
    this.prop("italic", () => top().italic ?? false, font("italic"));
    this.prop("size", () => top().size ?? 11, font("size"));
    this.prop("color", () => top().color ?? "#000000", font("color"));
    this.prop("name", () => top().name ?? "Calibri", font("name"));
  }
}

class FakeCellProtection extends FakeObject {
  constructor(context: FakeContext, range: FakeRange) {
    super(context);
    this.prop(
      "locked",
      () => peek(range.sheet.resolve(), range.ref.top, range.ref.left)?.locked !== false,
      (v) => {
        const s = range.sheet.resolve();
        assertUnprotected(s, "修改单元格锁定");
        eachCell(range.ref, (r, c) => (cellAt(s, r, c).locked = Boolean(v)));
      },
    );
  }
}

class FakeBorders extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly each: Each,
  ) {
    super(context);
  }
  /** Every edge behaves alike here: the fake records only whether a cell has a border. */
  getItem(): FakeObject {
    const each = this.each;
    const ctx = this.context;
    return new (class extends FakeObject {
      constructor() {
        super(ctx);
        this.prop(
          "style",
          () => "Continuous",
          (v) => each((c) => (c.border = v !== "None"))(),
        );
        this.prop(
          "color",
          () => "#000000",
          () => undefined,
        );
      }
    })();
  }
}

class FakeDataValidation extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(context);
    const current = () => {
      const s = range.sheet.resolve();
      const a = addressOf(range.ref);
      let v = s.validations.find((x) => x.range === a);
      if (!v) {
        v = { range: a, rule: {} };
        s.validations.push(v);
      }
      return v;
    };
    const guard = () => assertUnprotected(range.sheet.resolve(), "设置数据验证");
    this.prop(
      "rule",
      () => current().rule,
      (v) => {
        guard();
        const rule = v as Record<string, unknown>;
        const kinds = Object.keys(rule);
        if (kinds.length !== 1)
          throw hostError("InvalidArgument", "A data validation rule must have exactly one type.");
        current().rule = rule;
      },
    );
    this.prop(
      "prompt",
      () => current().prompt,
      (v) => (guard(), (current().prompt = v as Record<string, unknown>)),
    );
    this.prop(
      "errorAlert",
      () => current().errorAlert,
      (v) => {
        guard();
        current().errorAlert = v as Record<string, unknown>;
      },
    );
    this.prop(
      "ignoreBlanks",
      () => current().ignoreBlanks ?? true,
      (v) => {
        guard();
        current().ignoreBlanks = Boolean(v);
      },
    );
  }
  clear(): void {
    this.call(null, () => {
      const s = this.range.sheet.resolve();
      s.validations = s.validations.filter((x) => x.range !== addressOf(this.range.ref));
    });
  }
}

class FakeConditionalFormats extends FakeCollection<FakeConditionalFormat_> {
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }
  protected materialise(): FakeConditionalFormat_[] {
    const s = this.range.sheet.resolve();
    return s.conditionalFormats
      .filter((cf) => overlaps(normaliseRange(cf.range).ref, this.range.ref))
      .map((cf) => new FakeConditionalFormat_(this.context, this.range.sheet, () => cf));
  }
  add(type: string): FakeConditionalFormat_ {
    let made: FakeConditionalFormat | null = null;
    const cf = new FakeConditionalFormat_(this.context, this.range.sheet, () => {
      if (!made) throw hostError("InvalidOperation", "conditional format not yet added");
      return made;
    });
    this.call({ type }, () => {
      const s = this.range.sheet.resolve();
      assertUnprotected(s, "添加条件格式");
      made = { range: addressOf(this.range.ref), type };
      s.conditionalFormats.unshift(made);
    });
    return cf;
  }
  clearAll(): void {
    this.call(null, () => {
      const s = this.range.sheet.resolve();
      s.conditionalFormats = s.conditionalFormats.filter(
        (cf) => !overlaps(normaliseRange(cf.range).ref, this.range.ref),
      );
    });
  }
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

class FakeConditionalFormat_ extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly sheet: FakeWorksheet,
    private readonly cf: () => FakeConditionalFormat,
  ) {
    super(context);
    this.prop("type", () => cf().type);
    this.prop("id", () => `${cf().type}:${cf().range}`);
    // Type mismatches (custom on a CellValue format) fail when the request runs, as in Excel.
    const part = (custom: boolean) => () => {
      const checked = () => {
        const f = cf();
        if ((f.type === "Custom") !== custom)
          throw hostError("InvalidOperation", `conditional format is ${f.type}`);
        return f;
      };
      return new FakeCfPart(
        context,
        checked,
        () => assertUnprotected(sheet.resolve(), "修改条件格式"),
        custom,
      );
    };
    this.child("custom", part(true));
    this.child("cellValue", part(false));
    this.child("range", () => sheet.getRange(cf().range));
  }
  getRange(): FakeRange {
    return (this as unknown as { range: FakeRange }).range;
  }
  delete(): void {
    this.call(null, () => {
      const target = this.cf();
      const s = this.sheet.resolve();
      assertUnprotected(s, "删除条件格式");
      s.conditionalFormats = s.conditionalFormats.filter((x) => x !== target);
    });
  }
}

class FakeCfPart extends FakeObject {
  constructor(context: FakeContext, cf: () => FakeConditionalFormat, guard: () => void, custom: boolean) {
    super(context);
    const ctx = context;
    if (!custom)
      this.prop(
        "rule",
        () => cf().rule ?? {},
        (v) => {
          guard();
          cf().rule = v as Record<string, unknown>;
        },
      );
    // `custom.rule.formula` is set through a child object in Office.js
    if (custom)
      this.child(
        "rule",
        () =>
          new (class extends FakeObject {
            constructor() {
              super(ctx);
              this.prop(
                "formula",
                () => cf().formula,
                (v) => {
                  guard();
                  cf().formula = String(v);
                },
              );
            }
          })(),
      );
    this.child(
      "format",
      () =>
        new (class extends FakeObject {
          constructor() {
            super(ctx);
            this.child(
              "fill",
              () =>
                new (class extends FakeObject {
                  constructor() {
                    super(ctx);
                    this.prop(
                      "color",
                      () => cf().fill,
                      (v) => (cf().fill = String(v).toUpperCase()),
                    );
                  }
                })(),
            );
            this.child(
              "font",
              () =>
                new (class extends FakeObject {
                  constructor() {
                    super(ctx);
                    this.prop(
                      "color",
                      () => cf().fontColor,
                      (v) => (cf().fontColor = String(v).toUpperCase()),
                    );
                    this.prop(
                      "bold",
                      () => cf().bold,
                      (v) => (cf().bold = Boolean(v)),
                    );
                  }
                })(),
            );
          }
        })(),
    );
  }
}

class FakeWorksheetProtection extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
    this.prop("protected", () => sheet.resolve().protection.protected);
    this.prop("options", () => ({ ...sheet.resolve().protection.options }));
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this.call({ options, password }, () => {
      const s = this.sheet.resolve();
      if (s.protection.protected) throw hostError("InvalidOperation", `工作表 ${s.name} 已受保护`);
      s.protection = { protected: true, options: { ...(options ?? {}) } };
    });
  }
  unprotect(password?: string): void {
    this.call({ password }, () => {
      this.sheet.resolve().protection = { protected: false, options: {} };
    });
  }
}

class FakeFreezePanes extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }
  freezeRows(n: number): void {
    this.call({ n }, () => (this.sheet.resolve().freeze = { rows: n, columns: 0 }));
  }
  freezeColumns(n: number): void {
    this.call({ n }, () => (this.sheet.resolve().freeze = { rows: 0, columns: n }));
  }
  freezeAt(range: FakeRange | string): void {
    this.call({ range: typeof range === "string" ? range : addressOf(range.ref) }, () => {
      const ref = typeof range === "string" ? normaliseRange(range).ref : range.ref;
      this.sheet.resolve().freeze = { rows: ref.bottom + 1, columns: ref.right + 1 };
    });
  }
  unfreeze(): void {
    this.call(null, () => (this.sheet.resolve().freeze = { rows: 0, columns: 0 }));
  }
}

class FakePageLayout extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
    const pl = () => sheet.resolve().pageLayout;
    for (const k of [
      "orientation",
      "paperSize",
      "centerHorizontally",
      "centerVertically",
      "leftMargin",
      "rightMargin",
      "topMargin",
      "bottomMargin",
      "zoom",
    ])
      this.prop(
        k,
        () => pl()[k],
        (v) => (pl()[k] = v),
      );
    const ctx = context;
    this.child(
      "headersFooters",
      () =>
        new (class extends FakeObject {
          constructor() {
            super(ctx);
            this.child(
              "defaultForAllPages",
              () =>
                new (class extends FakeObject {
                  constructor() {
                    super(ctx);
                    for (const k of ["centerFooter", "centerHeader", "leftFooter", "rightFooter"])
                      this.prop(
                        k,
                        () => pl()[k],
                        (v) => (pl()[k] = v),
                      );
                  }
                })(),
            );
          }
        })(),
    );
  }
  setPrintTitleRows(rows: string): void {
    this.call({ rows }, () => (this.sheet.resolve().pageLayout.printTitleRows = rows));
  }
  setPrintArea(area: string): void {
    this.call({ area }, () => (this.sheet.resolve().pageLayout.printArea = area));
  }
}

class FakeChartSeries extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly series: () => { name?: string; values?: string; xValues?: string },
  ) {
    super(context);
    this.prop(
      "name",
      () => series().name,
      (v) => (series().name = String(v)),
    );
  }
  setValues(r: FakeRange): void {
    this.call(null, () => (this.series().values = addressOf(r.ref)));
  }
  setXAxisValues(r: FakeRange): void {
    this.call(null, () => (this.series().xValues = addressOf(r.ref)));
  }
}

class FakeChart extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly chart: () => import("./model").FakeChart,
  ) {
    super(context);
    const ctx = context;
    this.prop("name", () => chart().title ?? "chart");
    this.child(
      "title",
      () =>
        new (class extends FakeObject {
          constructor() {
            super(ctx);
            this.prop(
              "text",
              () => chart().title,
              (v) => (chart().title = String(v)),
            );
          }
        })(),
    );
    const self = this;
    this.child(
      "series",
      () =>
        new (class extends FakeObject {
          constructor() {
            super(ctx);
          }
          getItemAt(i: number) {
            return new FakeChartSeries(ctx, () => {
              const s = self.chart().series[i];
              if (!s) throw hostError("ItemNotFound", `series ${i}`);
              return s;
            });
          }
          add(name?: string) {
            let made: { name?: string } | null = null;
            this.call({ name }, () => {
              made = { name };
              self.chart().series.push(made);
            });
            return new FakeChartSeries(ctx, () => made!);
          }
        })(),
    );
  }
  setPosition(start: string | FakeRange, end?: string | FakeRange): void {
    const a = (x: string | FakeRange | undefined) =>
      x === undefined ? undefined : typeof x === "string" ? x : addressOf(x.ref);
    this.call(
      { start: a(start), end: a(end) },
      () => (this.chart().position = { start: a(start)!, end: a(end) }),
    );
  }
}

class FakeCharts extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }
  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    let made: import("./model").FakeChart | null = null;
    this.call({ type, seriesBy, source: addressOf(source.ref) }, () => {
      const s = this.sheet.resolve();
      if (source.sheet.resolve() !== s) throw hostError("InvalidArgument", "chart source on another sheet");
      // One series per column of the source, as Excel does for seriesBy "Columns".
      const series = [];
      for (let c = source.ref.left; c <= source.ref.right; c++)
        series.push({ values: addressOf({ ...source.ref, left: c, right: c }) });
      made = { type, source: addressOf(source.ref), series };
      s.charts.push(made);
    });
    return new FakeChart(this.context, () => {
      if (!made) throw hostError("InvalidOperation", "chart not yet added");
      return made;
    });
  }
}

export class FakeWorksheet extends FakeObject {
  private boundId: string | null = null;

  constructor(
    context: FakeContext,
    readonly state: FakeWorkbookState,
    private readonly key: () => string,
    private readonly orNull = false,
  ) {
    super(context);
    const s = () => this.resolve();
    this.prop(
      "name",
      () => s().name,
      (v) => {
        const name = String(v);
        checkSheetName(name);
        const other = state.sheet(name);
        if (other && other !== s()) throw hostError("ItemAlreadyExists", `工作表 ${name} 已存在`);
        if (state.activeSheet === s().name) state.activeSheet = name;
        s().name = name;
      },
    );
    this.prop("id", () => s().id);
    this.prop("position", () => state.sheets.indexOf(s()));
    this.prop(
      "visibility",
      () => s().visibility,
      (v) => {
        if (!VISIBILITY.includes(String(v))) throw hostError("InvalidArgument", `visibility ${String(v)}`);
        const sheet = s();
        if (
          v !== "Visible" &&
          state.sheets.filter((x) => x.visibility === "Visible" && x !== sheet).length === 0
        )
          throw hostError("InvalidOperation", "至少需要一个可见工作表");
        sheet.visibility = v as FakeSheet["visibility"];
        if (v !== "Visible" && state.activeSheet === sheet.name)
          state.activeSheet = state.sheets.find((x) => x.visibility === "Visible")!.name;
      },
    );
    this.prop(
      "tabColor",
      () => s().tabColor ?? "",
      (v) => (s().tabColor = String(v).toUpperCase()),
    );
    this.child("protection", () => new FakeWorksheetProtection(context, this));
    this.child("freezePanes", () => new FakeFreezePanes(context, this));
    this.child("pageLayout", () => new FakePageLayout(context, this));
    this.child("charts", () => new FakeCharts(context, this));
    this.child("notes", () => new FakeNotes(context, this));
    this.child("autoFilter", () => new FakeAutoFilter(context, this));
  }

  get isNullObject(): boolean {
    this.requireSynced("isNullObject");
    return !this.orNull ? false : !this.state.sheet(this.key());
  }

  /** A null object (getItemOrNullObject of a missing sheet) loads as Excel does: nothing to read, no error. */
  override fill(paths: string[] | null): void {
    if (this.orNull && !this.boundId && !this.state.sheet(this.key())) return;
    super.fill(paths);
  }

  /** Resolved at sync time; remembered by id so that a rename in the same batch keeps working. */
  resolve(): FakeSheet {
    if (this.boundId) {
      const s = this.state.sheet(this.boundId);
      if (s) return s;
    }
    const s = this.state.sheetOrThrow(this.key());
    this.boundId = s.id;
    return s;
  }

  bindId(id: string): void {
    this.boundId = id;
  }

  getRange(address?: string): FakeRange {
    if (!address)
      return new FakeRange(this.context, this, { top: 0, left: 0, bottom: 1048575, right: 16383 });
    const { sheet, ref } = normaliseRange(address);
    if (sheet) throw hostError("InvalidArgument", "worksheet.getRange takes an address without a sheet");
    return new FakeRange(this.context, this, ref);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, this, {
      top: row,
      left: col,
      bottom: row + rows - 1,
      right: col + cols - 1,
    });
  }

  getCell(row: number, col: number): FakeRange {
    return this.getRangeByIndexes(row, col, 1, 1);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange & { isNullObject: boolean } {
    void valuesOnly;
    let ref: RangeRef | null | undefined;
    const self = this;
    const r = new FakeRange(
      this.context,
      this,
      new Proxy({} as RangeRef, {
        get(_t, p) {
          if (ref === undefined) ref = self.state.usedRef(self.resolve());
          const v = (ref ?? { top: 0, left: 0, bottom: -1, right: -1 })[p as keyof RangeRef];
          return v;
        },
      }),
    ) as FakeRange & { isNullObject: boolean };
    // The used range is computed at the sync that loads it (after earlier queued writes).
    const born = this.context.generation;
    Object.defineProperty(r, "isNullObject", {
      get: () => {
        if (this.context.generation <= born) throw hostError("PropertyNotLoaded", "isNullObject before sync");
        return ref === null;
      },
    });
    const fill = r.fill.bind(r);
    r.fill = (paths) => {
      ref = self.state.usedRef(self.resolve());
      if (ref) fill(paths);
    };
    return r;
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.getUsedRangeOrNullObject(valuesOnly);
  }

  activate(): void {
    this.call(null, () => {
      const s = this.resolve();
      if (s.visibility !== "Visible") throw hostError("InvalidOperation", "不能激活隐藏工作表");
      this.state.activeSheet = s.name;
    });
  }

  delete(): void {
    this.call(null, () => this.state.deleteSheet(this.resolve().id));
  }
}

class FakeNotes extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }
  add(cellAddress: string | FakeRange, content: string): void {
    this.call({ content }, () => {
      const a = typeof cellAddress === "string" ? cellAddress : addressOf(cellAddress.ref);
      this.sheet.resolve().notes.push({ cell: a.replace(/^.*!/, ""), text: content });
    });
  }
}

class FakeAutoFilter extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }
  apply(range: FakeRange | string): void {
    this.call(null, () => {
      this.sheet.resolve().autoFilter = typeof range === "string" ? range : addressOf(range.ref);
    });
  }
}

export class FakeWorksheets extends FakeCollection<FakeWorksheet> {
  constructor(
    context: FakeContext,
    private readonly state: FakeWorkbookState,
  ) {
    super(context);
  }
  protected materialise(): FakeWorksheet[] {
    return this.state.sheets.map((s) => {
      const w = new FakeWorksheet(this.context, this.state, () => s.id);
      w.bindId(s.id);
      return w;
    });
  }
  add(name?: string): FakeWorksheet {
    let id = "";
    const w = new FakeWorksheet(this.context, this.state, () => id);
    this.call({ name }, () => {
      const s = this.state.addSheet(name ?? `Sheet${this.state.sheets.length + 1}`);
      id = s.id;
      w.bindId(id);
    });
    return w;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.state, () => key);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.state, () => key, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      this.state,
      () => this.state.activeSheet ?? this.state.sheets[0].name,
    );
  }
}

class FakeNamedItem extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly state: FakeWorkbookState,
    private readonly key: string,
  ) {
    super(context);
    const n = () => {
      const x = state.names.find((y) => y.name.toLowerCase() === key.toLowerCase());
      if (!x) throw hostError("ItemNotFound", `name ${key}`);
      return x;
    };
    this.prop("name", () => n().name);
    this.prop("formula", () => n().formula);
    this.prop("type", () => "Range");
    this.prop("visible", () => true);
  }
  get isNullObject(): boolean {
    this.requireSynced("isNullObject");
    return !this.state.names.some((y) => y.name.toLowerCase() === this.key.toLowerCase());
  }
  delete(): void {
    this.call(null, () => {
      this.state.names = this.state.names.filter((y) => y.name.toLowerCase() !== this.key.toLowerCase());
    });
  }
}

class FakeNames extends FakeCollection<FakeNamedItem> {
  constructor(
    context: FakeContext,
    private readonly state: FakeWorkbookState,
  ) {
    super(context);
  }
  protected materialise(): FakeNamedItem[] {
    return this.state.names.map((n) => new FakeNamedItem(this.context, this.state, n.name));
  }
  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    void comment;
    const formula = typeof reference === "string" ? reference : `=${addressOf(reference.ref)}`;
    this.call({ name, formula }, () => {
      if (this.state.names.some((y) => y.name.toLowerCase() === name.toLowerCase()))
        throw hostError("ItemAlreadyExists", `名称 ${name} 已存在`);
      const f = formula.startsWith("=") ? formula : `=${formula}`;
      const m = /^=(.+)!/.exec(f);
      if (m) this.state.sheetOrThrow(m[1].replace(/^'|'$/g, "").replace(/''/g, "'"));
      this.state.names.push({ name, formula: f });
    });
    return new FakeNamedItem(this.context, this.state, name);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, this.state, name);
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, this.state, name);
  }
}

/** A setting of the add-in kept in the document (Excel.Setting). */
class FakeSetting extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly state: FakeWorkbookState,
    private readonly settingKey: string,
  ) {
    super(context);
    const json = () => {
      const v = state.settings.get(settingKey);
      if (v === undefined) throw hostError("ItemNotFound", `setting ${settingKey}`);
      return v;
    };
    this.prop("key", () => settingKey);
    this.prop("value", () => JSON.parse(json()) as unknown);
  }
  get isNullObject(): boolean {
    this.requireSynced("isNullObject");
    return !this.state.settings.has(this.settingKey);
  }
  delete(): void {
    this.call(null, () => {
      if (!this.state.settings.delete(this.settingKey))
        throw hostError("ItemNotFound", `setting ${this.settingKey}`);
    });
  }
}

/** Excel.SettingCollection: add (or replace), getItemOrNullObject. */
class FakeSettings extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly state: FakeWorkbookState,
  ) {
    super(context);
  }
  add(key: string, value: unknown): FakeSetting {
    const json = JSON.stringify(value);
    this.call({ key, value: json }, () => {
      if (!key) throw hostError("InvalidArgument", "setting key");
      this.state.settings.set(key, json);
    });
    return new FakeSetting(this.context, this.state, key);
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, this.state, key);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, this.state, key);
  }
}

export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheets;
  readonly names: FakeNames;
  readonly settings: FakeSettings;
  readonly comments: { add: (cell: string, content: string) => void };

  constructor(
    context: FakeContext,
    private readonly state: FakeWorkbookState,
    private readonly readXlsx: XlsxReader | null,
  ) {
    super(context);
    this.worksheets = new FakeWorksheets(context, state);
    this.names = new FakeNames(context, state);
    this.settings = new FakeSettings(context, state);
    this.comments = {
      add: (cell: string, content: string) =>
        this.call({ cell, content }, () => state.comments.push({ cell, text: content })),
    };
  }

  getSelectedRange(): FakeRange {
    const sel = this.state.selection ?? {
      sheet: this.state.activeSheet ?? this.state.sheets[0].name,
      address: "A1",
    };
    return this.worksheets.getItem(sel.sheet).getRange(sel.address);
  }

  insertWorksheetsFromBase64(
    base64: string,
    options: { sheetNamesToInsert?: string[]; positionType?: string; relativeTo?: string } = {},
  ): FakeClientResult<string[]> {
    const result = new FakeClientResult<string[]>();
    this.call({ base64, options }, async () => {
      if (!this.readXlsx)
        throw hostError("ApiNotFound", "insertWorksheetsFromBase64 is not supported by this host");
      const snap = await this.readXlsx(base64ToBytes(base64));
      const wanted = options.sheetNamesToInsert?.length
        ? options.sheetNamesToInsert
        : snap.sheets.map((s) => s.name);
      const ids: string[] = [];
      for (const name of wanted) {
        const src = snap.sheets.find((s) => s.name === name);
        if (!src) throw hostError("ItemNotFound", `源工作簿中没有工作表 ${name}`);
        let target = name;
        for (let i = 2; this.state.sheet(target); i++) target = `${name.slice(0, 26)} (${i})`;
        const s = this.state.addSheet(target);
        s.visibility =
          src.state === "veryHidden" ? "VeryHidden" : src.state === "hidden" ? "Hidden" : "Visible";
        s.merges = [...src.merges];
        src.cells.forEach((row, r) =>
          (row ?? []).forEach((v, c) => {
            if (v === null || v === undefined) return;
            const cell = cellAt(s, r, c);
            if (typeof v === "object" && "error" in v) cell.error = v.error;
            else if (typeof v === "object" && "formula" in v) {
              cell.formula = `=${v.formula}`;
              const res = v.result;
              cell.value = res === undefined || res === null || typeof res === "object" ? null : res;
            } else cell.value = v;
          }),
        );
        ids.push(s.id);
      }
      result.resolve(ids);
    });
    return result;
  }
}

export function base64ToBytes(b64: string): Uint8Array {
  if (typeof atob === "function") {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  return new Uint8Array(Buffer.from(b64, "base64"));
}

export { parseAddress };
