import type { Command } from "commander";
import type { ExitHolder } from "./common";

export function registerTemplate(program: Command, exit: ExitHolder): void {
  program
    .command("template")
    .description("(not yet built)")
    .action(() => {
      process.stderr.write("srdi template: not yet built\n");
      exit.code = 2;
    });
}
