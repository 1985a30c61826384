/** @jest-environment jsdom */
import "./dom-stubs";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { browserFiles } from "../../src/files/io";
import { HostFilesContext } from "../../src/taskpane/host-files";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import type { Issue } from "../../src/core/issues";
import type { ReturnResult } from "../../src/core/read/types";
import { runRound } from "../../src/core/report/round-result";
import { roundSummary } from "../../src/core/report/summary";
import * as roundPeriodModule from "../../src/core/aggregate/round-period";
import type { AggregateOutcome, ConfirmPartialRoster, ReturnFile } from "../../src/host/types";
import { FULL_SUPPORT } from "../../src/excel/support";
import { DEFAULT_SETTINGS } from "../../src/core/targets/types";
import { BureauView, type BureauActions } from "../../src/taskpane/BureauView";
import { MESSAGES } from "../../src/taskpane/messages";

const UNITS = DEFAULT_PLAN.units;
const issue = (over: Partial<Issue> = {}): Issue => ({
  code: "file.corrupt",
  severity: "error",
  sheet: null,
  cell: null,
  field: null,
  value: null,
  message: "坏",
  scope: "file",
  ...over,
});

/** A return of the unit named in the file ("320703.xlsx"), or a rejected one ("bad…"). */
function result(file: string, over: Partial<ReturnResult> = {}): ReturnResult {
  const bad = file.startsWith("bad");
  const unit = UNITS.find((u) => file.startsWith(u.code)) ?? UNITS[0];
  return {
    file,
    unit: bad ? null : unit.code,
    unitName: bad ? null : unit.name,
    period: bad ? null : "2025Q3",
    formVersion: null,
    meta: null,
    rejected: bad,
    errors: bad ? [issue(), issue()] : [],
    warnings: [],
    rows: { read: 3, accepted: 3, rejected: 0 },
    enterprises: [],
    platforms: [],
    region: null,
    rejectedRows: [],
    modified: "2025-10-09T02:00:00.000Z",
    ...over,
  };
}

function outcome(files: ReturnResult[]): AggregateOutcome {
  const round = runRound({
    plan: DEFAULT_PLAN,
    period: parsePeriod("2025Q3")!,
    returns: files,
    deadline: "2025-10-15",
  });
  return {
    ...roundSummary(round, DEFAULT_PLAN),
    targets: false,
    sheets: ["工作通报", "报送情况"],
    skipped: [],
    round,
    targetIssues: [],
  };
}

function fakeActions(over: Partial<BureauActions> = {}, results: Record<string, Partial<ReturnResult>> = {}) {
  return {
    support: jest.fn(() => FULL_SUPPORT),
    readReturnFile: jest.fn(async (f: ReturnFile) =>
      result(f.name, { modified: f.modified, ...results[f.name] }),
    ),
    keepReturns: jest.fn(async (list) => list.filter((i) => !i.result.rejected).length),
    insertTargets: jest.fn(async () => "inserted" as const),
    aggregate: jest.fn(async (req) => outcome(req.files)),
    selectCell: jest.fn(async () => undefined),
    annotateFile: jest.fn(async (f: ReturnFile) => ({
      fileName: `${f.name}-校验结果.xlsx`,
      bytes: new Uint8Array([1]),
    })),
    ...over,
  } as jest.Mocked<BureauActions>;
}

function file(name: string, lastModified = Date.UTC(2025, 9, 9)): File {
  return new File([new Uint8Array([80, 75, 3, 4])], name, { lastModified });
}

function show(actions: BureauActions, save = jest.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <HostFilesContext.Provider value={browserFiles}>
        <BureauView
          actions={actions}
          plan={DEFAULT_PLAN}
          messages={MESSAGES}
          defaultPeriod="2025Q3"
          today="2025-10-20"
          save={save}
        />
      </HostFilesContext.Provider>
    </FluentProvider>,
  );
  return save;
}

const pick = (...files: File[]) => fireEvent.change(screen.getByTestId("files"), { target: { files } });
const row = (name: string) => screen.getAllByTestId("return-row").find((r) => r.textContent!.includes(name))!;

