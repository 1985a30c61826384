/** @jest-environment jsdom */
// 汇总's trend charts (the views' side; tests/page/trend.e2e.test.ts shows them in Chromium at 320 px):
// one chart per indicator with figures, named with its first and last figure, a table of every round
// behind it; nothing at all without earlier rounds.
import "./dom-stubs";
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { figuresOf } from "../../src/core/report/previous";
import { runRound } from "../../src/core/report/round-result";
import { TrendCharts } from "../../src/taskpane/bureau/TrendCharts";
import { code, ret } from "../aggregate/fixtures";

const plan = DEFAULT_PLAN;
const round = (period: string, n: number) =>
  runRound({
    plan,
    period: parsePeriod(period)!,
    returns: [
      ret(
        "320703",
        Array.from({ length: n }, (_, k) => ({ uscc: code(k + 1), innovative_year: 2024 })),
        { period },
      ),
    ],
  });
const rounds = [round("2025Q1", 2), round("2025Q2", 5), round("2025Q3", 9)];
const history = { rounds: rounds.slice(0, 2).map((r) => figuresOf(r, plan)), problems: [] };
const show = (h: typeof history | null) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <TrendCharts round={rounds[2]} plan={plan} history={h} />
    </FluentProvider>,
  );

test("a chart per indicator with figures, each named and with its table of rounds", () => {
  show(history);
  expect(screen.getByRole("heading", { name: "各指标趋势（3期）" })).toBeTruthy();
  const name = plan.indicators.find((i) => i.code === "innovative_smes")!.name;
  const img = screen.getByRole("img", { name: new RegExp(`^${name}趋势图，共3期：首期2家，本期9家`) });
  const figure = img.closest("figure")!;
  expect(figure.querySelectorAll("polyline").length).toBeGreaterThanOrEqual(1);
  const rows = within(figure).getAllByRole("row").slice(1);
  expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual([
    "2025年第一季度",
    "2025年第二季度",
    "2025年第三季度",
  ]);
  expect(rows.map((r) => within(r).getAllByRole("cell")[0].textContent)).toEqual(["2家", "5家", "9家"]);
  const withFigures = plan.indicators.filter((_, i) => rounds[2].score.city[i].actual !== null).length;
  expect(screen.getAllByTestId("trend-chart").length).toBeGreaterThanOrEqual(withFigures);
});

test("no earlier rounds: no trend section", () => {
  show(null);
  expect(screen.queryByTestId("trends")).toBeNull();
  show({ rounds: [], problems: [] });
  expect(screen.queryByTestId("trends")).toBeNull();
});
