/** @jest-environment jsdom */
import "./dom-stubs";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import type { Issue } from "../../src/core/issues";
import type { ReturnResult } from "../../src/core/read/types";
import { ExcelActionError } from "../../src/excel/errors";
import { FULL_SUPPORT } from "../../src/excel/support";
import { ClerkView, type ClerkActions } from "../../src/taskpane/ClerkView";
import { MESSAGES } from "../../src/taskpane/messages";

const issue = (over: Partial<Issue>): Issue => ({
  code: "uscc.checksum",
  severity: "error",
  sheet: "企业名录",
  cell: "B7",
  field: "uscc",
  value: "x",
  message: "企业名录 B7：统一社会信用代码校验码错误",
  ...over,
});

function result(errors: Issue[], warnings: Issue[] = []): ReturnResult {
  return {
    file: "当前工作簿",
    unit: "320703",
    unitName: "连云区",
    period: "2025Q3",
    formVersion: "1",
    meta: null,
    rejected: false,
    errors,
    warnings,
    rows: { read: 3, accepted: 2, rejected: 1 },
    enterprises: [],
    platforms: [],
    region: null,
    rejectedRows: [],
    modified: null,
  };
}

function fakeActions(over: Partial<ClerkActions> = {}): jest.Mocked<ClerkActions> {
  return {
    support: jest.fn(() => FULL_SUPPORT),
    insertTemplate: jest.fn(async () => ({ kind: "inserted" as const, skipped: [] })),
    downloadTemplate: jest.fn(async () => ({ fileName: "t.xlsx", bytes: new Uint8Array([80, 75]) })),
    selfCheck: jest.fn(async () => ({ result: result([issue({})]), marked: 1 })),
    selectCell: jest.fn(async () => undefined),
    clearHighlights: jest.fn(async () => undefined),
    ...over,
  } as jest.Mocked<ClerkActions>;
}

function show(actions: ClerkActions, extra: Partial<React.ComponentProps<typeof ClerkView>> = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ClerkView
        actions={actions}
        plan={DEFAULT_PLAN}
        messages={MESSAGES}
        defaultPeriod="2025Q3"
        {...extra}
      />
    </FluentProvider>,
  );
}

test("inserts the template for the chosen unit and period", async () => {
  const a = fakeActions();
  show(a);
  fireEvent.change(screen.getByRole("combobox"), { target: { value: "320707" } });
  fireEvent.change(screen.getByDisplayValue("2025Q3"), { target: { value: "2025H1" } });
  fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
  await screen.findByText(/已插入 赣榆区 2025年上半年 的填报模板/);
  expect(a.insertTemplate).toHaveBeenCalledWith(
    expect.objectContaining({ unit: expect.objectContaining({ code: "320707" }), deadline: null }),
  );
  expect(a.insertTemplate.mock.calls[0][0].period.id).toBe("2025H1");
});

test("an unreadable period disables insertion and says why", () => {
  show(fakeActions());
  fireEvent.change(screen.getByDisplayValue("2025Q3"), { target: { value: "2025年三季度" } });
  expect(screen.getByText(/报告期“2025年三季度”无法识别/)).toBeTruthy();
  expect((screen.getByRole("button", { name: "插入模板" }) as HTMLButtonElement).disabled).toBe(true);
});

test("below ExcelApi 1.8 the button downloads the template instead", async () => {
  const a = fakeActions({ support: jest.fn(() => ({ ...FULL_SUPPORT, validation: false })) });
  const save = jest.fn();
  show(a, { save });
  expect(screen.getByText(/需要 ExcelApi 1.8/)).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "下载模板" }));
  await waitFor(() => expect(save).toHaveBeenCalledWith("t.xlsx", expect.any(Uint8Array)));
  expect(a.insertTemplate).not.toHaveBeenCalled();
});

test("self-check lists every issue with severity and cell; a click selects the cell", async () => {
  const a = fakeActions({
    selfCheck: jest.fn(async () => ({
      result: result(
        [issue({}), issue({ sheet: null, cell: null, code: "form.unknown", message: "无法识别表式" })],
        [issue({ severity: "warning", cell: "L9", message: "研发费用高于营业收入" })],
      ),
      marked: 2,
    })),
  });
  show(a);
  fireEvent.click(screen.getByRole("button", { name: "自查" }));
  const list = await screen.findByRole("list", { name: "issues" });
  const items = within(list).getAllByTestId("issue");
  expect(items.map((i) => i.textContent)).toEqual([
    "错误企业名录!B7企业名录 B7：统一社会信用代码校验码错误",
    "错误整个文件无法识别表式",
    "提示企业名录!L9研发费用高于营业收入",
  ]);
  expect(screen.getByText(/发现错误 2 条、提示 1 条；已在工作簿中标出 2 个单元格/)).toBeTruthy();
  fireEvent.click(within(items[2]).getByRole("button"));
  expect(a.selectCell).toHaveBeenCalledWith("企业名录", "L9");
});

test("text from a return is shown as text, never as markup", async () => {
  const evil = '<img src=x onerror="window.__pwned=1">';
  const a = fakeActions({
    selfCheck: jest.fn(async () => ({ result: result([issue({ message: evil })]), marked: 0 })),
  });
  const { container } = show(a);
  fireEvent.click(screen.getByRole("button", { name: "自查" }));
  await screen.findByText(evil);
  expect(container.querySelector("img")).toBeNull();
});

test("the ribbon's 自查 opens the pane and checks at once; a clean return says so", async () => {
  const a = fakeActions({ selfCheck: jest.fn(async () => ({ result: result([]), marked: 0 })) });
  show(a, { checkOnOpen: true });
  await screen.findByText("未发现问题，可以报送。");
  expect(a.selfCheck).toHaveBeenCalledTimes(1);
});

test("cell edit mode is reported in plain words", async () => {
  const a = fakeActions({
    selfCheck: jest.fn(async () => {
      throw new ExcelActionError("cellEditMode", "InvalidOperationInCellEditMode");
    }),
  });
  show(a);
  fireEvent.click(screen.getByRole("button", { name: "自查" }));
  await screen.findByText(/Excel 正处于单元格编辑状态/);
});

test("clear highlights", async () => {
  const a = fakeActions();
  show(a);
  fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
  await screen.findByText("已清除自查标记。");
  expect(a.clearHighlights).toHaveBeenCalled();
});
