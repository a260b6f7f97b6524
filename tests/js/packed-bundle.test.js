import { test } from "node:test";
import assert from "node:assert/strict";
import { servedLayout } from "../../extension/core/packed-bundle.js";

const served = () => ({
  version: "v1",
  lint: {
    message_locales: { DE: ["de-DE"] },
    rules: [
      { id: "no-links", kind: "pattern", patterns: { "*": ["www"], de: ["punkt"] }, severity: "error" },
      { id: "too-long", kind: "max-length", max_chars: 2000 },
      { id: "no-reviews", kind: "pattern", patterns: { de: ["bewert"] }, unless: { de: ["nicht"] }, asks: { de: ["bitte"] } },
    ],
  },
});

const packed = () => ({
  version: "v1",
  lint: {
    message_locales: { DE: ["de-DE"] },
    rules: [
      { id: "no-links", kind: "pattern", severity: "error" },
      { id: "too-long", kind: "max-length", max_chars: 2000 },
      { id: "no-reviews", kind: "pattern" },
    ],
    patterns_by_language: {
      "*": { "no-links": { patterns: ["www"] } },
      de: { "no-links": { patterns: ["punkt"] }, "no-reviews": { asks: ["bitte"], patterns: ["bewert"], unless: ["nicht"] } },
    },
  },
});

test("a packed bundle's lint patterns go back into their rules, in the rules' order", () => {
  assert.deepEqual(servedLayout(packed()), served());
});

test("a bundle in the served layout is read as it is", () => {
  const bundle = served();
  assert.equal(servedLayout(bundle), bundle);
});

test("reading a packed bundle leaves the parsed file as it was", () => {
  const file = packed();
  servedLayout(file);
  assert.deepEqual(file, packed());
});
