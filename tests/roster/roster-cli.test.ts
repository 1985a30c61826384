// The roster through the command line: `srdi roster`, `aggregate --roster` under both policies (the
// policy read from 评分设置), `check --roster` for a clerk, and hostile roster files refused like returns.
import { execFileSync, spawnSync } from "child_process";
import { Command } from "commander";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { registerAggregate } from "../../src/cli/aggregate";
import { registerCheck } from "../../src/cli/check";
import { UsageError } from "../../src/cli/common";
import { registerRoster } from "../../src/cli/roster";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { buildRosterWorkbook } from "../../src/core/roster/workbook";
import { buildTargetsWorkbook } from "../../src/core/targets/workbook";
import { DEFAULT_SETTINGS } from "../../src/core/targets/types";
import { writeWorkbook } from "../../src/xlsx/write";
import { zip } from "../hostile/build-corpus";
import { enterprise, filledDesc, USCC } from "../read/fixtures";

const ROOT = path.join(__dirname, "..", "..");
let dir: string;
let out: string[];
let err: string[];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "srdi-roster-"));
  out = [];
  err = [];
  jest.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  jest.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<number> {
  const exit = { code: -1 };
  const program = new Command().exitOverride();
  registerAggregate(program, exit);
  registerCheck(program, exit);
  registerRoster(program, exit);
  await program.parseAsync(["node", "srdi", ...args]);
  return exit.code;
}

/** 连云区's return: 示例科技 (innovative 2023, provincial 2024) and 第二家 (the same years). */
async function files(): Promise<{ ret: string; roster: string }> {
  const ret = path.join(dir, "320703-连云区-2025Q3.xlsx");
  writeFileSync(
    ret,
    await writeWorkbook(
      filledDesc({ enterprises: [enterprise(), enterprise({ uscc: USCC[1], name: "第二家企业有限公司" })] }),
    ),
  );
  const desc = buildRosterWorkbook(DEFAULT_PLAN, { thisYear: 2026 });
  desc.sheets[0].rows.push(
    ["连云港示例科技有限责任公司", null, "省级专精特新中小企业", 2024, "苏工信〔2024〕1号", "连云区", "认定"],
    ["第二家企业有限公司", USCC[1], "省级专精特新中小企业", 2022, null, "连云区", "认定"],
    ["第二家企业有限公司", USCC[1], "创新型中小企业", 2023, null, "连云区", "认定"],
    ["第二家企业有限公司", USCC[1], "创新型中小企业", 2025, null, "连云区", "撤销"],
    ["连云港第三科技有限公司", null, "省级专精特新中小企业", 2025, null, "连云港市连云区", "认定"],
    // The bureau's own problem: a row the roster refuses (no year), for `aggregate`, not for a clerk.
    ["连云港第四科技有限公司", null, "省级专精特新中小企业", null, null, "连云区", "认定"],
  );
  const roster = path.join(dir, "认定名单.xlsx");
  writeFileSync(roster, await writeWorkbook(desc));
  return { ret, roster };
}

const city = (j: { city: { indicators: { code: string; actual: number }[] } }, code: string) =>
  j.city.indicators.find((i) => i.code === code)!.actual;

