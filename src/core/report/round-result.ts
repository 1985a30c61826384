// A whole round in one value: the aggregate, its scores, and the targets and settings they used.
import { aggregateRound, type AggregateArgs } from "../aggregate/round";
import type { AggregateResult } from "../aggregate/types";
import type { Plan } from "../plan/types";
import type { EnterpriseRecord, PlatformRecord, ReturnResult } from "../read/types";
import { roundChecks } from "../history/round";
import { scoreRound, type ScoreResult } from "../score/score";
import { rosterRound } from "../roster/round";
import type { Roster, RosterCheck } from "../roster/types";
import {
  DEFAULT_SETTINGS,
  EMPTY_ALLOCATION,
  TARGETS_SHEET,
  type ScoringSettings,
  type TargetAllocation,
} from "../targets/types";

export interface RoundResult {
  aggregate: AggregateResult;
  score: ScoreResult;
  targets: TargetAllocation;
  settings: ScoringSettings;
  /** True when a target allocation gives a unit a target (else counts are shown but not scored per unit). */
  allocated: boolean;
  /** True when a targets workbook was given, whether or not its 分解目标 are filled. */
  targetsGiven?: boolean;
  /** The records of the return counted for each reporting unit (drill-down, enterprise lists). */
  counted?: CountedReturn[];
  /** 名单核验: present only when a roster was given. */
  roster?: RosterCheck;
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
  /** The bureau's roster (认定名单); absent: claims are counted as written. */
  roster?: Roster | null;
  /** The previous round's returns (`--history DIR`): each return is compared with its unit's (issue 26). */
  history?: ReturnResult[] | null;
}

export function runRound(args: RoundArgs): RoundResult {
  const settings = args.settings ?? DEFAULT_SETTINGS;
  // History and outlier warnings (never a rejection) before anything is counted.
  const checked = roundChecks({
    plan: args.plan as Plan,
    period: args.period,
    returns: args.returns,
    history: args.history,
    outlierThreshold: settings.outlierThreshold ?? DEFAULT_SETTINGS.outlierThreshold,
  });
  const rostered = args.roster
    ? rosterRound(checked, args.roster, args.plan, args.period.year, settings.rosterPolicy ?? "verified")
    : null;
  const returns = rostered?.returns ?? checked;
  // The bureau's region figures and receipt dates travel in the targets workbook.
  const aggregate = aggregateRound({
    ...args,
    returns,
    regionFigures: args.regionFigures ?? args.targets?.regions,
    receipts: args.receipts ?? args.targets?.receipts,
    reviews: args.reviews ?? args.targets?.reviews,
  });
  const targets = args.targets ?? EMPTY_ALLOCATION;
  const score = scoreRound({ aggregate, plan: args.plan as Plan, targets, settings });
  const counted: CountedReturn[] = [];
  for (const sub of aggregate.submissions) {
    if (sub.status !== "reported") continue;
    const r = returns.find((x) => x.unit === sub.unit && x.file === sub.file && !x.rejected);
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
    ...(rostered ? { roster: rostered.check(aggregate.submissions) } : {}),
    score,
    targets,
    settings,
    allocated: Object.values(targets.units).some((u) => Object.values(u).some((c) => c.target !== null)),
    targetsGiven: !!args.targets,
  };
}

/**
 * Why counts are not scored per unit, as a clause ("未导入目标分解表"), or null when targets are allocated:
 * a workbook given with its 分解目标 column blank is not "not imported" (issue 26).
 */
export function unallocatedReason(result: RoundResult): string | null {
  if (result.allocated) return null;
  return result.targetsGiven
    ? `目标分解表已导入，但\u201c${TARGETS_SHEET}\u201d工作表的\u201c分解目标\u201d列未填写`
    : "未导入目标分解表";
}
