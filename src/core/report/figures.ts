// The figures of one round as the bulletin's hidden data sheet keeps them (previous.ts writes and reads
// them; history-sheet.ts lays them out). Types only, so both can use them without importing each other.
import type { Status } from "../score/score";

export interface FirmEntry {
  uscc: string;
  name: string;
  unit: string;
  unitName: string;
}

/** A city indicator's figures at a round beside its value: its own target, expected value, share reached
 * and status (a round of another plan keeps the targets of that plan). */
export interface CityPoint {
  target: number | null;
  expected: number | null;
  reached: number | null;
  status: Status | null;
}

export interface UnitFigures {
  name: string;
  score: number | null;
  rank: number | null;
  values: Record<string, number | null>;
  /** Status of each indicator for the unit (absent in version-1 sheets). */
  statuses?: Record<string, Status | null>;
}

export interface RoundFigures {
  period: string;
  periodLabel: string;
  city: Record<string, number | null>;
  units: Record<string, UnitFigures>;
  enterprises: FirmEntry[];
  /** The plan and form version the round was measured with (absent in version-1 sheets). */
  planId?: string;
  /** The plan's title, for the reader of a round of another plan. */
  planTitle?: string;
  formVersion?: string;
  timeProgress?: number | null;
  points?: Record<string, CityPoint>;
}
