// `npm run bench`: speed, size and round trips, measured against what a user would do instead.
// Prints a table of figures and ratios from one run. Reproducible: fixed seed for the data. The main
// comparison alternates the commands round by round after one warm-up each (bench/alternate.py) and
// reports medians of per-round ratios, wall and CPU (user + sys of the whole process tree); other figures
// are medians of whole-command runs (bench/measure.py), start-up included.
//
//   node bench/run.js [--runs N] [--quick] [--aggregate-only] [--history-only]
//   (npm run bench builds CLI and add-in first; --history-only runs only the cost of 12 rounds of history)
const { execFileSync, spawnSync } = require("child_process");
const { createHash } = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { generateRound } = require("./gen");
const { rosterBench } = require("./roster");
const { pageBench } = require("./page");
const { historyBench } = require("./history");
const { trendBench } = require("./trend");

const ROOT = path.resolve(__dirname, "..");
const PY = "/usr/bin/python3";
const SRDI = path.join(ROOT, "bin", "srdi.js");
const args = process.argv.slice(2);
const QUICK = args.includes("--quick");
/** Only section 1 (aggregation against the baselines and the floor). */
const AGGREGATE_ONLY = args.includes("--aggregate-only");
/** Only the cost of history (bench/trend.js) on the 10 × 2,000 rows. */
const HISTORY_ONLY = args.includes("--history-only");
const RUNS = Number(args[args.indexOf("--runs") + 1]) || (QUICK ? 3 : 5);
const MAIN_ROWS = 2000;
const SERIES = HISTORY_ONLY ? [2000] : QUICK ? [500, 2000] : [500, 2000, 8000];
/** Rows per return of the whole job's series (bulletin .xlsx and .docx written). */
const JOB_SERIES = QUICK ? [500, 2000] : [500, 2000, 8000, 20000];
const GOAL_JOB_MB = 250;
const GOAL_JOB_20K_MB = 1024;
const GOAL_BUNDLE_KB = 250;

const out = (s = "") => process.stdout.write(s + "\n");
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 2) => x.toFixed(d);
const kb = (n) => `${fmt(n / 1024, 1)} KB`;
const group = (n) => Math.round(n).toLocaleString("en-US");
const pad = (s, n) => String(s) + " ".repeat(Math.max(0, n - [...String(s)].length));

function need(cond, message) {
  if (!cond) {
    process.stderr.write(`bench: ${message}\n`);
    process.exit(1);
  }
}

