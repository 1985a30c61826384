// A record's value as the template cell a clerk would have typed (prefill), and as words (diff). The reader
// normalises cells into records (是 -> true, 45 -> 0.45 for a percent, a date -> ISO); these undo that.
import type { FieldDef } from "../form/types";
import { isoToSerial } from "../read/date";
import type { CellValue } from "../sheet/types";

type Field = Pick<FieldDef, "type">;

/** Percent points from a fraction without binary noise (0.45 -> 45, not 45.00000000000001). */
export function percentPoints(x: number): number {
  return Number((x * 100).toPrecision(12));
}

/** The value to write into the template for a record's value; null for blank or a value of another type. */
export function cellOf(field: Field, v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (field.type) {
    case "yesno":
      return typeof v === "boolean" ? (v ? "是" : "否") : null;
    case "percent":
      return typeof v === "number" && Number.isFinite(v) ? percentPoints(v) : null;
    case "date":
      return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? isoToSerial(v) : null;
    case "year":
    case "whole":
    case "decimal":
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    default:
      return typeof v === "string" ? v : null;
  }
}

/** The value in words, as a clerk reads it in the sheet ("是", "45%", "2025-10-12"); "" for blank. */
export function textOf(field: Field, v: unknown): string {
  if (v === null || v === undefined) return "";
  if (field.type === "yesno" && typeof v === "boolean") return v ? "是" : "否";
  if (field.type === "percent" && typeof v === "number") return `${percentPoints(v)}%`;
  return String(v);
}
