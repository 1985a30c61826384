// A whole round in one value: the aggregate, its scores, and the targets and settings they used.
import { aggregateRound, type AggregateArgs } from "../aggregate/round";
import type { AggregateResult } from "../aggregate/types";
import type { Plan } from "../plan/types";
import type { EnterpriseRecord, PlatformRecord } from "../read/types";
import { scoreRound, type ScoreResult } from "../score/score";
import {
  DEFAULT_SETTINGS,
  EMPTY_ALLOCATION,
  type ScoringSettings,
  type TargetAllocation,
} from "../targets/types";

export interface RoundResult {
  aggregate: AggregateResult;
  score: ScoreResult;
  targets: TargetAllocation;
  settings: ScoringSettings;
  /** True when a target allocation was given (else counts are shown but not scored per unit). */
  allocated: boolean;
  /** The records of the return counted for each reporting unit (drill-down, enterprise lists). */
  counted?: CountedReturn[];
}

export interface CountedReturn {
  unit: string;
  unitName: string;
  enterprises: EnterpriseRecord[];
  platforms: PlatformRecord[];
}

export interface RoundArgs extends AggregateArgs {
  targets?: TargetAllocation | null;
  settings?: ScoringSettings | null;
}

export function runRound(args: RoundArgs): RoundResult {
  // The bureau's region figures and receipt dates travel in the targets workbook.
  const aggregate = aggregateRound({
    ...args,
    regionFigures: args.regionFigures ?? args.targets?.regions,
    receipts: args.receipts ?? args.targets?.receipts,
    reviews: args.reviews ?? args.targets?.reviews,
  });
  const targets = args.targets ?? EMPTY_ALLOCATION;
  const settings = args.settings ?? DEFAULT_SETTINGS;
  const score = scoreRound({ aggregate, plan: args.plan as Plan, targets, settings });
  const counted: CountedReturn[] = [];
  for (const sub of aggregate.submissions) {
    if (sub.status !== "reported") continue;
    const r = args.returns.find((x) => x.unit === sub.unit && x.file === sub.file && !x.rejected);
    if (r)
      counted.push({
        unit: sub.unit,
        unitName: sub.name,
        enterprises: r.enterprises,
        platforms: r.platforms,
      });
  }
  return {
    aggregate,
    counted,
    score,
    targets,
    settings,
    allocated: !!args.targets && Object.keys(targets.units).length > 0,
  };
}
