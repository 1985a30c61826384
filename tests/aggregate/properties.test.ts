import fc from "fast-check";
import { evaluate } from "../../src/core/aggregate/evaluate";
import { aggregateRound } from "../../src/core/aggregate/round";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import type { EnterpriseRecord, ReturnResult } from "../../src/core/read/types";
import { code, plat, ret } from "./fixtures";

const plan = DEFAULT_PLAN;
const period = parsePeriod("2025Q3")!;
const year = fc.option(fc.integer({ min: 2019, max: 2026 }), { nil: null });
const yn = fc.option(fc.boolean(), { nil: null });

// A pool of enterprises with fixed attributes: units draw from it, so a firm drawn twice is the same
// firm reported by two units (a cross-unit duplicate).
const firm = (n: number) =>
  fc.record({
    uscc: fc.constant(code(n)),
    innovative_year: year,
    provincial_srdi_year: year,
    little_giant_year: year,
    champion_year: year,
    revenue: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
    rd_expense: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    patents: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    smart_workshops: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    transformation: yn,
    listed: yn,
    jiangsu_quality: yn,
    chain: fc.constantFrom(null, "钢铁", "生物医药", "其他"),
    cloud_star: fc.constantFrom(null, "无", "一星级"),
  });
const pool = fc.tuple(...Array.from({ length: 12 }, (_, i) => firm(i + 1)));

const round = pool.chain((firms) =>
  fc
    .array(
      fc.record({
        unit: fc.constantFrom(...plan.units.map((u) => u.code)),
        picks: fc.uniqueArray(fc.integer({ min: 0, max: firms.length - 1 }), { maxLength: 8 }),
        platforms: fc.array(fc.constantFrom("甲平台", "乙平台", "丙基地"), { maxLength: 2 }),
        region: fc.option(fc.integer({ min: 0, max: 50000 }), { nil: null }),
        day: fc.integer({ min: 1, max: 20 }),
        period: fc.constantFrom("2025Q3", "2025Q3", "2025Q3", "2025Q2"),
      }),
      { maxLength: 8 },
    )
    .map((specs) =>
      specs.map((s, i): ReturnResult =>
        ret(
          s.unit,
          s.picks.map((p) => firms[p]),
          {
            file: `r${i}.xlsx`,
            period: s.period,
            modified: `2025-10-${String(s.day).padStart(2, "0")}T00:00:00.000Z`,
            region: { above_scale_sme_main_revenue: s.region, contact: "x" },
            platforms: [...new Set(s.platforms)].map((n, k) =>
              plat(n, "中小企业公共服务示范平台", "省级", 2024, k + 2),
            ),
          },
        ),
      ),
    ),
);

const shuffle = <T>(xs: T[]) => fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length });

test("the result does not depend on the order of the returns", () => {
  fc.assert(
    fc.property(
      round.chain((rs) => fc.tuple(fc.constant(rs), shuffle(rs))),
      ([a, b]) => {
        expect(aggregateRound({ plan, period, returns: b })).toEqual(
          aggregateRound({ plan, period, returns: a }),
        );
      },
    ),
    { numRuns: 150 },
  );
});

test("city count of a count indicator = sum over units − repeats of duplicates", () => {
  const counts = plan.indicators.filter((i) => i.formula!.type === "count" || i.formula!.type === "sum");
  fc.assert(
    fc.property(round, (returns) => {
      const r = aggregateRound({ plan, period, returns });
      for (const ind of counts) {
        const sum = r.units.reduce((s, u) => s + (u.values[ind.code].value ?? 0), 0);
        const repeats = r.duplicates
          .filter((d) => d.kind === "enterprise")
          .reduce((s, d) => {
            const rec = returns
              .flatMap((x) => x.enterprises)
              .find((e) => e.uscc === d.key) as EnterpriseRecord;
            const one =
              evaluate(ind.formula!, {
                enterprises: [rec],
                platforms: [],
                regions: [],
                plan,
                periodYear: 2025,
              }).value ?? 0;
            return s + (d.occurrences.length - 1) * one;
          }, 0);
        // A sum over a column nobody filled is no data (—); it adds as 0.
        expect(r.city.values[ind.code].value ?? 0).toBe(sum - repeats);
      }
      const platSum = r.units.reduce((s, u) => s + (u.values.provincial_platforms.value ?? 0), 0);
      const platRepeats = r.duplicates
        .filter((d) => d.kind === "platform")
        .reduce((s, d) => s + d.occurrences.length - 1, 0);
      expect(r.city.values.provincial_platforms.value).toBe(platSum - platRepeats);
    }),
    { numRuns: 150 },
  );
});

test("importing the same return again changes no value", () => {
  fc.assert(
    fc.property(
      round.filter((rs) => rs.length > 0),
      fc.nat(),
      (returns, k) => {
        const again = returns[k % returns.length];
        const once = aggregateRound({ plan, period, returns });
        const twice = aggregateRound({ plan, period, returns: [...returns, { ...again }] });
        expect(twice.city).toEqual(once.city);
        expect(twice.units).toEqual(once.units);
        expect(twice.duplicates).toEqual(once.duplicates);
      },
    ),
    { numRuns: 150 },
  );
});
