// Browser bundle of the fake host (webpack.config.js fakeHostConfig): served in place of office.js by the
// e2e test. `window.__FAKE_EXCEL_API` (set before this script) chooses the supported ExcelApi minor.
import { readWorkbook } from "../../src/xlsx/read";
import { createFakeHost, installFakeOffice } from "./install";

const w = window as unknown as Record<string, unknown>;
const host = createFakeHost({
  excelApi: typeof w.__FAKE_EXCEL_API === "number" ? w.__FAKE_EXCEL_API : 18,
  readXlsx: (b) => readWorkbook(b),
});
installFakeOffice(w, host);
// `window.__FAKE_PLATFORM` ("Mac"): a host whose WebView ignores blob downloads (office-js#3385).
if (typeof w.__FAKE_PLATFORM === "string")
  (w.Office as { context: { platform: string } }).context.platform = w.__FAKE_PLATFORM;
w.__fakeHost = host;
/** A plain-JSON view of the workbook for the test to assert on. */
w.__fakeWorkbook = () => ({
  active: host.state.activeSheet,
  selection: host.state.selection,
  syncs: host.settings.stats.syncs,
  maxPayload: host.settings.stats.maxPayload,
  sheets: host.state.sheets.map((s) => ({
    name: s.name,
    visibility: s.visibility,
    cells: s.cells.size,
    validations: s.validations.length,
    charts: s.charts.map((c) => ({ type: c.type, title: c.title, series: c.series.length })),
    marks: s.conditionalFormats.filter((c) => c.formula === '=N("srdi-check")=0').map((c) => c.range),
    a1: s.cells.get("0,0")?.value ?? null,
  })),
});

/** A sheet's stored values as a grid, for the e2e test to render and look at. */
w.__fakeSheetValues = (name: string, maxRows = 60, maxCols = 8) => {
  const s = host.state.sheet(name);
  if (!s) return null;
  const rows: (string | number | boolean | null)[][] = [];
  for (const [k, c] of s.cells) {
    const [r, col] = k.split(",").map(Number);
    if (r >= maxRows || col >= maxCols) continue;
    while (rows.length <= r) rows.push([]);
    rows[r][col] = c.formula ?? c.error ?? c.value;
  }
  return { rows, merges: s.merges, charts: s.charts };
};
