// The README's first command (`npm install && npx srdi demo`) must work on a fresh machine with only
// Node and npm: no apt, no C toolchain (issue 9). A package with an install script may need a system
// library (keytar needs libsecret) and fail there, while passing on a machine that happens to have it,
// so this test reads package-lock.json: every package that `npm install` must install (not optional)
// and that has an install script has to be on the allow-list below, with the reason it needs nothing
// from the system.
import { readFileSync } from "fs";
import * as path from "path";

const ALLOWED: Record<string, string> = {
  // jest-haste-map's file watcher. Its install script builds from source only when
  // npm_config_build_from_source=true; otherwise the prebuilt binary of an optional platform package
  // (@parcel/watcher-linux-x64-glibc and the like) is used, and jest runs without it anyway.
  "@parcel/watcher": "prebuilt binaries in optional platform packages",
};

interface LockEntry {
  hasInstallScript?: boolean;
  optional?: boolean;
  devOptional?: boolean;
}

const lock = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package-lock.json"), "utf8")) as {
  packages: Record<string, LockEntry>;
};

function packageName(key: string): string {
  return key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
}

test("no required package has an install script, except the allow-listed ones", () => {
  const offenders = Object.entries(lock.packages)
    .filter(([key, e]) => key !== "" && e.hasInstallScript && !e.optional)
    .map(([key]) => packageName(key))
    .filter((name) => !(name in ALLOWED));
  expect(offenders).toEqual([]);
});

test("office-addin-debugging (keytar through a peer chain) is optional, so npm drops it where keytar cannot build", () => {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  expect(pkg.optionalDependencies?.["office-addin-debugging"]).toBeDefined();
  expect(pkg.dependencies?.["office-addin-debugging"]).toBeUndefined();
  expect(pkg.devDependencies?.["office-addin-debugging"]).toBeUndefined();
  expect(lock.packages["node_modules/keytar"]?.optional).toBe(true);
});

test("the allow-list names only packages that are still in the lock file", () => {
  const names = new Set(Object.keys(lock.packages).map(packageName));
  for (const name of Object.keys(ALLOWED)) expect(names.has(name)).toBe(true);
});
