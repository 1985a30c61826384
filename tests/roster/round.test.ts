// A round with a roster, counted by hand under both policies: every outcome of a claim and 漏报.
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { runRound, type RoundResult } from "../../src/core/report/round-result";
import type { RosterPolicy } from "../../src/core/roster/types";
import { DEFAULT_SETTINGS } from "../../src/core/targets/types";
import { rosterQuality } from "../../src/core/report/attachments/roster";
import { ret } from "../aggregate/fixtures";
import { roster, uscc } from "./fixtures";

const period = parsePeriod("2025Q3")!;
const P = "省级专精特新中小企业";

// Valid in 2025 with three years: a latest recognition or review in 2022–2025.
const ROSTER = roster([
  ["甲", uscc(1), P, 2023, null, "连云区", "认定"], // 4
  ["连云港乙科技有限责任公司", null, P, 2022, null, "连云港市连云区", "认定"], // 5
  ["丙", uscc(3), P, 2021, null, "海州区", "认定"], // 6
  ["丙", uscc(3), P, 2024, null, "海州区", "复核通过"], // 7
  ["丁", uscc(4), P, 2022, null, "海州区", "认定"], // 8
  ["丁", uscc(4), P, 2025, null, "海州区", "复核未通过"], // 9
  ["戊", uscc(5), "专精特新“小巨人”企业", 2024, null, "海州区", "认定"], // 10: nobody reports it
  ["己", uscc(6), "创新型中小企业", 2024, null, "连云港市", "认定"], // 11: nobody, city only
  ["庚", uscc(7), P, 2020, null, "连云区", "认定"], // 12: lapsed, not missed
  ["辛", uscc(8), "制造业单项冠军", 2022, null, "灌云县", "认定"], // 13
  ["辛", uscc(8), "制造业单项冠军", 2024, null, "灌云县", "撤销"], // 14: revoked, not missed
  ["壬", uscc(9), "创新型中小企业", 2024, null, "南京市", "认定"], // 15: another city
  ["丑", uscc(11), P, 2024, null, "海州区", "认定"], // 16
]);

const RETURNS = [
  ret("320703", [
    { name: "甲", uscc: uscc(1), provincial_srdi_year: 2023, innovative_year: 2023 }, // 核实 + 未找到
    { name: "连云港乙科技有限公司", uscc: uscc(2), provincial_srdi_year: 2022 }, // 核实 by name
    { name: "子", uscc: uscc(10), provincial_srdi_year: 2024 }, // 名单中未找到
  ]),
  ret("320706", [
    { name: "丙", uscc: uscc(3), provincial_srdi_year: 2021 }, // 年份不符: reviewed 2024, counted with it
    { name: "丁", uscc: uscc(4), provincial_srdi_year: 2022 }, // 复核未通过
    { name: "丑", uscc: uscc(11), provincial_srdi_year: 2023 }, // 年份不符 (2024)
    { name: "寅", uscc: uscc(12), innovative_year: 2018 }, // lapsed either way: not a claim that matters
  ]),
];

function round(policy: RosterPolicy | null): RoundResult {
  return runRound({
    plan: DEFAULT_PLAN,
    period,
    returns: RETURNS,
    roster: policy === null ? null : ROSTER,
    settings: { ...DEFAULT_SETTINGS, rosterPolicy: policy ?? "verified" },
  });
}

const counts = (r: RoundResult, code: string) => [
  r.aggregate.units.find((u) => u.code === "320703")!.values[code].value,
  r.aggregate.units.find((u) => u.code === "320706")!.values[code].value,
  r.aggregate.city.values[code].value,
];

test("tier counts by hand: as claimed, with the claims policy, and verified only", () => {
  const none = round(null);
  const claims = round("claims");
  const verified = round("verified");
  // 320703 claims 甲 2023, 乙 2022, 子 2024; 320706 claims 丙 2021 (lapsed as written), 丁 2022, 丑 2023.
  expect(counts(none, "provincial_srdi")).toEqual([3, 2, 5]);
  expect(counts(claims, "provincial_srdi")).toEqual([3, 2, 5]);
  // Verified: 子 not found, 丁 failed its review; 丙 and 丑 count with the roster's 2024.
  expect(counts(verified, "provincial_srdi")).toEqual([2, 2, 4]);
  expect(counts(none, "innovative_smes")).toEqual([1, 0, 1]);
  expect(counts(claims, "innovative_smes")).toEqual([1, 0, 1]);
  expect(counts(verified, "innovative_smes")).toEqual([0, 0, 0]);
  expect(none.roster).toBeUndefined();
  // The claims policy changes no figure of the round without a roster.
  expect(claims.aggregate).toEqual(none.aggregate);
});

