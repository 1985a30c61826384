// The page's worker keeps each return it read under the file's name, and 汇总 sends those by name. Last
// round's returns (上期报表) are read there too and may share a name with this round's: 汇总 must still count
// this round's return and compare it with last round's (the worker run in-process over structured clones).
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { parsePeriod } from "../../src/core/plan/periods";
import type { FromWorker, ToWorker } from "../../src/page/worker-protocol";
import type { PageWorker } from "../../src/page/remote-actions";
import { writeWorkbook } from "../../src/xlsx/write";
import { demo, plan } from "../prefill/fixtures";
import { source } from "../history/clerk-slip";

const q4 = parsePeriod("2025Q4")!;
let listener: ((m: FromWorker) => void) | null = null;
const scope = {
  onmessage: null as ((e: { data: ToWorker }) => void) | null,
  postMessage: (m: FromWorker) => setTimeout(() => listener?.(structuredClone(m)), 0),
};
(globalThis as unknown as { self: unknown }).self = scope;
require("../../src/page/worker-main");
const { remoteFileActions } =
  require("../../src/page/remote-actions") as typeof import("../../src/page/remote-actions");

const worker: PageWorker = {
  post: (m) => setTimeout(() => scope.onmessage!({ data: structuredClone(m) }), 0),
  listen: (on) => (listener = on),
  dead: null,
};

const file = async (period: typeof q4) => ({
  name: "连云区.xlsx",
  modified: null,
  bytes: await writeWorkbook(
    fillTemplate(
      buildTemplate({ plan, form: source.form, unit: source.unit, period, generatedAt: demo.generatedAt }),
      source.data,
      source.form,
    ),
  ),
});

test("this round's and last round's returns of one name: 汇总 counts this round's, compared with last round's", async () => {
  const a = remoteFileActions(worker, plan);
  const now = await a.readReturnFile(await file(q4));
  const last = await a.readReturnFile(await file(demo.period));
  expect([now.period, last.period]).toEqual(["2025Q4", "2025Q3"]);
  const o = await a.aggregate({
    period: q4,
    deadline: null,
    issuedOn: "2026-01-20",
    files: [now],
    history: [last],
  });
  const sub = o.round.aggregate.submissions.find((s) => s.unit === source.unit.code)!;
  expect(sub.status).toBe("reported");
  expect(o.round.aggregate.period).toBe("2025Q4");
}, 120000);
