// Lint patterns run in bounded time: the dialect refuses what can backtrack without bound (the
// vectors tests/server/test_lint_bounds.py runs too), and every shipped rule stays under 50 ms
// of CPU on 10,000 characters of each character its patterns use, read in the heaviest set of
// languages one message can be read in (its marketplace's languages plus the one detected).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { compileLint } from "../../extension/core/lint.js";
import { check } from "../../extension/core/lint-kinds.js";
import { compilePattern, PatternError } from "../../extension/core/lint-regex.js";

const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
const LIMIT_MS = 50;
const LENGTH = 10000;
const ESCAPES = { d: "0", s: " ", w: "a", n: "\n", b: "a", S: "a", W: " ", D: "a" };

for (const vector of read("tests/vectors/lint-bounds.json")) {
  test(`dialect: ${vector.name}`, () => {
    if (vector.refused === null) compilePattern(vector.pattern);
    else assert.throws(() => compilePattern(vector.pattern), (error) => error instanceof PatternError && error.message === vector.refused);
  });
}

/** One character for each character, escape and class start the pattern uses. */
function charactersOf(pattern) {
  const found = new Set();
  const chars = [...pattern];
  for (let index = 0; index < chars.length; index += 1) {
    if (chars[index] === "\\" && index + 1 < chars.length) {
      index += 1;
      found.add(ESCAPES[chars[index]] ?? chars[index]);
    } else {
      found.add(chars[index] === "." ? "a" : chars[index]);
    }
  }
  for (const syntax of "()|?*+{}^$") found.delete(syntax);
  return found;
}

const lintData = read("server/shipguard/data/lint.json");
const marketplaces = read("server/shipguard/data/marketplaces.json");
const lint = compileLint({ ...lintData, message_locales: {} });
const codes = Object.keys(lint.profiles).sort();
const mostLanguages = Math.max(...marketplaces.marketplaces.map((m) => new Set(m.buyer_locales.map((l) => l.split("-")[0])).size)) + 1;

/** The languages, as many as one message can be read in, with the most patterns of the rule. */
function heaviestLanguages(rule) {
  const weight = (code) => Object.keys(rule.patterns).reduce((sum, key) => sum + ((rule.spec[key] || {})[code] || []).length, 0);
  return [...codes].sort((a, b) => weight(b) - weight(a)).slice(0, mostLanguages);
}

function contextFor(text, languages) {
  return {
    text, whole: text, locale: "en-US", marketplace: "US", declared: ["en"], languages, scores: {},
    patterns: (rule, key) => [...languages, "*"].flatMap((code) => (rule.patterns[key] || {})[code] || []),
    profiles: () => languages.map((code) => lint.profiles[code]),
  };
}

const cpuMs = (run) => {
  const start = process.cpuUsage();
  run();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
};

for (const rule of lint.rules) {
  test(`${rule.id}: under ${LIMIT_MS} ms on long runs of its characters`, () => {
    const characters = new Set();
    for (const key of Object.keys(rule.patterns)) {
      for (const patterns of Object.values(rule.spec[key])) for (const pattern of patterns) for (const c of charactersOf(pattern)) characters.add(c);
    }
    let worst = [0, ""];
    for (const character of characters.size ? characters : ["a"]) {
      const context = contextFor(character.repeat(LENGTH), heaviestLanguages(rule));
      // The first run pays V8's one-time compilation of each pattern, which a bundle pays once
      // when it loads, not per message: timed are the runs after it.
      check(rule, context);
      const best = Math.min(...[0, 1, 2].map(() => cpuMs(() => check(rule, context))));
      if (best > worst[0]) worst = [best, character];
    }
    assert.ok(worst[0] < LIMIT_MS, `${rule.id}: ${worst[0].toFixed(0)} ms on ${LENGTH} x ${JSON.stringify(worst[1])}`);
  });
}
