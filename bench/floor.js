// The floor under `srdi aggregate`, as issue 12 defines it: node start-up, reading each file, inflating
// its sheets and shared strings with zlib, and one pass over the inflated bytes (counting '<'), building
// and checking nothing. Uses the reader's own zip directory code (dist/xlsx/read-zip.js).
const { readFileSync } = require("fs");
const { inflateRawSync } = require("zlib");
const { ZipReader } = require("../dist/xlsx/read-zip");
const { DEFAULT_LIMITS } = require("../dist/xlsx/limits");

let tags = 0;
for (const f of process.argv.slice(2)) {
  // Output in one chunk of the entry's size, as the reader inflates (zlib's 16 KB chunks joined by a copy
  // are slower): the floor is the fastest way to do its steps.
  const zip = new ZipReader(readFileSync(f), DEFAULT_LIMITS, (d, n) =>
    inflateRawSync(d, { maxOutputLength: Math.max(1, n), chunkSize: Math.max(64, n + 1) }),
  );
  for (const name of zip.entries.keys()) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name) && name !== "xl/sharedStrings.xml") continue;
    const b = zip.read(name);
    for (let i = 0; i < b.length; i++) if (b[i] === 60) tags++;
  }
}
process.stdout.write(`${tags}\n`);
