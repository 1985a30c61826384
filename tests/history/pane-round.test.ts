// Issue 26: the pane's and the page's 汇总 take the previous round's returns as `srdi aggregate
// --history-returns DIR` does. Two rounds of the demo's units (2025Q3, then 2025Q4 with 10 % growth), in
// the next one a firm moved from one unit to another and a firm gone from a third: the moved firm and the
// 退出 firm are in the round's warnings, and the bulletin written by the page's host (a download) and by
// the pane (Excel, fake host) equals, cell by cell, the one the CLI writes from the same files.
import { Command } from "commander";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { registerAggregate } from "../../src/cli/aggregate";
import { buildDemoRound, type DemoReturn } from "../../src/core/demo/round";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { parsePeriod } from "../../src/core/plan/periods";
import type { CellValue } from "../../src/core/sheet/types";
import { createActions } from "../../src/excel/actions";
import { createFileActions } from "../../src/files/actions";
import type { ReturnResult } from "../../src/core/read/types";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { uninstallFakeOffice } from "../fake-excel";
import { fakeGrid, install } from "../excel/helpers";
import { DEFAULT_PLAN as plan } from "../../src/core/plan/default-plan";

const demo = buildDemoRound(plan);
const q4 = parsePeriod("2025Q4")!;
const ISSUED = "2026-01-20";
let dir: string;
let q3Files: string[];
let q4Files: string[];
let moved: { name: string; from: string; to: string };
let gone: { name: string; unit: string };

const keyed = (r: DemoReturn, row: CellValue[]) =>
  Object.fromEntries(r.form.enterprises.fields.map((f, i) => [f.key, row[i] ?? null]));
const rowIn = (r: DemoReturn, rec: Record<string, CellValue>) =>
  r.form.enterprises.fields.map((f) => (f.key in rec ? rec[f.key] : null));

async function write(folder: string, r: DemoReturn, period: typeof q4, rows: CellValue[][], time: string) {
  const desc = fillTemplate(
    buildTemplate({ plan, form: r.form, unit: r.unit, period, generatedAt: demo.generatedAt }),
    { ...r.data, enterprises: rows },
    r.form,
  );
  const file = path.join(folder, `${r.unit.code}-${period.id}.xlsx`);
  writeFileSync(file, await writeWorkbook({ ...desc, properties: { ...desc.properties, modified: time } }));
  const t = new Date(time);
  utimesSync(file, t, t);
  return file;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "srdi-history-round-"));
  mkdirSync(path.join(dir, "q3"));
  mkdirSync(path.join(dir, "q4"));
  const rs = demo.returns.filter((r) => r.unit.code !== demo.defective.code);
  q3Files = [];
  for (const r of rs)
    q3Files.push(await write(path.join(dir, "q3"), r, demo.period, r.data.enterprises!, r.savedAt));
  // The next round: every figure + 10 %; the first unit's first firm now reported by the second unit;
  // the third unit's last firm gone.
  const grown = rs.map((r) =>
    r.data.enterprises!.map((row) => {
      const rec = keyed(r, row);
      for (const k of ["revenue", "main_revenue", "rd_expense"])
        if (typeof rec[k] === "number") rec[k] = Math.round((rec[k] as number) * 110) / 100;
      return rec;
    }),
  );
  const first = grown[0].shift()!;
  moved = { name: String(first.name), from: rs[0].unit.name, to: rs[1].unit.name };
  grown[1].push(first);
  const last = grown[2].pop()!;
  gone = { name: String(last.name), unit: rs[2].unit.name };
  q4Files = [];
  for (const [i, r] of rs.entries())
    q4Files.push(
      await write(
        path.join(dir, "q4"),
        r,
        q4,
        grown[i].map((rec) => rowIn(r, rec)),
        "2026-01-10T02:00:00.000Z",
      ),
    );
}, 120000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => uninstallFakeOffice(globalThis as unknown as Record<string, unknown>));

