// The pane proposes the quarter that has just ended (what a reporting window collects), in China time.
import { reportingQuarter } from "../../src/core/china-date";

test.each([
  ["2025-10-09T02:00:00Z", "2025Q3"],
  ["2025-09-30T15:59:59Z", "2025Q2"], // 23:59:59 on 30 September in China: Q3 has not ended
  ["2025-09-30T16:00:00Z", "2025Q3"], // 00:00 on 1 October in China
  ["2026-01-05T00:00:00Z", "2025Q4"],
  ["2025-12-31T16:30:00Z", "2025Q4"], // already 1 January 2026 in China
])("%s -> %s", (now, id) => {
  expect(reportingQuarter(new Date(now))).toBe(id);
});
