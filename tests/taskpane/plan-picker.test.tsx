/** @jest-environment jsdom */
// The bureau loads a plan workbook in the pane: a good one replaces the plan in force (the real reader on a
// real .xlsx); one with mistakes is refused, its problems listed with sheet and cell, the plan kept.
import "./dom-stubs";
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { browserFiles } from "../../src/files/io";
import { HostFilesContext } from "../../src/taskpane/host-files";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import type { Plan } from "../../src/core/plan/types";
import { YUNNAN_PLAN } from "../../src/core/plans/yunnan-2025-2027";
import { readPlanWorkbook } from "../../src/excel/actions";
import { FULL_SUPPORT } from "../../src/excel/support";
import { BureauView, type BureauActions } from "../../src/taskpane/BureauView";
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
} as unknown as BureauActions;

function Harness({ read }: { read: typeof readPlanWorkbook }) {
  const [plan, setPlan] = React.useState<Plan>(DEFAULT_PLAN);
  return (
    <FluentProvider theme={webLightTheme}>
<HostFilesContext.Provider value={browserFiles}>
      <BureauView
        actions={actions}
        plan={plan}
        messages={MESSAGES}
        defaultPeriod="2025Q3"
        today="2025-10-20"
        planFile={{ read, onPlan: setPlan }}
      />
    </HostFilesContext.Provider>
</FluentProvider>
  );
}

const pick = (f: File) => fireEvent.change(screen.getByTestId("plan-file"), { target: { files: [f] } });

test("a plan workbook chosen in the pane becomes the plan in force", async () => {
  render(<Harness read={readPlanWorkbook} />);
  expect(screen.getByTestId("plan-title").textContent).toBe(DEFAULT_PLAN.title);
  const bytes = readFileSync(path.resolve(__dirname, "../../assets/plans/yunnan-2025-2027.xlsx"));
  pick(new File([new Uint8Array(bytes)], "规划配置.xlsx"));
  await waitFor(() => expect(screen.getByTestId("plan-title").textContent).toBe(YUNNAN_PLAN.title));
  expect(screen.getByTestId("notices").textContent).toContain("16个填报单位，3项指标");
});

test("a plan workbook with mistakes is refused: its problems named by sheet and cell, the plan kept", async () => {
  const read = jest.fn(async () => ({
    plan: null,
    issues: [
      {
        code: "plan.duplicate" as const,
        severity: "error" as const,
        sheet: "单位",
        cell: "A3",
        column: "code",
        value: "320703",
        message: "\u201c单位代码\u201d\u201c320703\u201d重复(首次出现在A2)",
      },
    ],
  }));
  render(<Harness read={read} />);
  pick(new File([new Uint8Array([80, 75, 3, 4])], "坏.xlsx"));
  await waitFor(() => expect(screen.getByTestId("notices").textContent).toContain("单位!A3"));
  expect(screen.getByTestId("notices").textContent).toContain("1处错误，未载入");
  expect(screen.getByTestId("plan-title").textContent).toBe(DEFAULT_PLAN.title);
});
