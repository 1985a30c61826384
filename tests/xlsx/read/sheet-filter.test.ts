// readWorkbook's `sheets` option: only the sheets it keeps are read (a previous bulletin's 通报数据, not its
// 明细 of a row per firm), the others are absent from the snapshot, as if never there.
import { readWorkbook } from "../../../src/xlsx/read";
import { writeWorkbook } from "../../../src/xlsx/write";

test("only the sheets kept are read", async () => {
  const bytes = await writeWorkbook({
    sheets: [
      {
        name: "明细",
        state: "visible",
        rows: [
          ["a", 1],
          ["b", 2],
        ],
      },
      { name: "通报数据", state: "hidden", rows: [["meta", "format", "srdi-bulletin-data"]] },
    ],
  });
  const all = await readWorkbook(bytes);
  expect(all.sheets.map((s) => s.name)).toEqual(["明细", "通报数据"]);
  const one = await readWorkbook(bytes, { sheets: (n) => n === "通报数据" });
  expect(one.sheets.map((s) => s.name)).toEqual(["通报数据"]);
  expect(one.sheets[0].cells[0]?.[2]).toBe("srdi-bulletin-data");
});