test("汇总 is disabled until a return is imported, and says why", async () => {
  const a = fakeActions();
  show(a);
  const button = screen.getByRole("button", { name: "汇总并生成通报" }) as HTMLButtonElement;
  expect(button.disabled).toBe(true);
  expect(button.getAttribute("aria-describedby")).toBeTruthy();
  expect(document.getElementById(button.getAttribute("aria-describedby")!)!.textContent).toBe(
    "请先选择报表文件，导入后才能汇总。",
  );
  pick(file("320703.xlsx"));
  await screen.findAllByTestId("return-row");
  await waitFor(() => expect(button.disabled).toBe(false));
  expect(a.aggregate).not.toHaveBeenCalled();
});

test("each return shows its unit, a status badge and counts; missing units are listed", async () => {
  const a = fakeActions(
    {},
    {
      "320706.xlsx": {
        rows: { read: 5, accepted: 4, rejected: 1 },
        rejectedRows: [{ sheet: "企业名录", row: 3, issues: [issue({ sheet: "企业名录", cell: "B3" })] }],
        errors: [issue({ sheet: "企业名录", cell: "B3" })],
      },
      "320724.xlsx": { modified: "2025-10-17T02:00:00.000Z" },
      "320703-初稿.xlsx": { modified: "2025-10-01T02:00:00.000Z" },
    },
  );
  show(a);
  fireEvent.change(screen.getByRole("textbox", { name: "报送截止日期" }), {
    target: { value: "2025-10-15" },
  });
  pick(
    file("320703.xlsx"),
    file("320706.xlsx"),
    file("320724.xlsx"),
    file("320703-初稿.xlsx"),
    file("bad.xlsx"),
  );
  await screen.findAllByTestId("return-row");
  await waitFor(() => expect(screen.getAllByTestId("return-row")).toHaveLength(5));
  const status = (n: string) => within(row(n)).getByTestId("status").textContent;
  expect(status("连云区")).toBe("可计入");
  expect(status("海州区")).toBe("部分采用");
  expect(status("灌南县")).toBe("逾期");
  // A file that cannot be read is never called 退回 (the bureau's sending back), and its box is not ticked.
  expect(status("bad.xlsx")).toBe("无法读取");
  const bad = within(row("bad.xlsx")).getByRole("checkbox") as HTMLInputElement;
  expect(bad.checked).toBe(false);
  expect(bad.disabled).toBe(true);
  const draft = screen.getAllByTestId("return-row").filter((r) => r.textContent!.includes("连云区"))[1];
  expect(within(draft).getByTestId("status").textContent).toBe("旧版");
  expect(within(row("海州区")).getByTestId("counts").textContent).toBe(
    "采用 4 行，未采用 1 行；错误 1，提示 0",
  );
  expect(screen.getByTestId("missing").textContent).toMatch(/^未报送单位 7 个：赣榆区、东海县、灌云县、/);
  expect(screen.getByRole("heading", { name: /已导入报表/ }).textContent).toBe(
    "已导入报表 5 份，计入汇总 3 份",
  );
});

test("a return's details: file, reason, issues with go-to into its kept sheets, annotated copy", async () => {
  const bad = issue({ sheet: "企业名录", cell: "B3", message: "统一社会信用代码校验码错误" });
  const a = fakeActions(
    {},
    {
      "320706.xlsx": {
        meta: {
          formId: "SRDI-RETURN",
          formVersion: "2",
          unitCode: "320706",
          unitName: "海州区",
          period: "2025Q3",
          planId: "",
          deadline: null,
          generatedAt: "",
          fingerprint: "x",
        },
        rows: { read: 5, accepted: 4, rejected: 1 },
        rejectedRows: [{ sheet: "企业名录", row: 3, issues: [bad] }],
        errors: [bad],
      },
    },
  );
  const save = show(a);
  pick(file("320706.xlsx"));
  const details = await screen.findByRole("button", { name: "海州区 的详情" });
  expect(details.getAttribute("aria-expanded")).toBe("false");
  fireEvent.click(details);
  expect(details.getAttribute("aria-expanded")).toBe("true");
  const r = row("海州区");
  expect(within(r).getByText(/文件：320706.xlsx/)).toBeTruthy();
  expect(within(r).getByText("1行数据退回")).toBeTruthy();
  fireEvent.click(within(r).getByRole("button", { name: "定位到 企业名录!B3" }));
  expect(a.selectCell).toHaveBeenCalledWith("海州区-企业名录", "B3");
  fireEvent.click(within(r).getByRole("button", { name: "导出标注副本：海州区" }));
  await waitFor(() =>
    expect(save).toHaveBeenCalledWith(
      "320706.xlsx-校验结果.xlsx",
      expect.any(Uint8Array),
      expect.any(String),
    ),
  );
  // Said beside the return, not at the foot of the pane.
  await waitFor(() => expect(within(r).getByTestId("row-notice").textContent).toContain("已下载标注副本"));
  expect(a.annotateFile.mock.calls[0][1].file).toBe("320706.xlsx");
});

