// The pane loads a roster once and keeps it in the workbook; every later 汇总 checks the round against
// it. A hostile or wrong file is refused like a return, and nothing is written.
import { createActions } from "../../src/excel/actions";
import { buildRosterWorkbook, ROSTER_SHEET } from "../../src/core/roster/workbook";
import { writeWorkbook } from "../../src/xlsx/write";
import { uninstallFakeOffice } from "../fake-excel";
import { zip } from "../hostile/build-corpus";
import { enterprise, filledDesc, USCC } from "../read/fixtures";
import { fakeGrid, install, period, plan } from "./helpers";

afterEach(() => uninstallFakeOffice(globalThis as unknown as Record<string, unknown>));

const NOW = () => new Date("2025-10-20T02:00:00Z");

async function rosterFile() {
  const desc = buildRosterWorkbook(plan, { thisYear: 2025 });
  desc.sheets[0].rows.push(
    ["连云港示例科技有限责任公司", null, "省级专精特新中小企业", 2024, null, "连云区", "认定"],
    ["第二家企业有限公司", USCC[1], "省级专精特新中小企业", 2022, null, "连云区", "认定"],
    ["第二家企业有限公司", USCC[1], "省级专精特新中小企业", 2022, null, "连云区", "认定"], // duplicate
    ["连云港第三科技有限公司", null, "省级专精特新中小企业", 2025, null, "连云区", "认定"],
  );
  return { name: "认定名单.xlsx", bytes: await writeWorkbook(desc), modified: null };
}

test("a loaded roster is kept in the workbook and checks the round at 汇总 (verified by default)", async () => {
  const host = install();
  const a = createActions(plan, NOW);
  const loaded = await a.loadRoster(await rosterFile());
  expect(loaded).toMatchObject({ loaded: true, kept: 3, rejected: 1 });
  expect(loaded.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["roster.duplicate@A6"]);
  const grid = fakeGrid(host.state.sheet(ROSTER_SHEET)!);
  expect(grid[2]).toEqual(["企业名称", "统一社会信用代码", "层级", "年份", "批次或文号", "所在地区", "状态"]);
  expect(grid.slice(3).map((r) => r[0])).toEqual([
    "连云港示例科技有限责任公司",
    "第二家企业有限公司",
    "连云港第三科技有限公司",
  ]);

  const file = {
    name: "320703-连云区-2025Q3.xlsx",
    bytes: await writeWorkbook(
      filledDesc({ enterprises: [enterprise(), enterprise({ uscc: USCC[1], name: "第二家企业有限公司" })] }),
    ),
    modified: "2025-10-08T02:00:00.000Z",
  };
  const ret = await a.readReturnFile(file);
  const o = await a.aggregate({ period, deadline: null, issuedOn: "2025-10-20", files: [ret] });
  const check = o.round.roster!;
  expect(check.policy).toBe("verified");
  expect(check.claims.map((c) => [c.cell, c.outcome])).toEqual([
    ["F2", "not_found"],
    ["G2", "verified"],
    ["F3", "not_found"],
    ["G3", "wrong_year"],
  ]);
  expect(check.missed.map((m) => m.name)).toEqual(["连云港第三科技有限公司"]);
  const city = (code: string) => o.round.score.city.find((s) => s.code === code)!.actual;
  expect([city("provincial_srdi"), city("innovative_smes")]).toEqual([2, 0]);
  // The bulletin written into the workbook has the 名单核验 附件.
  expect(host.state.sheets.map((s) => s.name)).toContain("名单核验");
});

test("a hostile or wrong file is refused whole, with the reader's reason, and nothing is written", async () => {
  const host = install();
  const a = createActions(plan, NOW);
  const bomb = {
    name: "bomb.xlsx",
    bytes: zip([["xl/workbook.xml", new Uint8Array(64 * 1024 * 1024)]]),
    modified: null,
  };
  const r = await a.loadRoster(bomb);
  expect(r.loaded).toBe(false);
  expect(r.issues[0].code).toMatch(/^file\./);
  expect(r.issues[0].message).toMatch(/[\u4e00-\u9fff]/);
  const notRoster = { name: "x.xlsx", bytes: await writeWorkbook(filledDesc()), modified: null };
  const w = await a.loadRoster(notRoster);
  expect(w).toMatchObject({ loaded: false, kept: 0 });
  expect(w.issues.map((i) => i.code)).toEqual(["roster.no_sheet"]);
  expect(host.state.sheet(ROSTER_SHEET)).toBeUndefined();
  // Without a roster in the workbook the round is counted as today.
  const o = await a.aggregate({ period, deadline: null, issuedOn: "2025-10-20", files: [] });
  expect(o.round.roster).toBeUndefined();
});
