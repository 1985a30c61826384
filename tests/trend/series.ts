// A series of rounds for the trend tests: for each period the demo's generator (counts growing with the
// plan's time progress, a seed per round) writes the round's returns and targets workbook into
// DIR/<period>/, and `srdi aggregate` runs round by round, each with the previous bulletin.
import { Command } from "commander";
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import { registerAggregate } from "../../src/cli/aggregate";
import { templateFileName } from "../../src/cli/template";
import { buildDemoRound } from "../../src/core/demo/round";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { currentForm } from "../../src/core/form/versions";
import type { Plan } from "../../src/core/plan/types";
import { buildTargetsWorkbook } from "../../src/core/targets/workbook";
import { writeWorkbook } from "../../src/xlsx/write";

export const QUARTERS = ["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"];

/** Writes DIR/<period>/returns/*.xlsx and DIR/<period>/目标分解.xlsx; returns the round's folder. */
export async function writeRoundFiles(
  dir: string,
  plan: Plan,
  periodId: string,
  seed: number,
): Promise<string> {
  const demo = buildDemoRound(plan, periodId, seed);
  const roundDir = path.join(dir, periodId);
  const returns = path.join(roundDir, "returns");
  mkdirSync(returns, { recursive: true });
  const targets = buildTargetsWorkbook(plan, demo.period, {
    allocation: demo.targets,
    settings: demo.settings,
    generatedAt: demo.generatedAt,
  });
  writeFileSync(path.join(roundDir, "目标分解.xlsx"), await writeWorkbook(targets));
  const form = currentForm(plan);
  for (const ret of demo.returns) {
    const desc = buildTemplate({
      plan,
      form: ret.form,
      unit: ret.unit,
      period: demo.period,
      deadline: demo.deadline,
      generatedAt: demo.generatedAt,
    });
    const filled = fillTemplate(desc, ret.data, ret.form);
    void form;
    // The template's in-file validation, notes and protection left out (what a clerk's copy may well
    // lose): the return is then written by the streaming writer, many times faster; the reader does
    // not use them.
    const plain = {
      ...filled,
      properties: { ...filled.properties, modified: ret.savedAt },
      sheets: filled.sheets.map((s) => ({
        ...s,
        // Formats cut to the rows that hold data (the template formats 5,000 empty rows).
        styles: (s.styles ?? []).map((st) => ({
          ...st,
          range: st.range.replace(
            /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/,
            (_m, a, top, b, bottom) =>
              `${a}${top}:${b}${Math.min(Number(bottom), Math.max(Number(top), s.rows.length))}`,
          ),
        })),
        validations: [],
        conditionalFormats: [],
        notes: [],
        protection: undefined,
      })),
    };
    writeFileSync(path.join(returns, templateFileName(ret.unit, demo.period)), await writeWorkbook(plain));
  }
  return roundDir;
}

/** `srdi aggregate` in-process; stdout and stderr captured. */
export async function aggregate(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
  const exit = { code: -1 };
  try {
    const program = new Command().exitOverride();
    registerAggregate(program, exit);
    await program.parseAsync(["node", "srdi", "aggregate", ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  return { code: exit.code, out: out.join(""), err: err.join("") };
}

/** Runs the rounds in order, each with the previous bulletin; returns the bulletin paths. */
export async function runSeries(
  dir: string,
  plan: Plan,
  periods: string[],
  extra: (period: string) => string[] = () => [],
): Promise<string[]> {
  const bulletins: string[] = [];
  for (const [i, p] of periods.entries()) {
    const roundDir = await writeRoundFiles(dir, plan, p, 20240101 + i * 97);
    const out = path.join(dir, `通报-${p}.xlsx`);
    const files = require("fs")
      .readdirSync(path.join(roundDir, "returns"))
      .map((n: string) => path.join(roundDir, "returns", n));
    const r = await aggregate([
      ...files,
      "--targets",
      path.join(roundDir, "目标分解.xlsx"),
      "--period",
      p,
      "--deadline",
      "2026-01-15",
      "--date",
      "2026-01-20",
      "--out",
      out,
      ...(i > 0 ? ["--previous", bulletins[i - 1]] : []),
      ...extra(p),
    ]);
    if (r.code !== 0) throw new Error(`aggregate ${p} failed: ${r.err}`);
    bulletins.push(out);
  }
  return bulletins;
}
