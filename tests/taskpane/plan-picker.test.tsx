/** @jest-environment jsdom */
// A plan workbook is loaded in the pane from either view: a good one replaces the plan in force (the real
// reader on a real .xlsx), is remembered on this machine, and the clerk's unit and period follow it, so
// 插入模板 is never left disabled without a word; one with mistakes is refused, its problems grouped by
// rule with sheet and cell, next to the button, the plan kept.
import "./dom-stubs";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { browserFiles } from "../../src/files/io";
import { HostFilesContext } from "../../src/taskpane/host-files";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import type { Plan } from "../../src/core/plan/types";
import { YUNNAN_PLAN } from "../../src/core/plans/yunnan-2025-2027";
import { readPlanWorkbook } from "../../src/excel/actions";
import type { PaneActions } from "../../src/host/types";
import { FULL_SUPPORT } from "../../src/excel/support";
import { App } from "../../src/taskpane/App";
import type { PlanMemory } from "../../src/host/types";
import type { ReturnBytes } from "../../src/core/read/read-bytes";
import { MESSAGES } from "../../src/taskpane/messages";
import { readFileSync } from "fs";
import * as path from "path";
import { TextDecoder, TextEncoder } from "util";

// jsdom has no TextEncoder/TextDecoder; the pane's browsers do.
Object.assign(globalThis, { TextEncoder, TextDecoder });

const actions = {
  support: jest.fn(() => FULL_SUPPORT),
  readReturnFile: jest.fn(),
  keepReturns: jest.fn(),
  insertTargets: jest.fn(),
  aggregate: jest.fn(),
  selectCell: jest.fn(),
  annotateFile: jest.fn(),
  templateState: jest.fn(async () => ({ meta: null, filled: 0, sheets: [] })),
  watchChanges: jest.fn(async () => async () => undefined),
  insertTemplate: jest.fn(async () => ({ kind: "inserted" as const, skipped: [] })),
} as unknown as PaneActions;

function memory(): PlanMemory & { kept: ReturnBytes[] } {
  const kept: ReturnBytes[] = [];
  return {
    kept,
    get: async () => kept[kept.length - 1] ?? null,
    set: async (f) => (kept.push(f), "machine"),
    clear: async () => void kept.splice(0),
  };
}

function Harness({ read, mem }: { read: typeof readPlanWorkbook; mem: PlanMemory }) {
  const [plan, setPlan] = React.useState<Plan>(DEFAULT_PLAN);
  return (
    <HostFilesContext.Provider value={browserFiles}>
      <App
        actions={actions}
        plan={plan}
        messages={MESSAGES}
        initialView="clerk"
        defaultPeriod="2026Q3"
        today="2026-10-20"
        planFile={{
          read,
          onPlan: setPlan,
          memory: mem,
          fromMemory: plan !== DEFAULT_PLAN,
          onBuiltin: () => setPlan(DEFAULT_PLAN),
        }}
      />
    </HostFilesContext.Provider>
  );
}

const pick = (f: File) => fireEvent.change(screen.getByTestId("plan-file"), { target: { files: [f] } });

test("the period is one of the plan's own: the latest inside it, not today's quarter after the plan has ended", () => {
  render(<Harness read={readPlanWorkbook} mem={memory()} />);
  const panel = screen.getByRole("tabpanel", { name: "填报" });
  const year = within(panel).getByRole("combobox", { name: "报告期年度" }) as HTMLSelectElement;
  const part = within(panel).getByRole("combobox", { name: "报告期期间" }) as HTMLSelectElement;
  // The built-in plan runs 2023—2025; today's proposal is 2026Q3.
  expect([...year.options].map((o) => o.textContent)).toEqual(["2023年", "2024年", "2025年"]);
  expect(year.value).toBe("2025");
  expect(part.value).toBe("Q4");
  expect([...part.options].map((o) => o.textContent)).toEqual([
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "上半年",
    "下半年",
    "全年",
  ]);
  expect((within(panel).getByRole("button", { name: "插入模板" }) as HTMLButtonElement).disabled).toBe(false);
  // The clerk is not asked for the bureau's deadline.
  expect(within(panel).queryByRole("textbox", { name: "报送截止日期" })).toBeNull();
});

