// Generates a benchmark round: one filled return per unit of the default plan, `perUnit` enterprise rows
// each, through the same path as `srdi demo` (template description -> fill -> ExcelJS writer). Rows are
// drawn from the demo round's sample enterprises and given fresh valid 统一社会信用代码 and unique names, so
// every row passes the checks and the aggregate's figures are plausible. Fixed seed: same files each run.
const { mkdirSync, writeFileSync, utimesSync } = require("fs");
const path = require("path");
const { DEFAULT_PLAN } = require("../dist/core/plan/default-plan");
const { buildDemoRound } = require("../dist/core/demo/round");
const { buildTemplate } = require("../dist/core/form/template");
const { fillTemplate } = require("../dist/core/form/template-fill");
const { FORM_V1 } = require("../dist/core/form/v1");
const { rng } = require("../dist/core/demo/prng");
const { makeUscc } = require("../dist/core/demo/uscc-gen");
const { writeWorkbook } = require("../dist/xlsx/write");

const NAME_COL = FORM_V1.enterprises.fields.findIndex((f) => f.key === "name");
const USCC_COL = FORM_V1.enterprises.fields.findIndex((f) => f.key === "uscc");

/**
 * The template with its cell formats cut down to the rows that hold data: what a return would look like if
 * the template formatted whole columns instead of 5,000 empty rows of cells (an experiment of the bench).
 */
function bareTemplate(desc, rows) {
  const lastRow = (t, n) => t.firstDataRow + Math.max(n, 1) - 1;
  const cut = (sheet, t, n) => ({
    ...sheet,
    styles: (sheet.styles ?? []).map((st) => ({
      ...st,
      range: st.range.replace(
        new RegExp(`^([A-Z]+)${t.firstDataRow}:([A-Z]+)\\d+$`),
        `$1${t.firstDataRow}:$2${lastRow(t, n)}`,
      ),
    })),
  });
  return {
    ...desc,
    sheets: desc.sheets.map((sh) =>
      sh.name === FORM_V1.enterprises.name
        ? cut(sh, FORM_V1.enterprises, rows.enterprises)
        : sh.name === FORM_V1.platforms.name
          ? cut(sh, FORM_V1.platforms, rows.platforms)
          : sh,
    ),
  };
}

/** Writes the round into dir; returns the file paths (one per unit). `bare`: see bareTemplate. */
async function generateRound(dir, perUnit, seed = 7, bare = false) {
  mkdirSync(dir, { recursive: true });
  const plan = DEFAULT_PLAN;
  const demo = buildDemoRound(plan);
  const r = rng(seed);
  const col = (key) => FORM_V1.enterprises.fields.findIndex((f) => f.key === key);
  const [rev, main, inno] = [col("revenue"), col("main_revenue"), col("innovative_year")];
  // The demo plants defects (main revenue above revenue, a year after the period); leave those rows out,
  // so that every generated row is accepted and srdi and the pandas script count the same rows.
  const pool = demo.returns
    .filter((ret) => ret.form === FORM_V1)
    .flatMap((ret) => ret.data.enterprises)
    .filter((row) => row[main] <= row[rev] && (row[inno] === null || row[inno] <= demo.period.year));
  const byUnit = new Map(demo.returns.map((ret) => [ret.unit.code, ret.data]));
  const codes = new Set();
  const files = [];
  for (const unit of plan.units) {
    const rows = [];
    for (let k = 0; k < perUnit; k++) {
      const row = [...pool[r.int(0, pool.length - 1)]];
      let uscc = makeUscc(r, unit.code);
      while (codes.has(uscc)) uscc = makeUscc(r, unit.code);
      codes.add(uscc);
      row[USCC_COL] = uscc;
      row[NAME_COL] = String(row[NAME_COL]).replace(/(股份)?有限公司$/, `${unit.name}${k + 1}号$&`);
      rows.push(row);
    }
    const desc = buildTemplate({
      plan,
      form: FORM_V1,
      unit,
      period: demo.period,
      deadline: demo.deadline,
      generatedAt: demo.generatedAt,
    });
    const file = path.join(dir, `${unit.code}-${unit.name}-${demo.period.id}.xlsx`);
    const own = byUnit.get(unit.code) ?? { platforms: [], region: demo.returns[0].data.region };
    // The bench's returns are form v1 (the baselines read v1's columns); the demo's region rows are v2's.
    const v1Keys = new Set(FORM_V1.region.cells.map((c) => c.key));
    const region = Object.fromEntries(Object.entries(own.region).filter(([k]) => v1Keys.has(k)));
    const data = { enterprises: rows, platforms: own.platforms, region };
    const base = bare
      ? bareTemplate(desc, { enterprises: rows.length, platforms: own.platforms.length })
      : desc;
    writeFileSync(file, await writeWorkbook(fillTemplate(base, data, FORM_V1)));
    const t = new Date(Date.UTC(2025, 9, 10));
    utimesSync(file, t, t);
    files.push(file);
  }
  return { files, period: demo.period, deadline: demo.deadline };
}

module.exports = { generateRound };

if (require.main === module) {
  const [dir, n, bare] = process.argv.slice(2);
  generateRound(dir ?? "/tmp/srdi-bench", Number(n ?? 2000), 7, bare === "bare").then(
    (r) => process.stdout.write(r.files.join("\n") + "\n"),
    (e) => {
      process.stderr.write(String(e.stack ?? e) + "\n");
      process.exit(1);
    },
  );
}
