import type { Command } from "commander";
import type { ExitHolder } from "./common";

export function registerAggregate(program: Command, exit: ExitHolder): void {
  program
    .command("aggregate")
    .description("(not yet built)")
    .action(() => {
      process.stderr.write("srdi aggregate: not yet built\n");
      exit.code = 2;
    });
}
