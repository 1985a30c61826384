// parseField's fast paths (a text, a finite number) against the general path they shortcut: the same
// value, warning and error for every field of both forms, on the values returns hold and on random ones.
import fc from "fast-check";
import { FORM_V1 } from "../../src/core/form/v1";
import { FORM_V2 } from "../../src/core/form/v2";
import { parseField, parseFieldGeneral, type ParseContext } from "../../src/core/read/normalise";
import type { SnapshotValue } from "../../src/core/snapshot";
import { USCC } from "./fixtures";

const fields = [FORM_V1, FORM_V2].flatMap((f) => [
  ...f.enterprises.fields,
  ...f.platforms.fields,
  ...f.region.cells,
]);

/** Parsed results compared as plain data: a property set to undefined is the same as none. */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

const values: SnapshotValue[] = [
  "是",
  "否",
  " 是 ",
  "\u200b否",
  "Y",
  "",
  " ",
  "\u3000",
  "生物医药",
  " 生物医药",
  "生物 医药",
  "省级",
  "市级",
  "无",
  "有限公司",
  "甲".repeat(60),
  "2023",
  "２０２３年",
  "1,234",
  ...USCC,
  ` ${USCC[0]} `,
  USCC[0].toLowerCase(),
  0,
  -0,
  1,
  2023,
  2026,
  1899,
  0.5,
  12.345,
  -3,
  1e21,
  0.1 + 0.2,
  2.0000000000001,
  Number.MAX_SAFE_INTEGER + 2,
  NaN,
  Infinity,
  true,
  null,
];

const contexts: ParseContext[] = [
  { yearMax: 2025 },
  { yearMax: null },
  { yearMax: 2025, options: ["生物医药", "新材料", "其他"] },
  { yearMax: 2025, percentFormat: true, today: "2025-10-20" },
];

test("every field, every context: the fast paths give what the general path gives", () => {
  expect(fields.length).toBeGreaterThan(40);
  for (const f of fields)
    for (const ctx of contexts)
      for (const v of values)
        expect({ key: f.key, v, got: plain(parseField(f, v, ctx)) }).toEqual({
          key: f.key,
          v,
          got: plain(parseFieldGeneral(f, v, ctx)),
        });
});

test("random texts and numbers: the same", () => {
  const value = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.string({
      unit: fc.constantFrom("是", "否", " ", "\u200b", "1", ",", ".", "年", "A", "%"),
      maxLength: 8,
    }),
    fc.double(),
    fc.integer({ min: 1890, max: 2040 }),
  );
  fc.assert(
    fc.property(fc.constantFrom(...fields), fc.constantFrom(...contexts), value, (f, ctx, v) => {
      expect(plain(parseField(f, v, ctx))).toEqual(plain(parseFieldGeneral(f, v, ctx)));
    }),
    { numRuns: 3000 },
  );
});
