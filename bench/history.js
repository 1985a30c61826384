// History and outlier checks (issue 26 item 5): on the demo's round and the generated next round (growth
// and churn), the share of rows carrying any history or outlier warning (goal: at most 2 %), and which
// planted anomalies are found (×10, ÷10, 研发费用 = 营业收入, a vanished recognition, a moved firm; goal:
// all). Files are written and read back as a bureau has them. tests/history/false-alarms.test.ts asserts
// the same two figures in memory.
async function historyBench({ out, goal }) {
  const { buildDemoRound } = require("../dist/core/demo/round");
  const { buildNextRound } = require("../dist/core/demo/next-round");
  const { buildTemplate } = require("../dist/core/form/template");
  const { fillTemplate } = require("../dist/core/form/template-fill");
  const { roundChecks } = require("../dist/core/history/round");
  const { DEFAULT_PLAN } = require("../dist/core/plan/default-plan");
  const { readReturn } = require("../dist/core/read/read-return");
  const { DEFAULT_SETTINGS } = require("../dist/core/targets/types");
  const { readWorkbook } = require("../dist/xlsx/read");
  const { writeWorkbook } = require("../dist/xlsx/write");
  const plan = DEFAULT_PLAN;
  const demo = buildDemoRound(plan);
  const read = async (returns, period) => {
    const out = [];
    for (const d of returns) {
      const desc = fillTemplate(
        buildTemplate({ plan, form: d.form, unit: d.unit, period, generatedAt: demo.generatedAt }),
        d.data,
        d.form,
      );
      const snap = await readWorkbook(await writeWorkbook(desc), { name: d.fileName });
      out.push(readReturn(snap, { plan, file: d.fileName, today: "2026-01-20" }));
    }
    return out;
  };
  const history = await read(demo.returns, demo.period);
  const figures = async (next) => {
    const checked = roundChecks({
      plan,
      period: next.period,
      returns: await read(next.returns, next.period),
      history,
      outlierThreshold: DEFAULT_SETTINGS.outlierThreshold,
    });
    let rows = 0;
    let flagged = 0;
    for (const r of checked) {
      rows += r.enterprises.length;
      const ws = r.warnings.filter((w) => w.previous !== undefined && w.cell && w.sheet === "企业名录");
      flagged += new Set(ws.map((w) => Number(/\d+/.exec(w.cell)[0]))).size;
    }
    const found = next.plants.filter((p) => {
      const r = checked.find((x) => x.unit === p.unit);
      const row = r.enterprises.find((e) => e.uscc === p.uscc)?.row;
      return r.warnings.some((w) => w.code === p.code && w.cell && Number(/\d+/.exec(w.cell)[0]) === row);
    });
    return { rows, flagged, found };
  };
  const t0 = Date.now();
  const clean = await figures(buildNextRound(demo));
  const planted = buildNextRound(demo, { plant: true });
  const dirty = await figures(planted);
  const share = clean.flagged / clean.rows;
  out("History and outliers (issue 26): the demo's 2025Q3 and a generated 2025Q4 (growth, churn)");
  out(
    `   clean next round: ${clean.flagged} of ${clean.rows} rows carry a history or outlier warning ` +
      `(${(share * 100).toFixed(2)} %); planted anomalies found ${dirty.found.length} of ${planted.plants.length} ` +
      `(${planted.plants.map((p) => p.kind).join(", ")}); ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  goal("history and outlier warnings on at most 2 % of a clean round's rows", {
    ok: share <= 0.02,
    by: share / 0.02,
    text: `${(share * 100).toFixed(2)} %`,
  });
  goal("every planted anomaly found", {
    ok: dirty.found.length === planted.plants.length,
    by: planted.plants.length / Math.max(1, dirty.found.length),
    text: `${dirty.found.length}/${planted.plants.length}`,
  });
  out();
}

module.exports = { historyBench };