test("srdi roster writes the blank roster; openpyxl reads its columns and lists", async () => {
  const file = path.join(dir, "认定名单.xlsx");
  expect(await run("roster", "--out", file)).toBe(0);
  const py = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["认定名单"]
print(json.dumps({"sheets": wb.sheetnames, "header": [c.value for c in ws[3]],
  "lists": sorted(d.formula1 for d in ws.data_validations.dataValidation if d.type == "list")}, ensure_ascii=False))`;
  const j = JSON.parse(execFileSync("/usr/bin/python3", ["-c", py, file], { encoding: "utf8" }));
  expect(j.sheets[0]).toBe("认定名单");
  expect(j.header).toEqual([
    "企业名称",
    "统一社会信用代码",
    "层级",
    "年份",
    "批次或文号",
    "所在地区",
    "状态",
  ]);
  expect(j.lists).toEqual([
    '"创新型中小企业,科技和创新型中小企业,省级专精特新中小企业,专精特新\u201c小巨人\u201d企业,制造业单项冠军"',
    '"认定,复核通过,复核未通过,撤销"',
  ]);
  await expect(run("roster")).rejects.toThrow(/缺少 --out/);
});

test("aggregate --roster: verified by default, claims when 评分设置 says so; --json lists each claim", async () => {
  const f = await files();
  expect(await run("aggregate", f.ret, "--json", "--period", "2025Q3")).toBe(0);
  const plain = JSON.parse(out.join(""));
  expect(plain.roster).toBeUndefined();
  expect([city(plain, "provincial_srdi"), city(plain, "innovative_smes")]).toEqual([2, 2]);

  out.length = 0;
  expect(await run("aggregate", f.ret, "--json", "--period", "2025Q3", "--roster", f.roster)).toBe(0);
  const verified = JSON.parse(out.join(""));
  // The bureau is told of the roster's own refused row, located.
  expect(err.join("")).toMatch(/认定名单：[^\n]*第9行|认定名单：[^\n]*9/);
  expect(err.join("")).toContain("认定名单：读取6行，采用5行");
  // 示例科技's provincial found by name (2024), 第二家's by code in 2022 (年份不符, counted 2022); the
  // innovative claims: one not on the roster, one revoked.
  expect([city(verified, "provincial_srdi"), city(verified, "innovative_smes")]).toEqual([2, 0]);
  expect(verified.roster.policy).toBe("verified");
  expect(
    verified.roster.claims.map((c: Record<string, string>) => [
      c.cell,
      verified.roster.tiers[c.tier],
      c.outcome,
      c.countedYear,
    ]),
  ).toEqual([
    ["F2", "创新型中小企业", "not_found", null],
    ["G2", "省级专精特新中小企业", "verified", 2024],
    ["F3", "创新型中小企业", "revoked", null],
    ["G3", "省级专精特新中小企业", "wrong_year", 2022],
  ]);
  expect(verified.roster.missed).toMatchObject([
    { unit: "320703", name: "连云港第三科技有限公司", year: 2025 },
  ]);
  // Everything else of the JSON is as without a roster, but the counts the roster changed.
  expect(verified.submissions).toEqual(plain.submissions);

  const targets = path.join(dir, "目标分解.xlsx");
  writeFileSync(
    targets,
    await writeWorkbook(
      buildTargetsWorkbook(DEFAULT_PLAN, parsePeriod("2025Q3")!, {
        settings: { ...DEFAULT_SETTINGS, rosterPolicy: "claims" },
      }),
    ),
  );
  out.length = 0;
  expect(
    await run("aggregate", f.ret, "--json", "--period", "2025Q3", "--roster", f.roster, "--targets", targets),
  ).toBe(0);
  const claims = JSON.parse(out.join(""));
  expect(claims.roster.policy).toBe("claims");
  expect([city(claims, "provincial_srdi"), city(claims, "innovative_smes")]).toEqual([2, 2]);
  expect(claims.roster.claims.map((c: { countedYear: number }) => c.countedYear)).toEqual([
    2023, 2024, 2023, 2024,
  ]);
});

test("aggregate --roster --out: the bulletin has the 名单核验 附件 and says it in 数据质量", async () => {
  const f = await files();
  const book = path.join(dir, "通报.xlsx");
  expect(
    await run(
      "aggregate",
      f.ret,
      "--period",
      "2025Q3",
      "--roster",
      f.roster,
      "--out",
      book,
      "--date",
      "2025-10-20",
    ),
  ).toBe(0);
  expect(out.join("")).toContain("连云区：核实1，年份不符1，名单中未找到1，已撤销或复核未通过1，漏报1");
  const py = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
text = [" ".join(str(c) for c in r if c is not None) for r in wb["工作通报"].iter_rows(values_only=True)]
rows = [list(r) for r in wb["名单核验"].iter_rows(values_only=True)]
print(json.dumps({"sheets": wb.sheetnames, "text": text, "rows": rows}, ensure_ascii=False, default=str))`;
  const j = JSON.parse(execFileSync("/usr/bin/python3", ["-c", py, book], { encoding: "utf8" }));
  expect(j.sheets).toContain("名单核验");
  const quality = j.text.find((t: string) => t.includes("经与认定名单"));
  expect(quality).toContain("核实1项、年份不符1项、名单中未找到1项、名单显示已撤销或复核未通过1项");
  expect(quality).toContain("未能核实的2项涉及连云区2项");
  expect(quality).toContain("明细见附件7");
  expect(j.text.some((t: string) => t.includes("7.认定名单核验情况"))).toBe(true);
  expect(j.rows[0][0]).toBe("附件7");
  expect(j.rows).toContainEqual(["连云区", 4, 1, 1, 1, 1, 1, null]);
  expect(j.rows).toContainEqual([
    "连云区",
    "连云港第三科技有限公司",
    "—",
    "省级专精特新中小企业",
    2025,
    8,
    null,
    null,
  ]);
});

