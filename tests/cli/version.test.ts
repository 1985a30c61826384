// `srdi --version` prints the package's version (read at run time, so the compiled CLI cannot drift).
import { readFileSync } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";

test("--version and -V print the package version and exit 0", async () => {
  const want = (
    JSON.parse(readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as { version: string }
  ).version;
  for (const flag of ["--version", "-V"]) {
    const out: string[] = [];
    const spy = jest.spyOn(process.stdout, "write").mockImplementation((s) => {
      out.push(String(s));
      return true;
    });
    try {
      expect(await main(["node", "srdi", flag])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(out.join("").trim()).toBe(want);
  }
});
