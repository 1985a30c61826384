// `npm run bench` section 5 (and `npm run bench:page` alone): the offline page (dist/page/srdi.html from
// file://) and the task pane (dist/addin over the test's fake Excel host) read 10 returns × 2,000 rows and
// aggregate them in headless Chromium, beside `srdi aggregate` on the same files. The three commands run
// alternated round by round after one warm-up each (bench/alternate.py): wall and CPU of each whole process
// tree (the browser's start included). Inside the browser (bench/page-run.js): read and 汇总 time, the longest
// main-thread task while reading and while aggregating, and the peak JS heap of the page; and the page's
// size, raw and gzip -9.
//
//   npm run bench:page            builds the CLI and both bundles, then node bench/page.js [--runs N]
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");

const ROOT = path.resolve(__dirname, "..");
const PY = "/usr/bin/python3";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The test's fake Excel host (tests/fake-excel/browser.ts) as a script, built once into the temp folder. */
async function fakeOffice(need) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srdi-bench-fake-"));
  const webpack = require("webpack");
  const { fakeHostConfig } = require(path.join(ROOT, "webpack.config.js"));
  await new Promise((resolve, reject) =>
    webpack(fakeHostConfig(dir), (err, stats) =>
      err || stats.hasErrors()
        ? reject(err || new Error(stats.toString({ all: false, errors: true })))
        : resolve(),
    ),
  );
  const file = path.join(dir, "fake-office.js");
  need(fs.existsSync(file), "the fake Excel host did not build");
  return file;
}

async function pageBench({ files, period, out, fmt, need, SRDI, rounds = 3 }) {
  const html = path.join(ROOT, "dist/page/srdi.html");
  need(fs.existsSync(html), "dist/page is not built: run `npm run build` first");
  need(
    fs.existsSync(path.join(ROOT, "dist/addin/taskpane.html")),
    "dist/addin is not built: run `npm run build`",
  );
  const fake = await fakeOffice(need);
  const report = path.join(os.tmpdir(), `srdi-bench-page-${process.pid}.jsonl`);
  const bulletin = path.join(os.tmpdir(), `srdi-bench-page-${process.pid}-通报.xlsx`);
  fs.rmSync(report, { force: true });
  const run = path.join(__dirname, "page-run.js");
  const cmds = [
    ["node", SRDI, "aggregate", ...files, "--out", bulletin],
    ["node", run, "page", report, ...files],
    ["node", run, "pane", report, fake, ...files],
  ];
  const file = path.join(os.tmpdir(), `srdi-bench-page-cmds-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(cmds));
  const r = spawnSync(PY, [path.join(__dirname, "alternate.py"), String(rounds), file], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    env: { ...process.env, SRDI_BENCH_PERIOD: period },
  });
  fs.rmSync(file, { force: true });
  fs.rmSync(bulletin, { force: true });
  need(r.status === 0, `alternate.py failed: ${r.stderr}`);
  const runs = JSON.parse(r.stdout).runs;
  const bad = runs.flat().find((x) => x.rc !== 0);
  need(!bad, `a command exited ${bad && bad.rc}: ${bad && bad.stderr}`);
  // The warm-up runs wrote their lines too: the last `rounds` of each kind are the measured ones.
  const lines = fs
    .readFileSync(report, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  fs.rmSync(report, { force: true });
  const of = (kind) => lines.filter((l) => l.kind === kind).slice(-rounds);
  const col = (i, k) => median(runs.map((round) => round[i][k]));
  out(
    `   ${runs.length} rounds alternated (after one warm-up each); medians; wall and CPU of the whole process`,
  );
  out(`   tree (browser start-up included), then what the browser measured inside:`);
  out(`   ${"".padEnd(26)}wall s  CPU s  read s  汇总 s  longest task read / 汇总   peak JS heap`);
  const row = (name, i, kind) => {
    const base = `   ${name.padEnd(26)}${fmt(col(i, "s")).padStart(6)} ${fmt(col(i, "cpu")).padStart(6)}`;
    if (!kind) return out(base);
    const l = of(kind);
    const m = (k) => median(l.map((x) => x[k]));
    out(
      `${base} ${fmt(m("read")).padStart(7)} ${fmt(m("agg")).padStart(7)}  ${fmt(m("longestRead"), 0).padStart(8)} / ${fmt(m("longestAgg"), 0)} ms` +
        `${"".padEnd(8)}${fmt(m("peakMB"), 0)} MB${l.some((x) => !x.workers) ? " (no worker)" : ""}`,
    );
  };
  row("srdi aggregate (CLI)", 0, null);
  row("offline page (file://)", 1, "page");
  row("task pane (fake host)", 2, "pane");
  const raw = fs.statSync(html).size;
  const gz = zlib.gzipSync(fs.readFileSync(html), { level: 9 }).length;
  out(`   page size ${fmt(raw / 1024, 0)} KB raw, ${fmt(gz / 1024, 0)} KB gzip -9`);
  return { runs, page: of("page"), pane: of("pane"), gz };
}

module.exports = { pageBench };

if (require.main === module) {
  // `npm run bench:page`: the bench's 10 × 2,000-row round (generated once into the temp folder).
  const args = process.argv.slice(2);
  const rounds = Number(args[args.indexOf("--runs") + 1]) || 3;
  const need = (cond, message) => {
    if (!cond) {
      process.stderr.write(`bench: ${message}\n`);
      process.exit(1);
    }
  };
  (async () => {
    const { generateRound } = require("./gen");
    const dir = path.join(os.tmpdir(), "srdi-bench-page", "2000");
    const stamp = path.join(dir, "files.json");
    if (!fs.existsSync(stamp)) {
      const g = await generateRound(dir, 2000);
      fs.writeFileSync(stamp, JSON.stringify({ files: g.files, period: g.period.id }));
    }
    const { files, period } = JSON.parse(fs.readFileSync(stamp, "utf8"));
    const out = (s = "") => process.stdout.write(s + "\n");
    out(`The offline page and the task pane in headless Chromium: 10 returns × 2,000 rows (${period})`);
    await pageBench({
      files,
      period,
      out,
      fmt: (x, d = 2) => x.toFixed(d),
      need,
      SRDI: path.join(ROOT, "bin", "srdi.js"),
      rounds,
    });
  })().catch((e) => {
    process.stderr.write(String((e && e.stack) || e) + "\n");
    process.exitCode = 1;
  });
}
