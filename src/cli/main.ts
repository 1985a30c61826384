// `srdi`: the core on .xlsx files, no Excel needed. Exit codes: 0 ok, 1 errors found, 2 unusable input.
import { readFileSync } from "fs";
import * as path from "path";
import { Command, CommanderError } from "commander";
import { registerTemplate } from "./template";
import { registerCheck } from "./check";
import { registerAggregate } from "./aggregate";
import { registerTargets } from "./targets";
import { registerDemo } from "./demo";
import { registerRoster } from "./roster";
import { registerPlan } from "./plan";
import { registerDiff } from "./diff";
import { registerWeb } from "./web";
import { PeriodOutsidePlanError } from "../core/plan/window";
import { UsageError, type ExitHolder } from "./common";

function packageVersion(): string {
  try {
    // dist/cli/main.js -> the package's own package.json
    const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

export async function main(argv: string[]): Promise<number> {
  const exit: ExitHolder = { code: 0 };
  const program = new Command();
  program
    .name("srdi")
    .description(
      "专精特新工作报表：生成模板、校验报表、汇总通报 (SRDI reporting: templates, checks, bulletin)",
    )
    .version(packageVersion(), "-V, --version", "显示版本号 (print the version)")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  registerTemplate(program, exit);
  registerCheck(program, exit);
  registerAggregate(program, exit);
  registerTargets(program, exit);
  registerDemo(program, exit);
  registerRoster(program, exit);
  registerPlan(program, exit);
  registerDiff(program, exit);
  registerWeb(program, exit);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError || e instanceof PeriodOutsidePlanError) {
      process.stderr.write(`srdi: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return exit.code;
}
