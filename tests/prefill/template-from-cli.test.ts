// `srdi template --from`: real files through the guarded reader; a foreign or hostile source is refused
// with its reason; --all lists the units that get a blank template. openpyxl reads what was written.
import { Command } from "commander";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { UsageError } from "../../src/cli/common";
import { registerTemplate } from "../../src/cli/template";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { DEFAULT_SETTINGS } from "../../src/core/targets/types";
import { buildTargetsWorkbook } from "../../src/core/targets/workbook";
import { readWorkbook } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { inspectXlsx } from "../xlsx/write/inspect";
import { demo, plan } from "./fixtures";

let dir: string;
let out: string[];
const [first, second] = demo.returns.filter((d) => d.form.version !== "1");

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "srdi-prefill-"));
  mkdirSync(path.join(dir, "q3"));
  for (const d of [first, second]) {
    const desc = fillTemplate(
      buildTemplate({ plan, form: d.form, unit: d.unit, period: demo.period, generatedAt: demo.generatedAt }),
      d.data,
      d.form,
    );
    writeFileSync(path.join(dir, "q3", d.fileName), await writeWorkbook(desc));
  }
  writeFileSync(path.join(dir, "q3", "坏文件.xlsx"), "PK\u0003\u0004 not a zip at all");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  out = [];
  jest.spyOn(process.stdout, "write").mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
});
afterEach(() => jest.restoreAllMocks());

async function run(...args: string[]): Promise<number> {
  const exit = { code: -1 };
  const program = new Command().exitOverride();
  registerTemplate(program, exit);
  await program.parseAsync(["node", "srdi", "template", ...args]);
  return exit.code;
}

test("--unit --from FILE: prefilled, and openpyxl sees the carried values, the fill and the note", async () => {
  const file = path.join(dir, "t.xlsx");
  const src = path.join(dir, "q3", first.fileName);
  expect(await run("--unit", first.unit.code, "--period", "2025Q4", "--from", src, "--out", file)).toBe(0);
  const x = inspectXlsx(file, ["企业名录!A2", "企业名录!B2", "企业名录!J2", "区域指标!B4", "区域指标!B5"]);
  const row = first.data.enterprises![0];
  expect(x.cells["企业名录!A2"].value).toBe(row[0]);
  expect(x.cells["企业名录!B2"].value).toBe(row[1]);
  expect(x.cells["企业名录!J2"].value).toBeNull(); // 营业收入: the period's
  expect(x.cells["企业名录!A2"].fill).toMatch(/E2EFDA$/);
  expect(x.cells["企业名录!A2"].note).toContain(first.fileName);
  expect(x.cells["区域指标!B4"].value).toBe(first.data.region!.contact);
  expect(x.cells["区域指标!B5"].value).toBeNull();
  expect(out.join("")).toContain("本模板已按上期报表预填");
});

test("a source of another unit, or a hostile file, is refused with the reason and nothing is written", async () => {
  const file = path.join(dir, "no.xlsx");
  const src = path.join(dir, "q3", first.fileName);
  await expect(
    run("--unit", second.unit.code, "--period", "2025Q4", "--from", src, "--out", file),
  ).rejects.toThrow(new UsageError(`不是${second.unit.name}(${second.unit.code})的`).message);
  await expect(
    run("--unit", first.unit.code, "--period", "2025Q3", "--from", src, "--out", file),
  ).rejects.toThrow("不早于新模板的2025年第三季度");
  await expect(
    run("--unit", first.unit.code, "--period", "2025Q4", "--from", path.join(dir, "q3", "坏文件.xlsx")),
  ).rejects.toThrow("上期报表\u201c坏文件.xlsx\u201d不能使用");
  expect(() => inspectXlsx(file)).toThrow();
});

test("--all --from DIR: two units prefilled, the others blank and listed, the bad file listed", async () => {
  const to = path.join(dir, "q4");
  expect(await run("--all", "--period", "2025Q4", "--from", path.join(dir, "q3"), "--out", to)).toBe(0);
  const text = out.join("");
  expect(text).toContain("按上期报表预填 2 个单位");
  const blank = plan.units.filter((u) => u.code !== first.unit.code && u.code !== second.unit.code);
  expect(text).toContain(`生成空白模板的单位：${blank.map((u) => `${u.code} ${u.name}`).join("、")}`);
  expect(text).toContain("未使用 坏文件.xlsx：");
});

const reviews = { [first.unit.code]: { state: "returned" as const, reason: "数据待核" } };

test("--targets, 退回单位模板 按退回报表预填 (default): a unit sent back is prefilled from its return, the reason in 填报说明", async () => {
  const targets = path.join(dir, "上期目标分解-预填.xlsx");
  writeFileSync(
    targets,
    await writeWorkbook(
      buildTargetsWorkbook(plan, demo.period, { allocation: { ...demo.targets, reviews } }),
    ),
  );
  const to = path.join(dir, "q4-sent-back");
  expect(
    await run(
      "--all",
      "--period",
      "2025Q4",
      "--from",
      path.join(dir, "q3"),
      "--targets",
      targets,
      "--out",
      to,
    ),
  ).toBe(0);
  const text = out.join("");
  expect(text).toContain("按上期报表预填 2 个单位");
  expect(text).toContain(
    `其中按退回的报表预填(填报说明中写明退回原因)：${first.unit.code} ${first.unit.name}`,
  );
  expect(text).not.toContain("不用于预填");
  out = [];
  const one = path.join(dir, "one-sent-back.xlsx");
  const src = path.join(dir, "q3", first.fileName);
  expect(
    await run(
      "--unit",
      first.unit.code,
      "--period",
      "2025Q4",
      "--from",
      src,
      "--targets",
      targets,
      "--out",
      one,
    ),
  ).toBe(0);
  expect(out.join("")).toContain("上期报表经市局审核退回，原因：数据待核；本模板仍按该报表预填");
  const book = await readWorkbook(readFileSync(one), { name: "one-sent-back.xlsx" });
  const ins = book.sheets.find((s) => s.name === "填报说明")!;
  expect(ins.cells.flat().join("\n")).toContain("上期报表经市局审核退回，原因：数据待核");
});

test("--targets, 退回单位模板 空白模板: a unit sent back is not prefilled; --all lists why", async () => {
  const targets = path.join(dir, "上期目标分解.xlsx");
  writeFileSync(
    targets,
    await writeWorkbook(
      buildTargetsWorkbook(plan, demo.period, {
        allocation: { ...demo.targets, reviews },
        settings: { ...DEFAULT_SETTINGS, sentBackTemplate: "blank" },
      }),
    ),
  );
  const to = path.join(dir, "q4-reviewed");
  const q3 = path.join(dir, "q3");
  expect(await run("--all", "--period", "2025Q4", "--from", q3, "--targets", targets, "--out", to)).toBe(0);
  const text = out.join("");
  expect(text).toContain("按上期报表预填 1 个单位");
  expect(text).toContain(`${first.unit.code} ${first.unit.name}`);
  expect(text).toContain(`未使用 ${first.fileName}：经市局审核退回：数据待核，不用于预填`);
  const src = path.join(q3, first.fileName);
  await expect(
    run(
      "--unit",
      first.unit.code,
      "--period",
      "2025Q4",
      "--from",
      src,
      "--targets",
      targets,
      "--out",
      "x.xlsx",
    ),
  ).rejects.toThrow("经市局审核退回：数据待核，不用于预填");
  await expect(run("--unit", first.unit.code, "--period", "2025Q4", "--targets", targets)).rejects.toThrow(
    UsageError,
  );
});
