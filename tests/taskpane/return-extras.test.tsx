/** @jest-environment jsdom */
// A return's details in the bureau's list: the earlier return compared, and the review (a send-back
// needs a reason). Returns are the demo's, read by the core's reader.
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import "./dom-stubs";
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { currentForm } from "../../src/core/form/versions";
import type { ReturnResult } from "../../src/core/read/types";
import { ReturnExtras } from "../../src/taskpane/bureau/ReturnExtras";
import { earlierReturn } from "../../src/taskpane/bureau/earlier";
import { demoReturns } from "../prefill/fixtures";
const FORMS = DEFAULT_PLAN.forms;
const CURRENT_FORM = currentForm(DEFAULT_PLAN);

// A return on the current form (the demo's returns follow it; one unit keeps an older form).
const [a] = demoReturns().filter((r) => r.formVersion === CURRENT_FORM.version && !r.rejected);
const older: ReturnResult = { ...a, file: "初稿.xlsx", savedAt: "2025-10-01T00:00:00.000Z" };
const newer: ReturnResult = {
  ...a,
  file: "更正.xlsx",
  savedAt: "2025-10-12T00:00:00.000Z",
  enterprises: a.enterprises.map((e, i) => (i === 0 ? { ...e, patents: (e.patents ?? 0) + 5 } : e)),
};

test("earlierReturn: the same unit's latest earlier return of the period, never a later one", () => {
  expect(earlierReturn(newer, [older, newer, a])?.file).toBe(a.file);
  expect(earlierReturn(older, [older, newer, a])).toBeNull();
  expect(earlierReturn(newer, [{ ...older, period: "2025Q2" }])).toBeNull();
});

test("details: 与上次报送相比 lists the change; 退回 asks for a reason, then reports it", () => {
  const calls: [string, string][] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <ReturnExtras
        result={newer}
        earlier={older}
        forms={FORMS}
        review={null}
        busy={false}
        onReview={(s, r) => calls.push([s, r])}
      />
    </FluentProvider>,
  );
  const diff = screen.getByTestId("diff");
  expect(diff.textContent).toContain("与上次报送相比");
  expect(diff.textContent).toContain("修改1家");
  expect(diff.textContent).toContain(
    `有效授权专利(件) ${a.enterprises[0].patents ?? "(空)"} → ${(a.enterprises[0].patents ?? 0) + 5}`,
  );
  fireEvent.click(screen.getByRole("button", { name: "退回" }));
  expect(screen.getByText("请填写退回原因。")).toBeTruthy();
  expect(calls).toEqual([]);
  fireEvent.change(screen.getByRole("textbox", { name: /退回原因/ }), {
    target: { value: " 金额单位有误 " },
  });
  fireEvent.click(screen.getByRole("button", { name: "退回" }));
  fireEvent.click(screen.getByRole("button", { name: "接受" }));
  expect(calls).toEqual([
    ["returned", "金额单位有误"],
    ["accepted", ""],
  ]);
});

test("a return refused as a whole has no review buttons and no comparison", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <ReturnExtras
        result={{ ...a, rejected: true }}
        earlier={null}
        forms={FORMS}
        review={{ state: "returned", reason: "表式被改动" }}
        busy={false}
        onReview={() => undefined}
      />
    </FluentProvider>,
  );
  expect(screen.queryByTestId("diff")).toBeNull();
  expect(screen.queryByRole("button", { name: "退回" })).toBeNull();
  expect(screen.getByTestId("review").textContent).toContain("审核结果：退回(表式被改动)");
});
