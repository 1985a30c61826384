// Dates as people type them are accepted; impossible days are not.
import { isoDate } from "../../src/taskpane/common/DateField";

test.each([
  ["2025-10-15", "2025-10-15"],
  ["2025/10/15", "2025-10-15"],
  ["2025/1/5", "2025-01-05"],
  ["2025.10.15", "2025-10-15"],
  ["2025年10月15日", "2025-10-15"],
  ["2025年10月15", "2025-10-15"],
  [" ２０２５／１０／１５ ", "2025-10-15"],
  ["2025-02-30", null],
  ["15/10/2025", null],
  ["2025-10", null],
  ["", null],
])("%s → %s", (t, iso) => {
  expect(isoDate(t)).toBe(iso);
});
