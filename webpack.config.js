// Builds the add-in into dist/addin/ (the CLI compiles into dist/cli, dist/core, dist/xlsx: only
// dist/addin is cleaned). Production rewrites the dev URL in the copied manifest to ADDIN_PROD_URL.
//
//   npm run build                  production build, manifest for ADDIN_PROD_URL
//   npm run dev-server             https://localhost:3000 with office-addin-dev-certs (Excel sideloading)
//   ADDIN_HTTP=1 npm run dev-server   plain http://localhost:3000 (browser tests, no certificates)
//
// OFFICE_JS_URL: where taskpane.html and commands.html load office.js from (Microsoft's CDN by default;
// an intranet without internet access serves its own copy, e.g. https://intranet/office-js/office.js).
const path = require("path");
const fs = require("fs");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const HtmlInlineScriptPlugin = require("html-inline-script-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { PageCspPlugin } = require("./scripts/page-csp");

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PROD_URL = "https://srdi.example.gov.cn/addin/";
const DEFAULT_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function prodUrl() {
  const url = process.env.ADDIN_PROD_URL || DEFAULT_PROD_URL;
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_PROD_URL must be https: ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** The manifest with every dev URL replaced (used by the build and by the manifest test). */
function rewriteManifest(xml, url = prodUrl()) {
  return xml.split(DEV_URL).join(url);
}

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: { transpileOnly: true, configFile: path.resolve(__dirname, "tsconfig.json") },
  },
};

function addinConfig(options = {}) {
  const production = options.mode === "production";
  const outDir = options.outDir || path.resolve(__dirname, "dist/addin");
  const officeJs = process.env.OFFICE_JS_URL || DEFAULT_OFFICE_JS;
  return {
    name: "addin",
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: outDir,
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      publicPath: "auto",
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [tsRule] },
    performance: { hints: false },
    // Lazy chunks named for what they hold (vendors-node_modules_exceljs_...), so a reader of dist/ and
    // of `npm run bench` sees what each dynamic import loads.
    optimization: { chunkIds: "named" },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJs },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJs },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? rewriteManifest(content.toString()) : content),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
    },
  };
}

/** Where the offline page is written: the CLI (`srdi web`) copies it from here. */
const PAGE_FILE = path.resolve(__dirname, "dist/page/srdi.html");

/**
 * The offline page: the same views over the browser-files host, as ONE html file (scripts inlined by
 * html-inline-script-webpack-plugin, the icon a data: URL, every lazy import folded into the one chunk),
 * with a Content-Security-Policy that allows no request (scripts/page-csp.js).
 */
function pageConfig(options = {}) {
  const production = options.mode !== "development";
  const outFile = options.outFile || PAGE_FILE;
  const version = require("./package.json").version;
  const icon = `data:image/png;base64,${fs.readFileSync(path.resolve(__dirname, "assets/icon-32.png")).toString("base64")}`;
  return {
    name: "page",
    mode: production ? "production" : "development",
    devtool: false,
    entry: { page: "./src/page/boot.ts" },
    output: { path: path.dirname(outFile), filename: "page.js", publicPath: "", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [tsRule] },
    performance: { hints: false },
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new webpack.DefinePlugin({ __SRDI_VERSION__: JSON.stringify(version) }),
      new HtmlWebpackPlugin({
        filename: path.basename(outFile),
        template: "./src/page/page.html",
        templateParameters: { icon },
        inject: "body",
        scriptLoading: "blocking",
        minify: false,
      }),
      new HtmlInlineScriptPlugin(),
      new PageCspPlugin(),
    ],
  };
}

/** Test-only: the fake Excel host as a script that replaces office.js in the browser e2e test. */
function fakeHostConfig(outDir) {
  return {
    name: "fake-host",
    mode: "development",
    devtool: false,
    entry: { "fake-office": "./tests/fake-excel/browser.ts" },
    output: { path: outDir, filename: "[name].js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [tsRule] },
    performance: { hints: false },
  };
}

// `npm run build` writes the add-in and the page; `webpack --config-name page` the page alone (npm's
// prepare, so that `npx srdi web` works after `npm install`).
module.exports = async (_env, argv = {}) => {
  const config = addinConfig({ mode: argv.mode });
  if (process.env.WEBPACK_SERVE) {
    if (process.env.ADDIN_HTTP !== "1") {
      const devCerts = require("office-addin-dev-certs");
      config.devServer.server = { type: "https", options: await devCerts.getHttpsServerOptions() };
    }
    return config;
  }
  return [config, pageConfig({ mode: argv.mode })];
};
module.exports.addinConfig = addinConfig;
module.exports.fakeHostConfig = fakeHostConfig;
module.exports.pageConfig = pageConfig;
module.exports.PAGE_FILE = PAGE_FILE;
module.exports.rewriteManifest = rewriteManifest;
module.exports.DEV_URL = DEV_URL;
