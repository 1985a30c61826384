/** @jest-environment jsdom */
import "./dom-stubs";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { browserFiles } from "../../src/files/io";
import { HostFilesContext } from "../../src/taskpane/host-files";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import type { Issue } from "../../src/core/issues";
import type { ReturnMeta, ReturnResult } from "../../src/core/read/types";
import type { TemplateState } from "../../src/excel/actions";
import { ExcelActionError } from "../../src/excel/errors";
import { PeriodOutsidePlanError } from "../../src/core/plan/window";
import { FULL_SUPPORT } from "../../src/excel/support";
import { ClerkView, type ClerkActions } from "../../src/taskpane/ClerkView";
import type { UnitMemory } from "../../src/taskpane/common/remember";
import { MESSAGES } from "../../src/taskpane/messages";

const issue = (over: Partial<Issue>): Issue => ({
  code: "uscc.checksum",
  severity: "error",
  sheet: "企业名录",
  cell: "B7",
  field: "uscc",
  value: "x",
  message: "统一社会信用代码校验码错误",
  scope: "cell",
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

const META: ReturnMeta = {
  formId: "SRDI-RETURN",
  formVersion: "2",
  unitCode: "320724",
  unitName: "灌南县",
  period: "2025H1",
  planId: "",
  deadline: "2025-07-15",
  generatedAt: "",
  fingerprint: "x",
};
const EMPTY: TemplateState = { meta: null, filled: 0, sheets: [] };

function fakeActions(over: Partial<ClerkActions> = {}) {
  const changes: (() => void)[] = [];
  const a = {
    support: jest.fn(() => FULL_SUPPORT),
    insertTemplate: jest.fn(async () => ({ kind: "inserted" as const, skipped: [] })),
    downloadTemplate: jest.fn(async () => ({ fileName: "t.xlsx", bytes: new Uint8Array([80, 75]) })),
    selfCheck: jest.fn(async () => ({ result: result([issue({})]), marked: 1 })),
    selectCell: jest.fn(async () => undefined),
    clearHighlights: jest.fn(async () => undefined),
    templateState: jest.fn(async () => EMPTY),
    newWorkbookTemplate: jest.fn(async () => true),
    watchChanges: jest.fn(async (cb: () => void) => {
      changes.push(cb);
      return async () => undefined;
    }),
    annotateWorkbook: jest.fn(async () => ({
      fileName: "当前工作簿-校验结果.xlsx",
      bytes: new Uint8Array([1]),
    })),
    ...over,
  } as jest.Mocked<ClerkActions>;
  return { a, change: () => act(() => changes.forEach((c) => c())) };
}

function memory(code: string | null = null): UnitMemory & { saved: string[] } {
  const saved: string[] = [];
  return { saved, get: () => code, set: (c) => void saved.push(c) };
}

function show(actions: ClerkActions, extra: Partial<React.ComponentProps<typeof ClerkView>> = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <HostFilesContext.Provider value={browserFiles}>
        <ClerkView
          actions={actions}
          plan={DEFAULT_PLAN}
          messages={MESSAGES}
          defaultPeriod="2025Q3"
          memory={memory()}
          {...extra}
        />
      </HostFilesContext.Provider>
    </FluentProvider>,
  );
}

const unitBox = () => screen.getByRole("combobox", { name: "填报单位" }) as HTMLSelectElement;
const yearBox = () => screen.getByRole("combobox", { name: "报告期年度" }) as HTMLSelectElement;
const partBox = () => screen.getByRole("combobox", { name: "报告期期间" }) as HTMLSelectElement;
const periodOf = () => `${yearBox().value}${partBox().value}`;

test("inserts the template for the chosen unit and period, and remembers the unit", async () => {
  const { a } = fakeActions();
  const mem = memory();
  show(a, { memory: mem });
  await waitFor(() => expect(a.templateState).toHaveBeenCalled());
  fireEvent.change(unitBox(), { target: { value: "320707" } });
  fireEvent.change(partBox(), { target: { value: "H1" } });
  fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
  await screen.findByText(/已插入 赣榆区 2025年上半年 的填报模板/);
  expect(a.insertTemplate).toHaveBeenCalledWith(
    expect.objectContaining({ unit: expect.objectContaining({ code: "320707" }), deadline: null }),
  );
  expect(a.insertTemplate.mock.calls[0][0].period.id).toBe("2025H1");
  expect(mem.saved).toContain("320707");
});

test("unit and period are preset from the template in the workbook; its deadline is kept, not asked", async () => {
  const { a } = fakeActions({ templateState: jest.fn(async () => ({ meta: META, filled: 0, sheets: [] })) });
  show(a, { memory: memory("320703") });
  await screen.findByText("已按本工作簿中的模板选定：灌南县，2025年上半年。");
  expect(unitBox().value).toBe("320724");
  expect(periodOf()).toBe("2025H1");
  // The bureau's deadline is not the clerk's to type.
  expect(screen.queryByRole("textbox", { name: "报送截止日期" })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
  await waitFor(() => expect(a.templateState).toHaveBeenCalledTimes(2));
});

test("without a template the last unit chosen is preselected", async () => {
  const { a } = fakeActions();
  show(a, { memory: memory("320722") });
  expect(unitBox().value).toBe("320722");
  await screen.findByText("已选上次使用的填报单位：东海县。");
});

// Tabster (Fluent's focus manager) toggles aria-hidden on the modal's surface while jsdom settles focus, at
// random under load; the buttons are found regardless of that flag (e2e checks accessibility with axe).
test("over a filled template insertion asks first; declining keeps the data", async () => {
  const { a } = fakeActions({
    templateState: jest.fn(async () => ({ meta: META, filled: 97, sheets: ["企业名录"] })),
  });
  show(a);
  await screen.findByText(/已按本工作簿中的模板选定/);
  fireEvent.change(unitBox(), { target: { value: "320703" } });
  fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
  const dialog = await screen.findByRole("alertdialog", { hidden: true });
  expect(dialog.textContent).toContain("已填写 97 处数据");
  fireEvent.click(within(dialog).getByRole("button", { name: "取消，保留数据", hidden: true }));
  await screen.findByText("未插入模板，工作簿中的数据保持不变。");
  expect(a.insertTemplate).not.toHaveBeenCalled();
  expect(a.newWorkbookTemplate).not.toHaveBeenCalled();
});

test("over a filled template the clerk can open the new one in a new workbook, or replace", async () => {
  const { a } = fakeActions({
    templateState: jest.fn(async () => ({ meta: null, filled: 3, sheets: ["企业名录"] })),
  });
  show(a);
  fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
  fireEvent.click(
    within(await screen.findByRole("alertdialog", { hidden: true })).getByRole("button", {
      name: "在新工作簿中插入",
      hidden: true,
    }),
  );
  await screen.findByText(/已在新工作簿中打开 连云区 2025年第三季度 的填报模板，本工作簿未改动/);
  expect(a.insertTemplate).not.toHaveBeenCalled();
  fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
  fireEvent.click(
    within(await screen.findByRole("alertdialog", { hidden: true })).getByRole("button", {
      name: "替换（数据将丢失）",
      hidden: true,
    }),
  );
  await screen.findByText(/已插入 连云区/);
  expect(a.insertTemplate).toHaveBeenCalledTimes(1);
});

test("a foreseen refusal says what to do in plain Chinese: not 出现意外错误, no command line", async () => {
  const { a } = fakeActions({
    insertTemplate: jest.fn(async () => {
      throw new PeriodOutsidePlanError("报告期…命令行加 --plan 规划配置.xlsx");
    }),
  });
  show(a);
  fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
  const n = await screen.findByText(/所选报告期不在当前规划的年份内/);
  expect(n.textContent).toContain("载入规划配置");
  expect(document.body.textContent).not.toMatch(/出现意外错误|--plan|命令行/);
});

test("below ExcelApi 1.8 the button downloads the template instead", async () => {
  const { a } = fakeActions({ support: jest.fn(() => ({ ...FULL_SUPPORT, validation: false })) });
  const save = jest.fn();
  show(a, { save });
  expect(screen.getByText(/这个版本的 Excel 不能在工作簿里加入下拉选项和输入检查/)).toBeTruthy();
  expect(screen.queryByText(/ExcelApi/)).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "下载模板" }));
  await waitFor(() =>
    expect(save).toHaveBeenCalledWith("t.xlsx", expect.any(Uint8Array), expect.any(String)),
  );
  expect(a.insertTemplate).not.toHaveBeenCalled();
  expect(screen.queryByText(/请在浏览器的下载中打开/)).toBeNull();
});