test("excluding a return changes what is counted and what is aggregated; removing drops it", async () => {
  const a = fakeActions();
  show(a);
  pick(file("320703.xlsx"), file("320706.xlsx"), file("320707.xlsx"));
  await screen.findAllByTestId("return-row");
  const heading = () => screen.getByRole("heading", { name: /已导入报表/ }).textContent;
  await waitFor(() => expect(heading()).toBe("已导入报表 3 份，计入汇总 3 份"));
  // Unticking a unit's only return publishes it as 未报送: asked first, with the points it costs.
  fireEvent.click(screen.getByRole("checkbox", { name: "计入汇总：海州区" }));
  let dialog = await screen.findByRole("alertdialog");
  expect(dialog.textContent).toContain("海州区按“未报送”列出，综合得分扣 10 分");
  fireEvent.click(within(dialog).getByRole("button", { name: "保留，继续计入", hidden: true }));
  await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  expect(heading()).toBe("已导入报表 3 份，计入汇总 3 份");
  fireEvent.click(screen.getByRole("checkbox", { name: "计入汇总：海州区" }));
  dialog = await screen.findByRole("alertdialog");
  fireEvent.click(within(dialog).getByRole("button", { name: "不计入", hidden: true }));
  await waitFor(() => expect(heading()).toBe("已导入报表 3 份，计入汇总 2 份"));
  expect(within(row("海州区")).getByTestId("status").textContent).toBe("不计入");
  expect(within(row("海州区")).getByTestId("row-notice").textContent).toContain("按“未报送”列出，扣 10 分");
  fireEvent.click(screen.getByRole("button", { name: "移除 赣榆区" }));
  dialog = await screen.findByRole("alertdialog");
  fireEvent.click(within(dialog).getByRole("button", { name: "移除", hidden: true }));
  await screen.findByText("已移除 赣榆区，不计入本轮汇总。");
  expect(screen.getAllByTestId("return-row")).toHaveLength(2);
  fireEvent.click(screen.getByRole("button", { name: "汇总并生成通报" }));
  await screen.findByTestId("round-summary");
  const req = a.aggregate.mock.calls[0][0];
  expect(req.files.map((f) => f.file)).toEqual(["320703.xlsx"]);
  expect([...req.exclude!].sort()).toEqual(["320706.xlsx", "320707.xlsx"]);
  expect(screen.getByTestId("notices").textContent).toMatch(/1\/10 个单位计入汇总/);
  // The result names the units the round publishes as 未报送 although their returns are here.
  expect(screen.getByTestId("notices").textContent).toMatch(/各按未报送扣 10 分：海州区/);
  // Taking it back in counts it again.
  fireEvent.click(screen.getByRole("checkbox", { name: "计入汇总：海州区" }));
  expect(heading()).toBe("已导入报表 2 份，计入汇总 2 份");
  expect(screen.queryByTestId("round-summary")).toBeNull();
});

test("after 汇总: compact result with missing and late units, rejected rows, sheet links, target-sheet issues", async () => {
  const a = fakeActions(
    {
      aggregate: jest.fn(async (req) => ({
        ...outcome(req.files),
        targetIssues: [
          issue({ severity: "warning", sheet: "目标分解", cell: "C5", message: "基数不是数字" }),
        ],
      })),
    },
    {
      "320724.xlsx": { modified: "2025-10-17T02:00:00.000Z" },
    },
  );
  show(a);
  fireEvent.change(screen.getByRole("textbox", { name: "报送截止日期" }), {
    target: { value: "2025-10-15" },
  });
  pick(file("320703.xlsx"), file("320724.xlsx"));
  await screen.findAllByTestId("return-row");
  fireEvent.click(screen.getByRole("button", { name: "汇总并生成通报" }));
  const summary = await screen.findByTestId("round-summary");
  expect(a.aggregate.mock.calls[0][0].deadline).toBe("2025-10-15");
  expect(a.aggregate.mock.calls[0][0].issuedOn).toBe("2025-10-20");
  expect(within(summary).getByTestId("missing-units").textContent).toMatch(/^未报送：海州区、赣榆区、东海县/);
  expect(within(summary).getByTestId("late-units").textContent).toBe("逾期报送：灌南县");
  expect(within(summary).getByTestId("rejected-rows").textContent).toBe(
    "未采用的数据行 0 行（见“数据问题”工作表）",
  );
  const counts = /^正常 (\d+) 项，略滞后 (\d+) 项，滞后 (\d+) 项/.exec(
    within(summary).getByTestId("city-counts").textContent!,
  )!;
  const behind = Number(counts[2]) + Number(counts[3]);
  expect(behind).toBeGreaterThan(0);
  expect(within(summary).getByTestId("city").querySelectorAll("li")).toHaveLength(behind);
  fireEvent.click(within(summary).getByRole("button", { name: "打开工作表 报送情况" }));
  expect(a.selectCell).toHaveBeenCalledWith("报送情况", "A1");
  expect(within(summary).getByText("目标分解表问题 1 条")).toBeTruthy();
  fireEvent.click(within(summary).getByRole("button", { name: "定位到 目标分解!C5" }));
  expect(a.selectCell).toHaveBeenCalledWith("目标分解", "C5");
});

