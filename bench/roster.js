// 名单核验 cost: a roster of 10,000 rows against the 10 × 2,000-row round. The roster is made from the
// round's own claims (most found by code, some only by name, some with another year or a failed review)
// and filled up with firms nobody reported, then written as .xlsx like a bureau's. Goal: the roster adds
// under one second to `srdi aggregate --json`. Measured both ways: whole commands alternated round by
// round, and in-process (read the roster file; check the claims and count).
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROSTER_ROWS = 10_000;

async function makeRoster(files, file) {
  const { readWorkbook } = require("../dist/xlsx/read");
  const { writeWorkbook } = require("../dist/xlsx/write");
  const { readReturn } = require("../dist/core/read/read-return");
  const { DEFAULT_PLAN } = require("../dist/core/plan/default-plan");
  const { buildRosterWorkbook } = require("../dist/core/roster/workbook");
  const { planTiers } = require("../dist/core/roster/tiers");
  const tiers = planTiers(DEFAULT_PLAN, 2025);
  const desc = buildRosterWorkbook(DEFAULT_PLAN, { thisYear: 2026 });
  const rows = desc.sheets[0].rows;
  const returns = [];
  for (const f of files) {
    const snap = await readWorkbook(fs.readFileSync(f), { name: path.basename(f) });
    returns.push(readReturn(snap, { plan: DEFAULT_PLAN, file: path.basename(f), modified: null }));
  }
  let k = 0;
  outer: for (const r of returns)
    for (const e of r.enterprises)
      for (const t of tiers) {
        const y = e[t.field];
        if (typeof y !== "number") continue;
        if (rows.length - 3 >= ROSTER_ROWS * 0.8) break outer;
        k++;
        if (k % 20 === 0) continue; // not on the roster
        const byName = k % 4 === 0;
        const year = k % 17 === 0 ? y - 1 : y;
        rows.push([
          byName ? e.name.replace("有限公司", "有限责任公司") : e.name,
          byName ? null : e.uscc,
          t.name,
          year,
          "公告",
          r.unitName ?? "连云港市",
          "认定",
        ]);
        if (k % 29 === 0)
          rows.push([e.name, e.uscc, t.name, Math.min(year + 3, 2025), null, r.unitName, "复核未通过"]);
      }
  for (let i = 0; rows.length - 3 < ROSTER_ROWS; i++)
    rows.push([
      `连云港未报${i}科技有限公司`,
      null,
      tiers[i % tiers.length].name,
      2023 + (i % 3),
      null,
      i % 2 ? "海州区" : "南京市",
      "认定",
    ]);
  fs.writeFileSync(file, await writeWorkbook(desc));
  return { rows: rows.length - 3, returns };
}

/** Prints the section; `measure`-style helpers come from run.js. */
async function rosterBench({ files, runs, alternate, median, out, fmt, need, SRDI }) {
  const file = path.join(os.tmpdir(), `srdi-bench-roster-${process.pid}.xlsx`);
  const { rows, returns } = await makeRoster(files, file);
  const base = ["node", SRDI, "aggregate", ...files, "--json", "--date", "2025-10-20"];
  const r = alternate([base, [...base, "--roster", file]], runs);
  const added = median(r.map((x) => x[1].s - x[0].s));
  const addedCpu = median(r.map((x) => x[1].cpu - x[0].cpu));

  const { readWorkbook } = require("../dist/xlsx/read");
  const { readRoster } = require("../dist/core/roster/read");
  const { runRound } = require("../dist/core/report/round-result");
  const { DEFAULT_PLAN } = require("../dist/core/plan/default-plan");
  const { parsePeriod } = require("../dist/core/plan/periods");
  const period = parsePeriod("2025Q3");
  // In-process, on CPU time (process.cpuUsage): on a shared machine wall time also counts the neighbours.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t = { read: [], match: [] };
  let check;
  for (let i = 0; i < 3; i++) {
    let a = cpu();
    const roster = readRoster(await readWorkbook(fs.readFileSync(file)), DEFAULT_PLAN, {
      thisYear: 2026,
    }).roster;
    t.read.push(cpu() - a);
    a = cpu();
    const plain = runRound({ plan: DEFAULT_PLAN, period, returns });
    const mid = cpu();
    const withRoster = runRound({ plan: DEFAULT_PLAN, period, returns, roster });
    t.match.push(cpu() - mid - (mid - a));
    check = withRoster.roster;
    need(plain.aggregate.units.length === withRoster.aggregate.units.length, "roster round lost units");
  }
  fs.rmSync(file, { force: true });
  const n = (o) => check.claims.filter((c) => c.outcome === o).length;
  out(`1b. 名单核验: a roster of ${rows.toLocaleString("en-US")} rows against the same 10 returns`);
  out(
    `   claims ${check.claims.length.toLocaleString("en-US")}: verified ${n("verified")}, wrong year ${n("wrong_year")}, not found ${n("not_found")}, revoked ${n("revoked")}; 漏报 ${check.missed.length}`,
  );
  out(
    `   in-process CPU: read the roster .xlsx ${fmt(median(t.read) / 1000, 3)} s · check claims and count ${fmt(median(t.match) / 1000, 3)} s`,
  );
  out(
    `   srdi aggregate --json --roster adds ${fmt(added)} s wall, ${fmt(addedCpu)} s CPU (median of ${runs} alternated rounds)`,
  );
  // The roster is read and matched on the main thread, before and after the returns' worker pool: on an
  // idle machine the wall time it adds is its CPU time. The goal is judged on CPU for that reason.
  out(
    `   goal roster adds < 1 s (CPU): ${addedCpu < 1 ? "met" : "MISSED"}; wall ${added < 1 ? "met" : "over"}`,
  );
  out();
}

module.exports = { rosterBench, makeRoster };
