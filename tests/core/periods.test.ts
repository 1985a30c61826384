import { parsePeriod, timeProgress } from "../../src/core/plan/periods";

describe("parsePeriod", () => {
  test.each([
    ["2025", "2025", "2025-01-01", "2025-12-31", "2025年"],
    ["2025H1", "2025H1", "2025-01-01", "2025-06-30", "2025年上半年"],
    ["2024h2", "2024H2", "2024-07-01", "2024-12-31", "2024年下半年"],
    ["2025Q3", "2025Q3", "2025-07-01", "2025-09-30", "2025年第三季度"],
    ["2024Q1", "2024Q1", "2024-01-01", "2024-03-31", "2024年第一季度"],
    ["2025-09", "2025-09", "2025-09-01", "2025-09-30", "2025年9月"],
    ["2024-2", "2024-02", "2024-02-01", "2024-02-29", "2024年2月"],
  ])("%s", (text, id, start, end, label) => {
    expect(parsePeriod(text)).toMatchObject({ id, start, end, label });
  });
  test.each(["", "2025Q5", "2025-13", "25Q1", "2025H3", "abc"])("refuses %p", (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe("timeProgress", () => {
  const s = "2023-01-01";
  const e = "2025-12-31";
  test("plan end is 1, before start is 0, after end is clamped", () => {
    expect(timeProgress(s, e, "2025-12-31")).toBe(1);
    expect(timeProgress(s, e, "2022-12-31")).toBe(0);
    expect(timeProgress(s, e, "2026-06-30")).toBe(1);
  });
  test("by day: end of 2025H1 is 912/1096 of the plan (2023: 365, 2024: 366, 2025H1: 181 days)", () => {
    expect(timeProgress(s, e, "2025-06-30", "day")).toBeCloseTo(912 / 1096, 12);
  });
  test("by month: end of 2025Q3 is 33/36", () => {
    expect(timeProgress(s, e, "2025-09-30", "month")).toBeCloseTo(33 / 36, 12);
  });
});