test("below ExcelApi 1.13 the returns are not kept, and the pane says so", async () => {
  const a = fakeActions({ support: jest.fn(() => ({ ...FULL_SUPPORT, insertSheets: false })) });
  show(a);
  pick(file("320703.xlsx"));
  await screen.findByText(/这个版本的 Excel 不能把各单位的报表复制进本工作簿，汇总照常进行/);
  expect(screen.queryByText(/ExcelApi/)).toBeNull();
  expect(a.keepReturns).not.toHaveBeenCalled();
});

test("dates are typed as people type them; a bad one blocks 汇总 and says why", async () => {
  const a = fakeActions();
  show(a);
  pick(file("320703.xlsx"));
  await screen.findAllByTestId("return-row");
  const issued = screen.getByRole("textbox", { name: "通报日期" }) as HTMLInputElement;
  expect(issued.type).toBe("text");
  expect(issued.value).toBe("2025-10-20");
  fireEvent.change(issued, { target: { value: "10/20/2025" } });
  expect(
    screen.getByText(/日期“10\/20\/2025”无法识别，请写作 2025-10-15、2025\/10\/15 或 2025年10月15日/),
  ).toBeTruthy();
  const button = screen.getByRole("button", { name: "汇总并生成通报" }) as HTMLButtonElement;
  expect(button.disabled).toBe(true);
  expect(document.getElementById(button.getAttribute("aria-describedby")!)!.textContent).toBe(
    "请先改正上方标红的日期。",
  );
  fireEvent.change(issued, { target: { value: "2025年10月21日" } });
  expect(button.disabled).toBe(false);
  fireEvent.blur(issued);
  expect(issued.value).toBe("2025-10-21");
  fireEvent.change(issued, { target: { value: "2025-02-30" } });
  expect((screen.getByRole("button", { name: "汇总并生成通报" }) as HTMLButtonElement).disabled).toBe(true);
});

test("insert the target allocation sheet", async () => {
  const a = fakeActions({ insertTargets: jest.fn(async () => "exists" as const) });
  show(a);
  fireEvent.click(screen.getByRole("button", { name: "插入目标分解表" }));
  await screen.findByText("工作簿中已有目标分解表，未覆盖。");
  await waitFor(() =>
    expect(a.insertTargets).toHaveBeenCalledWith(expect.objectContaining({ id: "2025Q3" })),
  );
});

test("notices are in a live region that is there before any notice", async () => {
  show(fakeActions());
  const region = screen.getByTestId("notices-targets");
  expect(region.getAttribute("aria-live")).toBe("polite");
  fireEvent.click(screen.getByRole("button", { name: "插入目标分解表" }));
  await waitFor(() => expect(region.textContent).toContain("已插入目标分解表"));
});

test("a file name from a return is text", async () => {
  const a = fakeActions();
  show(a);
  const evil = "bad<b>x</b>.xlsx";
  pick(file(evil));
  await screen.findByText(evil);
  expect(document.querySelector("b")).toBeNull();
});

