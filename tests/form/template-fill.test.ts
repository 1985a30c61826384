import { FORM_V1 } from "../../src/core/form/v1";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";

const desc = buildTemplate({
  plan: DEFAULT_PLAN,
  form: FORM_V1,
  unit: DEFAULT_PLAN.units[0],
  period: parsePeriod("2025")!,
  generatedAt: "2025-12-01T00:00:00Z",
});
const rowsOf = (d: typeof desc, name: string) => d.sheets.find((s) => s.name === name)!.rows;

test("rows go below the header in form column order; the template is not changed", () => {
  const e1 = ["甲公司", "91320214745555318W", "生物医药", "是"];
  const e2 = ["乙公司", '=HYPERLINK("x")', null, "否"];
  const filled = fillTemplate(
    desc,
    {
      enterprises: [e1, e2],
      platforms: [["某平台", "中小企业公共服务示范平台", "省级", 2021]],
      region: { above_scale_sme_main_revenue: 12345.6, contact: "张三 0518-85800000" },
    },
    FORM_V1,
  );
  const ent = rowsOf(filled, "企业名录");
  expect(ent[0][0]).toBe("企业名称");
  expect(ent[1]).toEqual(e1);
  expect(ent[2]).toEqual(e2);
  expect(rowsOf(filled, "平台与集群")[1]).toEqual(["某平台", "中小企业公共服务示范平台", "省级", 2021]);
  const region = rowsOf(filled, "区域指标");
  expect(region[2]).toEqual(["规上中小企业主营业务收入(万元)", 12345.6]);
  expect(region[3]).toEqual(["填报人及联系电话", "张三 0518-85800000"]);
  expect(rowsOf(desc, "企业名录")).toHaveLength(1);
  expect(rowsOf(desc, "区域指标")[2]).toEqual(["规上中小企业主营业务收入(万元)"]);
  // validations and styles are kept
  expect(filled.sheets[1].validations).toBe(desc.sheets[1].validations);
});

test("rows beyond the template's rows are written too", () => {
  const rows = Array.from({ length: 5003 }, (_, i) => [`企业${i}`]);
  const ent = rowsOf(fillTemplate(desc, { enterprises: rows }, FORM_V1), "企业名录");
  expect(ent).toHaveLength(5004);
  expect(ent[5003]).toEqual(["企业5002"]);
});

test("an unknown region key throws", () => {
  expect(() => fillTemplate(desc, { region: { nope: 1 } }, FORM_V1)).toThrow(/nope/);
});
