// How the dialect's \b is written for V8: before or after a certain word character it is one
// lookaround (each instance of the Unicode word class is kilobytes of compiled code), and it must
// find exactly what the full boundary finds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { compilePattern, translatePattern } from "../../extension/core/lint-regex.js";

const WORD = "[\\p{L}\\p{N}_]";
const FULL_BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
const boundaries = (source) => translatePattern(source).split(FULL_BOUNDARY).length - 1;
const reference = (source) => new RegExp(translatePattern(source.replaceAll("\\b", "\u0000")).replaceAll("\u0000", FULL_BOUNDARY), "giu");
const spans = (regex, text) => [...text.matchAll(regex)].map((match) => [match.index, match[0].length]);

const TEXTS = [
  "Please leave a review, reviews help.",
  "reviewsX review_ 5 stars 45stars, ratings!",
  "trovato trovata trovatoo è stata trovataé",
  "on the 3rd of May, 13rd 3rdx, 12/05/2026",
  "ÜBERPRÜFUNG überprüfung-123 Straße",
];

for (const source of [
  "\\bfoo\\b",
  "\\b(?:reviews?|ratings?)\\b",
  "\\b(?:five|5|four|4)[\\- ]?stars?\\b",
  "\\b\\w{0,12}bewertung\\w{0,2}\\b",
  "\\btrovat[oa]\\b",
  "\\b[0-9]{1,2}(?:st|nd|rd|th)?\\b",
  "\\bstra(?:ße|sse)\\b",
]) {
  test(`dialect: ${source} needs no full boundary and finds what one finds`, () => {
    assert.equal(boundaries(source), 0);
    for (const text of TEXTS) assert.deepEqual(spans(compilePattern(source), text), spans(reference(source), text));
  });
}

for (const source of ["x[a-z0-9\\-]{2,4}\\b", "\\b(?:a|b )\\b", "x[^ab]\\b", "\\bfoo(?!x)\\b"]) {
  test(`dialect: ${source} keeps the full boundary where the character beside it is not certain`, () => {
    assert.ok(boundaries(source) >= 1);
  });
}

// Each compiled pattern is led by a class of the characters its matches can start with, so V8
// rejects most positions with one small class instead of trying the whole pattern there (the
// Unicode word class of a leading \b is the costly part). The filter must never lose a match.
const unfiltered = (source) => new RegExp(translatePattern(source), "giu");
const FILTER = /^\(\?=\[/;

test("dialect: a pattern is led by the class of its possible first characters", () => {
  for (const [source, starts, others] of [
    ["\\b(?:please|kindly)\\b", "pPkK\u212a", "x★ "],
    ["(?<![0-9])[45] ?[★☆]", "45", "★3"],
    ["\\b[a-zäöüß]{0,12}bewertung", "bzÄẞ", "★1 "],
    ["(?:\\bfoo|[0-9]{2,4}x)y", "f9", "xy"],
    ["\\b(?:a )?b", "ab", "c"],
    ["^\\s?x", "x \u3000", "y"],
  ]) {
    const filter = new RegExp(`^${compilePattern(source).source.match(/^\(\?=(\[.*?\])\)/u)[1]}`, "iu");
    for (const char of starts) assert.ok(filter.test(char), `${source} must let ${char} start`);
    for (const char of others) assert.ok(!filter.test(char), `${source} must reject ${char}`);
  }
});

test("dialect: no filter where any character may start a match, or a joined class would misread a dash", () => {
  for (const source of [".x", "\\w{0,3}x", "[^ab]x", "\\b(?:x|\\w{2}y)", "[a\\-]?[\\-b]?c"]) {
    const compiled = compilePattern(source).source;
    if (FILTER.test(compiled)) assert.ok(new RegExp(`^${compiled.match(/^\(\?=(\[.*?\])\)/u)[1]}`, "iu").test("-"), source);
    else assert.equal(compiled, translatePattern(source), source);
  }
  assert.ok(!FILTER.test(compilePattern(".x").source));
});

test("dialect: every shipped pattern finds with its filter exactly what it finds without, on every example", () => {
  const lint = JSON.parse(readFileSync(new URL("../../server/shipguard/data/lint.json", import.meta.url), "utf8"));
  const text = (example) => (typeof example === "string" ? example : example.repeat.repeat(Math.min(example.times, 50)));
  for (const rule of lint.rules) {
    // One text of the rule's examples in a pattern's language: one run per pattern.
    const examples = (language) => ["flag", "ok"].flatMap((kind) => Object.entries(rule.examples[kind]))
      .filter(([locale]) => language === "*" || locale.startsWith(`${language}-`))
      .flatMap(([, list]) => list.map(text)).join("\n");
    for (const key of ["patterns", "when_asked", "unless", "sentence_unless", "asks", "core", "when", "require"]) {
      for (const [language, sources] of Object.entries(rule[key] || {})) {
        const texts = examples(language);
        for (const source of sources) {
          assert.deepEqual(spans(compilePattern(source), texts), spans(unfiltered(source), texts), `${rule.id} ${source}`);
        }
      }
    }
  }
});
