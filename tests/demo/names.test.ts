// Sample company names stay unique and bounded in time however many a unit needs: a province's demo asks
// for tens of thousands, more than the 2-character 字号 space holds (issue 25: the demo ran for ever).
import { companyName } from "../../src/core/demo/names";
import { rng } from "../../src/core/demo/prng";

test("30,000 names for one place and trade are all distinct (the draw is bounded: it used to loop for ever)", () => {
  const r = rng(7);
  const taken = new Set<string>();
  for (let i = 0; i < 30000; i++) companyName(r, "320500", "其他", taken, false, ["苏州", "江苏"]);
  expect(taken.size).toBe(30000);
  for (const n of taken) expect(n).toMatch(/^(苏州|江苏).+有限公司$/);
});