test("where blob downloads cannot happen (Excel for Mac) no download is reported: the file opens as a new workbook, or the pane says the route", async () => {
  const openWorkbook = jest.fn(async () => true);
  const { a } = fakeActions({
    support: jest.fn(() => ({ ...FULL_SUPPORT, validation: false, downloads: false })),
    openWorkbook,
  });
  const save = jest.fn();
  show(a, { save });
  fireEvent.click(screen.getByRole("button", { name: "下载模板" }));
  await screen.findByText(/已把“t.xlsx”作为新工作簿打开/);
  expect(save).not.toHaveBeenCalled();
  expect(openWorkbook).toHaveBeenCalled();
  openWorkbook.mockResolvedValueOnce(false);
  fireEvent.click(screen.getByRole("button", { name: "下载模板" }));
  await screen.findByText(/不能从加载项下载文件，“t.xlsx”未保存/);
  expect(save).not.toHaveBeenCalled();
});

test("self-check: errors apart from warnings, grouped by sheet and row, each location once; a click selects", async () => {
  const { a } = fakeActions({
    selfCheck: jest.fn(async () => ({
      result: result(
        [
          issue({ cell: "C9", message: "名称为空" }),
          issue({}),
          issue({ sheet: null, cell: null, code: "form.unknown", message: "无法识别表式" }),
          issue({ cell: "D7", message: "年份不对" }),
        ],
        [issue({ severity: "warning", cell: "L9", message: "研发费用高于营业收入" })],
      ),
      marked: 4,
    })),
  });
  show(a);
  fireEvent.click(screen.getByRole("button", { name: "自查" }));
  const list = await screen.findByRole("group", { name: "问题清单" });
  const errors = within(list).getByRole("region", { name: "错误 4 条（须改正）" });
  const warnings = within(list).getByRole("region", { name: "提示 1 条（请核实）" });
  expect(
    within(errors)
      .getAllByTestId("issue")
      .map((i) => i.textContent),
  ).toEqual(["无法识别表式", "B7统一社会信用代码校验码错误", "D7年份不对", "C9名称为空"]);
  // One group per rule: the three 统一社会信用代码 problems together, whole-file problems first.
  const groups = within(errors).getAllByTestId("issue-group");
  expect(groups.map((g) => g.querySelector("summary")!.textContent)).toEqual([
    "无法识别表式",
    "统一社会信用代码校验码错误 等（3 处）",
  ]);
  expect(groups[1].textContent).toContain("企业名录");
  expect(
    within(warnings)
      .getAllByTestId("issue")
      .map((i) => i.textContent),
  ).toEqual(["L9"]);
  // A rule's message is said once, in its group's summary; the cells follow.
  expect(within(warnings).getByTestId("issue-group").querySelector("summary")!.textContent).toBe(
    "研发费用高于营业收入",
  );
  expect(screen.getByText(/发现错误 4 条、提示 1 条；已在工作簿中标出 4 个单元格/)).toBeTruthy();
  fireEvent.click(within(warnings).getByRole("button", { name: "定位到 企业名录!L9" }));
  expect(a.selectCell).toHaveBeenCalledWith("企业名录", "L9");
});