test("a plan workbook loaded from the clerk's view becomes the plan in force, is remembered, and the fields follow it", async () => {
  const mem = memory();
  render(<Harness read={readPlanWorkbook} mem={mem} />);
  expect(screen.getByTestId("plan-title").textContent).toBe(DEFAULT_PLAN.title);
  // The hint names who issues plan workbooks in the plan's own words: 市局 for the city, 省厅 for 云南.
  expect(screen.getByTestId("plan-picker").textContent).toContain("市局下发的规划配置工作簿");
  const bytes = readFileSync(path.resolve(__dirname, "../../assets/plans/yunnan-2025-2027.xlsx"));
  pick(new File([new Uint8Array(bytes)], "规划配置.xlsx"));
  await waitFor(() => expect(screen.getByTestId("plan-title").textContent).toBe(YUNNAN_PLAN.title));
  expect(screen.getByTestId("plan-notices").textContent).toContain("16个填报单位，3项指标");
  expect(screen.getByTestId("plan-notices").textContent).toContain("本机已记住");
  expect(mem.kept.map((f) => f.name)).toEqual(["规划配置.xlsx"]);
  expect(screen.getByTestId("plan-picker").textContent).toContain("省厅下发的规划配置工作簿");
  expect(screen.getByTestId("plan-picker").textContent).not.toContain("市局");
  const panel = screen.getByRole("tabpanel", { name: "填报" });
  // The unit and period follow the new plan: 插入模板 can be pressed.
  const unit = within(panel).getByRole("combobox", { name: "填报单位" }) as HTMLSelectElement;
  await waitFor(() => expect(YUNNAN_PLAN.units.map((u) => u.code)).toContain(unit.value));
  expect((within(panel).getByRole("button", { name: "插入模板" }) as HTMLButtonElement).disabled).toBe(false);
  // 改用内置规划 forgets it.
  fireEvent.click(screen.getByRole("button", { name: "改用内置规划" }));
  await waitFor(() => expect(screen.getByTestId("plan-title").textContent).toBe(DEFAULT_PLAN.title));
  expect(mem.kept).toEqual([]);
});

test("a plan workbook with mistakes is refused: its problems by rule, sheet and cell beside the button, the plan kept", async () => {
  const read = jest.fn(async () => ({
    plan: null,
    issues: [
      {
        code: "plan.duplicate" as const,
        severity: "error" as const,
        sheet: "单位",
        cell: "A3",
        field: "code",
        column: "code",
        value: "320703",
        scope: "cell" as const,
        message: "\u201c单位代码\u201d\u201c320703\u201d重复(首次出现在A2)",
      },
      {
        code: "plan.expr" as const,
        severity: "error" as const,
        sheet: "指标",
        cell: "F4",
        field: "expr",
        column: "expr",
        value: "x",
        scope: "cell" as const,
        message: "expr 的表达式有误：未知字段 uscc",
      },
    ],
  }));
  const mem = memory();
  render(<Harness read={read} mem={mem} />);
  pick(new File([new Uint8Array([80, 75, 3, 4])], "坏.xlsx"));
  await waitFor(() => expect(screen.getByTestId("plan-notices").textContent).toContain("2 处错误，未载入"));
  const picker = screen.getByTestId("plan-picker");
  const list = within(picker).getByRole("group", { name: "问题清单" });
  expect(list.textContent).toContain("单位");
  expect(list.textContent).toContain("A3");
  // Chinese only: identifiers named as the plan names them.
  expect(list.textContent).toContain("表达式 的表达式有误：未知字段 统一社会信用代码");
  expect(list.textContent).not.toMatch(/\buscc\b|\bexpr\b/);
  expect(screen.getByTestId("plan-title").textContent).toBe(DEFAULT_PLAN.title);
  expect(mem.kept).toEqual([]);
});
