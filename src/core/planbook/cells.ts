// Typed values from the rows of a plan sheet. Each bad cell adds one located issue and yields undefined,
// so compiling goes on and every problem of the workbook is reported at once.
import { cellDate } from "../read/date";
import { cellNumber } from "../targets/read";
import { planIssue, type PlanIssue, type PlanIssueArgs, type PlanIssueCode } from "./issues";
import type { Table, TableRow } from "./table";

const YES = new Set(["是", "y", "yes", "true", "1", "√", "✓", "✔"]);
const NO = new Set(["否", "n", "no", "false", "0", "×", "✗", "✘"]);

export class SheetReader {
  constructor(
    readonly table: Table,
    readonly issues: PlanIssue[],
  ) {}

  get sheet(): string {
    return this.table.sheet;
  }

  header(key: string): string {
    return this.table.spec.columns.find((c) => c.key === key)?.header ?? key;
  }

  /** Where a column of a row is: its cell, or column A of the row when the column is absent. */
  cell(row: TableRow, key: string): string {
    return row.cells[key]?.at ?? `A${row.row}`;
  }

  /** Adds the issue unless the cell already has an error (an error value is not also "required"). */
  fail(code: PlanIssueCode, row: TableRow, key: string, args: PlanIssueArgs = {}): undefined {
    const cell = this.cell(row, key);
    if (this.issues.some((i) => i.severity === "error" && i.sheet === this.sheet && i.cell === cell))
      return undefined;
    this.issues.push(
      planIssue(
        code,
        { sheet: this.sheet, cell: this.cell(row, key), column: key },
        {
          header: this.header(key),
          value: row.cells[key]?.text ?? null,
          ...args,
        },
      ),
    );
    return undefined;
  }

  text(row: TableRow, key: string, required = false): string {
    const t = row.cells[key]?.text ?? "";
    if (required && t === "") this.fail("plan.required", row, key);
    return t;
  }

  /** undefined when blank (or when bad: then an issue is added). */
  num(
    row: TableRow,
    key: string,
    o: { required?: boolean; integer?: boolean; min?: number; max?: number } = {},
  ): number | undefined {
    const c = row.cells[key];
    if (!c || c.text === "") return o.required ? this.fail("plan.required", row, key) : undefined;
    const n = cellNumber(typeof c.raw === "number" ? c.raw : c.text);
    if (!n.ok || n.value === null) return this.fail("plan.invalid", row, key, { detail: "应为数字" });
    const v = n.value;
    if (o.integer && !Number.isInteger(v)) return this.fail("plan.invalid", row, key, { detail: "应为整数" });
    if (o.min !== undefined && v < o.min)
      return this.fail("plan.invalid", row, key, { detail: `不能小于${o.min}` });
    if (o.max !== undefined && v > o.max)
      return this.fail("plan.invalid", row, key, { detail: `不能大于${o.max}` });
    return v;
  }

  bool(row: TableRow, key: string): boolean | undefined {
    const t = this.text(row, key).toLowerCase();
    if (t === "") return undefined;
    if (YES.has(t)) return true;
    if (NO.has(t)) return false;
    return this.fail("plan.invalid", row, key, { detail: "应为\u201c是\u201d或\u201c否\u201d" });
  }

  /** One of the names of `choices` (compared after NFKC, case-insensitively). */
  choice<T>(row: TableRow, key: string, choices: Record<string, T>, required = false): T | undefined {
    const t = this.text(row, key);
    if (t === "") return required ? this.fail("plan.required", row, key) : undefined;
    const want = t.normalize("NFKC").toLowerCase();
    for (const [name, v] of Object.entries(choices))
      if (name.normalize("NFKC").toLowerCase() === want) return v;
    const shown = [...new Set(Object.keys(choices).filter((k) => !/^[a-z_<>=~]+$/i.test(k)))];
    return this.fail("plan.invalid", row, key, {
      detail: `应为 ${(shown.length ? shown : Object.keys(choices)).join(" / ")} 之一`,
    });
  }

  /** A day, ISO yyyy-mm-dd, from a date cell or date text. */
  date(row: TableRow, key: string, required = false): string | undefined {
    const c = row.cells[key];
    if (!c || c.text === "") return required ? this.fail("plan.required", row, key) : undefined;
    const d = cellDate(typeof c.raw === "number" ? c.raw : c.text);
    return d ?? this.fail("plan.invalid", row, key, { detail: "应为日期，如 2025-12-31" });
  }
}

/** Reports a value met twice in one column; returns false for the repeat. */
export class Unique {
  private readonly seen = new Map<string, string>();
  constructor(
    private readonly r: SheetReader,
    private readonly key: string,
  ) {}
  check(row: TableRow, value: string, scope = ""): boolean {
    if (value === "") return true;
    const k = `${scope}\u0000${value}`;
    const first = this.seen.get(k);
    if (first !== undefined) {
      this.r.fail("plan.duplicate", row, this.key, { value, other: first });
      return false;
    }
    this.seen.set(k, this.r.cell(row, this.key));
    return true;
  }
}
