import type { Command } from "commander";
import type { ExitHolder } from "./common";

export function registerCheck(program: Command, exit: ExitHolder): void {
  program
    .command("check")
    .description("(not yet built)")
    .action(() => {
      process.stderr.write("srdi check: not yet built\n");
      exit.code = 2;
    });
}
