// History carried by the bulletin's hidden data sheet: each bulletin keeps every earlier round it was
// given, checks each round against its checksum (a figure changed by hand is found and the round named),
// lists contradictions between sources, and caps what it reads.
import { currentForm } from "../../src/core/form/versions";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { buildBulletin } from "../../src/core/report/bulletin";
import { collectHistory, EMPTY_HISTORY, type History } from "../../src/core/report/history";
import { MAX_HISTORY_ROUNDS } from "../../src/core/report/history-sheet";
import { DATA_SHEET, figuresOf, readFigures } from "../../src/core/report/previous";
import { runRound, type RoundResult } from "../../src/core/report/round-result";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { code, ret } from "../aggregate/fixtures";

const plan = DEFAULT_PLAN;
const inno = (n: number, year = 2024) => ({ uscc: code(n), innovative_year: year });

function round(period: string, firms: number): RoundResult {
  return runRound({
    plan,
    period: parsePeriod(period)!,
    returns: [
      ret(
        "320703",
        Array.from({ length: firms }, (_, i) => inno(i + 1)),
        { period },
      ),
    ],
  });
}

async function bulletinSnapshot(r: RoundResult, history: History = EMPTY_HISTORY): Promise<WorkbookSnapshot> {
  const bytes = await writeWorkbook(buildBulletin(r, plan, { issuedOn: "2025-12-01", history }));
  return readWorkbook(bytes, { name: "通报.xlsx" });
}

async function chain(periods: string[]): Promise<WorkbookSnapshot> {
  let history = EMPTY_HISTORY;
  let snap: WorkbookSnapshot | null = null;
  for (const [i, p] of periods.entries()) {
    const r = round(p, i + 1);
    if (snap) history = collectHistory(p, [{ name: `${periods[i - 1]}.xlsx`, read: readFigures(snap) }]);
    snap = await bulletinSnapshot(r, history);
  }
  return snap!;
}

test("each bulletin carries every earlier round: the third holds the first two with their figures", async () => {
  const snap = await chain(["2025Q1", "2025Q2", "2025Q3"]);
  const read = readFigures(snap, "三季度.xlsx");
  expect(read.problems).toEqual([]);
  expect(read.figures!.period).toBe("2025Q3");
  expect(read.figures!.planId).toBe(plan.id);
  expect(read.figures!.formVersion).toBe(currentForm(plan).version);
  expect(read.history.map((h) => h.period)).toEqual(["2025Q1", "2025Q2"]);
  const q1 = read.history[0];
  expect(q1.city.innovative_smes).toBe(1);
  expect(read.history[1].city.innovative_smes).toBe(2);
  expect(q1.units["320703"].values.innovative_smes).toBe(1);
  expect(q1.points!.innovative_smes.status).toBe(
    figuresOf(round("2025Q1", 1), plan).points!.innovative_smes.status,
  );
  expect(q1.points!.innovative_smes.expected).toBeCloseTo(
    figuresOf(round("2025Q1", 1), plan).points!.innovative_smes.expected!,
    9,
  );
  expect(q1.timeProgress).toBeCloseTo(round("2025Q1", 1).score.timeProgress, 12);
  // The next round's history: the previous bulletin's own round and the ones it carries, oldest first.
  const h = collectHistory("2025Q4", [{ name: "三季度.xlsx", read }]);
  expect(h.rounds.map((r) => r.period)).toEqual(["2025Q1", "2025Q2", "2025Q3"]);
  expect(h.problems).toEqual([]);
});

function setCell(snap: WorkbookSnapshot, find: (row: unknown[]) => boolean, col: number, value: number) {
  const sheet = snap.sheets.find((s) => s.name === DATA_SHEET)!;
  const row = sheet.cells.find((r) => find(r));
  expect(row).toBeDefined();
  row![col] = value;
}