test("the round's period is taken from the files by the core's roundPeriod (as the CLI takes it)", async () => {
  const spy = jest.spyOn(roundPeriodModule, "roundPeriod");
  const a = fakeActions({}, { "320703.xlsx": { period: "2025Q2" }, "320706.xlsx": { period: "2025Q2" } });
  show(a);
  pick(file("320703.xlsx"), file("320706.xlsx"));
  await screen.findAllByTestId("return-row");
  await waitFor(() =>
    expect((screen.getByRole("combobox", { name: "报告期期间" }) as HTMLSelectElement).value).toBe("Q2"),
  );
  expect(spy).toHaveBeenCalledTimes(1);
  expect(spy.mock.calls[0][0].map((r) => r.file)).toEqual(["320703.xlsx", "320706.xlsx"]);
  spy.mockRestore();
});

test("while 汇总 runs a bar says where it stands: computing, then the bulletin's requests written; it goes at the end", async () => {
  let finish: () => void = () => undefined;
  const a = fakeActions({
    aggregate: jest.fn(async (req) => {
      req.onProgress?.({ stage: "computing" });
      await new Promise<void>((r) => setTimeout(r, 0));
      req.onProgress?.({ stage: "writing", sent: 1, total: 3 });
      await new Promise<void>((r) => (finish = r));
      return outcome(req.files);
    }),
  });
  show(a);
  pick(file("320703.xlsx"));
  await screen.findAllByTestId("return-row");
  fireEvent.click(screen.getByRole("button", { name: "汇总并生成通报" }));
  const bar = await screen.findByRole("progressbar", { name: "正在写入工作通报：已完成 1/3 批……" });
  expect(bar.getAttribute("aria-valuenow")).toBe(String(1 / 3));
  finish();
  await screen.findByTestId("round-summary");
  expect(screen.queryByRole("progressbar")).toBeNull();
});

test("退回 says the consequence before (未报送, the points from the workbook's settings) and names it after", async () => {
  const setReview = jest.fn(async () => "written" as const);
  const scoringSettings = jest.fn(async () => ({ ...DEFAULT_SETTINGS, missingPoints: 7 }));
  const a = fakeActions({ setReview, scoringSettings });
  show(a);
  pick(file("320706.xlsx"));
  await screen.findAllByTestId("return-row");
  const r = row("海州区");
  fireEvent.click(within(r).getByRole("button", { name: "海州区 的详情" }));
  fireEvent.change(within(r).getByRole("textbox", { name: /退回原因/ }), { target: { value: "单位填错" } });
  fireEvent.click(within(r).getByRole("button", { name: "退回", hidden: true }));
  let dialog = await screen.findByRole("alertdialog");
  expect(dialog.textContent).toContain("通报中海州区列为“已退回”，综合得分按未报送扣 7 分");
  fireEvent.click(within(dialog).getByRole("button", { name: "取消，不退回", hidden: true }));
  await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  expect(setReview).not.toHaveBeenCalled();
  fireEvent.click(within(r).getByRole("button", { name: "退回", hidden: true }));
  dialog = await screen.findByRole("alertdialog");
  fireEvent.click(within(dialog).getByRole("button", { name: "退回", hidden: true }));
  await waitFor(() =>
    expect(setReview).toHaveBeenCalledWith("320706", { state: "returned", reason: "单位填错" }),
  );
  await waitFor(() =>
    expect(within(r).getByTestId("row-notice").textContent).toContain(
      "通报中海州区将列为“已退回”，按未报送扣 7 分",
    ),
  );
  expect(within(r).getByTestId("status").textContent).toBe("已退回");
});

test("a roster covering only some tiers is confirmed first, saying which figure it drops", async () => {
  const loadRoster = jest.fn(
    async (_f: ReturnFile, confirm?: ConfirmPartialRoster) => {
      const ok = await confirm!(["创新型中小企业"], ["专精特新中小企业"]);
      return ok
        ? { loaded: true, kept: 3, rejected: 0, issues: [] }
        : { loaded: false, kept: 0, rejected: 0, issues: [], declined: true };
    },
  );
  show(fakeActions({ loadRoster }));
  fireEvent.change(screen.getByTestId("roster-file"), { target: { files: [file("名单.xlsx")] } });
  const dialog = await screen.findByRole("alertdialog");
  expect(dialog.textContent).toContain("没有“创新型中小企业”");
  expect(dialog.textContent).toContain("可能降为 0%");
  fireEvent.click(within(dialog).getByRole("button", { name: "取消，不载入", hidden: true }));
  await waitFor(() => expect(screen.getByTestId("notices-targets").textContent).toContain("未载入认定名单"));
});
