// ESLint for the extension, its node tests and the benchmark harness (`make test` runs it).
import js from "@eslint/js";
import globals from "globals";
import noUnsanitized from "eslint-plugin-no-unsanitized";

export default [
  // Evidence is quoted code written outside the project: kept verbatim, never run.
  { ignores: ["node_modules/", "dist/", ".venv/", "demo-screenshots/", "tests/fixtures/evidence/"] },
  js.configs.recommended,
  // Page and bundle data must stay text: no innerHTML, insertAdjacentHTML or document.write.
  noUnsanitized.configs.recommended,
  {
    files: ["extension/**/*.js"],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.webextensions },
    },
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The loader and the page-world hook are classic scripts, not modules.
    files: ["extension/content/loader.js", "extension/content/page-hook.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["tests/js/**/*.js", "benchmarks/**/*.js", "benchmarks/**/*.mjs", "scripts/**/*.js", "*.mjs"],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
  },
];