test("every outcome of a claim, where it is and what counts", () => {
  const r = round("verified").roster!;
  expect(r.policy).toBe("verified");
  expect(
    r.claims.map((c) => [
      c.unit,
      c.cell,
      c.name,
      c.tier,
      c.claimedYear,
      c.outcome,
      c.rosterYear,
      c.countedYear,
      c.matchedBy,
      c.rosterRows,
    ]),
  ).toEqual([
    ["320703", "F2", "甲", "innovative", 2023, "not_found", null, null, "uscc", []],
    ["320703", "G2", "甲", "provincial_srdi", 2023, "verified", 2023, 2023, "uscc", [4]],
    ["320703", "G3", "连云港乙科技有限公司", "provincial_srdi", 2022, "verified", 2022, 2022, "name", [5]],
    ["320703", "G4", "子", "provincial_srdi", 2024, "not_found", null, null, null, []],
    ["320706", "G2", "丙", "provincial_srdi", 2021, "wrong_year", 2024, 2024, "uscc", [6, 7]],
    ["320706", "G3", "丁", "provincial_srdi", 2022, "revoked", 2025, null, "uscc", [8, 9]],
    ["320706", "G4", "丑", "provincial_srdi", 2023, "wrong_year", 2024, 2024, "uscc", [16]],
  ]);
  // Under the claims policy the same outcomes, each counted with the year written.
  const c = round("claims").roster!;
  expect(c.claims.map((x) => x.outcome)).toEqual(r.claims.map((x) => x.outcome));
  expect(c.claims.map((x) => x.countedYear)).toEqual([2023, 2023, 2022, 2024, 2021, 2022, 2023]);
});

test("漏报: standing, valid and in the city, claimed by no counted return; by unit where the roster says", () => {
  const r = round("verified").roster!;
  expect(r.missed.map((m) => [m.unit, m.unitName, m.name, m.tier, m.year, m.row])).toEqual([
    ["320706", "海州区", "戊", "little_giant", 2024, 10],
    [null, null, "己", "innovative", 2024, 11],
  ]);
  expect(r.units).toEqual([
    {
      unit: "320703",
      unitName: "连云区",
      claims: 4,
      verified: 2,
      wrongYear: 0,
      notFound: 2,
      revoked: 0,
      missed: 0,
    },
    {
      unit: "320706",
      unitName: "海州区",
      claims: 3,
      verified: 0,
      wrongYear: 2,
      notFound: 0,
      revoked: 1,
      missed: 1,
    },
  ]);
});

test("漏报 follows what the counted returns claim", () => {
  // 海州区 now reports only 戊: 戊 is no longer missed, 丙 and 丑 (still standing) are.
  const withGiant = [RETURNS[0], ret("320706", [{ name: "戊", uscc: uscc(5), little_giant_year: 2024 }])];
  const r = runRound({ plan: DEFAULT_PLAN, period, returns: withGiant, roster: ROSTER });
  expect(r.roster!.missed.map((m) => m.name)).toEqual(["丙", "丑", "己"]);
  expect(r.roster!.claims.find((c) => c.name === "戊")!.outcome).toBe("verified");
});

test("漏报 of a firm whose roster row names only the city: the unit whose return lists it, not 全市", () => {
  // 赣榆区 lists 己 (by code) without its 创新型中小企业 year: 己 is missed, and 赣榆区's to look at.
  const lists = ret("320707", [{ name: "己", uscc: uscc(6), revenue: 100 }]);
  const r = runRound({ plan: DEFAULT_PLAN, period, returns: [...RETURNS, lists], roster: ROSTER }).roster!;
  expect(r.missed.map((m) => [m.unit, m.unitName, m.name])).toEqual([
    ["320706", "海州区", "戊"],
    ["320707", "赣榆区", "己"],
  ]);
  expect(r.units.find((u) => u.unit === "320707")!.missed).toBe(1);
  // Without that return it stays the city's, as before.
  expect(round("verified").roster!.missed.find((m) => m.name === "己")!.unit).toBeNull();
});

test("the 数据质量 sentence names its noun when the list of units is shortened", () => {
  const units = DEFAULT_PLAN.units.slice(0, 7);
  const returns = units.map((u, i) =>
    ret(u.code, [{ name: `未列${i}`, uscc: uscc(40 + i), provincial_srdi_year: 2024 }]),
  );
  const r = runRound({ plan: DEFAULT_PLAN, period, returns, roster: ROSTER });
  const [sentence] = rosterQuality(r, 7);
  expect(sentence).toContain(
    `未能核实的7项涉及${units
      .slice(0, 6)
      .map((u) => `${u.name}1项`)
      .join("、")}等7个单位；`,
  );
});
