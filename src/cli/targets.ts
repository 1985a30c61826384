import type { Command } from "commander";
import type { ExitHolder } from "./common";

export function registerTargets(program: Command, exit: ExitHolder): void {
  program
    .command("targets")
    .description("(not yet built)")
    .action(() => {
      process.stderr.write("srdi targets: not yet built\n");
      exit.code = 2;
    });
}
