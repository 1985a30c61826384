// Resubmissions compared: each case is two returns built from the demo's data, read by the real reader.
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { Command } from "commander";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { registerDiff } from "../../src/cli/diff";
import {
  diffCounts,
  diffCountsText,
  diffLines,
  diffReturns,
  type ReturnDiff,
} from "../../src/core/diff/diff";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate, type FillData } from "../../src/core/form/template-fill";
import type { FormDef } from "../../src/core/form/types";
import { FORM_V1 } from "../../src/core/form/v1";
import { FORM_V3 } from "../../src/core/form/v3";
import type { ReturnResult } from "../../src/core/read/types";
import { runRound } from "../../src/core/report/round-result";
import { submissionsSheet } from "../../src/core/report/attachments/submissions";
import type { CellValue } from "../../src/core/sheet/types";
import { writeWorkbook } from "../../src/xlsx/write";
import { demo, plan, readDesc } from "../prefill/fixtures";

const base = demo.returns.find((d) => d.form === FORM_V3 && d.unit.code !== demo.defective.code)!;
const col = (form: FormDef, key: string) => form.enterprises.fields.findIndex((f) => f.key === key);

function descOf(data: FillData, form: FormDef = FORM_V3) {
  return fillTemplate(
    buildTemplate({ plan, form, unit: base.unit, period: demo.period, generatedAt: demo.generatedAt }),
    data,
    form,
  );
}
function returnOf(data: FillData, file: string, form: FormDef = FORM_V3): ReturnResult {
  return readDesc(descOf(data, form), file);
}
/** A valid code this unit does not report (another unit's). */
const codeNotIn = (r: CellValue[][]) =>
  demo.returns
    .flatMap((x) => x.data.enterprises!.map((e) => e[1] as string))
    .find((u) => !r.some((e) => e[1] === u))!;
const rows = () => base.data.enterprises!.map((r) => [...r]);
const original = returnOf(base.data, "v1.xlsx");
const diffWith = (data: Partial<FillData>): ReturnDiff =>
  diffReturns(original, returnOf({ ...base.data, ...data }, "v2.xlsx"), DEFAULT_PLAN.forms);

test("identical files: no changes", () => {
  const d = diffReturns(original, returnOf(base.data, "again.xlsx"), DEFAULT_PLAN.forms);
  expect(d.identical).toBe(true);
  expect(diffCounts(d)).toEqual({ added: 0, removed: 0, changed: 0 });
  expect(d.enterprises.unchanged).toBe(base.data.enterprises!.length);
  expect(diffLines(d).at(-1)).toBe(
    `两份报表的数据相同(企业${d.enterprises.unchanged}家、平台${d.platforms.unchanged}个)。`,
  );
});

test("a row added and a row removed, keyed by 统一社会信用代码", () => {
  const r = rows();
  const gone = r.splice(3, 1)[0];
  const extra = [...r[0]];
  extra[col(FORM_V3, "uscc")] = codeNotIn(rows());
  const d = diffWith({ enterprises: [...r, extra] });
  expect(d.enterprises.removed).toEqual([{ key: gone[1], name: gone[0], row: 5 }]);
  expect(d.enterprises.added.map((a) => [a.key, a.row])).toEqual([[extra[1], r.length + 2]]);
  expect(d.enterprises.changed).toEqual([]);
  expect(d.identical).toBe(false);
});

test("changed fields old → new, in words as the clerk typed them", () => {
  const r = rows();
  const rev = col(FORM_V3, "revenue");
  const ab = col(FORM_V3, "above_scale");
  const old = r[2][rev] as number;
  r[2][rev] = old + 100;
  r[2][ab] = r[2][ab] === "是" ? "否" : "是";
  const d = diffWith({ enterprises: r });
  expect(d.enterprises.changed).toHaveLength(1);
  const c = d.enterprises.changed[0];
  expect([c.key, c.row, c.oldRow]).toEqual([r[2][1], 4, 4]);
  expect(c.changes).toEqual([
    {
      key: "above_scale",
      header: "是否规上工业企业",
      old: base.data.enterprises![2][ab],
      new: r[2][ab],
      oldText: base.data.enterprises![2][ab],
      newText: r[2][ab],
    },
    {
      key: "revenue",
      header: "营业收入(万元，本年累计)",
      old,
      new: old + 100,
      oldText: String(old),
      newText: String(old + 100),
    },
  ]);
  expect(diffCountsText(diffCounts(d))).toBe("修改1行");
  expect(diffLines(d).join("\n")).toContain(`营业收入(万元，本年累计) ${old} → ${old + 100}`);
});

test("reordered rows are not changes", () => {
  const d = diffWith({ enterprises: rows().reverse(), platforms: [...base.data.platforms!].reverse() });
  expect(diffCounts(d)).toEqual({ added: 0, removed: 0, changed: 0 });
  expect(d.identical).toBe(true);
  expect(d.enterprises.reordered).toBe(true);
});

test("a changed USCC is a removal plus an addition", () => {
  const r = rows();
  const before = r[1][1] as string;
  const other = codeNotIn(r);
  r[1][1] = other;
  const d = diffWith({ enterprises: r });
  expect(d.enterprises.removed.map((x) => x.key)).toEqual([before]);
  expect(d.enterprises.added.map((x) => x.key)).toEqual([other]);
  expect(d.enterprises.changed).toEqual([]);
});

test("platforms and the region: a platform's year, 填报人 changed", () => {
  const p = base.data.platforms!.map((x) => [...x]);
  p[0][3] = (p[0][3] as number) - 1;
  const d = diffWith({ platforms: p, region: { ...base.data.region, contact: "李四 0518-85800001" } });
  expect(d.platforms.changed.map((c) => c.changes.map((x) => x.key))).toEqual([["year"]]);
  expect(d.region.map((c) => [c.key, c.new])).toEqual([["contact", "李四 0518-85800001"]]);
});

