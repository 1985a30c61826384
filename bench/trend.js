// Cost of history (issue 27 item 4): the whole job (aggregate --targets --out --docx) on the 10 × 2,000
// rows, without a previous bulletin, with a previous bulletin of one round, and with a previous bulletin
// carrying 12 rounds (itself and the 11 before it, so the bulletin written has a 趋势 sheet of 13 rounds
// with its charts and the .docx its chart). Goal: the 12 rounds add at most 10 % to wall, CPU and peak RSS.
// The commands are alternated round by round (bench/alternate.py); the ratios are medians of per-round
// ratios. The previous bulletins are made here in-process from the same returns, one per earlier quarter
// with a growing share of the enterprises (so the series moves), each round's figures chained as
// `--previous` would chain them.
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROUNDS = 12;

/** The quarter `k` quarters before `id` ("2025Q3", 1 -> "2025Q2"). */
function quarterBefore(id, k) {
  const m = /^(\d{4})Q([1-4])$/.exec(id);
  const n = Number(m[1]) * 4 + Number(m[2]) - 1 - k;
  return `${Math.floor(n / 4)}Q${(n % 4) + 1}`;
}

/** Writes the previous bulletins: one of the quarter before `period` with no history, and one carrying
 * 12 rounds. Returns their paths. */
async function previousBulletins(files, targets, period, dir) {
  const { readWorkbook } = require("../dist/xlsx/read");
  const { writeWorkbook } = require("../dist/xlsx/write");
  const { readReturn } = require("../dist/core/read/read-return");
  const { runRound } = require("../dist/core/report/round-result");
  const { buildBulletin } = require("../dist/core/report/bulletin");
  const { figuresOf } = require("../dist/core/report/previous");
  const { DEFAULT_PLAN } = require("../dist/core/plan/default-plan");
  const { parsePeriod } = require("../dist/core/plan/periods");
  const { readTargets } = require("../dist/core/targets/read");
  const plan = DEFAULT_PLAN;
  const returns = [];
  for (const f of files)
    returns.push(
      readReturn(await readWorkbook(fs.readFileSync(f), { name: path.basename(f) }), {
        plan,
        file: path.basename(f),
        modified: null,
      }),
    );
  const earlierPlan = {
    ...plan,
    id: `${plan.id}-earlier`,
    title: `${plan.title}(上一期)`,
    start: "2020-01-01",
    end: "2022-12-31",
  };
  const t = readTargets(await readWorkbook(fs.readFileSync(targets), { name: "targets.xlsx" }), plan);
  const roundOf = (k) => {
    const id = quarterBefore(period, k);
    // Earlier rounds hold fewer of the enterprises: 60 % twelve quarters back, growing to all.
    const share = 0.6 + (0.4 * (ROUNDS - k)) / ROUNDS;
    const rs = returns.map((r) => ({
      ...r,
      period: id,
      enterprises: r.enterprises.slice(0, Math.ceil(r.enterprises.length * share)),
    }));
    const p = parsePeriod(id);
    // Quarters before the plan's first year were measured under the plan before it (as a bureau's
    // history crosses plans): another id and window, the same indicator codes.
    const under = p.year < Number(plan.start.slice(0, 4)) ? earlierPlan : plan;
    return {
      under,
      result: runRound({ plan: under, period: p, returns: rs, targets: t.targets, settings: t.settings }),
    };
  };
  const write = async (file, result, history) => {
    const desc = buildBulletin(result, plan, { issuedOn: "2025-10-20", ...(history ? { history } : {}) });
    fs.writeFileSync(file, await writeWorkbook(desc));
  };
  const last = roundOf(1).result;
  const one = path.join(dir, "previous-1.xlsx");
  await write(one, last, null);
  const earlier = [];
  for (let k = ROUNDS; k >= 2; k--) {
    const { under, result } = roundOf(k);
    earlier.push(figuresOf(result, under));
  }
  const twelve = path.join(dir, `previous-${ROUNDS}.xlsx`);
  await write(twelve, last, { rounds: earlier, problems: [] });
  return { one, twelve };
}

async function trendBench({ files, period, targets, job, alternate, runs, median, out, fmt, goal }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "srdi-bench-trend-"));
  try {
    const t0 = performance.now();
    const prev = await previousBulletins(files, targets, period, dir);
    const made = (performance.now() - t0) / 1000;
    const cmds = [
      job(files),
      [...job(files), "--previous", prev.one],
      [...job(files), "--previous", prev.twelve],
    ];
    const rounds = alternate(cmds, runs);
    const med = (i, k) => median(rounds.map((r) => r[i][k]));
    const ratio = (i, k) => median(rounds.map((r) => r[i][k] / r[0][k]));
    out(
      `History (issue 27): the whole job on the same 10 × 2,000 rows, with a previous bulletin of ${ROUNDS} rounds ` +
        `(made in ${fmt(made, 1)} s; ${fmt(fs.statSync(prev.twelve).size / 1048576, 2)} MB)`,
    );
    const labels = [
      "the whole job, no previous bulletin",
      "+ --previous (one round, no history)",
      `+ --previous carrying ${ROUNDS} rounds (趋势 sheet, charts, .docx chart)`,
    ];
    labels.forEach((l, i) =>
      out(
        `   ${l.padEnd(60)} ${fmt(med(i, "s"))} s wall  ${fmt(med(i, "cpu"))} s CPU  ${fmt(med(i, "mb"), 0)} MB` +
          (i
            ? `   ×${fmt(ratio(i, "s"), 3)} wall ×${fmt(ratio(i, "cpu"), 3)} CPU ×${fmt(ratio(i, "mb"), 3)} RSS`
            : ""),
      ),
    );
    out(`   (median of ${runs} per-round ratios against the job without a previous bulletin, alternated)`);
    for (const [k, what] of [
      ["s", "wall"],
      ["cpu", "CPU"],
      ["mb", "peak RSS"],
    ]) {
      const r = ratio(2, k);
      goal(`${ROUNDS} rounds of history add ≤ 10 % to the whole job (${what})`, {
        ok: r <= 1.1,
        by: r / 1.1,
        text: `${r >= 1 ? "+" : ""}${fmt((r - 1) * 100, 1)} %`,
      });
    }
    out();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { trendBench, quarterBefore, previousBulletins };
