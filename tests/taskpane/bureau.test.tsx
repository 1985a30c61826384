/** @jest-environment jsdom */
import "./dom-stubs";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReturnResult } from "../../src/core/read/types";
import * as roundPeriodModule from "../../src/core/aggregate/round-period";
import type { AggregateOutcome, ReturnFile } from "../../src/excel/actions";
import { FULL_SUPPORT } from "../../src/excel/support";
import { BureauView, type BureauActions } from "../../src/taskpane/BureauView";
import { MESSAGES } from "../../src/taskpane/messages";

function result(file: string, rejected: boolean, errors = 0): ReturnResult {
  const issue = {
    code: "file.corrupt" as const,
    severity: "error" as const,
    sheet: null,
    cell: null,
    field: null,
    value: null,
    message: "坏",
    scope: "file" as const,
  };
  return {
    file,
    unit: rejected ? null : "320703",
    unitName: rejected ? null : "连云区",
    period: rejected ? null : "2025Q3",
    formVersion: null,
    meta: null,
    rejected,
    errors: Array.from({ length: errors }, () => issue),
    warnings: [],
    rows: { read: 0, accepted: 0, rejected: 0 },
    enterprises: [],
    platforms: [],
    region: null,
    rejectedRows: [],
    modified: null,
  };
}

const outcome: AggregateOutcome = {
  returns: 2,
  reported: 1,
  units: 10,
  excluded: 1,
  duplicates: 0,
  duplicateEnterprises: 0,
  duplicatePlatforms: 0,
  rejectedRows: 0,
  targets: false,
  sheets: ["工作通报"],
  skipped: [],
};

function fakeActions(over: Partial<BureauActions> = {}): jest.Mocked<BureauActions> {
  return {
    support: jest.fn(() => FULL_SUPPORT),
    readReturnFile: jest.fn(async (f: ReturnFile) => result(f.name, f.name.startsWith("bad"), f.name.startsWith("bad") ? 2 : 0)),
    keepReturns: jest.fn(async (list) => list.filter((i) => !i.result.rejected).length),
    insertTargets: jest.fn(async () => "inserted" as const),
    aggregate: jest.fn(async () => outcome),
    ...over,
  } as jest.Mocked<BureauActions>;
}

function file(name: string, lastModified = Date.UTC(2025, 9, 9)): File {
  return new File([new Uint8Array([80, 75, 3, 4])], name, { lastModified });
}

function show(actions: BureauActions) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <BureauView actions={actions} messages={MESSAGES} defaultPeriod="2025Q3" today="2025-10-20" />
    </FluentProvider>,
  );
}

test("many files at once: each is read, listed with unit, period, status and issues, and accepted ones kept", async () => {
  const a = fakeActions();
  show(a);
  fireEvent.change(screen.getByTestId("files"), { target: { files: [file("连云区.xlsx"), file("bad.xlsx")] } });
  const rows = await screen.findAllByTestId("return-row");
  expect(rows.map((r) => within(r).getAllByRole("cell").map((c) => c.textContent))).toEqual([
    ["连云区.xlsx", "连云区", "2025Q3", "已接受", "0"],
    ["bad.xlsx", "—", "—", "退回", "2"],
  ]);
  expect(a.readReturnFile).toHaveBeenCalledTimes(2);
  expect(a.readReturnFile.mock.calls[0][0]).toMatchObject({ name: "连云区.xlsx", modified: "2025-10-09T00:00:00.000Z" });
  expect(Array.from(a.readReturnFile.mock.calls[0][0].bytes)).toEqual([80, 75, 3, 4]);
  await screen.findByText(/已把 1 份报表的数据表保存到本工作簿/);
});

test("the round's period is taken from the files by the core's roundPeriod (as the CLI takes it)", async () => {
  const spy = jest.spyOn(roundPeriodModule, "roundPeriod");
  const a = fakeActions({
    readReturnFile: jest.fn(async (f: ReturnFile) => ({ ...result(f.name, false), period: "2025Q2" })),
  });
  show(a);
  fireEvent.change(screen.getByTestId("files"), { target: { files: [file("a.xlsx"), file("b.xlsx")] } });
  await screen.findAllByTestId("return-row");
  await screen.findByDisplayValue("2025Q2");
  expect(spy).toHaveBeenCalledTimes(1);
  expect(spy.mock.calls[0][0].map((r) => r.file)).toEqual(["a.xlsx", "b.xlsx"]);
  spy.mockRestore();
});

test("below ExcelApi 1.13 the returns are not kept, and the pane says so", async () => {
  const a = fakeActions({ support: jest.fn(() => ({ ...FULL_SUPPORT, insertSheets: false })) });
  show(a);
  fireEvent.change(screen.getByTestId("files"), { target: { files: [file("a.xlsx")] } });
  await screen.findByText(/需要 ExcelApi 1.13/);
  expect(a.keepReturns).not.toHaveBeenCalled();
});

test("aggregate passes the period, deadline, date and the files' results; the summary is shown", async () => {
  const a = fakeActions();
  show(a);
  fireEvent.change(screen.getByTestId("files"), { target: { files: [file("连云区.xlsx"), file("bad.xlsx")] } });
  await screen.findAllByTestId("return-row");
  const dates = screen.getAllByDisplayValue("2025-10-20");
  expect(dates).toHaveLength(1);
  fireEvent.click(screen.getByRole("button", { name: "汇总并生成通报" }));
  await screen.findByText(/已汇总 2 份报表：1\/10 个单位计入汇总/);
  await screen.findByText(/计数类指标各地只展示、不计分/);
  const req = a.aggregate.mock.calls[0][0];
  expect(req.period.id).toBe("2025Q3");
  expect(req.deadline).toBeNull();
  expect(req.issuedOn).toBe("2025-10-20");
  expect(req.files.map((f) => f.file)).toEqual(["连云区.xlsx", "bad.xlsx"]);
});

test("insert the target allocation sheet", async () => {
  const a = fakeActions({ insertTargets: jest.fn(async () => "exists" as const) });
  show(a);
  fireEvent.click(screen.getByRole("button", { name: "插入目标分解表" }));
  await screen.findByText("工作簿中已有目标分解表，未覆盖。");
  await waitFor(() => expect(a.insertTargets).toHaveBeenCalledWith(expect.objectContaining({ id: "2025Q3" })));
});

test("a file name from a return is text", async () => {
  const a = fakeActions();
  const { container } = show(a);
  const evil = "<b>x</b>.xlsx";
  fireEvent.change(screen.getByTestId("files"), { target: { files: [file(evil)] } });
  await screen.findByText(evil);
  expect(container.querySelector("b")).toBeNull();
});
