// The offline page's Content-Security-Policy: nothing may be requested (default-src 'none'), the one
// inline script runs by its hash, Fluent UI's runtime styles (Griffel inserts <style> rules) are inline,
// the icon is a data: URL, and the 汇总 worker, when the page starts one, comes from a blob: URL made from
// code already in the page. A webpack plugin that fills __SRDI_CSP__ after the scripts were inlined
// (html-inline-script-webpack-plugin), so the hash is of the exact text the browser runs.
const crypto = require("crypto");

/** Executable inline scripts (not data blocks such as type="application/json") and their text. */
function inlineScripts(html) {
  const out = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
  let m;
  while ((m = re.exec(html))) {
    const attrs = m[1];
    if (/\bsrc\s*=/.test(attrs)) throw new Error("page: an external script is left in the page");
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/.exec(attrs)?.[1];
    if (type && !/^(text\/javascript|module)$/.test(type)) continue;
    out.push(m[2]);
  }
  return out;
}

function cspFor(html) {
  const hashes = inlineScripts(html).map(
    (s) => `'sha256-${crypto.createHash("sha256").update(s, "utf8").digest("base64")}'`,
  );
  return [
    "default-src 'none'",
    `script-src ${hashes.join(" ")}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "worker-src blob:",
    "connect-src 'none'",
    "font-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
}

class PageCspPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PageCspPlugin", (compilation) => {
      // Last of all (after html-webpack-plugin wrote the page, the scripts were inlined and the html
      // minified), so the hash is of the exact text the browser runs.
      compilation.hooks.processAssets.tap(
        { name: "PageCspPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!name.endsWith(".html")) continue;
            const html = assets[name].source().toString();
            if (!html.includes("__SRDI_CSP__")) continue;
            compilation.updateAsset(
              name,
              // The minifier drops the quotes around a value without spaces (content=__SRDI_CSP__);
              // the policy has spaces, so it is written back quoted either way (it holds no double quote).
              new sources.RawSource(
                html.replace(/content=("?)__SRDI_CSP__\1/, () => `content="${cspFor(html)}"`),
              ),
            );
          }
        },
      );
    });
  }
}

module.exports = { PageCspPlugin, cspFor, inlineScripts };
