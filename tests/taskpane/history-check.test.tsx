/** @jest-environment jsdom */
// Issue 26 in the pane: a clerk's self-check of a prefilled template in the (fake) Excel host. The pane
// inserts the template prefilled from last round's return (with its very hidden 上期数据 sheet); the clerk
// types this round's figures with one ×10 slip; 自查 shows the warning beside its cell with last round's
// value and 未说明; the 未说明/已说明 filter narrows the list; a 说明 typed in the row answers it.
import "./dom-stubs";
import "./node-encoding";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createActions } from "../../src/excel/actions";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { FORM_V3 } from "../../src/core/form/v3";
import { parsePeriod } from "../../src/core/plan/periods";
import { browserFiles } from "../../src/files/io";
import { ClerkView } from "../../src/taskpane/ClerkView";
import { HostFilesContext } from "../../src/taskpane/host-files";
import { MESSAGES } from "../../src/taskpane/messages";
import { writeWorkbook } from "../../src/xlsx/write";
import { cellAt, uninstallFakeOffice, type FakeHost } from "../fake-excel";
import { enter } from "../fake-excel/model";
import { install } from "../excel/helpers";
import { demo, plan } from "../prefill/fixtures";

const source = demo.returns.find((d) => d.form.version === "3" && d.unit.code !== demo.defective.code)!;
const col = (key: string) => FORM_V3.enterprises.fields.findIndex((f) => f.key === key);
const q4 = parsePeriod("2025Q4")!;
const memory = { get: () => source.unit.code, set: () => undefined };

afterEach(() => uninstallFakeOffice(globalThis as unknown as Record<string, unknown>));

async function lastRound(): Promise<{ name: string; bytes: Uint8Array; modified: string }> {
  const desc = fillTemplate(
    buildTemplate({
      plan,
      form: source.form,
      unit: source.unit,
      period: demo.period,
      generatedAt: demo.generatedAt,
    }),
    source.data,
    source.form,
  );
  return { name: source.fileName, bytes: await writeWorkbook(desc), modified: source.modified };
}

/** The clerk types this round's figures (last round's + 10 %), the first firm's 营业收入 ×10; and a 说明. */
function type(host: FakeHost, explanation: string | null): number {
  const ws = host.state.sheet(FORM_V3.enterprises.name)!;
  source.data.enterprises!.forEach((row, i) => {
    for (const key of ["revenue", "main_revenue", "rd_expense"]) {
      const v = row[col(key)] as number | null;
      if (v !== null) enter(cellAt(ws, i + 1, col(key)), String(Math.round(v * 110) / 100));
    }
  });
  const first = source.data.enterprises![0][col("revenue")] as number;
  const slip = (Math.round(first * 110) / 100) * 10;
  enter(cellAt(ws, 1, col("revenue")), String(slip));
  enter(cellAt(ws, 1, col("explanation")), explanation ?? "");
  enter(cellAt(host.state.sheet(FORM_V3.region.name)!, 4, 1), "2025-12-19");
  return first;
}

test("the adapter: a prefilled template's self-check compares with its 上期数据 sheet, a 说明 explains", async () => {
  const host = install();
  const actions = createActions(plan);
  const out = await actions.insertTemplate({
    unit: source.unit,
    period: q4,
    deadline: null,
    from: await lastRound(),
  });
  expect(out.kind).toBe("inserted");
  expect(host.state.sheet("上期数据")?.visibility).toBe("VeryHidden");
  const before = type(host, null);

  const slip = await actions.selfCheck();
  const w = slip.result.warnings.filter((i) => i.previous !== undefined && i.cell === "J2");
  expect(w).toHaveLength(1);
  expect(w[0].message).toContain("营业收入是上期的5倍以上");
  expect(w[0].previous).toBe(String(before));
  expect(w[0].explanation).toBeNull();
  expect(slip.result.previous?.file).toBe(source.fileName);
  // Nothing else of last round's firms trips a rule: they grew by 10 %.
  expect(slip.result.warnings.filter((i) => i.previous !== undefined)).toHaveLength(1);
  expect(slip.result.errors).toEqual([]);

  type(host, "新产线投产，收入大增");
  const explained = await actions.selfCheck();
  const e = explained.result.warnings.filter((i) => i.previous !== undefined);
  expect(e.map((i) => [i.cell, i.explanation])).toEqual([["J2", "新产线投产，收入大增"]]);
});

test("the pane: the warning beside its cell with last round's value, the 未说明 filter, then explained", async () => {
  const host = install();
  const actions = createActions(plan);
  await actions.insertTemplate({ unit: source.unit, period: q4, deadline: null, from: await lastRound() });
  const before = type(host, null);
  render(
    <FluentProvider theme={webLightTheme}>
      <HostFilesContext.Provider value={browserFiles}>
        <ClerkView actions={actions} plan={plan} messages={MESSAGES} defaultPeriod="2025Q4" memory={memory} />
      </HostFilesContext.Provider>
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole("button", { name: "自查" }));
  const result = await screen.findByTestId("check-result");
  expect(within(result).getByTestId("history-summary").textContent).toContain("有 1 条提示尚未说明");
  expect(result.textContent).toContain(`与上期报表“${source.fileName}”(2025Q3)比较`);
  // Beside J2: its link, the rule, last round's value and 未说明.
  const link = within(result).getByRole("button", { name: "定位到 企业名录!J2" });
  const item = link.closest("[data-testid=issue]") as HTMLElement;
  const group = link.closest("[data-testid=issue-group]") as HTMLElement;
  expect(group.querySelector("summary")!.textContent).toContain("营业收入是上期的5倍以上");
  expect(within(item).getByTestId("issue-previous").textContent).toBe(`上期 ${before}`);
  expect(within(item).getByTestId("issue-unexplained").textContent).toBe("未说明");

  // The filter: 未说明 keeps the slip alone, 已说明 has none.
  const show = within(result).getByRole("combobox", { name: "显示哪些问题" });
  fireEvent.change(show, { target: { value: "unexplained" } });
  expect(within(result).getAllByTestId("issue")).toHaveLength(1);
  fireEvent.change(show, { target: { value: "explained" } });
  expect(within(result).queryAllByTestId("issue")).toHaveLength(0);
  expect(result.textContent).toContain("没有符合筛选条件的问题");

  // The clerk writes a 说明 in the row and checks again: explained, nothing left to explain.
  type(host, "新产线投产，收入大增");
  fireEvent.click(screen.getByRole("button", { name: "自查" }));
  await waitFor(() =>
    expect(screen.getByTestId("history-summary").textContent).toContain("1 条提示均已说明"),
  );
  const again = screen.getByTestId("check-result");
  const show2 = within(again).getByRole("combobox", { name: "显示哪些问题" });
  fireEvent.change(show2, { target: { value: "unexplained" } });
  expect(within(again).queryAllByTestId("issue")).toHaveLength(0);
  fireEvent.change(show2, { target: { value: "explained" } });
  const done = within(again).getAllByTestId("issue");
  expect(done).toHaveLength(1);
  expect(within(done[0]).getByTestId("issue-explained").textContent).toBe("已说明：新产线投产，收入大增");
});
