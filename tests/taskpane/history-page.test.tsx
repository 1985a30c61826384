/** @jest-environment jsdom */
// Issue 26 on the offline page's host (src/files: files in, downloads out): the clerk downloads the
// template prefilled from last round's return, fills it in Excel (ExcelJS here) with a ×10 slip, opens it on
// the page: the warning beside its cell with last round's value, 未说明; filled again with a 说明: 已说明.
import "./dom-stubs";
import "./node-encoding";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { FORM_V3 } from "../../src/core/form/v3";
import { parsePeriod } from "../../src/core/plan/periods";
import { createFileActions } from "../../src/files/actions";
import { ClerkView } from "../../src/taskpane/ClerkView";
import { HostFilesContext, type HostFiles } from "../../src/taskpane/host-files";
import { MESSAGES } from "../../src/taskpane/messages";
import { writeWorkbook } from "../../src/xlsx/write";
import { demo, plan } from "../prefill/fixtures";

const source = demo.returns.find((d) => d.form.version === "3" && d.unit.code !== demo.defective.code)!;
const col = (key: string) => FORM_V3.enterprises.fields.findIndex((f) => f.key === key) + 1;
const q4 = parsePeriod("2025Q4")!;
const memory = { get: () => source.unit.code, set: () => undefined };

/** The clerk fills the template in Excel: last round's figures + 10 %, the first 营业收入 ×10, a 说明 or not. */
async function fill(template: Uint8Array, explanation: string | null): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(FORM_V3.enterprises.name)!;
  source.data.enterprises!.forEach((row, i) => {
    for (const key of ["revenue", "main_revenue", "rd_expense"]) {
      const v = row[col(key) - 1] as number | null;
      if (v !== null) ws.getCell(i + 2, col(key)).value = Math.round(v * 110) / 100;
    }
  });
  ws.getCell(2, col("revenue")).value = (ws.getCell(2, col("revenue")).value as number) * 10;
  if (explanation) ws.getCell(2, col("explanation")).value = explanation;
  wb.getWorksheet(FORM_V3.region.name)!.getCell("B5").value = new Date(Date.UTC(2025, 11, 19));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test("the page: a prefilled template opened with a ×10 slip shows last round's value; a 说明 explains it", async () => {
  const actions = createFileActions(plan);
  const last = fillTemplate(
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
  const from = { name: source.fileName, bytes: await writeWorkbook(last), modified: source.modified };
  const template = await actions.downloadTemplate({ unit: source.unit, period: q4, deadline: null, from });
  const files = new Map<string, Uint8Array>([
    ["slip.xlsx", await fill(template.bytes, null)],
    ["explained.xlsx", await fill(template.bytes, "新产线投产，收入大增")],
  ]);
  const host: HostFiles = {
    save: () => undefined,
    read: async (f) => ({ name: f.name, bytes: files.get(f.name)!, modified: null }),
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <HostFilesContext.Provider value={host}>
        <ClerkView actions={actions} plan={plan} messages={MESSAGES} defaultPeriod="2025Q4" memory={memory} />
      </HostFilesContext.Provider>
    </FluentProvider>,
  );
  const open = (name: string) =>
    fireEvent.change(screen.getByTestId("open-return"), { target: { files: [new File(["x"], name)] } });

  open("slip.xlsx");
  const result = await screen.findByTestId("check-result", {}, { timeout: 30000 });
  expect(within(result).getByTestId("history-summary").textContent).toContain("有 1 条提示尚未说明");
  // No workbook beside the page: the cell is named, not linked; last round's value beside it.
  const previous = within(result).getByTestId("issue-previous");
  const item = previous.closest("[data-testid=issue]") as HTMLElement;
  expect(item.textContent).toMatch(/^J2/);
  const before = source.data.enterprises![0][col("revenue") - 1] as number;
  expect(previous.textContent).toBe(`上期 ${before}`);
  expect(within(item).getByTestId("issue-unexplained")).toBeTruthy();
  expect(within(result).queryAllByRole("button", { name: /^定位到/ })).toHaveLength(0);
  const show = within(result).getByRole("combobox", { name: "显示哪些问题" });
  fireEvent.change(show, { target: { value: "unexplained" } });
  expect(within(result).getAllByTestId("issue")).toHaveLength(1);

  open("explained.xlsx");
  await waitFor(() => expect(screen.getByTestId("history-summary").textContent).toContain("均已说明"), {
    timeout: 30000,
  });
  const done = screen.getByTestId("check-result");
  expect(within(done).getByTestId("issue-explained").textContent).toBe("已说明：新产线投产，收入大增");
  expect(within(done).queryAllByTestId("issue-unexplained")).toHaveLength(0);
}, 120000);