test("a figure changed by hand in an earlier round is found, the round named and left out", async () => {
  const snap = await chain(["2025Q1", "2025Q2", "2025Q3"]);
  setCell(snap, (r) => r[0] === "hcity" && r[1] === "2025Q1" && r[2] === "innovative_smes", 3, 99);
  const read = readFigures(snap, "三季度.xlsx");
  expect(read.history.map((h) => h.period)).toEqual(["2025Q2"]);
  expect(read.problems).toHaveLength(1);
  expect(read.problems[0].kind).toBe("tampered");
  expect(read.problems[0].period).toBe("2025Q1");
  expect(read.problems[0].message).toContain("2025年第一季度的数据与其校验码不符");
  expect(read.problems[0].where).toMatch(/^三季度\.xlsx 通报数据第\d+行$/);
  // The round's own figures changed: the bulletin is refused as a previous one, with the reason.
  setCell(snap, (r) => r[0] === "unit" && r[1] === "320703", 3, 100);
  const again = readFigures(snap, "三季度.xlsx");
  expect(again.figures).toBeNull();
  expect(again.reason).toContain("2025年第三季度的数据与其校验码不符");
});

test("the same period with other figures in two bulletins is listed as a contradiction; the first wins", async () => {
  const a = readFigures(await bulletinSnapshot(round("2025Q1", 3)), "a.xlsx");
  const b = readFigures(await bulletinSnapshot(round("2025Q1", 5)), "b.xlsx");
  const h = collectHistory("2025Q2", [
    { name: "a.xlsx", read: a },
    { name: "b.xlsx", read: b },
    { name: "a副本.xlsx", read: a },
  ]);
  expect(h.rounds).toHaveLength(1);
  expect(h.rounds[0].city.innovative_smes).toBe(3);
  expect(h.problems.map((p) => p.kind)).toEqual(["contradiction"]);
  expect(h.problems[0].message).toBe(
    "2025年第一季度的数据在a.xlsx与b.xlsx中不一致(指标innovative_smes：3与5)，采用a.xlsx，请核对",
  );
  // A round not before this one is not history: the same period silently (an earlier draft), a later
  // one said.
  expect(collectHistory("2025Q1", [{ name: "a.xlsx", read: a }])).toEqual({ rounds: [], problems: [] });
  const later = collectHistory("2024Q4", [{ name: "a.xlsx", read: a }]);
  expect(later.rounds).toEqual([]);
  expect(later.problems.map((p) => p.message)).toEqual(["2025年第一季度晚于本期，未作为往期数据"]);
});

test("a version-1 data sheet (one round, no checksum) is still read", async () => {
  const snap = await bulletinSnapshot(round("2025Q1", 2));
  const sheet = snap.sheets.find((s) => s.name === DATA_SHEET)!;
  sheet.cells = sheet.cells
    .filter((r) => ["meta", "city", "unit", "value", "firm"].includes(String(r[0])))
    .filter(
      (r) => !(r[0] === "meta" && !["format", "version", "period", "periodLabel"].includes(String(r[1]))),
    )
    .map((r) => (r[0] === "value" ? r.slice(0, 4) : r));
  const read = readFigures(snap, "v1.xlsx");
  expect(read.problems).toEqual([]);
  expect(read.figures!.city.innovative_smes).toBe(2);
  expect(read.figures!.points).toBeUndefined();
});

test("earlier rounds are capped: a sheet with more rounds than the cap reads the cap and says so", async () => {
  const snap = await bulletinSnapshot(round("2025Q1", 1));
  const sheet = snap.sheets.find((s) => s.name === DATA_SHEET)!;
  for (let i = 0; i < MAX_HISTORY_ROUNDS + 5; i++) {
    const y = 1900 + Math.floor(i / 12);
    sheet.cells.push(["hmeta", `${y}-${String((i % 12) + 1).padStart(2, "0")}`, "periodLabel", "x"]);
  }
  sheet.cells.push(["hcity", "20x5Q1", "innovative_smes", 3]);
  const read = readFigures(snap, "多期.xlsx");
  // Rounds written by hand have no checksum: each is named, none taken.
  expect(read.history).toHaveLength(0);
  const kinds = read.problems.map((p) => p.kind);
  expect(kinds.filter((k) => k === "tampered")).toHaveLength(MAX_HISTORY_ROUNDS);
  expect(read.problems[0].message).toBe(`往期数据超过${MAX_HISTORY_ROUNDS}期，其后各期未读取`);
  expect(read.problems[1].message).toBe("报告期\u201c20x5Q1\u201d无法识别，该行未采用");
  expect(read.problems[2].message).toBe("x的数据没有校验码，不是本系统写入的，未采用");
});