test("check --roster: the clerk sees each unverified claim where it is, and the unit's firms not reported", async () => {
  const f = await files();
  expect(await run("check", f.ret, "--roster", f.roster)).toBe(0);
  const text = out.join("");
  expect(text).toContain("认定名单核对：填报的有效期内认定4项，核实1项，请核实以下3项：");
  expect(text).toContain("企业名录!F2 连云港示例科技有限公司 创新型中小企业2023年：名单中未找到");
  expect(text).toContain(
    "企业名录!G3 第二家企业有限公司 省级专精特新中小企业2024年：年份不符(名单最近一次认定或复核为2022年，请改填2022)",
  );
  expect(text).toContain(
    "企业名录!F3 第二家企业有限公司 创新型中小企业2023年：名单显示已撤销或复核未通过(名单年份2025)",
  );
  expect(text).toContain("连云港第三科技有限公司 省级专精特新中小企业2025年(名单第8行)");
  // Nothing of the roster's own rows: those are the bureau's (aggregate --roster lists them).
  expect(err.join("")).not.toContain("认定名单");
  out.length = 0;
  expect(await run("check", f.ret, "--roster", f.roster, "--json")).toBe(0);
  const j = JSON.parse(out.join(""));
  expect(j.roster[0].claims).toHaveLength(4);
  expect(j.files).toHaveLength(1);
});

test("hostile or wrong roster files are refused with a clear message, before any return is read", async () => {
  const f = await files();
  const bomb = path.join(dir, "bomb.xlsx");
  writeFileSync(bomb, zip([["xl/workbook.xml", new Uint8Array(64 * 1024 * 1024)]]));
  const truncated = path.join(dir, "truncated.xlsx");
  writeFileSync(truncated, zip([["xl/workbook.xml", "<workbook/>"]]).subarray(0, 40));
  const text = path.join(dir, "名单.csv");
  writeFileSync(text, "企业名称,层级\n甲,省级\n");
  const notRoster = path.join(dir, "not-roster.xlsx");
  writeFileSync(notRoster, await writeWorkbook(filledDesc()));
  execFileSync("mkfifo", [path.join(dir, "fifo.xlsx")]);
  for (const [file, msg] of [
    [bomb, /无法读取认定名单/],
    [truncated, /无法读取认定名单/],
    [text, /无法读取认定名单/],
    [path.join(dir, "fifo.xlsx"), /无法读取认定名单.*不是普通文件/],
    ["/dev/zero", /无法读取认定名单/],
    [notRoster, /没有找到认定名单/],
  ] as const) {
    await expect(run("aggregate", f.ret, "--json", "--roster", file)).rejects.toThrow(UsageError);
    await expect(run("aggregate", f.ret, "--json", "--roster", file)).rejects.toThrow(msg);
    await expect(run("check", f.ret, "--roster", file)).rejects.toThrow(msg);
  }
  expect(out.join("")).toBe("");
});

test("the built CLI: a hostile roster is exit 2 with a one-line reason, no stack trace", async () => {
  if (!existsSync(path.join(ROOT, "dist", "cli", "main.js")))
    throw new Error("run `npm run build:cli` first");
  const f = await files();
  const bomb = path.join(dir, "bomb.xlsx");
  writeFileSync(bomb, zip([["xl/workbook.xml", new Uint8Array(64 * 1024 * 1024)]]));
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, "bin", "srdi.js"), "aggregate", f.ret, "--json", "--roster", bomb],
    {
      encoding: "utf8",
    },
  );
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^srdi: 无法读取认定名单 .*bomb\.xlsx：.+\n$/);
});
