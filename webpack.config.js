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
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

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

module.exports = async (_env, argv = {}) => {
  const config = addinConfig({ mode: argv.mode });
  if (process.env.WEBPACK_SERVE && process.env.ADDIN_HTTP !== "1") {
    const devCerts = require("office-addin-dev-certs");
    config.devServer.server = { type: "https", options: await devCerts.getHttpsServerOptions() };
  }
  return config;
};
module.exports.addinConfig = addinConfig;
module.exports.fakeHostConfig = fakeHostConfig;
module.exports.rewriteManifest = rewriteManifest;
module.exports.DEV_URL = DEV_URL;