/** Times a whole command: median wall seconds and peak RSS over `runs`, after one warm-up. */
function measure(cmd, runs = RUNS, warmup = 1, okCodes = [0]) {
  const r = spawnSync(PY, [path.join(__dirname, "measure.py"), String(runs), String(warmup), "--", ...cmd], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  need(r.status === 0, `measure.py failed: ${r.stderr}`);
  const { runs: rs } = JSON.parse(r.stdout);
  const bad = rs.find((x) => !okCodes.includes(x.rc));
  need(!bad, `${cmd.join(" ")} exited ${bad && bad.rc}: ${bad && bad.stderr}`);
  return { s: median(rs.map((x) => x.s)), mb: median(rs.map((x) => x.mb)), all: rs.map((x) => x.s) };
}

/** Runs the commands alternated round by round (bench/alternate.py); per round, per command: s, cpu, mb. */
function alternate(cmds, rounds) {
  const file = path.join(os.tmpdir(), `srdi-bench-cmds-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(cmds));
  const r = spawnSync(PY, [path.join(__dirname, "alternate.py"), String(rounds), file], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  fs.rmSync(file, { force: true });
  need(r.status === 0, `alternate.py failed: ${r.stderr}`);
  const runs = JSON.parse(r.stdout).runs;
  const bad = runs.flat().find((x) => x.rc !== 0);
  need(!bad, `a command exited ${bad && bad.rc}: ${bad && bad.stderr}`);
  return runs;
}

/** The generated files of a size, made once and kept under the temp dir while the generator is the same. */
async function round(rows) {
  const hash = createHash("sha1");
  for (const f of [
    "bench/gen.js",
    "dist/xlsx/write.js",
    "dist/core/form/template.js",
    "dist/core/demo/round.js",
  ])
    hash.update(fs.readFileSync(path.join(ROOT, f)));
  const dir = path.join(os.tmpdir(), "srdi-bench", `${rows}-${hash.digest("hex").slice(0, 10)}`);
  const stamp = path.join(dir, "files.json");
  if (fs.existsSync(stamp)) return { ...JSON.parse(fs.readFileSync(stamp, "utf8")), made: null };
  const t0 = performance.now();
  const r = await generateRound(dir, rows);
  const made = (performance.now() - t0) / 1000;
  const bytes = r.files.reduce((s, f) => s + fs.statSync(f).size, 0);
  const info = { files: r.files, rows: rows * r.files.length, bytes, period: r.period.id };
  fs.writeFileSync(stamp, JSON.stringify(info));
  return { ...info, made };
}

/** What srdi and a baseline script both compute, side by side; the benchmark is void if they disagree. */
function compareCounts(files, periodYear, script = "pandas_baseline.py") {
  const srdi = JSON.parse(
    execFileSync("node", [SRDI, "aggregate", ...files, "--json", "--date", "2025-10-20"], {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    }),
  );
  const pandas = JSON.parse(
    execFileSync(PY, [path.join(__dirname, script), String(periodYear), ...files], {
      encoding: "utf8",
    }),
  );
  const city = Object.fromEntries(srdi.city.indicators.map((i) => [i.code, i.actual]));
  const p = pandas.result;
  const pairs = [
    ["innovative_smes", city.innovative_smes, p.innovative],
    ["provincial_srdi", city.provincial_srdi, p.provincial],
    ["little_giants", city.little_giants, p.little_giant],
    ["champions", city.champions, p.champion],
    ["rd_intensity", city.rd_intensity, p["研发费用(万元)"] / p["营业收入(万元)"]],
    ["patents_per_firm", city.patents_per_firm, p["有效授权专利(件)"] / p.srdi],
    ["transformation_coverage", city.transformation_coverage, p["已实施智改数转"] / p.srdi],
    ["digital_mgmt_rate", city.digital_mgmt_rate, p["经营管理数字化"] / p.srdi],
  ];
  const sum = (k) => srdi.submissions.reduce((s, x) => s + (x.rows ? x.rows[k] : 0), 0);
  return { pairs, pandasRows: pandas.rows, srdiRows: sum("read"), srdiAccepted: sum("accepted") };
}

/** In-process split of srdi's own time over the same files: where the time above the floor goes. */
async function breakdown(files) {
  const { readWorkbook } = require("../dist/xlsx/read");
  const { zlibCrc32, zlibInflater } = require("../dist/xlsx/read-inflate-node");
  const { readReturn } = require("../dist/core/read/read-return");
  const { runRound } = require("../dist/core/report/round-result");
  const { DEFAULT_PLAN } = require("../dist/core/plan/default-plan");
  const { parsePeriod } = require("../dist/core/plan/periods");
  const passes = [];
  for (let k = 0; k < 3; k++) {
    const t = { read: 0, check: 0, aggregate: 0 };
    const returns = [];
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      let a = performance.now();
      const snap = await readWorkbook(bytes, {
        name: path.basename(f),
        inflate: zlibInflater,
        crc32: zlibCrc32,
      });
      t.read += performance.now() - a;
      a = performance.now();
      returns.push(readReturn(snap, { plan: DEFAULT_PLAN, file: path.basename(f), modified: null }));
      t.check += performance.now() - a;
    }
    const a = performance.now();
    runRound({ plan: DEFAULT_PLAN, period: parsePeriod("2025Q3"), returns });
    t.aggregate += performance.now() - a;
    passes.push(t);
  }
  const startup = measure(["node", "-e", `require(${JSON.stringify(path.join(ROOT, "dist/cli/main.js"))})`]);
  return {
    read: median(passes.map((p) => p.read)) / 1000,
    check: median(passes.map((p) => p.check)) / 1000,
    aggregate: median(passes.map((p) => p.aggregate)) / 1000,
    startup: startup.s,
  };
}

function syncCounts() {
  const file = path.join(os.tmpdir(), `srdi-bench-syncs-${process.pid}.json`);
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/jest/bin/jest.js"),
      "--roots",
      "<rootDir>/bench",
      "--testMatch",
      "**/syncs.bench.ts",
      "--maxWorkers=1",
    ],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, SRDI_BENCH_SYNCS: file } },
  );
  need(r.status === 0 && fs.existsSync(file), `sync benchmark failed:\n${r.stderr.slice(-2000)}`);
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  fs.unlinkSync(file);
  return data;
}

function bundle() {
  const dir = path.join(ROOT, "dist/addin");
  need(fs.existsSync(path.join(dir, "taskpane.html")), "dist/addin is not built: run `npm run build` first");
  const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const initial = [...html.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((s) => !/^https?:/.test(s));
  const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length;
  const js = fs.readdirSync(dir).filter((f) => f.endsWith(".js"));
  const lazy = js.filter((f) => !initial.includes(f) && !f.startsWith("commands."));
  return {
    initial: initial.map((f) => ({ f, raw: fs.statSync(path.join(dir, f)).size, gz: gz(f) })),
    lazy: lazy.map((f) => ({ f, raw: fs.statSync(path.join(dir, f)).size, gz: gz(f) })),
  };
}

/** A province's whole demo (issue 25): 江苏 2023—2025, 13 设区市, its published five-figure targets. */
function provinceDemo(goal) {
  const plan = path.join(ROOT, "assets", "plans", "jiangsu-2023-2025.xlsx");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srdi-bench-province-"));
  try {
    const r = alternate(
      [["node", SRDI, "demo", "--plan", plan, "--out", dir]],
      QUICK ? 1 : Math.min(RUNS, 3),
    );
    const s = median(r.map((x) => x[0].s));
    const cpu = median(r.map((x) => x[0].cpu));
    const mb = median(r.map((x) => x[0].mb));
    const returns = path.join(dir, "returns");
    const bytes = fs.readdirSync(returns).reduce((n, f) => n + fs.statSync(path.join(returns, f)).size, 0);
    out(
      "   a province's demo (srdi demo --plan assets/plans/jiangsu-2023-2025.xlsx: 13 templates, 12 returns,",
    );
    out("   targets, bulletin; read back and aggregated as srdi aggregate does):");
    out(
      `   ${fmt(s)} s wall, ${fmt(cpu)} s CPU, ${fmt(mb, 0)} MB peak; returns ${fmt(bytes / 1048576, 1)} MB`,
    );
    goal("province demo under 60 s (wall)", { ok: s < 60, by: s / 60, text: `${fmt(s)} s` });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  out();
}

async function main() {
  const t0 = performance.now();
  const cpu = os.cpus();
  out(
    `SRDI benchmarks · ${new Date().toISOString().slice(0, 16)}Z · node ${process.version} · ${cpu.length} × ${cpu[0].model.trim()}`,
  );
  out(`Runs: median of ${RUNS} after 1 warm-up; wall time includes process start-up; memory is peak RSS.`);
  out();

  const series = {};
  for (const n of SERIES) {
    series[n] = await round(n);
    const s = series[n];
    out(
      `data: 10 returns × ${group(n)} enterprise rows = ${group(s.rows)} rows, ${fmt(s.bytes / 1048576, 1)} MB of .xlsx` +
        (s.made === null ? " (reused)" : ` (generated in ${fmt(s.made, 1)} s)`),
    );
  }
  const main = series[MAIN_ROWS];
  const files = main.files;
  out();

  out(`1. Aggregation on files: 10 returns × ${group(MAIN_ROWS)} rows`);
  const year = Number(main.period.slice(0, 4));
  for (const script of HISTORY_ONLY ? [] : ["pandas_baseline.py", "openpyxl_baseline.py"]) {
    const counts = compareCounts(files, year, script);
    const agree = counts.pairs.every(([, a, b]) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
    // srdi also reads each return's 平台与集群 rows; the scripts read only 企业名录.
    need(
      counts.pandasRows === main.rows &&
        counts.srdiAccepted === counts.srdiRows &&
        counts.srdiRows >= main.rows,
      `rows differ: srdi read ${counts.srdiRows} (accepted ${counts.srdiAccepted}), ${script} ${counts.pandasRows}`,
    );
    need(agree, `srdi and ${script} disagree: ${JSON.stringify(counts.pairs)}`);
    out(
      `   ${script} gives srdi's figures: ${counts.pairs.map(([k, a]) => `${k} ${+a.toPrecision(6)}`).join(", ")} (${group(counts.pandasRows)} enterprise rows)`,
    );
  }
  const goal = (what, r) =>
    out(`   goal ${what}: ${r.ok ? "met" : `MISSED by ${fmt(r.by, 2)}x`} (${r.text})`);
  // Alternated round by round (bench/alternate.py): the ratio of each round, then the median of those.
  const bulletinOut = path.join(os.tmpdir(), `srdi-bench-bulletin-${process.pid}.xlsx`);
  const docxOut = path.join(os.tmpdir(), `srdi-bench-bulletin-${process.pid}.docx`);
  const analystOut = path.join(os.tmpdir(), `srdi-bench-analyst-${process.pid}.xlsx`);
  const targets = path.join(os.tmpdir(), `srdi-bench-targets-${process.pid}.xlsx`);
  execFileSync("node", [SRDI, "targets", "--period", main.period, "--out", targets]);
  const job = (f) => [
    "node",
    SRDI,
    "aggregate",
    ...f,
    "--targets",
    targets,
    "--out",
    bulletinOut,
    "--docx",
    docxOut,
    "--date",
    "2025-10-20",
  ];
  if (HISTORY_ONLY) {
    await trendBench({
      files,
      period: main.period,
      targets,
      job,
      alternate,
      runs: RUNS,
      median,
      out,
      fmt,
      goal,
    });
    for (const f of [bulletinOut, docxOut, targets]) fs.rmSync(f, { force: true });
    return;
  }
  const cmds = {
    srdi: ["node", SRDI, "aggregate", ...files, "--json", "--date", "2025-10-20"],
    full: ["node", SRDI, "aggregate", ...files, "--out", bulletinOut, "--date", "2025-10-20"],
    job: job(files),
    analyst: [PY, path.join(__dirname, "openpyxl_writer.py"), String(year), analystOut, ...files],
    openpyxl: [PY, path.join(__dirname, "openpyxl_baseline.py"), String(year), ...files],
    pandas: [PY, path.join(__dirname, "pandas_baseline.py"), String(year), ...files],
    floor: ["node", path.join(__dirname, "floor.js"), ...files],
  };
  const rounds = alternate(Object.values(cmds), RUNS);
  const names = Object.keys(cmds);
  const col = (name) => rounds.map((r) => r[names.indexOf(name)]);
  const med = (name, k) => median(col(name).map((x) => x[k]));
  const ratio = (a, b, k) => median(rounds.map((r) => r[names.indexOf(a)][k] / r[names.indexOf(b)][k]));
  const w = 56;
  const line = (label, name) =>
    out(
      `   ${pad(label, w)} ${fmt(med(name, "s"))} s wall  ${fmt(med(name, "cpu"))} s CPU  ${fmt(med(name, "mb"), 0)} MB`,
    );
  line("srdi aggregate --json (read, check, aggregate, score)", "srdi");
  line("srdi aggregate --out (the same + bulletin .xlsx)", "full");
  line("srdi aggregate --targets --out --docx (the whole job)", "job");
  line("openpyxl read-only, values only, to the first blank row", "openpyxl");
  line("analyst: the same + 3 tables in openpyxl write-only mode", "analyst");
  line("pandas read_excel (openpyxl engine)", "pandas");
  line("floor: start-up + read + zlib inflate + one byte pass", "floor");
  out(
    `aggregate: ${fmt(ratio("openpyxl", "srdi", "s"), 1)}x faster than openpyxl read-only (wall), ${fmt(ratio("openpyxl", "srdi", "cpu"), 1)}x (CPU)`,
  );
  out(
    `aggregate: ${fmt(ratio("pandas", "srdi", "s"), 1)}x faster than pandas (wall), ${fmt(ratio("pandas", "srdi", "cpu"), 1)}x (CPU)`,
  );
  out(
    `floor: ${fmt(med("floor", "s"))} s; srdi is ${fmt(ratio("srdi", "floor", "s"), 1)}x the floor (wall), ${fmt(ratio("srdi", "floor", "cpu"), 1)}x (CPU)`,
  );
  out(`   (median of ${RUNS} per-round ratios, commands alternated round by round after one warm-up each)`);
  const ow = ratio("openpyxl", "srdi", "s");
  const oc = ratio("openpyxl", "srdi", "cpu");
  const fl = ratio("srdi", "floor", "s");
  goal("≥ 3x openpyxl (wall)", { ok: ow >= 3, by: 3 / ow, text: `${fmt(ow, 2)}x` });
  goal("≥ 3x openpyxl (CPU)", { ok: oc >= 3, by: 3 / oc, text: `${fmt(oc, 2)}x` });
  goal("≤ 3x the floor", { ok: fl <= 3, by: fl / 3, text: `${fmt(fl, 2)}x` });
  const jj = ratio("job", "srdi", "s");
  const aw = ratio("analyst", "job", "s");
  const ac = ratio("analyst", "job", "cpu");
  const jm = med("job", "mb");
  goal("whole job ≤ 1.5x --json (wall)", { ok: jj <= 1.5, by: jj / 1.5, text: `${fmt(jj, 2)}x` });
  goal("whole job ≥ 3x the analyst's writing script (wall)", {
    ok: aw >= 3,
    by: 3 / aw,
    text: `${fmt(aw, 2)}x`,
  });
  goal("whole job ≥ 3x the analyst's writing script (CPU)", {
    ok: ac >= 3,
    by: 3 / ac,
    text: `${fmt(ac, 2)}x`,
  });
  goal(`whole job peak RSS ≤ ${GOAL_JOB_MB} MB`, {
    ok: jm <= GOAL_JOB_MB,
    by: jm / GOAL_JOB_MB,
    text: `${fmt(jm, 0)} MB`,
  });
  const srdi = { s: med("srdi", "s"), mb: med("srdi", "mb") };
  const openpyxlMain = { s: med("openpyxl", "s") };
  const floor = { s: med("floor", "s") };
  const b = await breakdown(files);
  out(
    `   ${fmt(srdi.s / floor.s, 1)}x the floor (${fmt(srdi.s - floor.s)} s above it). Split of srdi's work, in-process on one thread:`,
  );
  out(
    `   start-up ${fmt(b.startup)} s · read .xlsx into cells ${fmt(b.read)} s · row checks ${fmt(b.check)} s · aggregate + score ${fmt(b.aggregate, 3)} s`,
  );
  out();

  out("   scaling (srdi aggregate --json; 10 returns each):");
  out(
    `   ${pad("rows per return", 16)} ${pad("rows", 8)} ${pad("wall s", 8)} ${pad("µs/row", 8)} ${pad("peak MB", 8)} vs openpyxl ro`,
  );
  const scale = {};
  for (const n of SERIES) {
    const f = series[n].files;
    scale[n] =
      n === MAIN_ROWS
        ? srdi
        : measure(["node", SRDI, "aggregate", ...f, "--json", "--date", "2025-10-20"], Math.min(RUNS, 3));
    const pd =
      n === MAIN_ROWS
        ? openpyxlMain
        : measure([PY, path.join(__dirname, "openpyxl_baseline.py"), "2025", ...f], 1, 0);
    out(
      `   ${pad(group(n), 16)} ${pad(group(series[n].rows), 8)} ${pad(fmt(scale[n].s), 8)} ${pad(fmt((scale[n].s * 1e6) / series[n].rows, 1), 8)} ${pad(fmt(scale[n].mb, 0), 8)} ${fmt(pd.s / scale[n].s, 1)}x`,
    );
  }
  const [lo, hi] = [SERIES[0], SERIES[SERIES.length - 1]];
  const marginal = (scale[hi].s - scale[lo].s) / (series[hi].rows - series[lo].rows);
  const expect = scale[lo].s + marginal * (series[MAIN_ROWS].rows - series[lo].rows);
  out(
    `   marginal cost ${fmt(marginal * 1e6, 1)} µs/row; a straight line through ${group(lo)} and ${group(hi)} predicts ${fmt(expect)} s at ${group(MAIN_ROWS)}, measured ${fmt(srdi.s)} s`,
  );
  out();

  out("   the whole job (aggregate --targets --out --docx; 10 returns each):");
  out(
    `   ${pad("rows per return", 16)} ${pad("rows", 8)} ${pad("wall s", 8)} ${pad("CPU s", 8)} ${pad("µs/row", 8)} ${pad("peak MB", 8)} KB/row`,
  );
  const jobSeries = {};
  for (const n of JOB_SERIES) {
    const s = series[n] ?? (series[n] = await round(n));
    const r = alternate([job(s.files)], n >= 8000 ? 1 : Math.min(RUNS, 3));
    jobSeries[n] = {
      s: median(r.map((x) => x[0].s)),
      cpu: median(r.map((x) => x[0].cpu)),
      mb: median(r.map((x) => x[0].mb)),
    };
    const j = jobSeries[n];
    out(
      `   ${pad(group(n), 16)} ${pad(group(s.rows), 8)} ${pad(fmt(j.s), 8)} ${pad(fmt(j.cpu), 8)} ${pad(fmt((j.s * 1e6) / s.rows, 1), 8)} ${pad(fmt(j.mb, 0), 8)} ${fmt((j.mb * 1024) / s.rows, 2)}`,
    );
  }
  {
    const [lo, hi] = [JOB_SERIES[0], JOB_SERIES[JOB_SERIES.length - 1]];
    const perRow = (jobSeries[hi].mb - jobSeries[lo].mb) / (series[hi].rows - series[lo].rows);
    const perRowS = (jobSeries[hi].s - jobSeries[lo].s) / (series[hi].rows - series[lo].rows);
    out(
      `   marginal ${fmt(perRowS * 1e6, 1)} µs/row and ${fmt(perRow * 1024, 2)} KB/row between ${group(lo)} and ${group(hi)} rows per return`,
    );
    if (jobSeries[20000])
      goal(`10 × 20,000 rows within ${GOAL_JOB_20K_MB} MB`, {
        ok: jobSeries[20000].mb <= GOAL_JOB_20K_MB,
        by: jobSeries[20000].mb / GOAL_JOB_20K_MB,
        text: `${fmt(jobSeries[20000].mb, 0)} MB`,
      });
  }
  out();
  await trendBench({
    files,
    period: main.period,
    targets,
    job,
    alternate,
    runs: RUNS,
    median,
    out,
    fmt,
    goal,
  });
  for (const f of [bulletinOut, docxOut, analystOut, targets]) fs.rmSync(f, { force: true });
  out();
  await rosterBench({ files, runs: RUNS, alternate, median, out, fmt, need, SRDI });
  await historyBench({ out, goal });
  provinceDemo(goal);

  if (AGGREGATE_ONLY) return;
  out("2. Checking: srdi check --json on the same 10 files");
  const check = measure(["node", SRDI, "check", ...files, "--json"], RUNS, 1, [0, 1]);
  out(
    `   ${group(main.rows)} rows in ${fmt(check.s)} s = ${group(main.rows / check.s)} rows/s (${fmt(check.mb, 0)} MB peak)`,
  );
  out();

  out("3. Round trips: context.sync() per operation on the shared fake Excel host");
  const syncs = syncCounts();
  const sizes = Object.keys(Object.values(syncs)[0]);
  out(
    `   ${pad("operation", 18)} ${sizes.map((n) => pad(`${group(Number(n))} rows`, 12)).join("")} largest request`,
  );
  let flat = true;
  for (const [op, bySize] of Object.entries(syncs)) {
    const c = sizes.map((n) => bySize[n].syncs);
    if (new Set(c).size !== 1) flat = false;
    const maxPayload = Math.max(...sizes.map((n) => bySize[n].maxPayload));
    out(
      `   ${pad(op, 18)} ${c.map((x) => pad(x, 12)).join("")} ${fmt(maxPayload / 1048576, 2)} MB (limit 5 MB)`,
    );
  }
  out(`   sync count ${flat ? "does not grow" : "GROWS"} with rows`);
  out();

  out("4. Task pane size (production build, gzip -9)");
  const bun = bundle();
  const ini = bun.initial.reduce((s, x) => s + x.gz, 0);
  for (const x of bun.initial) out(`   initial  ${pad(x.f, 24)} ${kb(x.raw)} raw, ${kb(x.gz)} gzip`);
  for (const x of bun.lazy) out(`   lazy     ${pad(x.f, 24)} ${kb(x.raw)} raw, ${kb(x.gz)} gzip`);
  // What each dynamic import fetches (chunk names come from webpack's chunkIds: "named").
  const loads = (re) => bun.lazy.filter((x) => re.test(x.f)).reduce((s, x) => s + x.gz, 0);
  out(`   importing returns loads ${kb(loads(/xlsx-read|fflate/))} gzip (reader, fflate)`);
  out(
    `   a template download (hosts below ExcelApi 1.8) loads ${kb(loads(/xlsx-write|jszip|exceljs/))} gzip (writer, ExcelJS)`,
  );
  out(
    `   initial JS ${kb(ini)} gzip: goal ≤ ${GOAL_BUNDLE_KB} KB ${ini <= GOAL_BUNDLE_KB * 1024 ? "met" : "MISSED"}`,
  );
  out();
  out(`5. The offline page from file:// in headless Chromium: 10 returns × ${group(MAIN_ROWS)} rows`);
  await pageBench({ files, period: main.period, out, fmt, need, SRDI, rounds: QUICK ? 2 : 3 });
  out();
  out(`bench finished in ${fmt((performance.now() - t0) / 1000, 0)} s`);
}

main().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + "\n");
  process.exit(1);
});
