#!/usr/bin/env node
"use strict";
// The CLI is compiled to dist/ by `npm run build:cli` (run by `npm install` through `prepare`).
// Exit codes are set with process.exitCode, never by exiting at once: a pipe must receive every byte of
// stdout, and process.exit can end the process before a large write to a pipe has drained.
const path = require("path");
const fs = require("fs");
// V8's compile cache (Node >= 22.1; absent on 20, where this does nothing): the compiled code of the CLI
// and its libraries is kept on disk (the OS temp dir) and reused by the next run. Never fatal.
const { enableCompileCache } = require("module");
if (typeof enableCompileCache === "function" && !process.env.SRDI_NO_COMPILE_CACHE) {
  try {
    enableCompileCache();
  } catch {
    // a read-only temp dir: run without the cache
  }
}
const entry = path.join(__dirname, "..", "dist", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("srdi: 尚未编译，请先运行 npm run build:cli (not built yet: run npm run build:cli)\n");
  process.exitCode = 2;
} else {
  require(entry)
    .main(process.argv)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (err) => {
        process.stderr.write(`srdi: ${err && err.stack ? err.stack : err}\n`);
        process.exitCode = 2;
      },
    );
}
