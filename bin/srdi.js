#!/usr/bin/env node
"use strict";
// The CLI is compiled to dist/ by `npm run build:cli` (run by `npm install` through `prepare`).
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "dist", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("srdi: 尚未编译，请先运行 npm run build:cli (not built yet: run npm run build:cli)\n");
  process.exit(2);
}
require(entry)
  .main(process.argv)
  .then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`srdi: ${err && err.stack ? err.stack : err}\n`);
      process.exit(2);
    },
  );
