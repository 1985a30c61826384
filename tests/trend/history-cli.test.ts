// History through the command line: three quarters run round by round with --previous; the last
// bulletin's hidden sheet (read by openpyxl) carries the two earlier rounds; a figure changed in the
// hidden sheet (by openpyxl, as a person would in Excel) is named on the next run; --history fills a gap.
import { execFileSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { aggregate, runSeries, writeRoundFiles } from "./series";

const PY = "/usr/bin/python3";
let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "srdi-hist-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const py = (code: string, ...args: string[]) => execFileSync(PY, ["-c", code, ...args], { encoding: "utf8" });
const HISTORY_PERIODS = `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["通报数据"]
print(",".join(sorted({r[1] for r in ws.iter_rows(values_only=True) if r[0] == "hmeta"})))`;

jest.setTimeout(240_000);

test("round by round with --previous, tampering named, --history fills a gap", async () => {
  const plan = DEFAULT_PLAN;
  const [q1, q2, q3] = await runSeries(dir, plan, ["2025Q1", "2025Q2", "2025Q3"]);
  expect(py(HISTORY_PERIODS, q1).trim()).toBe("");
  expect(py(HISTORY_PERIODS, q2).trim()).toBe("2025Q1");
  expect(py(HISTORY_PERIODS, q3).trim()).toBe("2025Q1,2025Q2");

  // A figure of 2025Q1 changed in the third bulletin's hidden sheet.
  const tampered = path.join(dir, "改过的三季度通报.xlsx");
  py(
    `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["通报数据"]
for r in ws.iter_rows():
    if r[0].value == "hcity" and r[1].value == "2025Q1" and r[2].value == "innovative_smes":
        r[3].value = (r[3].value or 0) + 50
wb.save(sys.argv[2])`,
    q3,
    tampered,
  );
  const q4 = await writeRoundFiles(dir, plan, "2025Q4", 4242);
  const returns = readdirSync(path.join(q4, "returns")).map((n) => path.join(q4, "returns", n));
  const base = [
    ...returns,
    "--targets",
    path.join(q4, "目标分解.xlsx"),
    "--period",
    "2025Q4",
    "--date",
    "2026-01-20",
  ];
  const out4 = path.join(dir, "通报-2025Q4.xlsx");
  const r = await aggregate([...base, "--out", out4, "--previous", tampered]);
  expect(r.code).toBe(0);
  expect(r.err).toMatch(
    /往期通报：改过的三季度通报\.xlsx 通报数据第\d+行：2025年第一季度的数据与其校验码不符，通报生成后被改动过，未采用/,
  );
  expect(py(HISTORY_PERIODS, out4).trim()).toBe("2025Q2,2025Q3");

  // The untouched first bulletin in a --history folder fills the gap; the second, given again, agrees.
  const hist = path.join(dir, "往期");
  mkdirSync(hist);
  copyFileSync(q1, path.join(hist, path.basename(q1)));
  copyFileSync(q2, path.join(hist, path.basename(q2)));
  copyFileSync(path.join(q4, "目标分解.xlsx"), path.join(hist, "目标分解.xlsx"));
  const r2 = await aggregate([...base, "--out", out4, "--previous", tampered, "--history", hist]);
  expect(r2.code).toBe(0);
  expect(py(HISTORY_PERIODS, out4).trim()).toBe("2025Q1,2025Q2,2025Q3");
  expect(r2.err).toContain("往期通报：目标分解.xlsx：不是可用的工作通报");
  expect(r2.err).not.toContain("不一致");
  expect(r2.out).toContain("趋势含往期3期");

  // A bulletin of the same period with other figures (the tampered one's own round) is a contradiction.
  const other = path.join(dir, "另一份");
  mkdirSync(other);
  const q3b = await runSeries(path.join(dir, "b"), plan, ["2025Q3"]);
  copyFileSync(q3b[0], path.join(other, "另一份三季度通报.xlsx"));
  const r3 = await aggregate([...base, "--out", out4, "--previous", q3, "--history", other]);
  expect(r3.err).toMatch(
    /2025年第三季度的数据在通报-2025Q3\.xlsx与另一份三季度通报\.xlsx中不一致\(.+\)，采用通报-2025Q3\.xlsx，请核对/,
  );
});
