// Flat config: the office-addins rules (Office.js batching discipline) over all TypeScript, plus
// an import fence that keeps src/core pure (no Office.js, ExcelJS, Node or DOM), and one that keeps the
// views host-neutral (src/taskpane: neither Office.js nor file APIs; a host adapter is given to them).
const officeAddins = require("eslint-plugin-office-addins");
const tsParser = require("@typescript-eslint/parser");
const globals = require("globals");

const nodeBuiltins = require("module").builtinModules.flatMap((m) => [m, `node:${m}`]);

module.exports = [
  { ignores: ["node_modules/**", "dist/**", "out/**", "coverage/**", "demo-out/**", "tests/.artifacts/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        ...globals.node,
        ...globals.jest,
        Office: "readonly",
        Excel: "readonly",
      },
    },
    rules: {
      "no-undef": "off",
      "no-redeclare": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "office-addins/no-context-sync-in-loop": "error",
    },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", ecmaVersion: 2022, globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["exceljs", "jszip", "react", "react-dom", ...nodeBuiltins],
          patterns: ["**/xlsx/**", "**/excel/**", "**/taskpane/**", "**/cli/**", "@fluentui/*"],
        },
      ],
      "no-restricted-globals": [
        "error",
        "Office",
        "Excel",
        "document",
        "window",
        "process",
        "Buffer",
        "require",
      ],
    },
  },
  {
    // The views run in the Excel pane and on the offline page alike: they reach the host only through
    // src/host (the contract) and the props and context the entry (index.tsx, src/page) gives them.
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["exceljs", "jszip", "fflate", ...nodeBuiltins],
          patterns: ["**/excel/**", "**/files/**", "**/xlsx/**", "**/cli/**", "**/page/**"],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "FileReader", "OfficeExtension"],
    },
  },
  {
    // Two host adapters side by side (issue 24): what both need lives in src/host or the core, never in
    // one adapter for the other to import (a page that pulled in src/excel would carry Office.js calls).
    files: ["src/files/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/excel/**", "**/page/**"] }],
    },
  },
  {
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/files/**", "**/taskpane/**", "**/page/**"] }],
    },
  },
  {
    // The contract and what both adapters share: no adapter, no view.
    files: ["src/host/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/excel/**", "**/files/**", "**/taskpane/**", "**/page/**", "**/xlsx/**"] },
      ],
    },
  },
];
