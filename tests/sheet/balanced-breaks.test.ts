// 附件1 (the city's 29 indicators) printed as balanced blocks: breaking only where a page is full left the
// 29th indicator alone on its last page; fitForPrint now cuts such a short table into pages of about
// equal height, the header row repeated on each. Sheets with breaks of their own, long lists and tables
// whose last page is well filled are left as they were.
import { DEFAULT_PLAN } from "../../src/core/plan/default-plan";
import { parsePeriod } from "../../src/core/plan/periods";
import { buildBulletin } from "../../src/core/report/bulletin";
import { runRound } from "../../src/core/report/round-result";
import { balancedBreaks, fitForPrint } from "../../src/core/sheet/print-fit";
import type { SheetDescription } from "../../src/core/sheet/types";
import { code, ret } from "../aggregate/fixtures";

const plan = DEFAULT_PLAN;
const result = runRound({
  plan,
  period: parsePeriod("2025Q3")!,
  returns: [ret("320703", [{ uscc: code(1), provincial_srdi_year: 2023, revenue: 100, rd_expense: 6 }])],
  deadline: "2025-10-15",
});
const desc = buildBulletin(result, plan, { issuedOn: "2025-10-21" });
const sheet = (name: string) => desc.sheets.find((s) => s.name === name) as SheetDescription;

test("附件1: its indicator rows split into blocks of nearly equal size, none alone, header repeated", () => {
  const d = fitForPrint(sheet("市级目标完成情况"));
  expect(d.print?.printTitleRows).toBe("4:4");
  const breaks = d.pageBreaks ?? [];
  expect(breaks.length).toBeGreaterThan(0);
  const first = 4; // 0-based first indicator row, under the header row 4
  const edges = [first, ...breaks, d.rows.length];
  const blocks = edges.slice(1).map((e, i) => e - edges[i]);
  expect(blocks.reduce((a, b) => a + b, 0)).toBe(29);
  expect(Math.max(...blocks) - Math.min(...blocks)).toBeLessThanOrEqual(3);
  expect(Math.min(...blocks)).toBeGreaterThan(5);
});

test("the same table with room to spare, with breaks of its own, or a long list: no breaks added", () => {
  const base = fitForPrint(sheet("市级目标完成情况"));
  const rows = base.rows.slice(0, 14); // ten indicators fit one page
  expect(balancedBreaks({ ...base, rows }, base.print!, base.rowHeights ?? {})).toEqual([]);
  expect(fitForPrint({ ...sheet("市级目标完成情况"), pageBreaks: [10] }).pageBreaks).toEqual([10]);
  // A long list (more than six pages): its short last page is left to the printer.
  const long: SheetDescription = {
    name: "x",
    state: "visible",
    rows: Array.from({ length: 200 }, (_, i) => [`行${i}`]),
    rowHeights: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [i, 30])),
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true, printTitleRows: "1:1" },
  };
  expect(fitForPrint(long).pageBreaks).toBeUndefined();
});
