import fc from "fast-check";
import { readReturn } from "../../src/core/read/read-return";
import type { SnapshotValue } from "../../src/core/snapshot";
import { ENT, FORM, PLAN, PLAT, setCell, sheetOf, snapshotOf, USCC } from "./fixtures";

const scalar: fc.Arbitrary<string | number | boolean | null> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "是",
    "否",
    "Y",
    "×",
    "45%",
    "0.45",
    "1,234",
    "２０２３年",
    " ",
    "\u3000",
    "生物医药",
    "省级",
    ...USCC,
  ),
  fc.double({ noNaN: false }),
  fc.integer({ min: -10, max: 3000 }),
  fc.boolean(),
);
const cell: fc.Arbitrary<SnapshotValue> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.record({ error: fc.constantFrom("#DIV/0!", "#REF!", "#N/A", "#VALUE!") }) },
  {
    weight: 1,
    arbitrary: fc.record({
      formula: fc.string({ maxLength: 10 }),
      result: fc.option(scalar, { nil: undefined }),
    }),
  },
);
const row = (width: number) => fc.array(cell, { minLength: 0, maxLength: width + 2 });

test("readReturn never throws and always reconciles, whatever is in the data area", () => {
  fc.assert(
    fc.property(
      fc.array(row(FORM.enterprises.fields.length), { maxLength: 12 }),
      fc.array(row(FORM.platforms.fields.length), { maxLength: 5 }),
      fc.array(fc.tuple(fc.nat(14), fc.nat(35), fc.nat(3), fc.nat(3)), { maxLength: 2 }),
      fc.tuple(cell, cell),
      (ents, plats, merges, region) => {
        const s = snapshotOf({ enterprises: [], platforms: [] });
        ents.forEach((r, i) => r.forEach((v, c) => setCell(s, ENT, i + 1, c, v)));
        plats.forEach((r, i) => r.forEach((v, c) => setCell(s, PLAT, i + 1, c, v)));
        for (const [r, c, h, w] of merges) {
          const a = (rr: number, cc: number) => `${String.fromCharCode(65 + (cc % 26))}${rr + 1}`;
          sheetOf(s, ENT).merges.push(`${a(r, c)}:${a(r + h, c + w)}`);
        }
        setCell(s, FORM.region.name, 2, 1, region[0]);
        setCell(s, FORM.region.name, 3, 1, region[1]);
        const res = readReturn(s, { plan: PLAN, file: "p.xlsx" });
        expect(res.rows.read).toBe(res.rows.accepted + res.rows.rejected);
        expect(res.rejectedRows).toHaveLength(res.rows.rejected);
        expect(res.enterprises.length + res.platforms.length).toBe(res.rows.accepted);
        for (const i of [...res.errors, ...res.warnings]) {
          expect(i.message.length).toBeGreaterThan(0);
          expect(["error", "warning"]).toContain(i.severity);
        }
        expect(res.errors.every((i) => i.severity === "error")).toBe(true);
        expect(res.warnings.every((i) => i.severity === "warning")).toBe(true);
        // every rejected row carries at least one error
        for (const rr of res.rejectedRows) expect(rr.issues.some((i) => i.severity === "error")).toBe(true);
      },
    ),
    { numRuns: 300 },
  );
});
