// Writes the plan workbooks shipped in assets/plans from their sources (run `npm run build:cli` first):
//   yunnan-2025-2027.xlsx           云南省专精特新企业倍增三年行动计划(2025—2027年), from src/core/plans/yunnan-2025-2027.ts
//   jiangsu-2023-2025.xlsx          江苏省专精特新企业培育三年行动计划(2023—2025年), from src/core/plans/jiangsu-2023-2025.ts
//   lianyungang-2026-2030-blank.xlsx a marked blank for 连云港's 2026—2030 plan: the built-in plan's units,
//                                    chains, tiers, populations, form and indicators, the plan's years, and
//                                    no targets (it refuses to load until the bureau fills 目标).
// `node scripts/write-plans.js`; tests/planbook/plans.test.ts checks the files match their sources.
const fs = require("fs");
const path = require("path");
const dist = path.join(__dirname, "..", "dist");
const { buildPlanBook } = require(path.join(dist, "core/planbook/write-plan"));
const { YUNNAN_PLAN } = require(path.join(dist, "core/plans/yunnan-2025-2027"));
const { JIANGSU_PLAN } = require(path.join(dist, "core/plans/jiangsu-2023-2025"));
const { DEFAULT_PLAN } = require(path.join(dist, "core/plan/default-plan"));
const { writeWorkbook } = require(path.join(dist, "xlsx/write"));

const out = path.join(__dirname, "..", "assets", "plans");
// A fixed saved time for the document properties (the zip's own entry times still change on each run).
const when = "2026-12-06T00:00:00.000Z";

async function write(name, desc) {
  desc.properties = { ...desc.properties, created: when, modified: when };
  fs.writeFileSync(path.join(out, name), await writeWorkbook(desc));
  process.stdout.write(`wrote assets/plans/${name}\n`);
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  await write("yunnan-2025-2027.xlsx", buildPlanBook(YUNNAN_PLAN));
  await write("jiangsu-2023-2025.xlsx", buildPlanBook(JIANGSU_PLAN));

  const blank = buildPlanBook({
    ...DEFAULT_PLAN,
    id: "lyg-srdi-2026-2030",
    title: "连云港市促进中小企业专精特新发展行动计划(2026—2030年)【空白，待市局填写】",
    start: "2026-01-01",
    end: "2030-12-31",
    baseDate: "2025-12-31",
    // The workbook carries expressions, not the built-in plan's legacy structured formulas.
    indicators: DEFAULT_PLAN.indicators.map((i) => ({ ...i, formula: undefined, source: undefined })),
  });
  const readme = blank.sheets[0];
  readme.rows.unshift(
    ["【空白规划配置】连云港市2026—2030年规划尚未发布：本文件只是待填写的起点，不能直接载入。"],
    [
      "沿用2023—2025年计划的单位、产业链、层级、人群、报表与指标写法；请按新规划修改规划名称、发文字号与指标，并在\u201c目标\u201d工作表为每个指标填写各年目标。",
    ],
  );
  const targets = blank.sheets.find((s) => s.name === "目标");
  targets.rows = targets.rows.slice(0, 1);
  await write("lianyungang-2026-2030-blank.xlsx", blank);
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exitCode = 1;
});