test("a v1 → v3 resubmission: the columns both versions have are compared, the others named", () => {
  const v1 = demo.returns.find((d) => d.form === FORM_V1)!;
  const asV2 = v1.data.enterprises!.map((r) =>
    FORM_V3.enterprises.fields.map((f): CellValue => {
      const i = col(FORM_V1, f.key);
      return i < 0 ? null : r[i];
    }),
  );
  const unit = v1.unit;
  const make = (form: FormDef, ents: CellValue[][], file: string) =>
    readDesc(
      fillTemplate(
        buildTemplate({ plan, form, unit, period: demo.period, generatedAt: demo.generatedAt }),
        {
          ...v1.data,
          enterprises: ents,
          region: { ...v1.data.region, ...(form === FORM_V3 ? { filled_on: 45940 } : {}) },
        },
        form,
      ),
      file,
    );
  const old = make(FORM_V1, v1.data.enterprises!, "v1.xlsx");
  asV2[0][col(FORM_V3, "rd_expense")] = 12.5;
  const d = diffReturns(old, make(FORM_V3, asV2, "v2.xlsx"), DEFAULT_PLAN.forms);
  expect(d.notes.join()).toContain("表式版本不同(第1版 → 第3版)");
  expect(d.notCompared).toEqual(expect.arrayContaining(["江苏精品获评年份", "江苏精品", "填报日期"]));
  expect(d.enterprises.changed.map((c) => c.changes.map((x) => [x.key, x.new]))).toEqual([
    [["rd_expense", 12.5]],
  ]);
  expect(d.enterprises.unchanged).toBe(asV2.length - 1);
});

describe("srdi diff", () => {
  let dir: string;
  let out: string[];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "srdi-diff-"));
    const r = rows();
    r[0][col(FORM_V3, "patents")] = 99;
    r[0][col(FORM_V3, "cnc_rate")] = 61.5;
    r[0][col(FORM_V3, "note")] = "新增备注";
    writeFileSync(path.join(dir, "a.xlsx"), await writeWorkbook(descOf(base.data)));
    writeFileSync(path.join(dir, "b.xlsx"), await writeWorkbook(descOf({ ...base.data, enterprises: r })));
    writeFileSync(path.join(dir, "bad.xlsx"), "not a workbook");
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
    registerDiff(program, exit);
    await program.parseAsync(["node", "srdi", "diff", ...args.map((a) => path.join(dir, a))]);
    return exit.code;
  }

  test("exit 0 for the same data, 1 with differences; --json is the comparison", async () => {
    expect(await run("a.xlsx", "a.xlsx")).toBe(0);
    expect(out.join("")).toContain("两份报表的数据相同");
    out.length = 0;
    const exit = { code: -1 };
    const program = new Command().exitOverride();
    registerDiff(program, exit);
    await program.parseAsync([
      "node",
      "srdi",
      "diff",
      path.join(dir, "a.xlsx"),
      path.join(dir, "b.xlsx"),
      "--json",
    ]);
    expect(exit.code).toBe(1);
    const d = JSON.parse(out.join("")) as ReturnDiff;
    // Numbers as numbers (a percent in the points typed), blanks as null; the words beside them.
    const was = (key: string) => base.data.enterprises![0][col(FORM_V3, key)] as number;
    expect(typeof was("patents")).toBe("number");
    expect(was("cnc_rate") ?? null).toBeNull();
    expect(was("note") ?? null).toBeNull();
    expect(d.enterprises.changed[0].changes).toEqual([
      {
        key: "patents",
        header: "有效授权专利(件)",
        old: was("patents"),
        new: 99,
        oldText: String(was("patents")),
        newText: "99",
      },
      {
        key: "cnc_rate",
        header: expect.stringContaining("数控化率") as string,
        old: null,
        new: 61.5,
        oldText: "",
        newText: "61.5%",
      },
      { key: "note", header: "备注", old: null, new: "新增备注", oldText: "", newText: "新增备注" },
    ]);
  });

  test("an unusable file is refused with its reason", async () => {
    await expect(run("a.xlsx", "bad.xlsx")).rejects.toThrow("新报表\u201cbad.xlsx\u201d不能比较：");
  });
});

test("the bulletin's 报送情况 has a line per superseded return with the rows the newer one changed", () => {
  const r = rows();
  r[0][col(FORM_V3, "patents")] = 77;
  const older = readDesc(descOf(base.data), "东海县-第一次.xlsx", "2025-10-08T02:00:00.000Z");
  const newer = readDesc(
    descOf({ ...base.data, enterprises: r }),
    "东海县-更正.xlsx",
    "2025-10-09T02:00:00.000Z",
  );
  const result = runRound({ plan, period: demo.period, returns: [newer, older], targets: demo.targets });
  const x = result.aggregate.excluded.find((e) => e.kind === "superseded")!;
  expect([x.file, x.supersededBy, x.changes]).toEqual([
    "东海县-第一次.xlsx",
    "东海县-更正.xlsx",
    { added: 0, removed: 0, changed: 1 },
  ]);
  const sheet = submissionsSheet(result, plan);
  const line = sheet.rows.find((row) => row[1] === "已被替代")!;
  expect(line.slice(0, 3)).toEqual([
    base.unit.name,
    "已被替代",
    "东海县-第一次.xlsx：以较新的\u201c东海县-更正.xlsx\u201d为准，较此表修改1行",
  ]);
});
