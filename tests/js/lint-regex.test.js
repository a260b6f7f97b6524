// How the dialect's \b is written for V8: before or after a certain word character it is one
// lookaround (each instance of the Unicode word class is kilobytes of compiled code), and it must
// find exactly what the full boundary finds.
import { test } from "node:test";
import assert from "node:assert/strict";
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
