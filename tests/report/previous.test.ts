// Two rounds: round 2 with the first round's bulletin as --previous shows the right 较上期 values, rank
// moves and new/gone enterprise lists, against hand-computed expectations.
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { buildBulletin } from "../../src/core/report/bulletin";
import { compareRounds, figuresOf, readFigures, type RoundFigures } from "../../src/core/report/previous";
import { runRound } from "../../src/core/report/round-result";
import { writeWorkbook } from "../../src/xlsx/write";
import { readWorkbook } from "../../src/xlsx/read";
import { code, ret } from "../aggregate/fixtures";

const plan = DEFAULT_PLAN;
const inno = (n: number, year = 2024) => ({ uscc: code(n), innovative_year: year });

test("rank moves: previous rank minus current rank, null where a round has no rank", () => {
  const fig = (ranks: Record<string, number | null>): RoundFigures => ({
    period: "p",
    periodLabel: "p",
    city: {},
    enterprises: [],
    units: Object.fromEntries(
      Object.entries(ranks).map(([k, rank]) => [
        k,
        { name: k, score: rank === null ? null : 100 - rank, rank, values: {} },
      ]),
    ),
  });
  const c = compareRounds(fig({ A: 3, B: 1, C: 2, D: null }), fig({ A: 1, B: 2, C: 3, D: 4 }));
  expect(c.units.A.rankMove).toBe(-2);
  expect(c.units.B.rankMove).toBe(1);
  expect(c.units.C.rankMove).toBe(1);
  expect(c.units.D.rankMove).toBeNull();
  expect(c.units.A.score).toBe(97 - 99);
});

test("two rounds through the bulletin workbook: 较上期, new and gone enterprises", async () => {
  // Round 1 (2025Q2): 连云区 firms 1, 2; 海州区 firm 3 → 3 innovative SMEs in the city.
  const r1 = runRound({
    plan,
    period: parsePeriod("2025Q2")!,
    deadline: "2025-07-15",
    returns: [
      ret("320703", [inno(1), inno(2)], { period: "2025Q2", modified: "2025-07-08T02:00:00Z" }),
      ret("320706", [inno(3, 2023)], { period: "2025Q2", modified: "2025-07-08T02:00:00Z" }),
    ],
  });
  const wb1 = await writeWorkbook(buildBulletin(r1, plan, { issuedOn: "2025-07-20" }));
  // Round 2 (2025Q3): 连云区 firms 1, 4; 海州区 firms 3, 5, 6 → 5 innovative SMEs; firm 2 gone.
  const r2 = runRound({
    plan,
    period: parsePeriod("2025Q3")!,
    deadline: "2025-10-15",
    returns: [
      ret("320703", [inno(1), inno(4, 2025)]),
      ret("320706", [inno(3, 2023), inno(5, 2025), inno(6, 2025)]),
    ],
  });
  const { figures, reason } = readFigures(await readWorkbook(wb1, { name: "上期.xlsx" }));
  expect(reason).toBe("");
  const cmp = compareRounds(figuresOf(r2, plan), figures!);
  expect(cmp.previous.periodLabel).toBe("2025年第二季度");
  expect(cmp.city.innovative_smes).toBe(5 - 3);
  expect(cmp.units["320703"].values.innovative_smes).toBe(0);
  expect(cmp.units["320706"].values.innovative_smes).toBe(3 - 1);
  expect(cmp.units["320707"].values.innovative_smes).toBeNull(); // not reported in either round
  expect(cmp.newEnterprises.map((e) => [e.uscc, e.unitName])).toEqual([
    [code(4), "连云区"],
    [code(5), "海州区"],
    [code(6), "海州区"],
  ]);
  expect(cmp.goneEnterprises.map((e) => [e.uscc, e.unitName])).toEqual([[code(2), "连云区"]]);

  const desc = buildBulletin(r2, plan, { issuedOn: "2025-10-20", comparison: cmp });
  const city = desc.sheets.find((s) => s.name === "市级目标完成情况")!;
  expect(city.rows[3][10]).toBe("较上期(2025年第二季度)");
  const row = city.rows.find((r) => r[1] === "创新型中小企业")!;
  expect(row[10]).toBe("+2");
  const lists = desc.sheets.find((s) => s.name === "企业名单")!;
  const texts = lists.rows.flat().filter((v) => typeof v === "string");
  expect(texts).toContain("（三）本期新进入名录的企业(3家)");
  expect(texts).toContain("（四）上期在录、本期未报送的企业(1家)");
  const body = desc.sheets[0].rows.flat().join("\n");
  expect(body).toContain("较上期增加2家");
  expect(body).toContain("新进入名录企业3家");
  expect(body).toContain("不再报送的企业1家");
});

test("a workbook without the data sheet is refused with a reason", async () => {
  const { figures, reason } = readFigures({
    sheets: [{ name: "工作通报", state: "visible", cells: [], merges: [] }],
  });
  expect(figures).toBeNull();
  expect(reason).toContain("通报数据");
});
