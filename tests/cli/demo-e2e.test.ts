// End to end through the compiled CLI: `srdi demo` writes every file; `srdi aggregate --json` over the
// demo's files agrees with what openpyxl reads from the bulletin; the 工作通报 renders to PDF and PNG.
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import type { AggregateJson } from "../../src/core/report/json";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin", "srdi.js");
let dir: string;
let demoOut: string;
let json: AggregateJson;
let dump: {
  sheets: string[];
  city: {
    code: string;
    target: number;
    actual: number | string;
    completion: number | string;
    expected: number | string;
    status: string;
  }[];
  units: Record<string, { score: number | string; rank: number | string }>;
  bulletinTexts: string[];
  bulletinPrint: { orientation: string; paperSize: number; fitToWidth: number; fitToPage: boolean };
  charts: string[];
  issues: unknown[][];
};

const srdi = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: dir, maxBuffer: 64 << 20 });

beforeAll(() => {
  if (!existsSync(path.join(root, "dist", "cli", "demo.js")))
    execFileSync(
      process.execPath,
      [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"],
      { cwd: root },
    );
  dir = mkdtempSync(path.join(tmpdir(), "srdi-demo-e2e-"));
  const demo = srdi("demo", "--out", path.join(dir, "demo"));
  demoOut = demo.stdout;
  expect(demo.stderr).toBe("");
  expect(demo.status).toBe(0);
  const returns = path.join(dir, "demo", "returns");
  writeFileSync(path.join(dir, "garbage.xlsx"), "this is not a workbook");
  const files = readdirSync(returns).map((f) => path.join(returns, f));
  const agg = srdi(
    "aggregate",
    ...files,
    path.join(dir, "garbage.xlsx"),
    path.join(dir, "does-not-exist.xlsx"),
    "--targets",
    path.join(dir, "demo", "目标分解-2025Q3.xlsx"),
    "--deadline",
    "2025-10-15",
    "--date",
    "2025-10-20",
    "--out",
    path.join(dir, "agg.xlsx"),
    "--json",
  );
  expect(agg.status).toBe(0);
  json = JSON.parse(agg.stdout);
  dump = JSON.parse(
    execFileSync(
      "/usr/bin/python3",
      [path.join(__dirname, "../demo/dump_bulletin.py"), path.join(dir, "demo", "工作通报-2025Q3.xlsx")],
      { encoding: "utf8", maxBuffer: 64 << 20 },
    ),
  );
}, 240000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("demo writes the targets workbook, 10 templates, 9 returns and the bulletin, and says where", () => {
  const d = path.join(dir, "demo");
  expect(readdirSync(path.join(d, "templates"))).toHaveLength(10);
  expect(readdirSync(path.join(d, "returns"))).toHaveLength(9);
  expect(existsSync(path.join(d, "目标分解-2025Q3.xlsx"))).toBe(true);
  expect(demoOut).toContain(path.join(d, "工作通报-2025Q3.xlsx"));
  expect(demoOut).toMatch(/创新型中小企业\s+\d+家\s+1000家/);
  // Some returns reached the bureau as later copies: their file times are after the deadline, but the
  // workbooks' own saved times (and the receipts) say only 灌南县 was late (see the --json test).
  const afterDeadline = readdirSync(path.join(d, "returns")).filter(
    (f) =>
      new Date(statSync(path.join(d, "returns", f)).mtimeMs + 8 * 3600e3).toISOString().slice(0, 10) >
      "2025-10-15",
  );
  expect(afterDeadline).toContain("320724-灌南县-2025Q3.xlsx");
  expect(afterDeadline.length).toBeGreaterThan(1);
});

test("aggregate --json: the contract, the late and missing units, the duplicate, unreadable files rejected", () => {
  expect(Object.keys(json)).toEqual([
    "period",
    "city",
    "units",
    "submissions",
    "rejected",
    "duplicates",
    "bands",
  ]);
  expect(json.period).toBe("2025Q3");
  expect(json.city.indicators).toHaveLength(29);
  const by = (name: string) => json.submissions.find((s) => s.name === name)!;
  expect(json.submissions.filter((s) => s.timing === "late").map((s) => s.name)).toEqual(["灌南县"]);
  expect(by("灌南县").submittedAtSource).toBe("receipt");
  expect(by("海州区")).toMatchObject({ submittedAtSource: "workbook", timing: "on_time", formVersion: "3" });
  expect(by("赣榆区").formVersion).toBe("1");
  expect(by("云台山风景名胜区").status).toBe("missing");
  expect(
    json.duplicates.filter((x) => x.kind === "enterprise").map((x) => x.occurrences.map((o) => o.unitName)),
  ).toEqual([["海州区", "连云港高新技术产业开发区"]]);
  const rejectedFiles = json.rejected
    .filter((r) => r.kind === "rejected")
    .map((r) => [r.file, r.issues[0].code]);
  expect(rejectedFiles).toEqual([
    ["does-not-exist.xlsx", "file.unreadable"],
    ["garbage.xlsx", "file.not_workbook"],
  ]);
  expect(json.rejected.filter((r) => r.kind === "row")).toHaveLength(8);
  // Nothing silently dropped: per unit, rows read = accepted + rejected, and each rejected row is listed.
  for (const s of json.submissions) {
    if (s.status !== "reported") {
      expect(s.rows).toBeNull();
      continue;
    }
    expect(s.rows!.read).toBeGreaterThan(0);
    expect(s.rows!.accepted + s.rows!.rejected).toBe(s.rows!.read);
    const listed = json.rejected.filter((r) => r.kind === "row" && r.unit === s.unit).length;
    expect(s.rows!.rejected).toBe(listed);
  }
  expect(json.submissions.reduce((n, s) => n + (s.rows?.read ?? 0), 0)).toBe(1171);
});

test("the bulletin read by openpyxl agrees with the --json output", () => {
  expect(dump.sheets).toEqual([
    "工作通报",
    "市级目标完成情况",
    "综合得分及排名",
    "县区完成情况",
    "报送情况",
    "数据问题",
    "企业名单",
    "明细",
    "通报数据",
  ]);
  const label = { green: "正常", yellow: "略滞后", red: "滞后" } as const;
  const orDash = (v: number | null) => (v === null ? "—" : v);
  expect(dump.city.map((c) => c.code)).toEqual(json.city.indicators.map((i) => i.code));
  dump.city.forEach((c, i) => {
    const j = json.city.indicators[i];
    expect(c.target).toBeCloseTo(j.target!, 10);
    for (const k of ["actual", "expected"] as const) {
      const want = orDash(j[k]);
      if (typeof want === "number") expect(c[k]).toBeCloseTo(want, 10);
      else expect(c[k]).toBe(want);
    }
    // 附件1's 完成率 is what its note says, 当前值÷目标 (the JSON's completion is the scoring basis).
    const reached = j.actual !== null && j.target ? j.actual / j.target : null;
    if (reached === null) expect(c.completion).toBe("—");
    else expect(c.completion).toBeCloseTo(reached, 10);
    expect(c.status).toBe(j.status ? label[j.status] : "无数据");
  });
  for (const u of json.units) {
    const row = dump.units[u.code];
    if (u.score === null) expect(row).toEqual({ score: "—", rank: "—" });
    else {
      // Printed to two decimals, as ranks are decided.
      expect(row.score as number).toBeCloseTo(u.score, 2);
      expect(row.rank).toBe(u.rank);
    }
  }
});

test("工作通报: masthead, title, sections, A4 portrait; the chart on 附件2", () => {
  expect(dump.bulletinTexts[0]).toBe("连云港市专精特新企业培育工作通报");
  expect(dump.bulletinTexts).toContain("关于2025年第三季度全市专精特新企业培育工作进展情况的通报");
  const all = dump.bulletinTexts.join("\n");
  for (const h of ["一、总体进展", "二、各地进展", "三、需关注的指标", "四、数据质量", "五、下一步工作要求"])
    expect(all).toContain(h);
  expect(all).toMatch(/逾期报送1个\(灌南县/);
  expect(dump.charts).toEqual(["xl/charts/chart1.xml"]);
  expect(dump.bulletinPrint).toEqual({
    orientation: "portrait",
    paperSize: 9,
    fitToWidth: 1,
    fitToPage: true,
  });
});

const haveRenderer =
  existsSync("/usr/bin/libreoffice") && existsSync("/usr/bin/pdftoppm") && existsSync("/usr/bin/pdftotext");
(haveRenderer ? test : test.skip)("the 工作通报 renders to PDF and PNG with its Chinese text", () => {
  const out = path.join(dir, "render");
  execFileSync(
    "bash",
    [
      path.join(root, "scripts", "render-bulletin.sh"),
      path.join(dir, "demo", "工作通报-2025Q3.xlsx"),
      out,
      "1",
    ],
    { encoding: "utf8" },
  );
  const png = path.join(
    out,
    readdirSync(out).find((f) => f.endsWith(".png"))!,
  );
  expect(statSync(png).size).toBeGreaterThan(20000);
  const text = execFileSync("pdftotext", ["-f", "1", "-l", "1", path.join(out, "工作通报-2025Q3.pdf"), "-"], {
    encoding: "utf8",
  });
  expect(text).toContain("连云港市专精特新企业培育工作通报");
  expect(text).toContain("一、总体进展");
});
