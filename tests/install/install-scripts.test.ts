// The README's first command (`npm install && npx srdi demo`) must work on a fresh machine with only
// Node and npm: no apt, no C toolchain (issue 9). A package with an install script may need a system
// library (keytar needs libsecret) and fail there, while passing on a machine that happens to have it,
// so this test reads package-lock.json: every package that `npm install` must install (not optional)
// and that has an install script has to be on the allow-list below, with the reason it needs nothing
// from the system.
import { spawnSync } from "child_process";
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

test("@parcel/watcher's install script needs nothing from the system unless asked to build from source", () => {
  // The allow-list's reason, checked on the installed package rather than trusted: its install script is
  // the build-from-source guard, and run as npm runs it on a fresh machine (no npm_config_build_from_source,
  // no compiler or node-gyp on PATH) it does nothing and succeeds.
  const dir = path.join(__dirname, "..", "..", "node_modules", "@parcel", "watcher");
  const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  expect(pkg.scripts?.install).toBe("node scripts/build-from-source.js");
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_config_build_from_source$/i.test(k)),
  );
  const run = spawnSync(process.execPath, [path.join(dir, "scripts", "build-from-source.js")], {
    cwd: dir,
    env: { ...env, PATH: "/nonexistent" },
    encoding: "utf8",
  });
  expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
    status: 0,
    stdout: "",
    stderr: "",
  });
  // And a prebuilt binary comes as an optional platform package, for this machine among others.
  const platforms = Object.entries(lock.packages).filter(([key]) =>
    key.startsWith("node_modules/@parcel/watcher-"),
  );
  expect(platforms.length).toBeGreaterThan(5);
  expect(platforms.every(([, e]) => e.optional === true || e.devOptional === true)).toBe(true);
  expect(platforms.map(([key]) => packageName(key))).toContain("@parcel/watcher-linux-x64-glibc");
});
