// The loaded plan remembered in the workbook (issue 24): kept in the add-in's document settings, so the
// workbook handed to another machine (no localStorage of ours there) opens on its plan; the machine's memory
// beside it and as the fallback (host without settings, plan too large, settings refused); a constant
// number of syncs; the worker reads a plan workbook as the pane's main thread would.
import { readFileSync } from "fs";
import * as path from "path";
import { TextDecoder, TextEncoder } from "util";
import { MAX_IN_WORKBOOK, workbookPlanMemory } from "../../src/excel/plan-setting";
import { readPlanWorkbook } from "../../src/excel/actions";
import type { ReturnBytes } from "../../src/core/read/read-bytes";
import type { PlanKept, PlanMemory } from "../../src/host/types";
import { inProcessWorker } from "./in-process-worker";
import { install } from "./helpers";

Object.assign(globalThis, { TextEncoder, TextDecoder });

const PLAN_FILE: ReturnBytes = {
  name: "规划配置.xlsx",
  bytes: new Uint8Array(readFileSync(path.resolve(__dirname, "../../assets/plans/yunnan-2025-2027.xlsx"))),
  modified: null,
};

/** A machine's own memory (localStorage stand-in); `refuse` plays a WebView that refuses storage. */
function machine(refuse = false): PlanMemory & { kept: ReturnBytes | null } {
  const m = {
    kept: null as ReturnBytes | null,
    get: async () => m.kept,
    set: async (f: ReturnBytes): Promise<PlanKept> => {
      if (refuse) return false;
      m.kept = f;
      return "machine";
    },
    clear: async () => {
      m.kept = null;
    },
  };
  return m;
}

test("a loaded plan goes into the workbook's settings: another machine opening the workbook gets it back", async () => {
  const host = install();
  const here = workbookPlanMemory(machine());
  expect(await host.countSyncs(async () => expect(await here.set(PLAN_FILE)).toBe("workbook"))).toBe(1);
  expect([...host.state.settings.keys()]).toEqual(["srdi.planWorkbook"]);

  // Another machine: nothing in its storage, the same workbook.
  const there = workbookPlanMemory(machine());
  let got: ReturnBytes | null = null;
  expect(await host.countSyncs(async () => void (got = await there.get()))).toBe(1);
  expect(got!.name).toBe("规划配置.xlsx");
  expect(Buffer.from(got!.bytes).equals(Buffer.from(PLAN_FILE.bytes))).toBe(true);
  // Read again by the same guarded reader, it is the plan that was loaded.
  expect((await readPlanWorkbook(got!)).plan?.title).toBe((await readPlanWorkbook(PLAN_FILE)).plan?.title);

  // 改用内置规划 forgets it in the workbook and on the machine, in two syncs.
  const mine = machine();
  const forget = workbookPlanMemory(mine);
  await forget.set(PLAN_FILE);
  expect(await host.countSyncs(() => forget.clear())).toBe(2);
  expect(host.state.settings.size).toBe(0);
  expect(mine.kept).toBeNull();
  expect(await forget.get()).toBeNull();
});

test("the workbook's plan comes before the machine's; the machine's answers for a workbook without one", async () => {
  const host = install();
  const mine = machine();
  mine.kept = { ...PLAN_FILE, name: "本机的规划.xlsx" };
  const memory = workbookPlanMemory(mine);
  expect((await memory.get())?.name).toBe("本机的规划.xlsx");
  host.state.settings.set(
    "srdi.planWorkbook",
    JSON.stringify(
      JSON.stringify({ name: "工作簿的规划.xlsx", data: Buffer.from(PLAN_FILE.bytes).toString("base64") }),
    ),
  );
  expect((await memory.get())?.name).toBe("工作簿的规划.xlsx");
  // A setting that is not ours to read (edited, truncated) is ignored, not trusted.
  host.state.settings.set("srdi.planWorkbook", JSON.stringify("{not json"));
  expect((await memory.get())?.name).toBe("本机的规划.xlsx");
});

test("where the workbook cannot keep it, the machine does: below ExcelApi 1.4, a plan over the cap", async () => {
  const old = install(3);
  const mine = machine();
  const memory = workbookPlanMemory(mine);
  expect(await old.countSyncs(async () => expect(await memory.set(PLAN_FILE)).toBe("machine"))).toBe(0);
  expect(old.state.settings.size).toBe(0);
  expect(await old.countSyncs(async () => expect((await memory.get())?.name).toBe("规划配置.xlsx"))).toBe(0);

  const host = install();
  const big = { ...PLAN_FILE, bytes: new Uint8Array(MAX_IN_WORKBOOK + 1) };
  expect(await workbookPlanMemory(machine()).set(big)).toBe("machine");
  expect(host.state.settings.size).toBe(0);
  // Neither can keep it: the pane says nothing is remembered.
  expect(await workbookPlanMemory(machine(true)).set(big)).toBe(false);
});

test("a workbook that refuses the write (cell-edit mode) leaves the plan remembered on the machine", async () => {
  const host = install();
  host.settings.cellEditMode = true;
  const mine = machine();
  expect(await workbookPlanMemory(mine).set(PLAN_FILE)).toBe("machine");
  expect(mine.kept?.name).toBe("规划配置.xlsx");
  host.settings.cellEditMode = false;
  expect(host.state.settings.size).toBe(0);
});

test("a plan workbook read in the worker (messages cloned as a Worker's are) gives the plan the page reads", async () => {
  const runner = inProcessWorker();
  const inWorker = await runner.plan(PLAN_FILE);
  const here = await readPlanWorkbook(PLAN_FILE);
  expect(inWorker.plan).not.toBeNull();
  expect(inWorker).toEqual(JSON.parse(JSON.stringify(here)));
  // A file that is no workbook: refused with the reader's reason, located as the plan's one error.
  const bad = await runner.plan({ name: "x.xlsx", bytes: new Uint8Array([1, 2, 3]), modified: null });
  expect(bad.plan).toBeNull();
  expect(bad.issues.map((i) => i.code)).toEqual(["plan.invalid"]);
});
