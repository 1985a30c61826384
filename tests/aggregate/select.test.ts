// selectRound is aggregateRound's own selection (which return counts for each unit, which are left out and
// why, each unit's submission and timing) without the figures: the pane's return list runs it on every
// change, so it must say exactly what 汇总 will.
import { aggregateRound, selectRound } from "../../src/core/aggregate/round";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { code, ret } from "./fixtures";

const plan = DEFAULT_PLAN;
const period = parsePeriod("2025Q3")!;

test("the selection equals the round's: superseded, sent back, other period, refused, late and missing units", () => {
  const returns = [
    ret("320703", [{ uscc: code(1) }], { file: "a-old.xlsx", modified: "2025-10-01T02:00:00.000Z" }),
    ret("320703", [{ uscc: code(2) }], { file: "a-new.xlsx", modified: "2025-10-09T02:00:00.000Z" }),
    ret("320706", [{ uscc: code(3) }], { file: "b.xlsx", modified: "2025-10-20T02:00:00.000Z" }),
    ret("320707", [{ uscc: code(4) }], { file: "c.xlsx", period: "2025Q2" }),
    ret("320722", [{ uscc: code(5) }], { file: "d.xlsx" }),
    ret("320723", [], { file: "e.xlsx", rejected: true, unit: null }),
  ];
  const args = {
    plan,
    period,
    returns,
    deadline: "2025-10-15",
    reviews: { "320722": { state: "returned" as const, reason: "数据有误" } },
  };
  const sel = selectRound(args);
  const all = aggregateRound(args);
  expect(sel.excluded).toEqual(all.excluded);
  expect(sel.submissions).toEqual(all.submissions);
  expect(sel.deadline).toBe(all.deadline);
  expect([...sel.chosen.values()].map((r) => r.file).sort()).toEqual(["a-new.xlsx", "b.xlsx"]);
  expect(sel.excluded.map((x) => x.kind).sort()).toEqual([
    "other_period",
    "rejected",
    "sent_back",
    "superseded",
  ]);
  expect(sel.submissions.find((s) => s.unit === "320706")?.timing).toBe("late");
});
