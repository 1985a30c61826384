import { cellDate, isoToSerial, parseDateText, serialToIso } from "../../src/core/read/date";

test.each([
  ["2025-10-12", "2025-10-12"],
  ["2025/10/2", "2025-10-02"],
  ["2025.1.9", "2025-01-09"],
  ["2025年10月12日", "2025-10-12"],
  ["２０２５年１０月１２日", "2025-10-12"],
  ["20251012", "2025-10-12"],
  ["2025-02-30", null],
  ["25-10-12", null],
  ["十月", null],
  ["2025-10-12 下午", null],
  ["", null],
])("date text %p -> %p", (text, iso) => {
  expect(parseDateText(text)).toBe(iso);
});

test("serials: 45942 is 2025-10-12, and back", () => {
  expect(serialToIso(45942)).toBe("2025-10-12");
  expect(serialToIso(45942.75)).toBe("2025-10-12");
  expect(isoToSerial("2025-10-12")).toBe(45942);
  expect(serialToIso(-5)).toBeNull();
  expect(cellDate(true)).toBeNull();
});
