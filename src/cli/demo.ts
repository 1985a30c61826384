import type { Command } from "commander";
import type { ExitHolder } from "./common";

export function registerDemo(program: Command, exit: ExitHolder): void {
  program
    .command("demo")
    .description("(not yet built)")
    .action(() => {
      process.stderr.write("srdi demo: not yet built\n");
      exit.code = 2;
    });
}