test("a change to the sheets after a check marks the result stale; 重新自查 refreshes it", async () => {
  const { a, change } = fakeActions();
  show(a);
  await waitFor(() => expect(a.watchChanges).toHaveBeenCalled());
  fireEvent.click(screen.getByRole("button", { name: "自查" }));
  await screen.findByTestId("check-result");
  expect(screen.queryByTestId("stale")).toBeNull();
  change();
  await screen.findByText("工作表在自查后有改动，下列结果可能已过时，请重新自查。");
  fireEvent.click(screen.getByRole("button", { name: "重新自查" }));
  await waitFor(() => expect(a.selfCheck).toHaveBeenCalledTimes(2));
  await waitFor(() => expect(screen.queryByTestId("stale")).toBeNull());
});

test("inserting a template clears the check result of the replaced sheets", async () => {
  const { a } = fakeActions();
  show(a);
  fireEvent.click(screen.getByRole("button", { name: "自查" }));
  await screen.findByTestId("check-result");
  fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
  await screen.findByText(/已插入 连云区/);
  expect(screen.queryByTestId("check-result")).toBeNull();
});

test("the annotated copy of the workbook is offered as a download, or the pane says where to get it", async () => {
  const { a } = fakeActions();
  const save = jest.fn();
  show(a, { save });
  fireEvent.click(screen.getByRole("button", { name: "自查" }));
  fireEvent.click(await screen.findByRole("button", { name: "导出标注副本" }));
  await waitFor(() =>
    expect(save).toHaveBeenCalledWith("当前工作簿-校验结果.xlsx", expect.any(Uint8Array), expect.any(String)),
  );
  a.annotateWorkbook.mockResolvedValueOnce(null);
  fireEvent.click(screen.getByRole("button", { name: "导出标注副本" }));
  const n = await screen.findByText(/不能从加载项复制本工作簿/);
  expect(n.textContent).not.toMatch(/srdi|--/);
});

test("text from a return is shown as text, never as markup", async () => {
  const evil = '<img src=x onerror="window.__pwned=1">';
  const { a } = fakeActions({
    selfCheck: jest.fn(async () => ({ result: result([issue({ message: evil })]), marked: 0 })),
  });
  const { container } = show(a);
  fireEvent.click(screen.getByRole("button", { name: "自查" }));
  await screen.findByText(evil);
  expect(container.querySelector("img")).toBeNull();
});

test("the ribbon's 自查 opens the pane and checks at once; a clean return says so", async () => {
  const { a } = fakeActions({ selfCheck: jest.fn(async () => ({ result: result([]), marked: 0 })) });
  show(a, { checkOnOpen: true });
  await screen.findByText("未发现问题，可以报送。");
  expect(a.selfCheck).toHaveBeenCalledTimes(1);
});

test("cell edit mode is reported in plain words", async () => {
  const { a } = fakeActions({
    selfCheck: jest.fn(async () => {
      throw new ExcelActionError("cellEditMode", "InvalidOperationInCellEditMode");
    }),
  });
  show(a);
  fireEvent.click(screen.getByRole("button", { name: "自查" }));
  await screen.findByText(/Excel 正处于单元格编辑状态/);
});

test("clear highlights", async () => {
  const { a } = fakeActions();
  show(a);
  fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
  await screen.findByText("已清除自查标记。");
  expect(a.clearHighlights).toHaveBeenCalled();
});
