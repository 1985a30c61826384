// A whole round in one value: the aggregate, its scores, and the targets and settings they used.
import { aggregateRound, type AggregateArgs } from "../aggregate/round";
import type { AggregateResult } from "../aggregate/types";
import type { Plan } from "../plan/types";
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
  });
  const targets = args.targets ?? EMPTY_ALLOCATION;
  const settings = args.settings ?? DEFAULT_SETTINGS;
  const score = scoreRound({ aggregate, plan: args.plan as Plan, targets, settings });
  return {
    aggregate,
    score,
    targets,
    settings,
    allocated: !!args.targets && Object.keys(targets.units).length > 0,
  };
}