async function cli(...args: string[]): Promise<void> {
  const exit = { code: -1 };
  const program = new Command().exitOverride();
  registerAggregate(program, exit);
  const out = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    await program.parseAsync(["node", "srdi", "aggregate", ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  expect(exit.code).toBe(0);
}

const file = (f: string) => ({
  name: path.basename(f),
  bytes: new Uint8Array(readFileSync(f)),
  modified: null,
});

/** Each sheet's non-empty cells, by row and column; empty strings are empty cells. */
async function cells(bytes: Uint8Array): Promise<Map<string, Map<string, unknown>>> {
  const book = await readWorkbook(bytes);
  const out = new Map<string, Map<string, unknown>>();
  for (const s of book.sheets) {
    const m = new Map<string, unknown>();
    s.cells.forEach((row, r) =>
      (row ?? []).forEach((v, c) => {
        // A formula as the pane writes it ("=…"), its cached result aside.
        const f = v && typeof v === "object" && "formula" in v ? `=${String(v.formula)}` : v;
        if (f !== null && f !== undefined && f !== "") m.set(`${r},${c}`, f);
      }),
    );
    out.set(s.name, m);
  }
  return out;
}

async function read(
  files: string[],
  actions: { readReturnFile: (f: ReturnType<typeof file>) => Promise<ReturnResult> },
) {
  const out: ReturnResult[] = [];
  for (const f of files) out.push(await actions.readReturnFile(file(f)));
  return out;
}

test("page and pane 汇总 with last round's returns: moved and 退出 firms, the CLI's bulletin cell by cell", async () => {
  const cliOut = path.join(dir, "cli.xlsx");
  await cli(...q4Files, "--history-returns", path.join(dir, "q3"), "--out", cliOut, "--date", ISSUED);
  const expected = await cells(new Uint8Array(readFileSync(cliOut)));

  // The page's host: files in, the bulletin a download.
  const page = createFileActions(plan);
  const o = await page.aggregate({
    period: q4,
    deadline: null,
    issuedOn: ISSUED,
    files: await read(q4Files, page),
    history: await read(q3Files, page),
  });
  const codes = o.round.aggregate.warnings.map((w) => [w.issue.code, w.issue.value, w.unitName]);
  expect(codes).toContainEqual(["history.firm_moved", moved.name, moved.to]);
  expect(codes).toContainEqual(["history.firm_missing", gone.name, gone.unit]);
  // The moved firm is also missing from the unit that reported it last round (asked to say why).
  expect(codes).toContainEqual(["history.firm_missing", moved.name, moved.from]);
  expect(codes.filter((c) => String(c[0]).startsWith("history.firm_"))).toHaveLength(3);
  const got = await cells(o.download!.bytes);
  expect([...got.keys()]).toEqual([...expected.keys()]);
  for (const [name, m] of expected) expect([name, got.get(name)]).toEqual([name, m]);
  const text = [...expected.values()].flatMap((m) => [...m.values()]).join("\n");
  expect(text).toContain(moved.name);
  expect(text).toContain(gone.name);

  // Without them: neither firm is named (the comparison is what finds them).
  const plain = await page.aggregate({
    period: q4,
    deadline: null,
    issuedOn: ISSUED,
    files: await read(q4Files, page),
  });
  expect(plain.round.aggregate.warnings.some((w) => w.issue.code.startsWith("history.firm_"))).toBe(false);

  // The pane: the bulletin's sheets written into the (fake) workbook hold the same cells.
  const host = install();
  const pane = createActions(plan);
  const p = await pane.aggregate({
    period: q4,
    deadline: null,
    issuedOn: ISSUED,
    files: await read(q4Files, pane),
    history: await read(q3Files, pane),
  });
  expect(p.round.aggregate.warnings.map((w) => w.issue.code)).toEqual(
    o.round.aggregate.warnings.map((w) => w.issue.code),
  );
  for (const [name, m] of expected) {
    const grid = fakeGrid(host.state.sheet(name)!);
    const mine = new Map<string, unknown>();
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== "") mine.set(`${r},${c}`, v);
      }),
    );
    expect([name, mine]).toEqual([name, m]);
  }
  expect(readdirSync(path.join(dir, "q3"))).toHaveLength(q3Files.length);
}, 300000);
