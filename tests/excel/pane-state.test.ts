import { formsOf } from "../../src/core/form/versions";
// The adapter behind the pane's safety nets: what the workbook's template holds (presets, asking before
// overwriting), leaving returns out of a round, and watching for changes.
import { createActions } from "../../src/excel/actions";
import { unitPrefix } from "../../src/excel/kept-returns";
import { watchChanges } from "../../src/excel/watch";
import { writeWorkbookDescription } from "../../src/excel/write";
import { writeWorkbook } from "../../src/xlsx/write";
import { uninstallFakeOffice } from "../fake-excel";
import { filledTemplate, install, period, plan, template } from "./helpers";

afterEach(() => uninstallFakeOffice(globalThis as unknown as Record<string, unknown>));

test("an empty workbook holds no template and nothing filled", async () => {
  install();
  expect(await createActions(plan).templateState()).toEqual({ meta: null, filled: 0, sheets: [] });
});

test("a blank template gives its unit, period and deadline, and nothing filled", async () => {
  install();
  await writeWorkbookDescription(template(3), { replace: true });
  const st = await createActions(plan).templateState();
  expect(st.meta).toMatchObject({ unitCode: plan.units[3].code, period: "2025Q3", deadline: "2025-10-15" });
  expect(st.filled).toBe(0);
});

test("a filled template counts its data rows", async () => {
  install();
  await writeWorkbookDescription(filledTemplate(97, 1), { replace: true });
  const st = await createActions(plan).templateState();
  expect(st.meta?.unitCode).toBe(plan.units[1].code);
  expect(st.filled).toBeGreaterThanOrEqual(97);
});

test("sheets of the template's names without its metadata count as someone's data", async () => {
  const host = install();
  host.state.addSheet("企业名录").cells.set("0,0", { value: "我的名单" });
  const st = await createActions(plan).templateState();
  expect(st.meta).toBeNull();
  expect(st.filled).toBe(1);
});

test("a return left out by the bureau is not aggregated, even when kept in the workbook", async () => {
  install();
  const actions = createActions(plan);
  await writeWorkbookDescription(filledTemplate(5, 0), { replace: true });
  const all = await actions.aggregate({ period, deadline: null, issuedOn: "2025-10-20", files: [] });
  expect(all.reported).toBe(1);
  const none = await actions.aggregate({
    period,
    deadline: null,
    issuedOn: "2025-10-20",
    files: [],
    exclude: ["当前工作簿"],
  });
  expect(none.reported).toBe(0);
  expect(none.round.aggregate.submissions.every((s) => s.status === "missing")).toBe(true);
});

test("watching without events in the host is a no-op; with them, a change calls back and stop removes it", async () => {
  install(6);
  const stop0 = await watchChanges(() => undefined);
  await stop0();

  // A minimal host with ExcelApi 1.9 events: the fake does not model events.
  const handlers: (() => Promise<void>)[] = [];
  const removed: number[] = [];
  const events = () => ({
    add: (h: () => Promise<void>) => {
      handlers.push(h);
      const i = handlers.length - 1;
      return { remove: () => removed.push(i), context: { sync: async () => undefined } };
    },
  });
  const g = globalThis as unknown as Record<string, unknown>;
  g.Office = { context: { requirements: { isSetSupported: () => true } } };
  g.Excel = {
    run: async (batch: (ctx: unknown) => Promise<unknown>) =>
      batch({
        workbook: { worksheets: { onAdded: events(), onDeleted: events(), onChanged: events() } },
        sync: async () => undefined,
      }),
  };
  let calls = 0;
  const stop = await watchChanges(() => calls++);
  expect(handlers).toHaveLength(3);
  await handlers[2]();
  expect(calls).toBe(1);
  await stop();
  expect(removed).toEqual([0, 1, 2]);
});

test("two returns of one unit imported together: the later is kept, and both still reach the round", async () => {
  const host = install();
  const actions = createActions(plan);
  const bytes = await writeWorkbook(filledTemplate(3, 1));
  const newer = { name: "海州区.xlsx", bytes, modified: "2025-10-09T02:00:00.000Z" };
  const older = { name: "海州区-初稿.xlsx", bytes, modified: "2025-10-02T02:00:00.000Z" };
  const list = [
    { file: newer, result: await actions.readReturnFile(newer) },
    { file: older, result: await actions.readReturnFile(older) },
  ];
  expect(await actions.keepReturns(list)).toBe(1);
  const prefix = unitPrefix(plan.units[1].name, plan.units[1].code, formsOf(plan));
  expect(host.state.sheets.filter((s) => s.name.startsWith(prefix))).toHaveLength(5);
  const o = await actions.aggregate({
    period,
    deadline: null,
    issuedOn: "2025-10-20",
    files: list.map((i) => i.result),
  });
  expect(o.reported).toBe(1);
  expect(o.round.aggregate.excluded.map((x) => [x.file, x.kind])).toEqual([
    ["海州区-初稿.xlsx", "superseded"],
  ]);
});
