// Which fields a prefilled template carries over is part of the form's definition (FieldDef.carry).
import { FORM_V1 } from "../../src/core/form/v1";
import { FORM_V2 } from "../../src/core/form/v2";
import type { FormDef } from "../../src/core/form/types";

const carried = (form: FormDef) => ({
  enterprises: form.enterprises.fields.filter((f) => f.carry).map((f) => f.key),
  period: form.enterprises.fields.filter((f) => !f.carry).map((f) => f.key),
  platforms: form.platforms.fields.filter((f) => f.carry).map((f) => f.key),
  region: form.region.cells.filter((c) => c.carry).map((c) => c.key),
});

describe("carry (prefill) per field", () => {
  test("form v1: period figures are money, changing counts, the rate and the note", () => {
    const c = carried(FORM_V1);
    expect(c.period).toEqual([
      "revenue",
      "main_revenue",
      "rd_expense",
      "patents",
      "invention_patents",
      "cnc_rate",
      "smart_workshops",
      "note",
    ]);
    expect(c.enterprises).toEqual(expect.arrayContaining(["name", "uscc", "chain", "above_scale", "pool"]));
    expect(c.enterprises).toEqual(expect.arrayContaining(["innovative_year", "champion_year", "listed"]));
    expect(c.enterprises).toContain("service_officer");
    expect(c.platforms).toEqual(["name", "kind", "level", "year"]);
    expect(c.region).toEqual(["contact"]);
  });

  test("form v2: honour years carry, new workshops and 填报日期 do not", () => {
    const c = carried(FORM_V2);
    expect(c.enterprises).toEqual(
      expect.arrayContaining([
        "cloud_star_year",
        "smart_factory_year",
        "jiangsu_quality_year",
        "quality_award_year",
      ]),
    );
    expect(c.period).toEqual(
      expect.arrayContaining(["revenue", "main_revenue", "rd_expense", "smart_workshops_new"]),
    );
    expect(c.period).not.toContain("innovative_year");
    expect(c.region).toEqual(["contact"]);
  });
});
