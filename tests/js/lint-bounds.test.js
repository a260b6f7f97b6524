// Lint patterns run in bounded time: the dialect refuses what can backtrack without bound (the
// vectors tests/server/test_lint_bounds.py runs too). How long each rule takes on adversarial
// input is measured by the benchmark (benchmarks/lint_bounds.mjs), not timed here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { compilePattern, PatternError } from "../../extension/core/lint-regex.js";

const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));

for (const vector of read("tests/vectors/lint-bounds.json")) {
  test(`dialect: ${vector.name}`, () => {
    if (vector.refused === null) compilePattern(vector.pattern);
    else assert.throws(() => compilePattern(vector.pattern), (error) => error instanceof PatternError && error.message === vector.refused);
  });
}

test("every shipped pattern is in the bounded dialect", () => {
  const lint = read("server/shipguard/data/lint.json");
  const keys = ["patterns", "when_asked", "core", "when", "unless", "require", "sentence_unless", "asks"];
  const patterns = lint.rules.flatMap((rule) => keys.flatMap((key) => Object.values(rule[key] || {}).flat()));
  assert.ok(patterns.length > 500);
  for (const pattern of patterns) compilePattern(pattern);
});
